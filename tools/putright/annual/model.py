"""The annual report as data: the report, its year-on-year key figures, its notes and sums.

``report.annual_report`` builds an ``AnnualReport``; ``published.publish`` makes the suppressed
copy the public site shows; each has ``to_json``, the shape ``complaints annual --format json``
prints.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

from .facts import STAGES
from .figures import Share, Table
from .tsm import (
    Homes,
    TsmGroup,
)

Audience = Literal["public", "staff"]


@dataclass(frozen=True, slots=True)
class Note:
    """A note on a report, typed by who may read it: the public generator keeps only
    ``public`` ones (a staff note names files, settings or commands)."""

    text: str
    audience: Audience

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True, slots=True)
class Money:
    """A sum of payments: how many and how much (GBP)."""

    payments: int
    amount: float

    def to_json(self) -> dict[str, object]:
        return {"payments": self.payments, "amount_gbp": round(self.amount, 2)}


@dataclass(frozen=True, slots=True)
class StagePerformance:
    """One stage's timeliness and extensions for the year."""

    stage: str
    acknowledged_on_time: Share  # of complaints reaching the stage in the year, once decided
    responded_on_time: Share  # CH02's count, every tenure together
    responded_without_extension: Share  # within the Code's base time, no extension
    with_extension: int  # responses (counted by CH02) after an extension
    extension_beyond_cap: int  # of those, extensions above the Code's cap (6.4 / 6.15)
    extensions_recorded: int  # extension events before those responses
    extension_notice_missing: int  # of those, recorded without the Ombudsman's details
    extension_notice_unrecorded: int = 0  # of those, with no record either way (Code 6.5/6.16)

    def to_json(self) -> dict[str, object]:
        return {
            "acknowledged_on_time": self.acknowledged_on_time.to_json(),
            "responded_on_time": self.responded_on_time.to_json(),
            "responded_without_extension": self.responded_without_extension.to_json(),
            "with_extension": self.with_extension,
            "extension_beyond_cap": self.extension_beyond_cap,
            "extensions_recorded": self.extensions_recorded,
            "extension_notice_missing": self.extension_notice_missing,
            "extension_notice_unrecorded": self.extension_notice_unrecorded,
        }


@dataclass(frozen=True, slots=True)
class KeyFigures:
    """The figures compared year on year."""

    received: dict[str, int]
    ch01: dict[str, float | None]
    ch02: dict[str, float | None]
    acknowledged_on_time: float | None
    refused: int
    referred: int
    compensation_offered: float

    def to_json(self) -> dict[str, object]:
        return {
            "received": {f"stage{s}": n for s, n in self.received.items()},
            "CH01": {f"stage{s}": v for s, v in self.ch01.items()},
            "CH02": {f"stage{s}": v for s, v in self.ch02.items()},
            "acknowledged_on_time_stage1": self.acknowledged_on_time,
            "refused": self.refused,
            "referred": self.referred,
            "compensation_offered_gbp": round(self.compensation_offered, 2),
        }


