"""GitHub Actions: workflow-command annotations, and a job-summary table."""

from __future__ import annotations

from ..check import CheckResult
from ..textsafe import gh_data, gh_property


def render_github(result: CheckResult) -> str:
    lines = []
    for p in result.problems:
        props = [f"file={gh_property(p.file)}"]
        if p.line:
            props.append(f"line={p.line}")
        if p.column:
            props.append(f"col={p.column}")
        title = (
            f"Code {p.provision}"
            if p.provision
            else ("Invalid record" if p.severity == "error" else "Rule")
        )
        props.append(f"title={gh_property(title)}")
        lines.append(f"::{p.severity} {','.join(props)}::{gh_data(p.message)}")
    return "\n".join(lines)
