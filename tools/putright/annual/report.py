"""The annual complaints performance report (Code 8.1(b)): TSMs and every breakdown, as data.

``annual_report`` takes ``CaseFacts`` only (never a Case), the settings, the reporting year (by
the calendar year it starts in) and the homes; it returns the unsuppressed figures, for staff.
``published.publish`` makes the suppressed copy the public site shows.

Which complaints each figure counts (docs/reference/tsm.md):

* TSMs: see ``tsm``.
* Volumes, months, categories, channels and acknowledgement: the complaints CH01 counts (the
  same refused/withdrawn choices), every tenure together, by the date they reached the stage.
* Outcomes, extensions and remedies: the responses CH02 counts, by the date they were sent.
* Refusals, withdrawals, referrals and Ombudsman findings: by the date they happened.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace

from ..config import Settings, TsmOptions
from ..vocab import OUTCOMES, enum_of, event_enum
from .facts import STAGES, CaseFacts, StageFacts
from .figures import Share, Table, table
from .model import AnnualReport, KeyFigures, Money, Note, StagePerformance
from .tsm import (
    Homes,
    counts_at,
    in_period,
    received_at,
    tenure_unknown_group,
    tsm_groups,
    within_code,
)

# The order rows are shown in: the schema's, so a value the schema gains gets its zero row.
OUTCOME_ORDER = OUTCOMES
CHANNEL_ORDER = enum_of("properties", "channel")
TENURE_ORDER = enum_of("properties", "tenure")
REFUSAL_ORDER = event_enum("refused", "reason")
REMEDY_ORDER = enum_of("$defs", "remedy", "properties", "type")
FINDING_ORDER = enum_of("$defs", "event", "properties", "finding")


def month_labels(start: dt.date) -> list[tuple[int, int, str]]:
    """The twelve (year, month, "Apr 2025") of a reporting year from its first day."""
    out = []
    year, month = start.year, start.month
    for _ in range(12):
        out.append((year, month, dt.date(year, month, 1).strftime("%b %Y")))
        month += 1
        if month > 12:
            year, month = year + 1, 1
    return out


def annual_report(
    facts: Sequence[CaseFacts],
    settings: Settings,
    year: int,
    homes: Homes,
    *,
    today: dt.date | None = None,
    previous_homes: Homes | None = None,
    left_out: int = 0,
) -> AnnualReport:
    """The report for the reporting year that starts in ``year`` (Settings.year_period)."""
    report = _build(facts, settings, year, homes, today, left_out)
    previous = _build(facts, settings, year - 1, previous_homes or homes, today, 0)
    if not _has_data(facts, previous.start, previous.end):
        return report
    return _replace_previous(report, previous.key_figures(), previous.label)


def _has_data(facts: Sequence[CaseFacts], start: dt.date, end: dt.date) -> bool:
    return any(start <= f.received <= end for f in facts)


def _replace_previous(report: AnnualReport, previous: KeyFigures, label: str) -> AnnualReport:
    return replace(report, previous=previous, previous_label=label)


def _build(
    facts: Sequence[CaseFacts],
    settings: Settings,
    year: int,
    homes: Homes,
    today: dt.date | None,
    left_out: int,
) -> AnnualReport:
    period = settings.year_period(year)
    start, end = period
    as_of = today or end
    options = settings.tsm
    main, lcho = tsm_groups(facts, period, options, homes)
    complaints = [f for f in facts if f.kind == "complaint"]

    arriving, answered = stage_flows(complaints, period, options)

    months: dict[str, Table] = {}
    labels = month_labels(start)
    for s in STAGES:
        counts = {label: 0 for _, _, label in labels}
        names = {(y, m): label for y, m, label in labels}
        for f in arriving[s]:
            day = received_at(f, s)
            assert day is not None
            counts[names[(day.year, day.month)]] += 1
        months[s] = Table(
            f"months_stage{s}", f"Stage {s} complaints by month", "Month", tuple(counts.items())
        )

    stages = {s: stage_performance(s, arriving[s], answered[s], settings) for s in STAGES}
    outcomes = {
        s: table(
            f"outcomes_stage{s}",
            f"Stage {s} responses by outcome",
            "Outcome",
            (_stage(f, s).outcome for f in answered[s]),
            OUTCOME_ORDER,
        )
        for s in STAGES
    }
    stage1 = arriving["1"]
    categories = table(
        "categories",
        "Stage 1 complaints by category",
        "Category",
        (f.category for f in stage1),
        settings.categories,
    )
    channels = table(
        "channels",
        "Stage 1 complaints by how they were made",
        "Channel",
        (f.channel for f in stage1),
        CHANNEL_ORDER,
    )
    tenures = table(
        "tenures",
        "Stage 1 complaints by tenure",
        "Tenure",
        (f.tenure for f in stage1),
        TENURE_ORDER,
    )

    refused = [f for f in complaints if in_period(f.refused, period)]
    refusals = table(
        "refusals",
        "Complaints not accepted, by reason (Code 2.2)",
        "Reason",
        (f.refusal_reason or "other" for f in refused),
        REFUSAL_ORDER,
    )

    offered = [
        r
        for f in complaints
        for r in f.remedies
        if in_period(r.offered, period) and counts_at(f, r.stage, options) is not None
    ]
    remedies = table(
        "remedies", "Remedies offered, by type", "Remedy", (r.type for r in offered), REMEDY_ORDER
    )
    money_offered = [
        r.amount_gbp for r in offered if r.type == "financial" and r.amount_gbp is not None
    ]
    paid = [
        r.amount_gbp
        for f in complaints
        for r in f.remedies
        if r.type == "financial" and r.amount_gbp is not None and in_period(r.done, period)
    ]
    due = [
        r
        for f in complaints
        for r in f.remedies
        if in_period(r.due, period) and r.due is not None and r.due <= as_of
    ]
    actions = Share(
        sum(1 for r in due if r.done is not None and r.due is not None and r.done <= r.due),
        len(due),
    )

    second = [f for f in answered["2"] if f.different_handlers is not None]
    handlers = Share(sum(1 for f in second if f.different_handlers), len(second))
    definitions = Share(sum(1 for f in stage1 if f.has_definition), len(stage1))
    escalations = [f for f in arriving["2"] if f.has_escalation_definition is not None]
    definitions_2 = Share(
        sum(1 for f in escalations if f.has_escalation_definition), len(escalations)
    )
    in_year = [
        f
        for f in complaints
        if in_period(f.received, period)
        or any(in_period(d, period) for st in f.stages for d in (st.escalated, st.responded))
    ]
    determined = [f for f in complaints if in_period(f.ombudsman_determined, period)]
    findings = table(
        "findings",
        "Ombudsman determinations, by finding",
        "Finding",
        (f.ombudsman_finding for f in determined),
        FINDING_ORDER,
    )

    notes = []
    if homes.total is None:
        notes.append(
            Note(
                "`homes` is not set in complaints.yml (or the year file): CH01 cannot be worked out.",
                "staff",
            )
        )
    if left_out:
        notes.append(
            Note(
                f"{left_out} case file(s) have errors and are left out of every figure: run `complaints check`.",
                "staff",
            )
        )
    if as_of < end:
        notes.append(
            Note(
                f"The year is not over: figures are for the year to date ({as_of.isoformat()}).",
                "public",
            )
        )

    return AnnualReport(
        organisation=settings.organisation,
        year=year,
        label=settings.year_label(year),
        start=start,
        end=end,
        today=as_of,
        homes=homes,
        tsm=main,
        tsm_lcho=lcho,
        tsm_unknown=tenure_unknown_group(facts, period, options),
        received={s: len(arriving[s]) for s in STAGES},
        months=months,
        stages=stages,
        outcomes=outcomes,
        categories=categories,
        channels=channels,
        tenures=tenures,
        refusals=refusals,
        refusals_questionable=sum(1 for f in refused if f.refusal_questionable),
        escalations_refused=sum(1 for f in complaints if in_period(f.escalation_refused, period)),
        escalations_refused_without_reason=sum(
            1
            for f in complaints
            if in_period(f.escalation_refused, period) and f.escalation_refused_without_reason
        ),
        withdrawn=sum(1 for f in complaints if in_period(f.withdrawn, period)),
        remedies=remedies,
        compensation_offered=Money(len(money_offered), sum(money_offered)),
        compensation_paid=Money(len(paid), sum(paid)),
        actions_on_time=actions,
        different_handlers=handlers,
        definitions_recorded=definitions,
        open_at_end=sum(
            1 for f in complaints if f.received <= end and (f.closed is None or f.closed > end)
        ),
        referrals=sum(1 for f in complaints if in_period(f.referred, period)),
        findings=findings,
        non_compliance_findings=sum(1 for f in determined if f.ombudsman_non_compliance),
        service_requests=sum(
            1 for f in facts if f.kind == "service_request" and in_period(f.received, period)
        ),
        compliments=sum(
            1 for f in facts if f.kind == "compliment" and in_period(f.received, period)
        ),
        left_out=left_out,
        notes=tuple(notes),
        handlers_unrecorded=len(answered["2"]) - len(second),
        definitions_recorded_2=definitions_2,
        procedures=tuple(sorted({f.policy for f in in_year if f.policy})),
    )


def _stage(facts: CaseFacts, stage: str) -> StageFacts:
    found = facts.stage(stage)
    assert found is not None
    return found


def stage_performance(
    stage: str, arriving: Sequence[CaseFacts], answered: Sequence[CaseFacts], settings: Settings
) -> StagePerformance:
    decided = [v for f in arriving if (v := _stage(f, stage).acknowledged_within) is not None]
    responses = [_stage(f, stage) for f in answered]
    return StagePerformance(
        stage=stage,
        acknowledged_on_time=Share(sum(decided), len(decided)),
        responded_on_time=Share(
            sum(1 for r in responses if within_code(r, settings.tsm)), len(responses)
        ),
        responded_without_extension=Share(
            sum(1 for r in responses if r.responded_within), len(responses)
        ),
        with_extension=sum(1 for r in responses if r.extensions),
        extension_beyond_cap=sum(1 for r in responses if r.extension_beyond_cap),
        extensions_recorded=sum(r.extensions for r in responses),
        extension_notice_missing=sum(r.extensions_without_ombudsman_details for r in responses),
        extension_notice_unrecorded=sum(
            r.extensions_ombudsman_details_unrecorded for r in responses
        ),
    )


def stage_flows(
    complaints: Sequence[CaseFacts], period: tuple[dt.date, dt.date], options: TsmOptions
) -> tuple[dict[str, list[CaseFacts]], dict[str, list[CaseFacts]]]:
    """Per stage, the complaints that arrived at it in the period, and those answered at it in
    the period (counted as the TSMs count them): the report's and the digests' one count."""
    arriving = {
        s: [
            f
            for f in complaints
            if counts_at(f, s, options) is not None and in_period(received_at(f, s), period)
        ]
        for s in STAGES
    }
    answered = {
        s: [
            f
            for f in complaints
            if (st := counts_at(f, s, options)) is not None and in_period(st.responded, period)
        ]
        for s in STAGES
    }
    return arriving, answered
