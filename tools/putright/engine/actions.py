"""Remedies with a due date: outstanding actions with deadlines of their own (Code 7.3).

Two more kinds of action have dates the landlord must keep, so they are deadlines too: the
Ombudsman's orders on a determination (Code 9.7: the governing body hears whether they were
complied with), and the review date of a restriction on contact (a restriction should be
reviewed, not left in place by default). Their compliance is worked out from dates, never typed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from ..calendar import WorkingCalendar
from ..policy.model import Policy
from ..records import Event
from .results import ActionResult
from .timing import state_of

ORDER = "ombudsman_order"  # ActionResult.remedy for an order of the Ombudsman
REVIEW = "restriction_review"  # ActionResult.remedy for a restriction's review date
_LABELS = {ORDER: "Ombudsman order", REVIEW: "Restriction review"}


def action_label(remedy: str) -> str:
    """What an action is, in words: "Remedy: repair", "Ombudsman order", "Restriction review"."""
    return _LABELS.get(remedy) or f"Remedy: {remedy.replace('_', ' ')}"


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
    out += _orders(events, policy, calendar, today)
    out += _reviews(events, policy, calendar, today)
    return out


def _orders(
    events: Sequence[Event], policy: Policy, calendar: WorkingCalendar, today: dt.date
) -> list[ActionResult]:
    out = []
    for event in events:
        for order in event.orders:
            done = order.done if order.done is not None and order.done <= today else None
            out.append(
                ActionResult(
                    stage=event.stage,
                    remedy=ORDER,
                    event_index=event.index,
                    remedy_index=order.index,
                    due=order.due,
                    done=done,
                    state=state_of(calendar, today, order.due, done, policy.warning),
                )
            )
    return out


def _reviews(
    events: Sequence[Event], policy: Policy, calendar: WorkingCalendar, today: dt.date
) -> list[ActionResult]:
    """A restriction's review is done by the next restriction event (renewed, changed or lifted)."""
    restrictions = [e for e in events if e.type == "restriction"]
    out = []
    for number, event in enumerate(restrictions):
        review = event.get("review")
        if event.get("lifted") is True or not isinstance(review, str):
            continue
        due = dt.date.fromisoformat(review)
        later = restrictions[number + 1 :]
        done = later[0].date if later else None
        out.append(
            ActionResult(
                stage=event.stage,
                remedy=REVIEW,
                event_index=event.index,
                remedy_index=0,
                due=due,
                done=done,
                state=state_of(calendar, today, due, done, policy.warning),
            )
        )
    return out
