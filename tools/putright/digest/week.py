"""The weekly digest, per team for its line manager: each officer's open cases as of today.

Every count comes from the engine's results (what `complaints check` shows) and from
``deadlines.due_items`` (what `complaints due` lists):

* ``open``: the officer's open cases (a case is open until its ``closed`` event);
* ``overdue`` / ``due_soon``: deadlines (clocks and actions) in that state, as `check` counts;
* ``due_within``: deadlines falling due in the next ``DUE_WITHIN`` working days and not yet
  overdue, as `complaints due --within 5` lists them;
* ``stalled``: open complaints with no event for ``STALLED_AFTER`` working days or more;
* ``remedies_overdue``: the overdue ones among actions (remedies with a due date, Ombudsman
  orders, restriction reviews): promises made to a resident or the Ombudsman, not yet kept.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from ..calendar import WorkingCalendar
from ..deadlines import due_items
from .gather import Gathered, Item
from .periods import Period, week_of

DUE_WITHIN = 5  # working days ahead: "what is due in the next 5 working days"
STALLED_AFTER = 10  # working days with no event


@dataclass(frozen=True, slots=True)
class CaseLine:
    case: str
    stage: str
    received: dt.date
    last_event: dt.date  # the last event as of today (the date received if none)
    next_due: dt.date | None  # the soonest open deadline
    state: str | None  # the case's worst open state
    stalled: bool

    def to_json(self) -> dict[str, object]:
        return {
            "case": self.case,
            "stage": self.stage,
            "received": self.received.isoformat(),
            "last_event": self.last_event.isoformat(),
            "next_due": self.next_due.isoformat() if self.next_due else None,
            "state": self.state,
            "stalled": self.stalled,
        }


@dataclass(frozen=True, slots=True)
class OfficerWeek:
    officer: str
    team: str
    open: int
    overdue: int
    due_soon: int
    due_within: int
    stalled: int
    remedies_overdue: int
    cases: tuple[CaseLine, ...]

    def to_json(self) -> dict[str, object]:
        return {
            "officer": self.officer,
            "team": self.team,
            "open": self.open,
            "overdue": self.overdue,
            "due_soon": self.due_soon,
            "due_within": self.due_within,
            "stalled": self.stalled,
            "remedies_overdue": self.remedies_overdue,
            "cases": [c.to_json() for c in self.cases],
        }


@dataclass(frozen=True, slots=True)
class TeamWeek:
    team: str
    line_manager: str | None
    officers: tuple[OfficerWeek, ...]

    def total(self, key: str) -> int:
        return sum(int(getattr(o, key)) for o in self.officers)


@dataclass(frozen=True, slots=True)
class WeekDigest:
    organisation: str
    today: dt.date
    period: Period
    until: dt.date  # the last day of "due in the next 5 working days"
    teams: tuple[TeamWeek, ...]
    left_out: int

    @property
    def officers(self) -> list[OfficerWeek]:
        return [o for t in self.teams for o in t.officers]

    def to_json(self) -> dict[str, object]:
        return {
            "period": self.period.to_json(),
            "organisation": self.organisation,
            "today": self.today.isoformat(),
            "due_until": self.until.isoformat(),
            "due_within_working_days": DUE_WITHIN,
            "stalled_after_working_days": STALLED_AFTER,
            "teams": [
                {
                    "team": t.team,
                    "line_manager": t.line_manager,
                    "totals": {k: t.total(k) for k in COUNTS},
                }
                for t in self.teams
            ],
            "officers": [o.to_json() for o in self.officers],
            "left_out_files": self.left_out,
        }


COUNTS = ("open", "overdue", "due_soon", "due_within", "stalled", "remedies_overdue")


def _line(item: Item, calendar: WorkingCalendar, today: dt.date) -> CaseLine:
    events = item.case.events_until(today)
    last = events[-1].date if events else item.case.received
    result = item.result
    dues = [c.due for c in result.clocks if c.state in ("overdue", "due_soon", "pending") and c.due]
    dues += [a.due for a in result.actions if a.state in ("overdue", "due_soon", "pending")]
    stalled = (
        result.open
        and item.case.kind == "complaint"
        and calendar.between(last, today) >= STALLED_AFTER
    )
    return CaseLine(
        item.case.id,
        result.stage,
        item.case.received,
        last,
        min(dues, default=None),
        result.worst_state,
        stalled,
    )


def _states(item: Item, state: str, actions_only: bool = False) -> int:
    clocks = (
        0
        if actions_only
        else sum(1 for c in item.result.clocks if c.state == state and c.due is not None)
    )
    return clocks + sum(1 for a in item.result.actions if a.state == state)


def week_digest(gathered: Gathered, calendar: WorkingCalendar) -> WeekDigest:
    today = gathered.today
    until = calendar.add(today, DUE_WITHIN)
    results = [i.result for i in gathered.items]
    due = due_items(results, until)
    upcoming: dict[str, int] = defaultdict(int)
    for row in due:
        if row.state != "overdue":
            upcoming[row.case] += 1
    by_officer: dict[tuple[str, str], list[Item]] = defaultdict(list)
    for item in gathered.items:
        # A closed case stays on the list while an action of it (a remedy, an order) is open.
        if item.result.open or item.result.worst_state is not None:
            by_officer[(item.team, item.officer)].append(item)
    teams = []
    for team in gathered.teams_with_cases():
        names = set(team.officers) | {o for t, o in by_officer if t == team.name}
        officers = []
        for officer in sorted(names, key=str.casefold):
            items = sorted(by_officer.get((team.name, officer), []), key=lambda i: i.case.id)
            lines = tuple(_line(i, calendar, today) for i in items)
            officers.append(
                OfficerWeek(
                    officer=officer,
                    team=team.name,
                    open=sum(1 for i in items if i.result.open),
                    overdue=sum(_states(i, "overdue") for i in items),
                    due_soon=sum(_states(i, "due_soon") for i in items),
                    due_within=sum(upcoming[i.case.id] for i in items),
                    stalled=sum(1 for line in lines if line.stalled),
                    remedies_overdue=sum(_states(i, "overdue", True) for i in items),
                    cases=lines,
                )
            )
        teams.append(TeamWeek(team.name, team.line_manager, tuple(officers)))
    return WeekDigest(
        gathered.settings.organisation,
        today,
        week_of(today),
        until,
        tuple(teams),
        len(gathered.left_out),
    )
