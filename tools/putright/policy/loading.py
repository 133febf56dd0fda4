"""Reading policies/<id>.yaml into a Policy, with every problem located by line."""

from __future__ import annotations

import os
from typing import Any

from .. import validation, yamlfile
from ..problems import Problem
from ..vocab import event_types
from .model import (
    DEFAULT_UPDATE_CITE,
    DEFAULT_UPDATE_INTERVAL,
    RECEIVED,
    UNITS,
    Clock,
    Duration,
    ExtensionCap,
    Policy,
    Rules,
    Stage,
    Start,
    Window,
)


def _duration(raw: dict[str, Any]) -> Duration:
    unit = next((u for u in UNITS if u in raw), None)
    return Duration(raw[unit] if unit else None, unit, bool(raw.get("agreed", False)))


def _start(raw: Any) -> Start:
    if isinstance(raw, str):
        return Start(raw)
    stage = raw.get("stage")
    return Start(raw["event"], None if stage is None else str(stage))


def _clock(raw: dict[str, Any]) -> Clock:
    starts = raw["from"] if isinstance(raw["from"], list) else [raw["from"]]
    return Clock(
        id=raw["id"],
        name=raw.get("name", raw["id"].replace("_", " ").capitalize()),
        start=_start(starts[0]),
        also_from=tuple(_start(s) for s in starts[1:]),
        within=_duration(raw["within"]),
        until=tuple(raw["until"]),
        or_due_of=raw.get("or_due_of"),
        extendable=bool(raw.get("extendable", False)),
        warning=_duration(raw["warning"]) if "warning" in raw else None,
        cite=raw.get("cite", ""),
        pause_cite=(raw.get("pause") or {}).get("cite", ""),
    )


def _stage(raw: dict[str, Any]) -> Stage:
    cap = raw.get("extension_cap")
    window = raw.get("escalation_window")
    return Stage(
        id=str(raw["id"]),
        name=raw.get("name", f"Stage {raw['id']}"),
        formal=bool(raw.get("formal", True)),
        clocks=tuple(_clock(c) for c in raw["clocks"]),
        extension_cap=ExtensionCap(cap["working_days"], cap.get("provision"), cap.get("cite", ""))
        if cap
        else None,
        escalation_window=Window(_duration(window["within"]), window.get("cite", ""))
        if window
        else None,
        handled_by=raw.get("handled_by", ""),
        cite=raw.get("cite", ""),
    )


def _rules(raw: dict[str, Any]) -> Rules:
    different = raw.get("different_handler") or {}
    limit = raw.get("refusal_time_limit") or {}
    reason = raw.get("escalation_refusal_needs_reason")
    agreement = raw.get("extension_beyond_cap_needs_agreement") or {}
    updates = raw.get("update_interval") or {}
    return Rules(
        different_handler=tuple(str(s) for s in different.get("stages", ())),
        different_handler_provision=different.get("provision"),
        refusal_time_limit_months=limit.get("months"),
        refusal_time_limit_provision=limit.get("provision"),
        escalation_refusal_needs_reason=reason is not None,
        escalation_refusal_provision=(reason or {}).get("provision"),
        beyond_cap_needs_agreement=agreement.get("cite", ""),
        third_party_confirmation=(raw.get("third_party_confirmation") or {}).get("cite", ""),
        update_interval_working_days=updates.get("working_days", DEFAULT_UPDATE_INTERVAL),
        update_interval_cite=updates.get("cite", DEFAULT_UPDATE_CITE)
        if updates
        else DEFAULT_UPDATE_CITE,
    )


