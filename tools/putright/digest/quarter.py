"""The quarterly pack for the committee and the board (Code 9.7).

* the trend over the last four quarters (counted as `complaints report` counts a year);
* Ombudsman determinations in the quarter, and every order with its compliance, worked out
  from its due and done dates by the engine (the same deadline `check` shows);
* complaints about contractors and agents (Code 5.4-5.5), from the case's ``about``;
* vexatious behaviour: refusals for unacceptable behaviour, and restrictions on contact;
* learning recorded with responses, and complainant satisfaction from ``survey`` events.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from ..annual.figures import Share
from ..annual.tsm import in_period
from ..config import Settings
from ..engine.actions import ORDER, REVIEW
from .figures import PeriodFigures, period_figures
from .gather import Gathered, Item
from .learning import LearningLine, learning_in
from .periods import Period, previous

TREND_QUARTERS = 4


@dataclass(frozen=True, slots=True)
class OrderLine:
    case: str
    determined: dt.date
    order: str  # internal text
    due: dt.date
    done: dt.date | None
    state: str  # met (complied on time) | late | overdue | due_soon | pending

    def to_json(self) -> dict[str, object]:
        return {
            "case": self.case,
            "determined": self.determined.isoformat(),
            "order": self.order,
            "due": self.due.isoformat(),
            "done": self.done.isoformat() if self.done else None,
            "state": self.state,
        }


@dataclass(frozen=True, slots=True)
class Determination:
    case: str
    date: dt.date
    finding: str | None
    non_compliance: bool | None

    def to_json(self) -> dict[str, object]:
        return {
            "case": self.case,
            "date": self.date.isoformat(),
            "finding": self.finding,
            "non_compliance": self.non_compliance,
        }


@dataclass(frozen=True, slots=True)
class RestrictionLine:
    case: str
    date: dt.date
    restricts: str  # internal text
    review: dt.date | None
    review_state: str | None
    lifted: bool

    def to_json(self) -> dict[str, object]:
        return {
            "case": self.case,
            "date": self.date.isoformat(),
            "restricts": self.restricts,
            "review": self.review.isoformat() if self.review else None,
            "review_state": self.review_state,
            "lifted": self.lifted,
        }


@dataclass(frozen=True, slots=True)
class PartyRow:
    party: str  # landlord | contractor | agent | not recorded
    name: str | None
    received: int
    upheld: int  # responses in the quarter upheld in full or part

    def to_json(self) -> dict[str, object]:
        return {
            "party": self.party,
            "name": self.name,
            "received": self.received,
            "upheld": self.upheld,
        }


@dataclass(frozen=True, slots=True)
class Satisfaction:
    surveys: int
    satisfied: int
    dissatisfied: int
    not_answered: int
    scores: int
    mean_score: float | None

    @property
    def share(self) -> Share:
        """Satisfied, of those who answered the question."""
        return Share(self.satisfied, self.satisfied + self.dissatisfied)

    def to_json(self) -> dict[str, object]:
        return {
            "surveys": self.surveys,
            "satisfied": self.satisfied,
            "dissatisfied": self.dissatisfied,
            "not_answered": self.not_answered,
            "satisfied_share": self.share.to_json(),
            "scores": self.scores,
            "mean_score": self.mean_score,
        }


@dataclass(frozen=True, slots=True)
class QuarterDigest:
    organisation: str
    today: dt.date
    period: Period
    trend: tuple[tuple[Period, PeriodFigures], ...]  # oldest first, this quarter last
    determinations: tuple[Determination, ...]
    orders: tuple[OrderLine, ...]
    parties: tuple[PartyRow, ...]
    refused_unacceptable: tuple[str, ...]  # case ids refused for unacceptable behaviour
    restrictions: tuple[RestrictionLine, ...]  # recorded in the quarter
    restrictions_in_force: int  # at the quarter's end
    learning: tuple[LearningLine, ...]
    satisfaction: Satisfaction
    left_out: int

    @property
    def figures(self) -> PeriodFigures:
        return self.trend[-1][1]

    def orders_by_state(self) -> dict[str, int]:
        counts = Counter(o.state for o in self.orders)
        return {s: counts.get(s, 0) for s in ("met", "late", "overdue", "due_soon", "pending")}

    def to_json(self) -> dict[str, object]:
        return {
            "period": self.period.to_json(),
            "organisation": self.organisation,
            "today": self.today.isoformat(),
            "figures": self.figures.to_json(),
            "trend": [{"period": p.to_json(), **f.to_json()} for p, f in self.trend],
            "ombudsman": {
                "determinations": [d.to_json() for d in self.determinations],
                "orders": [o.to_json() for o in self.orders],
                "orders_by_state": self.orders_by_state(),
            },
            "about": [p.to_json() for p in self.parties],
            "vexatious": {
                "refused_unacceptable_behaviour": list(self.refused_unacceptable),
                "restrictions": [r.to_json() for r in self.restrictions],
                "restrictions_in_force": self.restrictions_in_force,
            },
            "learning": [line.to_json() for line in self.learning],
            "satisfaction": self.satisfaction.to_json(),
            "left_out_files": self.left_out,
        }


def _orders(
    items: list[Item], period: Period, today: dt.date
) -> tuple[list[Determination], list[OrderLine]]:
    determinations, orders = [], []
    for item in items:
        actions = {
            (a.event_index, a.remedy_index): a for a in item.result.actions if a.remedy == ORDER
        }
        for event in item.case.events_until(today):
            if event.type != "ombudsman_determination":
                continue
            if in_period(event.date, period.span):
                flag = event.get("non_compliance")
                determinations.append(
                    Determination(
                        item.case.id,
                        event.date,
                        event.get("finding"),
                        flag if isinstance(flag, bool) else None,
                    )
                )
            for order in event.orders:
                action = actions[(event.index, order.index)]
                # Orders made by the quarter's end that were open in it, or made in it.
                if event.date > period.end or (
                    action.done is not None and action.done < period.start
                ):
                    continue
                orders.append(
                    OrderLine(
                        item.case.id, event.date, order.order, order.due, action.done, action.state
                    )
                )
    determinations.sort(key=lambda d: (d.date, d.case))
    orders.sort(key=lambda o: (o.due, o.case))
    return determinations, orders


def _parties(items: list[Item], period: Period) -> tuple[PartyRow, ...]:
    received: Counter[tuple[str, str | None]] = Counter()
    upheld: Counter[tuple[str, str | None]] = Counter()
    for item in items:
        if item.case.kind != "complaint":
            continue
        about = item.case.about
        key = (about.party, about.name) if about else ("not recorded", None)
        if about and about.party == "landlord":
            key = ("landlord", None)
        if in_period(item.case.received, period.span):
            received[key] += 1
        for stage in item.facts.stages:
            if in_period(stage.responded, period.span) and stage.outcome in (
                "upheld",
                "partially_upheld",
            ):
                upheld[key] += 1
    order = {"landlord": 0, "contractor": 1, "agent": 2, "not recorded": 3}
    keys = sorted(set(received) | set(upheld), key=lambda k: (order[k[0]], (k[1] or "").casefold()))
    return tuple(PartyRow(p, n, received[(p, n)], upheld[(p, n)]) for p, n in keys)


def _restrictions(
    items: list[Item], period: Period, today: dt.date
) -> tuple[list[RestrictionLine], int]:
    lines, in_force = [], 0
    for item in items:
        reviews = {a.event_index: a for a in item.result.actions if a.remedy == REVIEW}
        events = [e for e in item.case.events_until(today) if e.type == "restriction"]
        for event in events:
            if not in_period(event.date, period.span):
                continue
            review = event.get("review")
            action = reviews.get(event.index)
            lines.append(
                RestrictionLine(
                    item.case.id,
                    event.date,
                    " ".join(str(event.get("restricts", "")).split()),
                    dt.date.fromisoformat(review) if isinstance(review, str) else None,
                    action.state if action else None,
                    event.get("lifted") is True,
                )
            )
        latest = [e for e in events if e.date <= period.end]
        if latest and latest[-1].get("lifted") is not True:
            in_force += 1
    lines.sort(key=lambda r: (r.date, r.case))
    return lines, in_force


def _satisfaction(items: list[Item], period: Period, today: dt.date) -> Satisfaction:
    answers: list[bool | None] = []
    scores: list[int] = []
    for item in items:
        for event in item.case.events_until(today):
            if event.type == "survey" and in_period(event.date, period.span):
                value = event.get("satisfied")
                answers.append(value if isinstance(value, bool) else None)
                score = event.get("score")
                if isinstance(score, int) and not isinstance(score, bool):
                    scores.append(score)
    mean = round(sum(scores) / len(scores), 1) if scores else None
    return Satisfaction(
        len(answers),
        sum(1 for a in answers if a is True),
        sum(1 for a in answers if a is False),
        sum(1 for a in answers if a is None),
        len(scores),
        mean,
    )


def quarter_digest(gathered: Gathered, period: Period, settings: Settings) -> QuarterDigest:
    items = list(gathered.items)
    facts = [i.facts for i in items]
    trend = tuple(
        (p, period_figures(facts, settings, p.start, p.end))
        for p in previous(period, settings, TREND_QUARTERS)
    )
    determinations, orders = _orders(items, period, gathered.today)
    restrictions, in_force = _restrictions(items, period, gathered.today)
    refused = sorted(
        i.case.id
        for i in items
        if i.facts.refusal_reason == "unacceptable_behaviour"
        and in_period(i.facts.refused, period.span)
    )
    return QuarterDigest(
        organisation=settings.organisation,
        today=gathered.today,
        period=period,
        trend=trend,
        determinations=tuple(determinations),
        orders=tuple(orders),
        parties=_parties(items, period),
        refused_unacceptable=tuple(refused),
        restrictions=tuple(restrictions),
        restrictions_in_force=in_force,
        learning=learning_in(items, period, gathered.today),
        satisfaction=_satisfaction(items, period, gathered.today),
        left_out=len(gathered.left_out),
    )
