"""The overdue tracking issue's content: case ids, stages, deadlines and dates, nothing else.

The issue is read by everyone with access to the repository and is copied into notification
emails, so it carries no personal data and no staff names: not the complainant, not the
summary, not the officer (whose workload is staff data). Only what the engine computed from
dates: which deadline of which case, when it was due, how many days ago.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from ..check import CheckResult
from ..deadlines import open_deadlines
from ..textsafe import md_inline

# GitHub refuses an issue body over 65,536 characters; a row is under 100.
MAX_ROWS = 400
MARKER = "<!-- putright-overdue: written by the Overdue deadlines workflow; edits here are overwritten -->"


@dataclass(frozen=True, slots=True)
class Row:
    case: str
    stage: str
    deadline: str  # the procedure's name for the clock, or "Remedy: <type>"
    due: dt.date
    days: int  # calendar days overdue (overdue rows) or left (due-soon rows; 0 = due today)


@dataclass(frozen=True, slots=True)
class OverdueReport:
    today: dt.date
    overdue: tuple[Row, ...]
    due_soon: tuple[Row, ...]
    invalid_files: int  # files the check could not read: their deadlines are not in the lists

    @property
    def overdue_cases(self) -> int:
        return len({row.case for row in self.overdue})


def _rows(result: CheckResult, state: str) -> tuple[Row, ...]:
    # An action's label says its type only (repair, apology...): its description is personal.
    return tuple(
        Row(d.case, d.stage, d.what, d.due, abs((result.today - d.due).days))
        for d in open_deadlines(result.cases, (state,))
    )


def overdue_report(result: CheckResult) -> OverdueReport:
    """From ``run_check``'s result: overdue rows longest overdue first, due-soon rows soonest first."""
    return OverdueReport(
        result.today, _rows(result, "overdue"), _rows(result, "due_soon"), result.invalid_files
    )


def _row_json(row: Row, days_key: str) -> dict[str, object]:
    return {
        "case": row.case,
        "stage": row.stage,
        "deadline": row.deadline,
        "due": row.due.isoformat(),
        days_key: row.days,
    }


def render_json(report: OverdueReport) -> str:
    return json.dumps(
        {
            "today": report.today.isoformat(),
            "overdue": [_row_json(r, "days_overdue") for r in report.overdue],
            "due_soon": [_row_json(r, "days_left") for r in report.due_soon],
            "invalid_files": report.invalid_files,
        },
        indent=2,
    )


def _table(rows: tuple[Row, ...], days_header: str, limit: int) -> list[str]:
    out = [f"| Case | Stage | Deadline | Due | {days_header} |", "|---|---|---|---|---:|"]
    for r in rows[:limit]:
        cells = [r.case, r.stage, r.deadline, r.due.isoformat(), r.days]
        out.append("| " + " | ".join(md_inline(c) for c in cells) + " |")
    if len(rows) > limit:
        out += ["", f"…and {len(rows) - limit} more: see the Overdue deadlines workflow's summary."]
    return out


def render_markdown(report: OverdueReport, *, limit: int = MAX_ROWS) -> str:
    """The issue body. Every cell goes through md_inline: ids and names come from files.

    At most ``limit`` rows in all, overdue first, so the body stays within GitHub's size limit.
    """
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
    return "\n".join(out)
