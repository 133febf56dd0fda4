"""A period's complaint figures, counted exactly as the annual report counts a year.

The same predicates as ``annual.report`` (``counts_at``, ``received_at``, ``in_period``,
``within_code``) and the same per-stage performance function, over any period: so twelve
months, or four quarters, add up to the year `complaints report` shows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from ..annual.facts import STAGES, CaseFacts
from ..annual.figures import Share, Table, table
from ..annual.model import Money, StagePerformance
from ..annual.report import (
    OUTCOME_ORDER,
    REFUSAL_ORDER,
    REMEDY_ORDER,
    stage_flows,
    stage_performance,
)
from ..annual.tsm import counts_at, in_period
from ..config import Settings


@dataclass(frozen=True, slots=True)
class PeriodFigures:
    start: dt.date
    end: dt.date
    received: dict[str, int]  # complaints reaching each stage in the period (as CH01 counts)
    performance: dict[str, StagePerformance]  # by stage: on time against the Code, extensions
    outcomes: dict[str, Table]  # responses sent in the period, by stage
    remedies: Table
    compensation_offered: Money
    compensation_paid: Money
    refusals: Table
    withdrawn: int
    escalations_refused: int
    referred: int
    closed: int

    @property
    def upheld(self) -> Share:
        """Responses upheld in full or in part, of all responses sent in the period."""
        tables = self.outcomes.values()
        part = sum(t.count("upheld") + t.count("partially_upheld") for t in tables)
        return Share(part, sum(t.total for t in tables))

    def to_json(self) -> dict[str, object]:
        return {
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "received": {f"stage{s}": n for s, n in self.received.items()},
            "stages": {f"stage{s}": p.to_json() for s, p in self.performance.items()},
            "outcomes": {f"stage{s}": t.to_json() for s, t in self.outcomes.items()},
            "upheld": self.upheld.to_json(),
            "remedies": self.remedies.to_json(),
            "compensation": {
                "offered": self.compensation_offered.to_json(),
                "paid": self.compensation_paid.to_json(),
            },
            "refusals": self.refusals.to_json(),
            "withdrawn": self.withdrawn,
            "escalations_refused": self.escalations_refused,
            "referred": self.referred,
            "closed": self.closed,
        }


def period_figures(
    facts: Sequence[CaseFacts], settings: Settings, start: dt.date, end: dt.date
) -> PeriodFigures:
    period = (start, end)
    options = settings.tsm
    complaints = [f for f in facts if f.kind == "complaint"]
    arriving, answered = stage_flows(complaints, period, options)
    outcomes = {}
    for s in STAGES:
        decided = (f.stage(s) for f in answered[s])
        outcomes[s] = table(
            f"outcomes_stage{s}",
            f"Stage {s} responses by outcome",
            "Outcome",
            (st.outcome if st else None for st in decided),
            OUTCOME_ORDER,
        )
    offered = [
        r
        for f in complaints
        for r in f.remedies
        if in_period(r.offered, period) and counts_at(f, r.stage, options) is not None
    ]
    money = [r.amount_gbp for r in offered if r.type == "financial" and r.amount_gbp is not None]
    paid = [
        r.amount_gbp
        for f in complaints
        for r in f.remedies
        if r.type == "financial" and r.amount_gbp is not None and in_period(r.done, period)
    ]
    refused = [f for f in complaints if in_period(f.refused, period)]
    return PeriodFigures(
        start=start,
        end=end,
        received={s: len(arriving[s]) for s in STAGES},
        performance={s: stage_performance(s, arriving[s], answered[s], settings) for s in STAGES},
        outcomes=outcomes,
        remedies=table(
            "remedies",
            "Remedies offered, by type",
            "Remedy",
            (r.type for r in offered),
            REMEDY_ORDER,
        ),
        compensation_offered=Money(len(money), sum(money)),
        compensation_paid=Money(len(paid), sum(paid)),
        refusals=table(
            "refusals",
            "Complaints not accepted, by reason (Code 2.2)",
            "Reason",
            (f.refusal_reason or "other" for f in refused),
            REFUSAL_ORDER,
        ),
        withdrawn=sum(1 for f in complaints if in_period(f.withdrawn, period)),
        escalations_refused=sum(1 for f in complaints if in_period(f.escalation_refused, period)),
        referred=sum(1 for f in complaints if in_period(f.referred, period)),
        closed=sum(1 for f in complaints if in_period(f.closed, period)),
    )
