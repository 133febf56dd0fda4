"""The overdue tracking issue's content: case ids, stages, deadlines and dates, nothing else.

The issue is read by everyone with access to the repository and is copied into notification
emails, so it carries no personal data and no staff names: not the complainant, not the
summary, not the officer (whose workload is staff data). Only what the engine computed from
dates: which deadline of which case, when it was due, how many days ago.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..check import CheckResult
from ..deadlines import open_deadlines

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
