"""The monthly digest, per section for its head of service: every complaint of the month.

Figures against the Code come from ``figures.period_figures`` (counted as `complaints report`
counts a year). Timeliness against the section's own procedure comes from the engine's clocks
under the case's procedure (what `complaints check` shows): each clock done in the month, met
or late.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from ..annual.figures import Share
from ..annual.tsm import in_period
from .figures import PeriodFigures, period_figures
from .gather import Gathered, Item
from .learning import LearningLine, learning_in
from .periods import Period


@dataclass(frozen=True, slots=True)
class MonthCase:
    case: str
    kind: str
    officer: str
    received: dt.date
    stage: str
    closed: dt.date | None

    def to_json(self) -> dict[str, object]:
        return {
            "case": self.case,
            "kind": self.kind,
            "officer": self.officer,
            "received": self.received.isoformat(),
            "stage": self.stage,
            "closed": self.closed.isoformat() if self.closed else None,
        }


@dataclass(frozen=True, slots=True)
class ProcedureClock:
    """One clock of the procedure: how many were done in the month, and how many on time."""

    policy: str
    stage: str
    clock: str
    name: str
    on_time: Share

    def to_json(self) -> dict[str, object]:
        return {
            "policy": self.policy,
            "stage": self.stage,
            "clock": self.clock,
            "name": self.name,
            "on_time": self.on_time.to_json(),
        }


@dataclass(frozen=True, slots=True)
class SectionMonth:
    team: str
    head_of_service: str | None
    cases: tuple[MonthCase, ...]  # every case open at some time in the month
    figures: PeriodFigures
    procedure: tuple[ProcedureClock, ...]
    learning: tuple[LearningLine, ...]

    def to_json(self) -> dict[str, object]:
        return {
            "team": self.team,
            "head_of_service": self.head_of_service,
            "cases": [c.to_json() for c in self.cases],
            "figures": self.figures.to_json(),
            "procedure": [p.to_json() for p in self.procedure],
            "learning": [line.to_json() for line in self.learning],
        }


@dataclass(frozen=True, slots=True)
class MonthDigest:
    organisation: str
    today: dt.date
    period: Period
    sections: tuple[SectionMonth, ...]
    left_out: int

    def to_json(self) -> dict[str, object]:
        return {
            "period": self.period.to_json(),
            "organisation": self.organisation,
            "today": self.today.isoformat(),
            "sections": [s.to_json() for s in self.sections],
            "left_out_files": self.left_out,
        }


def _active(item: Item, period: Period) -> bool:
    closed = item.result.closed
    return item.case.received <= period.end and (closed is None or closed >= period.start)


def procedure_clocks(items: list[Item], period: Period) -> tuple[ProcedureClock, ...]:
    met: dict[tuple[str, str, str, str], list[bool]] = defaultdict(list)
    for item in items:
        for clock in item.result.clocks:
            if clock.state in ("met", "late") and in_period(clock.done, period.span):
                key = (item.result.policy, clock.stage, clock.clock, clock.name)
                met[key].append(clock.state == "met")
    return tuple(
        ProcedureClock(policy, stage, clock, name, Share(sum(flags), len(flags)))
        for (policy, stage, clock, name), flags in sorted(met.items())
    )


def month_digest(gathered: Gathered, period: Period) -> MonthDigest:
    sections = []
    for team in gathered.teams_with_cases():
        items = [i for i in gathered.items if i.team == team.name]
        active = sorted((i for i in items if _active(i, period)), key=lambda i: i.case.id)
        sections.append(
            SectionMonth(
                team=team.name,
                head_of_service=team.head_of_service,
                cases=tuple(
                    MonthCase(
                        i.case.id,
                        i.case.kind,
                        i.officer,
                        i.case.received,
                        i.result.stage,
                        i.result.closed,
                    )
                    for i in active
                ),
                figures=period_figures(
                    [i.facts for i in items], gathered.settings, period.start, period.end
                ),
                procedure=procedure_clocks(items, period),
                learning=learning_in(items, period, gathered.today),
            )
        )
    return MonthDigest(
        gathered.settings.organisation,
        gathered.today,
        period,
        tuple(sections),
        len(gathered.left_out),
    )
