"""Which stages a case has reached, and events at stages it never reached."""

from __future__ import annotations

from collections.abc import Sequence

from ..policy.model import Policy
from ..problems import Flaw
from ..records import Case, Event


def initial_stages(policy: Policy) -> list[str]:
    """Stages a complaint is in from receipt: any informal ones and the first formal stage."""
    out = []
    for stage in policy.stages:
        out.append(stage.id)
        if stage.formal:
            break
    return out


def reached_stages(policy: Policy, events: Sequence[Event]) -> list[str]:
    """Stages reached, in the procedure's order."""
    reached = set(initial_stages(policy))
    reached |= {e.stage for e in events if e.type == "escalated"}
    return [s for s in policy.stage_ids if s in reached]


def stage_flaws(case: Case, policy: Policy) -> list[Flaw]:
    """Events at unknown stages, or at stages not reached by an earlier escalation."""
    flaws = []
    known = set(policy.stage_ids)
    reached = set(initial_stages(policy))
    order = {s: i for i, s in enumerate(policy.stage_ids)}
    for event in case.events:
        path = (*event.path, "stage")
        if event.stage not in known:
            names = ", ".join(policy.stage_ids)
            flaws.append(
                Flaw(
                    path, f"stage {event.stage} is not a stage of {policy.id} (its stages: {names})"
                )
            )
            continue
        if event.type == "escalated":
            previous = [s for s in policy.stage_ids if order[s] < order[event.stage]]
            if previous and previous[-1] not in reached:
                flaws.append(
                    Flaw(
                        path,
                        f"escalated to stage {event.stage}, but the case never reached stage {previous[-1]}",
                    )
                )
            reached.add(event.stage)
        elif event.stage not in reached and event.type not in ("note", "escalation_refused"):
            flaws.append(
                Flaw(
                    path,
                    f"{event.type} at stage {event.stage}, a stage this case never reached (no escalated event with stage: {event.stage} before it)",
                )
            )
    return flaws
