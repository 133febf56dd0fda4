"""Rules a case's handling breaks, as warnings naming the provision (the record stays valid)."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Sequence

from ..policy.model import CODE_POLICY_ID, Policy
from ..problems import Flaw
from ..records import Case, Event
from .timing import add_months


def extension_flaws(policy: Policy, events: Sequence[Event]) -> list[Flaw]:
    """Extensions above a stage's cap (Code 6.4, 6.15), flagged at the one that crossed it."""
    flaws = []
    for stage in policy.stages:
        cap = stage.extension_cap
        total = 0
        for event in events:
            if event.type != "extended" or event.stage != stage.id:
                continue
            total += int(event.get("working_days", 0))
            if event.get("ombudsman_details_given") is False:
                flaws.append(
                    Flaw(
                        event.path,
                        "extension without the Ombudsman's contact details (Code 6.5 / 6.16)",
                        "warning",
                        "6.5" if stage.id == "1" else "6.16",
                        "extension_notice",
                    )
                )
            if (
                cap is not None
                and total > cap.working_days
                and total - int(event.get("working_days", 0)) <= cap.working_days
            ):
                where = f"Code {cap.provision}" if cap.provision else policy.name
                flaws.append(
                    Flaw(
                        (*event.path, "working_days"),
                        f"extensions at stage {stage.id} total {total} working days, above the cap of {cap.working_days} ({where}): record the good reason",
                        "warning",
                        cap.provision,
                        "extension_cap",
                    )
                )
    return flaws


# The Code's extension provisions by the number of the formal stage (its first, its second):
# where a procedure has no pause, more time is an extension under these (Code 6.4/6.5,
# 6.15/6.16), with a good reason and the Ombudsman's details.
CODE_EXTENSION = {1: ("6.4", "6.5"), 2: ("6.15", "6.16")}


def pause_flaws(policy: Policy, events: Sequence[Event]) -> list[Flaw]:
    """A pause at a stage none of whose clocks the procedure lets pause: it moves nothing."""
    flaws = []
    formal = [s for s in policy.stages if s.formal and s.id != "0"]
    for event in events:
        if event.type != "paused":
            continue
        stage = policy.stage(event.stage)
        if stage is None or any(c.pausable for c in stage.clocks):
            continue
        number = formal.index(stage) + 1 if stage in formal else None
        extension, details = CODE_EXTENSION.get(number or 0, ("", ""))
        own = stage.extension_cap
        if extension:
            instead = (
                f"Code {extension} (a good reason, and the Ombudsman's details, Code {details})"
            )
            if own is not None and policy.id != CODE_POLICY_ID and own.cite:
                instead += (
                    f'; {policy.name} allows up to {own.working_days} working days: "{own.cite}"'
                )
        else:
            instead = "the procedure (it has no extension rule for this stage)"
        flaws.append(
            Flaw(
                event.path,
                f"paused at stage {event.stage}, but {policy.name} has no provision for pausing: "
                f"the pause is recorded and moves no deadline; more time needs an extension "
                f"(an `extended` event) under {instead}",
                "warning",
                extension or None,
                "pause_not_provided",
            )
        )
    return flaws


def _handler(events: Sequence[Event], stage: str) -> Event | None:
    """Who considered a stage: the responder, else whoever acknowledged it."""
    for kind in ("responded", "acknowledged", "allocated"):
        for event in events:
            if event.stage == stage and event.type == kind and (event.by or event.get("to")):
                return event
    return None


def _who(event: Event) -> str:
    return str(event.by or event.get("to")).strip().casefold()


def handler_flaws(policy: Policy, events: Sequence[Event]) -> list[Flaw]:
    stages = policy.rules.different_handler
    flaws = []
    for earlier, later in itertools.pairwise(stages):
        first, second = _handler(events, earlier), _handler(events, later)
        if first is not None and second is not None and _who(first) == _who(second):
            provision = policy.rules.different_handler_provision
            flaws.append(
                Flaw(
                    (*second.path, "by" if second.by else "to"),
                    f"stage {later} was considered by {second.by or second.get('to')}, who also considered stage {earlier}"
                    + (f" (Code {provision})" if provision else ""),
                    "warning",
                    provision,
                    "different_handler",
                )
            )
    return flaws


def refusal_flaws(case: Case, policy: Policy, events: Sequence[Event]) -> list[Flaw]:
    flaws = []
    rules = policy.rules
    for event in events:
        if (
            event.type == "escalation_refused"
            and rules.escalation_refusal_needs_reason
            and not str(event.get("reason") or "").strip()
        ):
            provision = rules.escalation_refusal_provision
            flaws.append(
                Flaw(
                    event.path,
                    "escalation refused without a reason"
                    + (f" (Code {provision})" if provision else ""),
                    "warning",
                    provision,
                    "escalation_refusal_reason",
                )
            )
        if (
            event.type == "refused"
            and event.get("reason") == "over_12_months"
            and rules.refusal_time_limit_months
        ):
            months = rules.refusal_time_limit_months
            provision = rules.refusal_time_limit_provision
            raw = event.get("incident_date")
            incident = dt.date.fromisoformat(raw) if raw else case.incident_date
            if incident is None:
                flaws.append(
                    Flaw(
                        event.path,
                        "refused as over_12_months with no incident_date: record when the matter happened, as evidence for the refusal",
                        "warning",
                        provision,
                        "refusal_time_limit",
                    )
                )
            elif add_months(incident, months) > case.received:
                flaws.append(
                    Flaw(
                        (*event.path, "reason"),
                        f"refused as over_12_months, but the matter ({incident}) was within {months} months of receipt ({case.received})"
                        + (f" (Code {provision})" if provision else ""),
                        "warning",
                        provision,
                        "refusal_time_limit",
                    )
                )
    return flaws


def tenure_flaws(case: Case, tenure_splits_tsms: bool) -> list[Flaw]:
    """A complaint the TSMs cannot place (tenure other or missing), when LCHO is reported apart."""
    if not tenure_splits_tsms or case.kind != "complaint" or case.tenure in ("lcra", "lcho"):
        return []
    what = "tenure is other" if case.tenure == "other" else "no tenure is recorded"
    return [
        Flaw(
            ("tenure",) if case.tenure is not None else ("id",),
            f"{what}: the TSMs (CH01, CH02) count this complaint on a line of its own, neither "
            "low-cost rental nor low-cost home ownership; record tenure: lcra or lcho",
            "warning",
            None,
            "tenure_needed",
        )
    ]


def category_flaws(case: Case, categories: Sequence[str]) -> list[Flaw]:
    if categories and case.category is not None and case.category not in categories:
        return [
            Flaw(
                ("category",),
                f"category {case.category!r} is not in complaints.yml categories: {', '.join(categories)}",
            )
        ]
    return []
