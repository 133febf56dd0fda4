"""What is open, what is due and how the year is going: the numbers for the overview and worklists."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..calendar import WorkingCalendar
from ..config import Settings
from ..deadlines import URGENCY, Deadline, open_deadlines
from ..engine.ombudsman import STAGE as OMBUDSMAN_STAGE
from ..engine.results import OPEN_STATES
from .collect import Entry

UNASSIGNED = "(no officer)"


@dataclass(frozen=True, slots=True)
class DueRow(Deadline):
    """An open deadline (``putright.deadlines``) with the case entry its page links to."""

    entry: Entry

    @property
    def officer(self) -> str:
        return self.entry.officer or UNASSIGNED


@dataclass(frozen=True, slots=True)
class OnTimeRow:
    stage: str
    clock: str
    met: int
    late: int

    @property
    def rate(self) -> str:
        done = self.met + self.late
        return f"{100 * self.met / done:.0f}%" if done else "–"


@dataclass(frozen=True, slots=True)
class Overview:
    open_by_stage: tuple[tuple[str, int], ...]
    open_other: tuple[tuple[str, int], ...]  # service requests etc.
    not_evaluated: int
    overdue: tuple[DueRow, ...]
    due_next: tuple[DueRow, ...]
    horizon: dt.date
    month_label: str
    received_month: tuple[tuple[str, int], ...]  # by kind
    closed_month: tuple[tuple[str, int], ...]  # by kind
    year_label: str
    year_start: dt.date
    on_time: tuple[OnTimeRow, ...]


def due_rows(entries: Iterable[Entry]) -> list[DueRow]:
    """Every open clock and outstanding action, most urgent first, with its case's entry."""
    entry_of = {id(e.result): e for e in entries if e.result is not None}
    results = [e.result for e in entry_of.values() if e.result is not None]
    return [
        DueRow(d.result, d.stage, d.what, d.due, d.state, entry_of[id(d.result)])
        for d in open_deadlines(results, OPEN_STATES)
    ]


def _stage_order(stage: str) -> tuple[int, str]:
    return (int(stage), stage) if stage.isdigit() else (10**6, stage)


def build_overview(
    entries: Sequence[Entry],
    rows: Sequence[DueRow],
    settings: Settings,
    calendar: WorkingCalendar,
    today: dt.date,
) -> Overview:
    horizon = calendar.add(today, 5)
    year = settings.year_of(today)
    year_start, year_end = settings.year_period(year)
    open_stage: Counter[str] = Counter()
    open_other: Counter[str] = Counter()
    received: Counter[str] = Counter()
    closed: Counter[str] = Counter()
    not_evaluated = 0
    on_time: dict[tuple[str, str], list[int]] = {}
    for entry in entries:
        case, result = entry.case, entry.result
        if (case.received.year, case.received.month) == (
            today.year,
            today.month,
        ) and case.received <= today:
            received[case.kind] += 1
        if result is None:
            not_evaluated += 1
            continue
        if result.closed and (result.closed.year, result.closed.month) == (today.year, today.month):
            closed[case.kind] += 1
        if result.open and case.received <= today:
            if case.kind == "complaint":
                open_stage[result.stage] += 1
            else:
                open_other[case.kind] += 1
        for clock in result.clocks:
            if (
                clock.done
                and year_start <= clock.done <= year_end
                and clock.state in ("met", "late")
            ):
                tally = on_time.setdefault((clock.stage, clock.name), [0, 0])
                tally[0 if clock.state == "met" else 1] += 1
    return Overview(
        open_by_stage=tuple(sorted(open_stage.items(), key=lambda kv: _stage_order(kv[0]))),
        open_other=tuple(sorted(open_other.items())),
        not_evaluated=not_evaluated,
        overdue=tuple(r for r in rows if r.state == "overdue"),
        due_next=tuple(r for r in rows if r.state != "overdue" and today <= r.due <= horizon),
        horizon=horizon,
        month_label=f"{today:%B %Y}",
        received_month=tuple(sorted(received.items())),
        closed_month=tuple(sorted(closed.items())),
        year_label=settings.year_label(year),
        year_start=year_start,
        on_time=tuple(
            OnTimeRow(stage, clock, met, late)
            for (stage, clock), (met, late) in sorted(
                on_time.items(), key=lambda kv: (_stage_order(kv[0][0]), kv[0][1])
            )
        ),
    )


@dataclass(frozen=True, slots=True)
class WorkItem:
    """An open case on an officer's list, with its most urgent deadline (if any)."""

    entry: Entry
    next_due: DueRow | None


@dataclass(frozen=True, slots=True)
class Worklist:
    officer: str
    page: str
    items: tuple[WorkItem, ...]

    @property
    def overdue(self) -> int:
        return sum(
            1 for i in self.items if i.next_due is not None and i.next_due.state == "overdue"
        )

    @property
    def due_soon(self) -> int:
        return sum(
            1 for i in self.items if i.next_due is not None and i.next_due.state == "due_soon"
        )


def build_worklists(
    entries: Sequence[Entry], rows: Sequence[DueRow], officers: Sequence[str], today: dt.date
) -> dict[str, list[WorkItem]]:
    """Open cases by officer (the case's officer, else whoever last acted), most urgent first.

    Officers named in complaints.yml get a list even when it is empty, so a page never vanishes.
    """
    first_due: dict[str, DueRow] = {}
    for row in rows:  # rows are most urgent first, so the first per case is its next deadline
        first_due.setdefault(row.entry.case.id, row)
    lists: dict[str, list[WorkItem]] = {name: [] for name in officers}
    # The Ombudsman asks for evidence after closure: an open request keeps a closed case listed.
    asked = {r.entry.case.id for r in rows if r.stage == OMBUDSMAN_STAGE}
    for entry in entries:
        if entry.result is None or entry.case.received > today:
            continue
        if not entry.result.open and entry.case.id not in asked:
            continue
        lists.setdefault(entry.officer or UNASSIGNED, []).append(
            WorkItem(entry, first_due.get(entry.case.id))
        )

    def urgency(item: WorkItem) -> tuple[int, dt.date, str]:
        due = item.next_due
        if due is None:
            return (3, dt.date.max, item.entry.case.id)
        return (URGENCY[due.state], due.due, item.entry.case.id)

    for items in lists.values():
        items.sort(key=urgency)
    return dict(sorted(lists.items(), key=lambda kv: (kv[0] == UNASSIGNED, kv[0].lower())))
