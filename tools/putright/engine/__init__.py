"""The deadline engine: every clock of a case, what is outstanding, and the rules it breaks."""

from __future__ import annotations

import datetime as dt

from ..calendar import WorkingCalendar
from ..policy.model import Policy
from ..records import Case
from .actions import action_results
from .clocks import first_stop, stage_clocks
from .ombudsman import evidence_clocks
from .results import ActionResult, CaseResult, ClockResult, State
from .rules import (
    extension_flaws,
    handler_flaws,
    pause_flaws,
    refusal_flaws,
    third_party_flaws,
    update_flaws,
)
from .stages import reached_stages, shape, stage_flaws

__all__ = ["ActionResult", "CaseResult", "ClockResult", "State", "evaluate", "stage_flaws"]


def evaluate(case: Case, policy: Policy, calendar: WorkingCalendar, today: dt.date) -> CaseResult:
    """The case as of ``today``: events dated later are ignored."""
    events = case.events_until(today)
    closed = next((e.date for e in events if e.type == "closed"), None)
    result = CaseResult(
        case_id=case.id,
        file=case.file,
        policy=policy.id,
        kind=case.kind,
        stage="1",
        open=closed is None,
        received=case.received,
        officer=_officer(case),
        closed=closed,
    )
    if case.received > today:
        return result
    stop = first_stop(events)
    if case.kind == "complaint":
        reached = reached_stages(policy, events)
        result.stage = reached[-1] if reached else "1"
        form = shape(policy)
        order = form.ids
        for stage_id in reached:
            stage = form.stage(stage_id)
            assert stage is not None
            stage_stop = stop
            if not stage.formal:
                # Moving on to a formal stage ends an informal one: its clocks stop there.
                later = order[order.index(stage_id) + 1 :]
                moved = next(
                    (e for e in events if e.type == "escalated" and e.stage in later), None
                )
                stage_stop = min(
                    (e for e in (stop, moved) if e), key=lambda e: e.date, default=None
                )
            result.clocks += stage_clocks(
                case, stage.clocks, stage_id, events, policy, calendar, today, stage_stop
            )
        result.flaws += extension_flaws(policy, events)
        result.flaws += pause_flaws(policy, events)
        result.flaws += handler_flaws(policy, events)
        result.flaws += refusal_flaws(case, policy, events)
        result.flaws += update_flaws(policy, result.clocks, events, calendar, today)
        result.flaws += third_party_flaws(case, policy)
    elif case.kind == "service_request" and policy.service_request_clocks:
        result.clocks += stage_clocks(
            case, policy.service_request_clocks, "1", events, policy, calendar, today, stop
        )
    result.clocks += evidence_clocks(events, policy, calendar, today)
    result.actions = action_results(events, policy, calendar, today)
    return result


def _officer(case: Case) -> str | None:
    """Who owns the case: its ``officer``, else whoever last acted on it."""
    if case.officer:
        return case.officer
    return next((e.by for e in reversed(case.events) if e.by), None)
