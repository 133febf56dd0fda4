"""Rules a case's handling breaks, as warnings naming the provision (the record stays valid)."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Sequence

from ..calendar import WorkingCalendar
from ..policy.model import CODE_POLICY_ID, ExtensionCap, Policy
from ..problems import Flaw
from ..records import Case, Event
from .results import ClockResult
from .stages import shape
from .timing import add_months


def _cap_owner(policy: Policy, cap: ExtensionCap) -> tuple[str, str | None]:
    """Who sets a cap: the Code's names the Code; a procedure's own names the procedure."""
    if policy.id == CODE_POLICY_ID:
        return f"Code {cap.provision}", cap.provision
    quoted = f': "{cap.cite}"' if cap.cite else ""
    return f"{policy.name}{quoted}", None


def _formal_number(policy: Policy, stage_id: str) -> int:
    """The stage's number among the formal stages (the Code's stage 1, 2), 0 for none."""
    formal = [s.id for s in policy.stages if s.formal and s.id != "0"]
    return formal.index(stage_id) + 1 if stage_id in formal else 0


def extension_flaws(policy: Policy, events: Sequence[Event]) -> list[Flaw]:
    """Extensions above a stage's cap (Code 6.4, 6.15, or the procedure's own), flagged at the
    one that crossed it; the Ombudsman's details not given, or not recorded (6.5 / 6.16); and,
    where the procedure requires it, extensions past the cap without the complainant's
    agreement."""
    flaws: list[Flaw] = []
    extensions = [e for e in events if e.type == "extended"]
    if not extensions:
        return flaws
    for stage in policy.stages:
        cap = stage.extension_cap
        notice = "6.16" if _formal_number(policy, stage.id) == 2 else "6.5"
        total = 0
        for event in extensions:
            if event.type != "extended" or event.stage != stage.id:
                continue
            days = int(event.get("working_days", 0))
            total += days
            given = event.get("ombudsman_details_given")
            if given is False:
                flaws.append(
                    Flaw(
                        event.path,
                        f"extension without the Ombudsman's contact details (Code {notice})",
                        "warning",
                        notice,
                        "extension_notice",
                    )
                )
            elif given is None:
                flaws.append(
                    Flaw(
                        event.path,
                        "extension with no record of whether the Ombudsman's contact details were "
                        f"given (Code {notice}): add ombudsman_details_given: true or false",
                        "warning",
                        notice,
                        "extension_notice_unrecorded",
                    )
                )
            if cap is None or total <= cap.working_days:
                continue
            where, provision = _cap_owner(policy, cap)
            if total - days <= cap.working_days:
                flaws.append(
                    Flaw(
                        (*event.path, "working_days"),
                        f"extensions at stage {stage.id} total {total} working days, above the cap of {cap.working_days} ({where}): record the good reason",
                        "warning",
                        provision,
                        "extension_cap",
                    )
                )
            needs = policy.rules.beyond_cap_needs_agreement
            if needs and event.get("agreed") is not True:
                if event.get("agreed") is None:
                    what = (
                        "with no record of the complainant's agreement (add agreed: true or false)"
                    )
                elif given is True:
                    what = ""  # not agreed, and given the Ombudsman's details: as the text says
                else:
                    what = "without the complainant's agreement or the Ombudsman's contact details"
                if what:
                    flaws.append(
                        Flaw(
                            event.path,
                            f'extension past the cap of {cap.working_days} working days at stage {stage.id} {what}; {policy.name}: "{needs}"',
                            "warning",
                            None,
                            "extension_agreement",
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


def update_flaws(
    policy: Policy,
    clocks: Sequence[ClockResult],
    events: Sequence[Event],
    calendar: WorkingCalendar,
    today: dt.date,
) -> list[Flaw]:
    """Code 5.9: while a response is extended or overdue, the complainant hears at intervals.

    From the first extension at the stage, or from the response's due date once it has passed
    unanswered, an ``update_sent`` (at the stage) must follow within the procedure's interval,
    and again within the interval of each one, until the response is sent (or as of today).
    One warning per response clock, at the first gap.
    """
    interval = policy.rules.update_interval_working_days
    flaws = []
    form = shape(policy)
    for result in clocks:
        clock = form.clocks.get((result.stage, result.clock))
        if clock is None or "responded" not in clock.until or result.state == "stopped":
            continue
        own = [e for e in events if e.stage == result.stage]
        extended = next((e.date for e in own if e.type == "extended"), None)
        end = result.done or today
        overdue = result.due if result.due is not None and end > result.due else None
        starts = [d for d in (extended, overdue) if d is not None]
        if not starts:
            continue
        since = min(starts)
        updates = sorted(e.date for e in own if e.type == "update_sent" and since < e.date <= end)
        for day in [*updates, end]:
            limit = calendar.add(since, interval)
            if day > limit:
                anchor = next((e for e in own if e.type == "extended"), None)
                flaws.append(
                    Flaw(
                        anchor.path if anchor is not None else ("id",),
                        f"stage {result.stage} response {'extended' if extended else 'overdue'}: "
                        f"no update_sent by {limit.isoformat()}, {interval} working days after "
                        f"{since.isoformat()} (Code 5.9: keep the resident updated at agreed "
                        f"intervals; interval from {policy.rules.update_interval_cite})",
                        "warning",
                        "5.9",
                        "update_interval",
                    )
                )
                break
            since = max(since, day)
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
            # "Within 12 months" includes the anniversary: a period of months ends on the
            # corresponding date (the corresponding date rule, Dodds v Walker [1981] 1 WLR
            # 1027), so a complaint made on the anniversary is in time (Code 2.3).
            elif add_months(incident, months) >= case.received:
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


def third_party_flaws(case: Case, policy: Policy) -> list[Flaw]:
    """A complaint made by a third party, under a procedure that asks the complainant to confirm
    it, with no record that they did (``complainant.advocate.authorised``)."""
    needs = policy.rules.third_party_confirmation
    complainant = case.data.get("complainant")
    advocate = complainant.get("advocate") if isinstance(complainant, dict) else None
    if not needs or not isinstance(advocate, dict) or advocate.get("authorised"):
        return []
    return [
        Flaw(
            ("complainant", "advocate"),
            "made by a third party (complainant.advocate) with no record that the complainant "
            f'confirmed it (complainant.advocate.authorised: the date); {policy.name}: "{needs}"',
            "warning",
            None,
            "third_party_confirmation",
        )
    ]


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
                f"category is not one of complaints.yml categories: {', '.join(categories)}",
            )
        ]
    return []
