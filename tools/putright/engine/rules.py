"""Rules a case's handling breaks, as warnings naming the provision (the record stays valid)."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Sequence

from ..policy.model import Policy
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


def category_flaws(case: Case, categories: Sequence[str]) -> list[Flaw]:
    if categories and case.category is not None and case.category not in categories:
        return [
            Flaw(
                ("category",),
                f"category is not one of complaints.yml categories: {', '.join(categories)}",
            )
        ]
    return []
