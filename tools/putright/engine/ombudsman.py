"""The Ombudsman's requests for evidence: a clock from each request until the evidence is sent.

The Code sets no time for this; a procedure may (saha: "provide this within 15 working days").
Where the procedure is silent, the request's own ``due`` date (the date the Ombudsman's letter
gives) is the deadline. A case being closed does not stop it: the Ombudsman asks after closure.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from ..calendar import WorkingCalendar
from ..policy.model import Policy
from ..records import Event
from .results import ClockResult
from .timing import add, state_of

REQUESTED = "ombudsman_evidence_requested"
SENT = "ombudsman_evidence_sent"
STAGE = "ombudsman"  # not a stage of the procedure: the Ombudsman's own step
CLOCK = "ombudsman_evidence"
NAME = "Evidence to the Ombudsman"


def evidence_due(request: Event, policy: Policy, calendar: WorkingCalendar) -> dt.date | None:
    """The procedure's time from the request, else the date the request gives."""
    within = policy.ombudsman_evidence
    if within is not None and within.amount is not None and within.unit is not None:
        return add(calendar, request.date, within.amount, within.unit)
    given = request.get("due")
    return dt.date.fromisoformat(given) if isinstance(given, str) else None


def evidence_clocks(
    events: Sequence[Event], policy: Policy, calendar: WorkingCalendar, today: dt.date
) -> list[ClockResult]:
    """One clock per request; each is done by the first later ``ombudsman_evidence_sent``."""
    out: list[ClockResult] = []
    used: set[int] = set()
    for request in (e for e in events if e.type == REQUESTED):
        sent = next(
            (
                e
                for e in events
                if e.type == SENT and e.index > request.index and e.index not in used
            ),
            None,
        )
        if sent is not None:
            used.add(sent.index)
        due = evidence_due(request, policy, calendar)
        done = sent.date if sent else None
        cite = (
            policy.ombudsman_evidence_cite
            if policy.ombudsman_evidence
            else "the request's due date"
        )
        out.append(
            ClockResult(
                STAGE, CLOCK, NAME, request.date, due, done,
                state_of(calendar, today, due, done, policy.warning), cite=cite,
            )
        )  # fmt: skip
    return out
