"""The overdue tracking issue (``ci.overdue``) as Markdown (the issue body) or JSON.

Every cell goes through md_inline: ids and names come from files.
"""

from __future__ import annotations

import json

from ..ci.overdue import MARKER, MAX_ROWS, OverdueReport, Row
from ..textsafe import md_inline


def _row_json(row: Row, days_key: str) -> dict[str, object]:
    return {
        "case": row.case,
        "stage": row.stage,
        "deadline": row.deadline,
        "due": row.due.isoformat(),
        days_key: row.days,
    }


def overdue_json(report: OverdueReport) -> str:
    return (
        json.dumps(
            {
                "today": report.today.isoformat(),
                "overdue": [_row_json(r, "days_overdue") for r in report.overdue],
                "due_soon": [_row_json(r, "days_left") for r in report.due_soon],
                "invalid_files": report.invalid_files,
            },
            indent=2,
        )
        + "\n"
    )


def _table(rows: tuple[Row, ...], days_header: str, limit: int) -> list[str]:
    out = [f"| Case | Stage | Deadline | Due | {days_header} |", "|---|---|---|---|---:|"]
    for r in rows[:limit]:
        cells = [r.case, r.stage, r.deadline, r.due.isoformat(), r.days]
        out.append("| " + " | ".join(md_inline(c) for c in cells) + " |")
    if len(rows) > limit:
        out += ["", f"…and {len(rows) - limit} more: see the Overdue deadlines workflow's summary."]
    return out


def overdue_markdown(report: OverdueReport, *, limit: int = MAX_ROWS) -> str:
    """The issue body, at most ``limit`` rows in all, overdue first, so the body stays within
    GitHub's size limit."""
    day = report.today.isoformat()
    if report.overdue:
        lead = (
            f"**{len(report.overdue)}** deadline(s) overdue in **{report.overdue_cases}** case(s) "
            f"as of {day}."
        )
    else:
        lead = f"Nothing is overdue as of {day}."
    out = [
        MARKER,
        f"## Overdue complaint deadlines, {day}",
        "",
        lead,
        "",
        "This issue is rewritten every weekday morning and closed when nothing is overdue. It holds "
        "case ids and dates only: open the case file or the staff dashboard for the details, and "
        "record what was done in the case (by pull request), not here.",
        "",
    ]
    if report.overdue:
        out += ["### Overdue", "", *_table(report.overdue, "Days overdue", limit), ""]
    room = max(0, limit - len(report.overdue))
    if report.due_soon and room:
        out += ["### Due soon", "", *_table(report.due_soon, "Days left", room), ""]
    if report.invalid_files:
        out += [
            f"**{report.invalid_files}** case file(s) could not be read, so their deadlines are not "
            "listed here: see the Check workflow's summary.",
            "",
        ]
    return "\n".join(out) + "\n"
