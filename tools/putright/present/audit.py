"""The Git-history audit (``history.model.AuditResult``) and the retention list
(``history.retention.RetentionResult``) as text or JSON. A file name or id from the repository
goes through ``textsafe.printable``: it must not drive the terminal."""

from __future__ import annotations

import json
from itertools import groupby

from ..history.model import AuditResult
from ..history.retention import RetentionResult
from ..textsafe import printable


def audit_json(result: AuditResult) -> str:
    return json.dumps(result.to_json(), indent=2) + "\n"


def _section(lines: list[str], title: str, items: list[str]) -> None:
    """A titled list after what is there already (a blank line between), if it has items."""
    if items:
        lines.extend([""] if lines else [])
        lines += [title, *items]


def audit_text(result: AuditResult) -> str:
    lines: list[str] = []
    cases = {c.id: c for c in result.cases}
    for case_id, group in groupby(result.findings, key=lambda f: f.case):
        findings = list(group)
        case = cases.get(case_id)  # the file where the case is now, or was last
        where = case.file if case else findings[0].file
        gone = " (deleted)" if case and case.deleted else ""
        lines.append(f"{printable(case_id)}  {printable(where)}{gone}")
        lines.extend(f"  {f.kind}: {printable(f.message)}" for f in findings)
    _section(
        lines,
        "Imported from an earlier log (history before the import is not audited):",
        [f"  {printable(i.case)}  {printable(i.file)}: {i.message}" for i in result.imported],
    )
    _section(
        lines,
        "Versions the audit could not read (skipped):",
        [f"  {printable(n.file)} in {n.commit}: {printable(n.message)}" for n in result.notes],
    )
    if lines:
        lines.append("")
    affected = len({f.case for f in result.findings})
    read = f"{len(result.cases)} case(s) in {result.commits} commit(s) read"
    if result.findings:
        lines.append(f"{len(result.findings)} finding(s) in {affected} case(s); {read}.")
    else:
        lines.append(f"No findings: {read}.")
    return "\n".join(lines) + "\n"


def retention_json(result: RetentionResult) -> str:
    return json.dumps(result.to_json(), indent=2) + "\n"


def retention_text(result: RetentionResult) -> str:
    lines: list[str] = []
    if result.rows:
        header = ("case", "closed", "due", "redacted", "letters", "file")
        rows = [
            (
                printable(r.id),
                r.closed.isoformat() + ("" if r.ended_by == "closed" else f" ({r.ended_by})"),
                r.due.isoformat(),
                r.redacted.isoformat() if r.redacted else "no",
                str(r.letters),
                printable(r.file),
            )
            for r in result.rows
        ]
        widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header) - 1)]
        for row in [header, *rows]:
            cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=False)]
            lines.append("  ".join([*cells, row[-1]]))
        lines.append("")
    lines.extend(
        f"{p.file}:{p.line or 1}: {printable(p.message)} (not checked)" for p in result.problems
    )
    outstanding = len(result.outstanding)
    period = f"closed more than {result.years} year(s) before {result.today.isoformat()}"
    if not result.rows:
        lines.append(f"No cases {period}.")
    else:
        lines.append(
            f"{len(result.rows)} case(s) {period}; {outstanding} still hold personal data "
            "(complaints redact ID)."
        )
    return "\n".join(lines) + "\n"