def build(data: dict[str, Any], rel: str) -> Policy:
    """A Policy from schema-valid data (no checks beyond the schema here)."""
    return Policy(
        id=data["id"],
        name=data["name"],
        file=rel,
        source=data.get("source", ""),
        stages=tuple(_stage(s) for s in data["stages"]),
        warning=_duration(data["warning"]) if "warning" in data else Duration(2, "working_days"),
        rules=_rules(data.get("rules") or {}),
        service_request_clocks=tuple(
            _clock(c) for c in (data.get("service_requests") or {}).get("clocks", ())
        ),
        notes=tuple(data.get("notes", ())),
        ombudsman_evidence=_duration(data["ombudsman_evidence"]["within"])
        if "ombudsman_evidence" in data
        else None,
        ombudsman_evidence_cite=(data.get("ombudsman_evidence") or {}).get("cite", ""),
    )


def _consistency(policy: Policy, data: dict[str, Any], text: str, rel: str) -> list[Problem]:
    """What the schema cannot say: references between clocks, known event types, unique ids."""
    root = yamlfile.compose(text)
    found: list[Problem] = []
    known_events = event_types() | {RECEIVED}
    stage_ids = [s.id for s in policy.stages]

    def at(path: list[str | int], message: str) -> None:
        where = yamlfile.locate(root, path)
        found.append(Problem(rel, where[0] if where else None, message))

    expected = os.path.splitext(os.path.basename(rel))[0]
    if policy.id != expected:
        at(["id"], f"id {policy.id!r} differs from the file name {expected!r}")
    for si, stage in enumerate(policy.stages):
        if stage_ids.count(stage.id) > 1:
            at(["stages", si, "id"], f"stage {stage.id!r} appears twice")
        ids = [c.id for c in stage.clocks]
        for ci, clock in enumerate(stage.clocks):
            base: list[str | int] = ["stages", si, "clocks", ci]
            if ids.count(clock.id) > 1:
                at([*base, "id"], f"clock {clock.id!r} appears twice in stage {stage.id}")
            for start in (clock.start, *clock.also_from):
                if start.event not in known_events:
                    at([*base, "from"], f"unknown event type {start.event!r}")
            if clock.start.stage is not None and clock.start.stage not in stage_ids:
                at([*base, "from"], f"unknown stage {clock.start.stage!r}")
            for ui, name in enumerate(clock.until):
                if name not in known_events:
                    at([*base, "until", ui], f"unknown event type {name!r}")
            if clock.or_due_of is not None and (
                clock.or_due_of not in ids or clock.or_due_of == clock.id
            ):
                at(
                    [*base, "or_due_of"],
                    f"or_due_of names no other clock of stage {stage.id}: {clock.or_due_of!r}",
                )
            if clock.within.amount is None and not clock.within.agreed:
                at(
                    [*base, "within"],
                    "a clock needs a time (e.g. working_days: 10) or agreed: true",
                )
    for stage_id in policy.rules.different_handler:
        if stage_id not in stage_ids:
            at(["rules", "different_handler", "stages"], f"unknown stage {stage_id!r}")
    return found


def load_policy(path: str, rel: str) -> tuple[Policy | None, list[Problem]]:
    loaded = yamlfile.load_file(path, rel)
    if loaded.problems or loaded.text is None:
        return None, loaded.problems
    if not isinstance(loaded.data, dict):
        return None, [Problem(rel, 1, "a policy file must be a mapping (id:, name:, stages: ...)")]
    problems = validation.problems("policy", loaded.data, loaded.text, rel)
    if problems:
        return None, problems
    policy = build(loaded.data, rel)
    problems = _consistency(policy, loaded.data, loaded.text, rel)
    return (None if problems else policy), problems


def load_policies(repo: str) -> tuple[dict[str, Policy], list[Problem]]:
    """Every policies/*.yaml of a repository, keyed by id; bad files give problems instead."""
    directory = os.path.join(repo, "policies")
    policies: dict[str, Policy] = {}
    problems: list[Problem] = []
    if not os.path.isdir(directory):
        return policies, problems
    for name in sorted(os.listdir(directory)):
        if not name.endswith((".yaml", ".yml")):
            continue
        rel = f"policies/{name}"
        policy, found = load_policy(os.path.join(directory, name), rel)
        problems.extend(found)
        if policy is not None:
            policies[policy.id] = policy
    return policies, problems
