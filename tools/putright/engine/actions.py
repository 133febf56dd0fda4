"""Remedies with a due date: outstanding actions with deadlines of their own (Code 7.3)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from ..calendar import WorkingCalendar
from ..policy.model import Policy
from ..records import Event
from .results import ActionResult
from .timing import state_of


def action_results(
    events: Sequence[Event], policy: Policy, calendar: WorkingCalendar, today: dt.date
) -> list[ActionResult]:
    completed = {str(e.get("remedy")): e.date for e in events if e.type == "remedy_completed"}
    out = []
    for event in events:
        for remedy in event.remedies:
            if remedy.due is None:
                continue
            done = remedy.done if remedy.done is not None and remedy.done <= today else None
            if done is None and remedy.id is not None:
                done = completed.get(remedy.id)
            out.append(
                ActionResult(
                    stage=event.stage,
                    remedy=remedy.type,
                    event_index=event.index,
                    remedy_index=remedy.index,
                    due=remedy.due,
                    done=done,
                    state=state_of(calendar, today, remedy.due, done, policy.warning),
                    amount_gbp=remedy.amount_gbp,
                )
            )
    return out
