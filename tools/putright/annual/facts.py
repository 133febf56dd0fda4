"""What the annual report may know about a complaint: dates, enums, counts and verdicts.

``CaseFacts`` is the anonymisation boundary. It holds no free text and no name: not the
complainant's, not the summary, not a note or reason, and not the staff who handled the case
(whether stage 1 and stage 2 were handled by different people survives only as a bool). The
report and the public site receive ``CaseFacts`` and never a ``Case``, so no personal field can
reach them whatever a template does. Category is the organisation's own label; the public view
publishes it only when it is on the ``complaints.yml`` list or common enough (``published``).

The Code-timescale verdicts are worked out here, against the ``hoc-2024`` procedure (the Code's
own timescales, whatever the landlord's procedure says: TSM CH02 measures against the Code).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache

from ..calendar import WorkingCalendar
from ..engine import CaseResult, ClockResult
from ..engine.stages import initial_stages
from ..policy.model import Policy, Stage
from ..records import Case, Event
from ..vocab import OUTCOMES, enum_of

STAGES = ("1", "2")  # the Code's two stages (Code 5.3); a case's stages "1" and "2" are them


@dataclass(frozen=True, slots=True)
class RemedyFacts:
    stage: str
    type: str
    offered: dt.date  # the date of the response that offered it
    amount_gbp: float | None = None
    due: dt.date | None = None
    done: dt.date | None = None


@dataclass(frozen=True, slots=True)
class StageFacts:
    """One Code stage of one complaint, with the Code's verdicts (None: not decided yet)."""

    stage: str
    escalated: dt.date | None  # stage 2: when the complainant asked for it
    acknowledged: dt.date | None
    responded: dt.date | None
    outcome: str | None
    acknowledge_due: dt.date | None
    respond_due: dt.date | None  # the Code's time, no extension
    respond_due_extended: dt.date | None  # plus the extension the Code allows (capped)
    acknowledged_within: bool | None
    responded_within: bool | None  # by respond_due
    responded_within_extension: bool | None  # by respond_due_extended
    extensions: int = 0  # extension events recorded at the stage
    extension_days: int = 0  # working days they add up to
    extension_days_counted: int = 0  # those agreed before the deadline then in force
    extension_beyond_cap: bool = False
    extensions_without_ombudsman_details: int = 0  # Code 6.5 / 6.16: recorded as not given
    extensions_ombudsman_details_unrecorded: int = 0  # neither recorded as given nor as not
    refused: bool = False  # not accepted at this stage (refused, or escalation refused)
    withdrawn: bool = False  # withdrawn while at this stage


@dataclass(frozen=True, slots=True)
class CaseFacts:
    """A complaint (or service request, or compliment) as numbers: nothing to identify anyone."""

    index: int  # opaque: the order the files were read in, for stable sorting only
    received: dt.date
    kind: str
    category: str | None
    channel: str | None
    tenure: str | None
    stage_reached: str
    stages: tuple[StageFacts, ...] = ()
    refused: dt.date | None = None
    refusal_reason: str | None = None  # Code 2.2 / 8.1(b): the enum, never the explanation
    refusal_questionable: bool = False  # over_12_months for a matter within 12 months (2.3)
    escalation_refused: dt.date | None = None
    escalation_refused_without_reason: bool = False  # Code 5.11
    withdrawn: dt.date | None = None
    closed: dt.date | None = None
    referred: dt.date | None = None  # to the Ombudsman
    ombudsman_determined: dt.date | None = None
    ombudsman_finding: str | None = None
    ombudsman_non_compliance: bool | None = None  # Code 8.1(c)
    remedies: tuple[RemedyFacts, ...] = ()
    different_handlers: bool | None = None  # Code 6.13; None when either is not recorded
    has_definition: bool = False  # Code 5.6: whether one is recorded (never its text)
    # Code 5.6 at stage 2: whether the escalation records its own definition (None: no stage 2).
    has_escalation_definition: bool | None = None
    policy: str | None = None  # the procedure the case followed (its id: no personal data)

    def stage(self, stage: str) -> StageFacts | None:
        for found in self.stages:  # a plain loop: the report asks this ~25 times per case
            if found.stage == stage:
                return found
        return None


