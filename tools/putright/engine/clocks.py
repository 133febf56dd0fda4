"""Every clock of a case under its procedure, as of a day.

A clock of a stage starts at its ``from`` event (or ``received``), or, while that event has not
happened, at the due date of its ``or_due_of`` clock; it is due after its duration plus the
stage's extensions (when ``extendable``) and pauses (only when the procedure's own text allows
pausing: ``pause: {cite: ...}``); it is done by the first of its ``until`` events at the stage;
a withdrawal, refusal or closure (or a refused escalation, for that stage) stops it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from ..calendar import WorkingCalendar
from ..policy.model import RECEIVED, Clock, Policy
from ..records import Case, Event
from ..vocab import STOPPING_EVENTS
from .results import ClockResult
from .timing import add, state_of


class StageEvents:
    """The events of one stage, as of today, with the look-ups the clocks need."""

    def __init__(self, stage_id: str, events: Sequence[Event]) -> None:
        self.stage = stage_id
        self.events = [e for e in events if e.stage == stage_id]

    def first(self, types: Sequence[str] | str) -> Event | None:
        wanted = (types,) if isinstance(types, str) else types
        return next((e for e in self.events if e.type in wanted), None)

    def extension_days(self) -> int:
        return sum(int(e.get("working_days", 0)) for e in self.events if e.type == "extended")

    def paused_days(self, calendar: WorkingCalendar, today: dt.date) -> int:
        """Working days the stage spent paused (an open pause runs to today)."""
        total, since = 0, None
        for event in self.events:
            if event.type == "paused" and since is None:
                since = event.date
            elif event.type == "resumed" and since is not None:
                total += calendar.between(since, event.date)
                since = None
        if since is not None:
            total += calendar.between(since, today)
        return total

    def agreed_due(self, clock_id: str) -> dt.date | None:
        agreed = [
            e for e in self.events if e.type == "timescale_agreed" and e.get("clock") == clock_id
        ]
        return dt.date.fromisoformat(agreed[-1].get("due")) if agreed else None


def _start_date(
    case: Case, clock: Clock, stage: StageEvents, all_events: Sequence[Event]
) -> dt.date | None:
    if clock.start.event == RECEIVED:
        return case.received
    for start in (clock.start, *clock.also_from):
        stage_id = start.stage or stage.stage
        found = next(
            (e.date for e in all_events if e.type == start.event and e.stage == stage_id), None
        )
        if found is not None:
            return found
    return None


def stage_clocks(
    case: Case,
    clocks: Sequence[Clock],
    stage_id: str,
    events: Sequence[Event],
    policy: Policy,
    calendar: WorkingCalendar,
    today: dt.date,
    stop: Event | None,
) -> list[ClockResult]:
    """The results of one stage's clocks (clocks that have not started are not listed)."""
    own = StageEvents(stage_id, events)
    refused = own.first("escalation_refused")
    stopper = min((e for e in (stop, refused) if e is not None), key=lambda e: e.date, default=None)
    dues: dict[str, dt.date | None] = {}
    out: list[ClockResult] = []
    pending = list(clocks)
    deferred = False
    # or_due_of may name a clock listed later: resolve in dependency order, a few passes at most.
    for _ in range(len(pending) + 1):
        if not pending:
            break
        waiting = []
        for clock in pending:
            start = _start_date(case, clock, own, events)
            # The event that ends the clock must come on or after the event that started it;
            # a start borrowed from another clock's due date is no event: anything counts.
            earliest = start
            if start is None and clock.or_due_of is not None:
                if clock.or_due_of not in dues:
                    waiting.append(clock)
                    deferred = True
                    continue
                start = dues[clock.or_due_of]
            if start is None:
                dues[clock.id] = None
                continue
            result = _one_clock(
                clock, stage_id, start, earliest, own, policy, calendar, today, stopper
            )
            dues[clock.id] = result.due
            out.append(result)
        pending = waiting
    if not deferred:
        return out  # each worked out in the procedure's order
    order = {c.id: i for i, c in enumerate(clocks)}
    return sorted(out, key=lambda r: order[r.clock])


def _one_clock(
    clock: Clock,
    stage_id: str,
    start: dt.date,
    earliest: dt.date | None,
    own: StageEvents,
    policy: Policy,
    calendar: WorkingCalendar,
    today: dt.date,
    stopper: Event | None,
) -> ClockResult:
    extended = own.extension_days() if clock.extendable else 0
    due: dt.date | None = None
    if clock.within.agreed:
        due = own.agreed_due(clock.id)
    if due is None and clock.within.amount is not None and clock.within.unit is not None:
        if clock.within.unit == "working_days":
            # One addition keeps the rule additive: (D + a) + b = D + (a + b).
            due = calendar.add(start, clock.within.amount + extended)
        else:
            due = calendar.add(
                add(calendar, start, clock.within.amount, clock.within.unit), extended
            )
    if due is not None and clock.pausable:
        # Only a procedure whose own text provides for pausing (its ``pause: cite``) lets a
        # pause move a deadline; under any other (the Code's included) a pause moves nothing.
        due = calendar.add(due, own.paused_days(calendar, today))
    done_event = next(
        (
            e
            for e in own.events
            if e.type in clock.until and (earliest is None or e.date >= earliest)
        ),
        None,
    )
    done = done_event.date if done_event else None
    window = clock.warning or policy.warning
    stopped = stopper if done is None else None
    state = "stopped" if stopped else state_of(calendar, today, due, done, window)
    return ClockResult(
        stage_id, clock.id, clock.name, start, due, done, state, extended,
        stopped.date if stopped else None, stopped.type if stopped else None, clock.cite,
    )  # fmt: skip


def first_stop(events: Sequence[Event]) -> Event | None:
    return next((e for e in events if e.type in STOPPING_EVENTS), None)
