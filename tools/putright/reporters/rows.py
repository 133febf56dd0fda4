"""The rows every reporter shows: open deadlines first, most urgent first."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..check import CheckResult

_ORDER = {"overdue": 0, "due_soon": 1, "pending": 2}


@dataclass(frozen=True, slots=True)
class DeadlineRow:
    case: str
    file: str
    stage: str
    what: str  # clock id, or "action: <remedy type>"
    due: dt.date
    state: str
    officer: str


def open_deadlines(
    result: CheckResult, states: tuple[str, ...] = ("overdue", "due_soon")
) -> list[DeadlineRow]:
    rows = []
    for case in result.cases:
        officer = case.officer or ""
        for clock in case.clocks:
            if clock.state in states and clock.due is not None:
                rows.append(
                    DeadlineRow(
                        case.case_id,
                        case.file,
                        clock.stage,
                        clock.clock,
                        clock.due,
                        clock.state,
                        officer,
                    )
                )
        for action in case.actions:
            if action.state in states:
                rows.append(
                    DeadlineRow(
                        case.case_id,
                        case.file,
                        action.stage,
                        f"action: {action.remedy}",
                        action.due,
                        action.state,
                        officer,
                    )
                )
    return sorted(rows, key=lambda r: (_ORDER[r.state], r.due, r.case))


def counts(result: CheckResult) -> dict[str, int]:
    rows = open_deadlines(result, ("overdue", "due_soon"))
    return {
        "files": result.files,
        "valid": result.files - result.invalid_files,
        "invalid": result.invalid_files,
        "errors": len(result.errors),
        "warnings": len(result.problems) - len(result.errors),
        "open": sum(1 for c in result.cases if c.open),
        "overdue": sum(1 for r in rows if r.state == "overdue"),
        "due_soon": sum(1 for r in rows if r.state == "due_soon"),
    }