def _enum(value: object, allowed: Sequence[str]) -> str | None:
    """A value only if it is one of the schema's words: anything else is dropped, not copied."""
    return value if isinstance(value, str) and value in allowed else None


def _category(value: object) -> str | None:
    # The organisation's own label (complaints.yml may restrict it); one line, bounded.
    if not isinstance(value, str):
        return None
    text = " ".join(value.split())[:60]
    return text or None


class _CodeClocks:
    """Where the Code keeps each stage's acknowledge and respond clocks, and its cap."""

    def __init__(self, code: Policy) -> None:
        self.base: dict[str, int] = {}
        self.cap: dict[str, int] = {}
        self.ack_id: dict[str, str] = {}
        self.respond_id: dict[str, str] = {}
        for stage in code.stages:
            self._read(stage)

    def _read(self, stage: Stage) -> None:
        for clock in stage.clocks:
            if "acknowledged" in clock.until:
                self.ack_id[stage.id] = clock.id
            if "responded" in clock.until:
                self.respond_id[stage.id] = clock.id
                if clock.within.unit == "working_days" and clock.within.amount is not None:
                    self.base[stage.id] = clock.within.amount
        if stage.extension_cap is not None:
            self.cap[stage.id] = stage.extension_cap.working_days


def _clock(result: CaseResult, stage: str, clock_id: str | None) -> ClockResult | None:
    return next((c for c in result.clocks if c.stage == stage and c.clock == clock_id), None)


def _stage_at(day: dt.date, escalations: dict[str, dt.date]) -> str:
    """The stage a case was at on a day: the highest one asked for by then."""
    reached = [s for s, when in escalations.items() if when <= day]
    return max(reached, key=STAGES.index, default="1")


def _acknowledged_within(
    clock: ClockResult | None, responded: dt.date | None, today: dt.date
) -> bool | None:
    if clock is None or clock.due is None:
        return None
    # A response sent before any acknowledgement acknowledges the complaint too.
    first = min((d for d in (clock.done, responded) if d is not None), default=None)
    if first is not None:
        return first <= clock.due
    if clock.stopped is not None and clock.stopped <= clock.due:
        return None  # withdrawn or refused before it fell due: never measured
    return False if today > clock.due else None


def _counted_extensions(
    events: Sequence[Event], start: dt.date, base: int, until: dt.date, calendar: WorkingCalendar
) -> int:
    """Extension days agreed on or before the deadline in force when each was agreed.

    An extension recorded after the deadline had passed does not make a late response on time
    (docs/reference/tsm.md).
    """
    counted = 0
    for event in events:
        if event.type != "extended" or event.date > until:
            continue
        if event.date <= calendar.add(start, base + counted):
            counted += int(event.get("working_days", 0))
    return counted


def _handler(events: Sequence[Event], stage: str) -> str | None:
    """Who considered a stage (the responder, else who acknowledged or was allocated it).

    The same order the engine's Code 6.13 rule uses; only compared, never kept.
    """
    for kind in ("responded", "acknowledged", "allocated"):
        for event in events:
            who = event.by or event.get("to")
            if event.stage == stage and event.type == kind and who:
                return str(who).strip().casefold()
    return None


def as_code_case(case: Case, policy: Policy | None) -> Case:
    """The case as the Code sees it: a procedure's informal stages are its stage 1 from receipt.

    The Code has no informal stage (5.2): a complaint handled first at a "stage 0" is a stage 1
    complaint from the day it was received. Events at the informal stages before the first
    formal one are read as that formal stage's; entering the formal stage (its ``escalated``
    event) is no escalation under the Code; and the first response sent at any of them is the
    stage 1 response (an acknowledgement recorded only after it changes nothing: the response
    acknowledged the complaint). docs/reference/tsm.md.
    """
    if policy is None:
        return case
    entry = initial_stages(policy)
    informal, first = set(entry[:-1]), entry[-1]
    if not informal:
        return case
    events = []
    for event in case.events:
        if event.stage in informal:
            event = replace(event, stage=first)
        elif event.stage == first and event.type == "escalated":
            continue
        events.append(event)
    answered = next((e.date for e in events if e.stage == first and e.type == "responded"), None)
    if answered is not None:
        events = [
            e
            for e in events
            if not (e.stage == first and e.type == "acknowledged" and e.date > answered)
        ]
    return replace(case, events=tuple(events))


