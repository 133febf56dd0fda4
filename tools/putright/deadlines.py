"""Open deadlines, worked out once: every open clock and outstanding action of a set of case
results, with one label and in one order.

The check's presenters, `complaints due`, the weekly digest, the staff site's overview and the
overdue tracking issue all take these rows and only present them. A clock is labelled with its
procedure's name for it; an action with ``engine.actions.action_label`` ("Remedy: repair",
"Ombudsman order"), which says its type and never its description (that may be personal).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable
from dataclasses import dataclass

from .engine import CaseResult
from .engine.actions import action_label
from .engine.results import State

# Most urgent first: overdue, then due soon, then pending; then by due date, case, stage, label.
URGENCY: dict[str, int] = {"overdue": 0, "due_soon": 1, "pending": 2}


@dataclass(frozen=True, slots=True)
class Deadline:
    """One open clock or outstanding action with a due date."""

    result: CaseResult
    stage: str
    what: str  # the clock's name, or the action's label ("Remedy: repair")
    due: dt.date
    state: State

    @property
    def case(self) -> str:
        return self.result.case_id

    @property
    def file(self) -> str:
        return self.result.file

    @property
    def officer(self) -> str:
        return self.result.officer or ""


def open_deadlines(
    cases: Iterable[CaseResult], states: Collection[str] = ("overdue", "due_soon")
) -> list[Deadline]:
    """The deadlines of ``cases`` in one of ``states``, most urgent first."""
    rows: list[Deadline] = []
    for case in cases:
        for clock in case.clocks:
            if clock.state in states and clock.due is not None:
                rows.append(Deadline(case, clock.stage, clock.name, clock.due, clock.state))
        for action in case.actions:
            if action.state in states:
                what = action_label(action.remedy)
                rows.append(Deadline(case, action.stage, what, action.due, action.state))
    rows.sort(key=lambda r: (URGENCY[r.state], r.due, r.case, r.stage, r.what))
    return rows


@dataclass(frozen=True, slots=True)
class DueItem:
    officer: str  # "(no officer)" when the case names none
    case: str
    stage: str
    what: str
    due: dt.date
    state: str


def due_items(cases: Iterable[CaseResult], until: dt.date) -> list[DueItem]:
    """Open deadlines falling due on or before ``until`` (overdue ones included)."""
    rows = open_deadlines(cases, ("overdue", "due_soon", "pending"))
    return [
        DueItem(r.officer or "(no officer)", r.case, r.stage, r.what, r.due, r.state)
        for r in rows
        if r.due <= until
    ]


@dataclass(frozen=True, slots=True)
class DueReport:
    """What `complaints due` lists: every deadline due by ``until``, as of ``today``."""

    today: dt.date
    until: dt.date
    items: list[DueItem]
