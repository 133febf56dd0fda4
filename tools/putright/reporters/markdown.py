"""A Markdown report (for a job summary, an issue or an email)."""

from __future__ import annotations

from ..check import CheckResult
from ..deadlines import open_deadlines
from ..textsafe import md_inline
from .rows import counts


def _row(cells: list[object]) -> str:
    return "| " + " | ".join(md_inline(c) for c in cells) + " |"


def render_markdown(result: CheckResult, *, limit: int = 100) -> str:
    c = counts(result)
    out = [
        f"## Complaints check, {result.today.isoformat()}",
        "",
        f"**{c['files']}** case files, **{c['invalid']}** invalid; **{c['open']}** open, "
        f"**{c['overdue']}** overdue, **{c['due_soon']}** due soon, **{c['warnings']}** warning(s).",
        "",
    ]
    if result.problems:
        out += ["### Problems", "", "| File | Line | Severity | Problem |", "|---|---|---|---|"]
        out += [
            _row(
                [
                    p.file,
                    p.line or "",
                    p.severity,
                    p.described(),
                ]
            )
            for p in result.problems[:limit]
        ]
        if len(result.problems) > limit:
            out.append(f"\n…and {len(result.problems) - limit} more.")
        out.append("")
    rows = open_deadlines(result.cases)
    if rows:
        out += [
            "### Overdue and due soon",
            "",
            "| Case | Stage | Deadline | Due | State | Officer |",
            "|---|---|---|---|---|---|",
        ]
        out += [
            _row([r.case, r.stage, r.what, r.due.isoformat(), r.state.replace("_", " "), r.officer])
            for r in rows[:limit]
        ]
        if len(rows) > limit:
            out.append(f"\n…and {len(rows) - limit} more.")
        out.append("")
    return "\n".join(out)