def facts_of(
    case: Case,
    result_under_code: CaseResult,
    code: Policy,
    calendar: WorkingCalendar,
    today: dt.date,
    index: int = 0,
    policy_id: str | None = None,
) -> CaseFacts:
    """The statistical facts of a case as of ``today``.

    ``result_under_code`` is ``engine.evaluate(case, code, calendar, today)`` with ``code`` the
    ``hoc-2024`` procedure, so the verdicts use the Code's timescales.
    """
    events = case.events_until(today)
    clocks = _CodeClocks(code)
    escalations: dict[str, dt.date] = {}
    for event in events:
        if event.type == "escalated" and event.stage in STAGES:
            escalations.setdefault(event.stage, event.date)
    refused = next((e for e in events if e.type == "refused"), None)
    withdrawn = next((e for e in events if e.type == "withdrawn"), None)
    escalation_refusals = [e for e in events if e.type == "escalation_refused"]
    flaw_rules = {f.rule for f in result_under_code.flaws}

    stages: list[StageFacts] = []
    if case.kind == "complaint":
        for stage in STAGES:
            if stage != "1" and stage not in escalations:
                continue
            stages.append(
                _stage_facts(
                    stage,
                    events,
                    result_under_code,
                    clocks,
                    calendar,
                    today,
                    escalated=escalations.get(stage),
                    refused=(refused is not None and _stage_at(refused.date, escalations) == stage)
                    or any(e.stage == stage for e in escalation_refusals),
                    withdrawn=withdrawn is not None
                    and _stage_at(withdrawn.date, escalations) == stage,
                )
            )

    first, second = _handler(events, "1"), _handler(events, "2")
    determination = next((e for e in events if e.type == "ombudsman_determination"), None)
    non_compliance = determination.get("non_compliance") if determination else None
    return CaseFacts(
        index=index,
        received=case.received,
        kind=_enum(case.kind, enum_of("properties", "kind")) or "complaint",
        category=_category(case.category),
        channel=_enum(case.channel, enum_of("properties", "channel")),
        tenure=_enum(case.tenure, enum_of("properties", "tenure")),
        stage_reached=stages[-1].stage if stages else "1",
        stages=tuple(stages),
        refused=refused.date if refused else None,
        refusal_reason=_enum(refused.get("reason"), _refusal_reasons()) if refused else None,
        refusal_questionable="refusal_time_limit" in flaw_rules,
        escalation_refused=escalation_refusals[0].date if escalation_refusals else None,
        escalation_refused_without_reason="escalation_refusal_reason" in flaw_rules,
        withdrawn=withdrawn.date if withdrawn else None,
        closed=next((e.date for e in events if e.type == "closed"), None),
        referred=next((e.date for e in events if e.type == "referred"), None),
        ombudsman_determined=determination.date if determination else None,
        ombudsman_finding=_enum(determination.get("finding"), _findings())
        if determination
        else None,
        ombudsman_non_compliance=non_compliance if isinstance(non_compliance, bool) else None,
        remedies=_remedies(events, today),
        different_handlers=None if first is None or second is None else first != second,
        has_definition=bool(str(case.data.get("definition") or "").strip()),
        has_escalation_definition=_escalation_definition(events),
        policy=policy_id,
    )


def _escalation_definition(events: Sequence[Event]) -> bool | None:
    """Does the stage 2 escalation record the complaint as defined at stage 2 (Code 5.6)?"""
    escalation = next((e for e in events if e.type == "escalated" and e.stage == "2"), None)
    if escalation is None:
        return None
    return bool(str(escalation.get("definition") or "").strip())


