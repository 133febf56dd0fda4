"""Which stages a case has reached, and events at stages it never reached."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..policy.model import Clock, Policy, Stage
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


@dataclass(frozen=True, slots=True)
class Shape:
    """A procedure's stages as the engine looks them up for every case, worked out once."""

    ids: tuple[str, ...]
    order: dict[str, int]
    stages: dict[str, Stage]  # by id (the first of an id, as ``Policy.stage`` finds it)
    initial: tuple[str, ...]
    clocks: dict[tuple[str, str], Clock]  # (stage, clock id): the first, as ``Stage.clock``

    def stage(self, stage_id: str) -> Stage | None:
        return self.stages.get(stage_id)


# Procedures are few and live as long as their repository: one shape each, found by identity
# (a Policy is frozen, so its shape cannot go stale while it is held here).
_SHAPES: dict[int, tuple[Policy, Shape]] = {}


def shape(policy: Policy) -> Shape:
    found = _SHAPES.get(id(policy))
    if found is not None and found[0] is policy:
        return found[1]
    stages: dict[str, Stage] = {}
    clocks: dict[tuple[str, str], Clock] = {}
    for stage in policy.stages:
        if stage.id in stages:
            continue
        stages[stage.id] = stage
        for clock in stage.clocks:
            clocks.setdefault((stage.id, clock.id), clock)
    ids = policy.stage_ids
    made = Shape(
        ids, {s: i for i, s in enumerate(ids)}, stages, tuple(initial_stages(policy)), clocks
    )
    if len(_SHAPES) >= 64:  # many procedures made and dropped (tests): let them go
        _SHAPES.clear()
    _SHAPES[id(policy)] = (policy, made)
    return made


def reached_stages(policy: Policy, events: Sequence[Event]) -> list[str]:
    """Stages reached, in the procedure's order."""
    form = shape(policy)
    escalated = {e.stage for e in events if e.type == "escalated"}
    if not escalated:
        return [s for s in form.ids if s in form.initial]
    reached = escalated.union(form.initial)
    return [s for s in form.ids if s in reached]


def stage_flaws(case: Case, policy: Policy) -> list[Flaw]:
    """Events at unknown stages, or at stages not reached by an earlier escalation."""
    flaws = []
    form = shape(policy)
    known = form.order
    reached = set(form.initial)
    order = form.order
    for event in case.events:
        path = (*event.path, "stage")
        if event.stage not in known:
            names = ", ".join(form.ids)
            flaws.append(
                Flaw(
                    path, f"stage {event.stage} is not a stage of {policy.id} (its stages: {names})"
                )
            )
            continue
        if event.type == "escalated":
            previous = [s for s in form.ids if order[s] < order[event.stage]]
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