@dataclass(frozen=True, slots=True)
class AnnualReport:
    organisation: str
    year: int
    label: str  # "2025-26"
    start: dt.date
    end: dt.date
    today: dt.date
    homes: Homes
    tsm: TsmGroup
    tsm_lcho: TsmGroup | None
    received: dict[str, int]  # counted complaints reaching each stage in the year
    months: dict[str, Table]  # by stage
    stages: dict[str, StagePerformance]
    outcomes: dict[str, Table]  # by stage
    categories: Table
    channels: Table
    tenures: Table
    refusals: Table  # Code 8.1(b): refused complaints by reason
    refusals_questionable: int  # over_12_months for a matter within 12 months (Code 2.3)
    escalations_refused: int
    escalations_refused_without_reason: int  # Code 5.11
    withdrawn: int
    remedies: Table
    compensation_offered: Money
    compensation_paid: Money
    actions_on_time: Share  # Code 7.3: remedies due in the year (and by today) done by then
    different_handlers: Share  # Code 6.13: stage 2 responses by someone new, where recorded
    definitions_recorded: Share  # Code 5.6
    open_at_end: int
    referrals: int
    findings: Table
    non_compliance_findings: int
    service_requests: int
    compliments: int
    previous: KeyFigures | None = None
    previous_label: str = ""
    left_out: int = 0
    notes: tuple[Note, ...] = field(default_factory=tuple)
    handlers_unrecorded: int = 0  # Code 6.13: stage 2 responses without both handlers recorded
    definitions_recorded_2: Share = field(default_factory=lambda: Share(0, 0))  # 5.6, stage 2
    procedures: tuple[str, ...] = ()  # the procedures the year's complaints followed (ids)
    tsm_unknown: TsmGroup | None = None  # tenure other or not recorded, with lcho_apart

    @property
    def complete(self) -> bool:
        """Is the year over (as of today)? Otherwise the figures are the year to date."""
        return self.today >= self.end

    def key_figures(self) -> KeyFigures:
        return KeyFigures(
            received=dict(self.received),
            ch01={s: self.tsm.ch01[s].value for s in STAGES},
            ch02={s: self.tsm.ch02[s].percent for s in STAGES},
            acknowledged_on_time=self.stages["1"].acknowledged_on_time.percent,
            refused=self.refusals.total,
            referred=self.referrals,
            compensation_offered=self.compensation_offered.amount,
        )

    def to_json(self) -> dict[str, object]:
        out: dict[str, object] = {
            "organisation": self.organisation,
            "year": self.label,
            "period": {"start": self.start.isoformat(), "end": self.end.isoformat()},
            "as_of": self.today.isoformat(),
            "complete": self.complete,
            "homes": {"total": self.homes.total, "lcho": self.homes.lcho},
            "tsm": self.tsm.to_json(),
            "tsm_lcho": self.tsm_lcho.to_json() if self.tsm_lcho else None,
            "tsm_tenure_unknown": self.tsm_unknown.to_json() if self.tsm_unknown else None,
            "received": {f"stage{s}": n for s, n in self.received.items()},
            "months": {f"stage{s}": t.to_json() for s, t in self.months.items()},
            "stages": {f"stage{s}": p.to_json() for s, p in self.stages.items()},
            "outcomes": {f"stage{s}": t.to_json() for s, t in self.outcomes.items()},
            "categories": self.categories.to_json(),
            "channels": self.channels.to_json(),
            "tenures": self.tenures.to_json(),
            "refusals": self.refusals.to_json(),
            "refusals_questionable": self.refusals_questionable,
            "escalations_refused": self.escalations_refused,
            "escalations_refused_without_reason": self.escalations_refused_without_reason,
            "withdrawn": self.withdrawn,
            "remedies": self.remedies.to_json(),
            "compensation": {
                "offered": self.compensation_offered.to_json(),
                "paid": self.compensation_paid.to_json(),
            },
            "actions_on_time": self.actions_on_time.to_json(),
            "different_handlers": self.different_handlers.to_json(),
            "definitions_recorded": self.definitions_recorded.to_json(),
            "definitions_recorded_stage2": self.definitions_recorded_2.to_json(),
            "handlers_unrecorded": self.handlers_unrecorded,
            "procedures": list(self.procedures),
            "open_at_end": self.open_at_end,
            "ombudsman": {
                "referrals": self.referrals,
                "findings": self.findings.to_json(),
                "non_compliance_findings": self.non_compliance_findings,
            },
            "service_requests": self.service_requests,
            "compliments": self.compliments,
            "year_on_year": None,
            "left_out_files": self.left_out,
            "notes": [n.text for n in self.notes],
        }
        if self.previous is not None:
            out["year_on_year"] = {
                "previous_year": self.previous_label,
                "previous": self.previous.to_json(),
                "change": _changes(self.key_figures(), self.previous),
            }
        return out


def _changes(now: KeyFigures, before: KeyFigures) -> dict[str, object]:
    def diff(a: float | int | None, b: float | int | None) -> float | int | None:
        if a is None or b is None:
            return None
        return round(a - b, 1) if isinstance(a, float) or isinstance(b, float) else a - b

    return {
        "received": {f"stage{s}": diff(now.received[s], before.received[s]) for s in STAGES},
        "CH01": {f"stage{s}": diff(now.ch01[s], before.ch01[s]) for s in STAGES},
        "CH02": {f"stage{s}": diff(now.ch02[s], before.ch02[s]) for s in STAGES},
        "acknowledged_on_time_stage1": diff(now.acknowledged_on_time, before.acknowledged_on_time),
        "refused": now.refused - before.refused,
        "referred": now.referred - before.referred,
    }