def _stage_facts(
    stage: str,
    events: Sequence[Event],
    result: CaseResult,
    clocks: _CodeClocks,
    calendar: WorkingCalendar,
    today: dt.date,
    *,
    escalated: dt.date | None,
    refused: bool,
    withdrawn: bool,
) -> StageFacts:
    own = [e for e in events if e.stage == stage]
    acknowledged = next((e.date for e in own if e.type == "acknowledged"), None)
    response = next((e for e in own if e.type == "responded"), None)
    responded = response.date if response else None
    ack = _clock(result, stage, clocks.ack_id.get(stage))
    respond_clock = _clock(result, stage, clocks.respond_id.get(stage))
    extensions = [
        e for e in own if e.type == "extended" and (responded is None or e.date <= responded)
    ]
    total = sum(int(e.get("working_days", 0)) for e in extensions)
    cap = clocks.cap.get(stage)
    base = clocks.base.get(stage)
    respond_due = extended_due = None
    within = within_extension = None
    counted = 0
    if respond_clock is not None and base is not None:
        # One rule for the start, the engine's (the spec's): the Code's response time runs from
        # the acknowledgement, or from its due date where there is none. The case page and
        # `check` show this same start, so the TSM and the dashboard cannot disagree on it.
        start = respond_clock.start
        counted = _counted_extensions(extensions, start, base, responded or today, calendar)
        allowed = min(counted, cap) if cap is not None else counted
        respond_due = calendar.add(start, base)
        extended_due = calendar.add(start, base + allowed)
        if responded is not None:
            within = responded <= respond_due
            within_extension = responded <= extended_due
    outcome = response.get("outcome") if response else None
    return StageFacts(
        stage=stage,
        escalated=escalated,
        acknowledged=acknowledged,
        responded=responded,
        outcome=outcome if outcome in OUTCOMES else None,
        acknowledge_due=ack.due if ack else None,
        respond_due=respond_due,
        respond_due_extended=extended_due,
        acknowledged_within=_acknowledged_within(ack, responded, today),
        responded_within=within,
        responded_within_extension=within_extension,
        extensions=len(extensions),
        extension_days=total,
        extension_days_counted=counted,
        extension_beyond_cap=cap is not None and total > cap,
        extensions_without_ombudsman_details=sum(
            1 for e in extensions if e.get("ombudsman_details_given") is False
        ),
        extensions_ombudsman_details_unrecorded=sum(
            1 for e in extensions if not isinstance(e.get("ombudsman_details_given"), bool)
        ),
        refused=refused,
        withdrawn=withdrawn,
    )


def _remedies(events: Sequence[Event], today: dt.date) -> tuple[RemedyFacts, ...]:
    completed = {str(e.get("remedy")): e.date for e in events if e.type == "remedy_completed"}
    allowed = enum_of("$defs", "remedy", "properties", "type")
    out = []
    for event in events:
        if event.type != "responded":
            continue
        for remedy in event.remedies:
            done = remedy.done if remedy.done is not None and remedy.done <= today else None
            if done is None and remedy.id is not None:
                done = completed.get(remedy.id)
            amount = remedy.amount_gbp
            out.append(
                RemedyFacts(
                    stage=event.stage if event.stage in STAGES else "1",
                    type=_enum(remedy.type, allowed) or "other",
                    offered=event.date,
                    amount_gbp=float(amount) if isinstance(amount, int | float) else None,
                    due=remedy.due,
                    done=done,
                )
            )
    return tuple(out)


@cache
def _refusal_reasons() -> tuple[str, ...]:
    return _event_enum("refused", "reason")


@cache
def _findings() -> tuple[str, ...]:
    return _event_enum("ombudsman_determination", "finding")


def _event_enum(event_type: str, key: str) -> tuple[str, ...]:
    """An enum that the case schema declares for one event type only."""
    from ..schemas import schema

    event = schema("case")["$defs"]["event"]
    for branch in event.get("allOf", ()):
        if branch.get("if", {}).get("properties", {}).get("type", {}).get("const") == event_type:
            found = branch["then"]["properties"].get(key, {}).get("enum")
            if found:
                return tuple(found)
    found = event["properties"].get(key, {}).get("enum")
    return tuple(found) if found else ()
