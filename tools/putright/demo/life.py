"""The case-life simulator: a draft case, and the helpers that put its events on working days.

A case is planned as a whole life (acknowledgement, response, escalation, closure...) by a
``Life`` drawn from a ``Gen`` (the calendar, the seeded dice and the span of the demo); the
ordinary lives are here, the scenarios the demo needs are in ``scenarios`` and ``reporting``.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Collection
from dataclasses import dataclass, field

from ..calendar import WorkingCalendar
from ..vocab import enum_of
from .words import (
    ADJUSTMENTS,
    COMPLIMENT,
    ESCALATION_REASONS,
    EXTENSION_DEFAULT,
    EXTENSION_REASONS,
    FIRST,
    LAST,
    LEARNING,
    PADDING,
    RELATIONSHIPS,
    REPAIR_WORKS,
    SERVICE,
    SOUGHT,
    STREETS,
    SUMMARY,
)

DEMO_SEED = 1180
# Procedures a few demo cases follow besides the default; a repository without one of them
# gets those cases under its default procedure instead (their events fit the Code too).
DEMO_POLICIES = ("hoc-2024", "saha", "support-trust")
DEMO_CLOSURES = (dt.date(2025, 12, 24), dt.date(2026, 12, 24))
CATEGORIES = (
    "repairs",
    "damp_and_mould",
    "anti_social_behaviour",
    "staff_conduct",
    "communication",
    "rent_and_charges",
    "estate_services",
    "allocations",
    "other",
)
DEMO_LOG = "brookfield-complaints-log.xlsx"  # the fictional log the demo was imported from
SCHEMA_REF = "../../.schemas/case.schema.json"

DAY = dt.timedelta(days=1)
# Stage 1 case officers and the stage 2 reviewers: disjoint, so stage 2 is always someone new
# (Code 6.13) except in the one case built to show that warning.
OFFICERS = ("aokafor", "bnguyen", "cdavies", "dwright")
REVIEWERS = ("ehughes", "fkhan")

Value = str | int | float | bool | dt.date
Remedy = dict[str, Value]
Field = Value | list[Remedy]


# --- the calendar and the span ----------------------------------------------------------


def demo_calendar(closures: tuple[dt.date, ...] = DEMO_CLOSURES) -> WorkingCalendar:
    return WorkingCalendar("ENG", closures)


def reporting_span(today: dt.date, year_start: tuple[int, int] = (4, 1)) -> tuple[dt.date, dt.date]:
    """From the start of the reporting year before today's, to today: two reporting years."""
    month, day = year_start
    start_year = today.year if (today.month, today.day) >= (month, day) else today.year - 1
    return dt.date(start_year - 1, month, day), today


def days_back(cal: WorkingCalendar, day: dt.date, n: int) -> dt.date:
    """The latest working day d with cal.add(d, n) == day (day itself a working day)."""
    d = day
    while cal.between(d, day) < n or not cal.is_working_day(d):
        d -= DAY
    return d


@dataclass(frozen=True, slots=True)
class Person:
    name: str
    email: str
    phone: str
    address: str
    advocate: dict[str, Value] | None
    adjustments: str | None


# --- the draft of a case ----------------------------------------------------------------


@dataclass(slots=True)
class Event:
    day: dt.date
    type: str
    fields: dict[str, Field]


@dataclass(slots=True)
class Draft:
    received: dt.date
    kind: str
    channel: str
    category: str
    tenure: str
    officer: str
    person: Person
    summary: list[str]
    definition: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    incident_date: dt.date | None = None
    policy: str | None = None
    events: list[Event] = field(default_factory=list)
    about: dict[str, Value] | None = None  # who the complaint is about (Code 5.4-5.5)


class Life:
    """One case being planned: helpers that put its events on working days, in order."""

    def __init__(self, gen: Gen, draft: Draft) -> None:
        self.gen = gen
        self.cal = gen.cal
        self.rng = gen.rng
        self.draft = draft
        self._remedy_ids = 0

    @property
    def received(self) -> dt.date:
        return self.draft.received

    @property
    def officer(self) -> str:
        return self.draft.officer

    def add(self, day: dt.date, type_: str, **fields: Field | None) -> dt.date:
        kept = {k: v for k, v in fields.items() if v is not None}
        if type_ == "escalated" and fields.get("stage") == 2:
            # Code 5.6: the complaint is defined again at stage 2 (no random draw: the other
            # cases stay as they were).
            kept.setdefault(
                "definition",
                "Our understanding at stage 2: the stage 1 answer did not resolve the "
                "complaint, and the resident wants it reviewed.",
            )
        self.draft.events.append(Event(day, type_, kept))
        return day

    def wd(self, day: dt.date, n: int) -> dt.date:
        return self.cal.add(day, n)

    def acknowledge(
        self, stage: int, start: dt.date, *, late: bool = False, by: str | None = None
    ) -> dt.date:
        due = self.wd(start, 5)
        day = (
            self.wd(due, self.rng.randint(1, 5)) if late else self.wd(start, self.rng.randint(1, 5))
        )
        return self.add(day, "acknowledged", stage=stage, by=by or self.officer)

    def respond(
        self,
        stage: int,
        ack: dt.date,
        *,
        extended: int = 0,
        not_before: dt.date | None = None,
        late: bool = False,
        by: str | None = None,
        outcome: str | None = None,
        remedies: list[Remedy] | None = None,
        learning: str | None = None,
        points: list[Remedy] | None = None,
    ) -> dt.date:
        limit = (10 if stage == 1 else 20) + extended
        due = self.wd(ack, limit)
        if late:
            day = self.wd(due, self.rng.randint(1, 8))
        else:
            day = self.wd(ack, self.rng.randint(max(1, limit // 2), limit))
            if not_before is not None and day <= not_before:
                day = min(due, self.wd(not_before, 1))
        outcome = (
            outcome
            or self.rng.choices(("upheld", "partially_upheld", "not_upheld"), weights=(3, 4, 3))[0]
        )
        if remedies is None:
            remedies = self.remedies(outcome, day)
        if learning is None and outcome != "not_upheld" and self.rng.random() < 0.3:
            learning = LEARNING[self.draft.category]
        return self.add(
            day, "responded", stage=stage, by=by or self.officer, outcome=outcome,
            remedies=remedies or None, learning=learning, points=points,
        )  # fmt: skip

    def extend(self, stage: int, day: dt.date, days: int, reason: str | None = None) -> dt.date:
        reason = reason or EXTENSION_REASONS.get(self.draft.category, EXTENSION_DEFAULT)
        return self.add(
            day, "extended", stage=stage, working_days=days, reason=reason, agreed=True,
            ombudsman_details_given=True,
        )  # fmt: skip

    def close(self, day: dt.date) -> dt.date:
        return self.add(day, "closed", by=self.officer)

    def remedy_id(self, kind: str) -> str:
        self._remedy_ids += 1
        return f"{kind.replace('_', '-')}-{self._remedy_ids}"

    def action(
        self,
        kind: str,
        responded: dt.date,
        description: str,
        *,
        named: bool = False,
        done: bool | None = None,
    ) -> Remedy:
        """A remedy with a due date; done on time, late or (sometimes) never."""
        rng = self.rng
        due = responded + dt.timedelta(days=rng.randint(10, 45))
        remedy: Remedy = {"type": kind}
        if named:
            remedy["id"] = self.remedy_id(kind)
        remedy["description"] = description
        remedy["due"] = due
        finished = rng.random() >= 0.1 if done is None else done
        if finished and not named:
            done_day = max(responded + DAY, due + dt.timedelta(days=rng.randint(-14, 6)))
            remedy["done"] = self.cal.next_working_day(done_day)
        return remedy

    def remedies(self, outcome: str, responded: dt.date) -> list[Remedy]:
        rng = self.rng
        category = self.draft.category
        out: list[Remedy] = []
        if outcome == "not_upheld":
            if rng.random() < 0.6:
                out.append({"type": "explanation"})
            return out
        if rng.random() < 0.85:
            out.append({"type": "apology"})
        if rng.random() < 0.55:
            amount: float = rng.choice((25, 50, 75, 100, 150, 250, 400))
            if rng.random() < 0.15:
                amount += 0.5  # some awards are calculated to the penny
            out.append({"type": "financial", "amount_gbp": amount})
        if category in ("repairs", "damp_and_mould", "estate_services"):
            out.append(self.action("repair", responded, rng.choice(REPAIR_WORKS[category])))
        elif category in ("rent_and_charges", "allocations") and rng.random() < 0.6:
            out.append({"type": rng.choice(("decision_changed", "record_amended"))})
        elif category in ("staff_conduct", "communication") and rng.random() < 0.5:
            out.append(self.action("training", responded, "team briefing on call handling"))
        elif rng.random() < 0.08:
            out.append({"type": rng.choice(("policy_change", "other"))})
        return out


# --- the generator ----------------------------------------------------------------------


class Gen:
    """What every plan needs: the calendar, the dice and the span of the demo."""

    def __init__(
        self,
        today: dt.date,
        seed: int,
        cal: WorkingCalendar,
        year_start: tuple[int, int] = (4, 1),
        policies: Collection[str] = DEMO_POLICIES,
    ) -> None:
        self.today = today
        self.policies = frozenset(policies)
        self.rng = random.Random(seed)
        self.cal = cal
        self.start, _ = reporting_span(today, year_start)
        # Phone and email are most of them; the Ombudsman's channel only where a case needs it.
        others = tuple(c for c in enum_of("properties", "channel") if c != "ombudsman")
        self.channels = ("phone", "phone", "email", "email", "website", *others)

    def day_in_span(self, lo: float = 0.0, hi: float = 1.0) -> dt.date:
        """A working day at a random point of the span, between the fractions lo and hi."""
        days = (self.today - self.start).days
        day = self.start + dt.timedelta(days=self.rng.randint(int(days * lo), int(days * hi)))
        day = self.cal.next_working_day(day)
        return day if day <= self.today else days_back(self.cal, self.today, 0)

    def person(self) -> Person:
        rng = self.rng
        first, last = rng.choice(FIRST), rng.choice(LAST)
        number = rng.randint(1, 120)
        street = rng.choice(STREETS)
        address = (
            f"Flat {number}, Sample Court, {street}" if rng.random() < 0.3 else f"{number} {street}"
        ) + ", Brookfield"
        advocate: dict[str, Value] | None = None
        if rng.random() < 0.12:
            advocate = {
                "name": f"{rng.choice(FIRST)} {last}",
                "relationship": rng.choice(RELATIONSHIPS),
            }
        adjustments = rng.choice(ADJUSTMENTS) if rng.random() < 0.15 else None
        return Person(
            name=f"{first} {last}",
            email=f"{first.lower()}.{last.lower()}@example.org",
            phone=f"07700 900{rng.randint(0, 999):03d}",  # Ofcom's numbers for drama
            address=address,
            advocate=advocate,
            adjustments=adjustments,
        )

    def draft(
        self,
        received: dt.date,
        kind: str = "complaint",
        *,
        category: str | None = None,
        channel: str | None = None,
        officer: str | None = None,
        policy: str | None = None,
    ) -> Life:
        rng = self.rng
        category = category or rng.choice(CATEGORIES)
        if kind == "service_request":
            summary = [rng.choice(SERVICE)]
        elif kind == "compliment":
            summary = [rng.choice(COMPLIMENT)]
        else:
            pool = SUMMARY[category]
            summary = rng.sample(pool, k=min(len(pool), rng.randint(1, 2)))
        draft = Draft(
            received=received,
            kind=kind,
            channel=channel or rng.choice(self.channels),
            category=category,
            tenure=rng.choices(("lcra", "lcho", "other"), weights=(86, 11, 3))[0],
            officer=officer or rng.choice(OFFICERS),
            person=self.person(),
            summary=summary,
            policy=policy if policy in self.policies else None,
        )
        if kind == "complaint":
            draft.definition = [
                f"Our understanding: a complaint about {category.replace('_', ' ')}.",
                rng.choice(SOUGHT),
            ]
        if draft.person.advocate is not None:
            authorised = received + dt.timedelta(days=rng.randint(0, 3))
            draft.person.advocate["authorised"] = min(authorised, self.today)
        return Life(self, draft)


# --- lives: the ordinary ones -----------------------------------------------------------


def stage1(
    life: Life, *, late_ack: float = 0.12, late_resp: float = 0.18, ext: float = 0.15
) -> dt.date:
    """Acknowledge and respond at stage 1, with the usual optional steps; the response date."""
    rng, r = life.rng, life.received
    if rng.random() < 0.3:
        life.add(r, "logged", by=life.officer)
    if rng.random() < 0.2:
        life.add(r, "allocated", by="ehughes", to=life.officer)
    ack = life.acknowledge(1, r, late=rng.random() < late_ack)
    if rng.random() < 0.35:
        life.add(ack, "contacted", stage=1, by=life.officer)
    extended, ext_day = 0, None
    if rng.random() < ext:
        extended = rng.choice((5, 10))
        ext_day = life.extend(1, life.wd(ack, rng.randint(5, 9)), extended)
    late = rng.random() < late_resp
    if rng.random() < 0.25:
        life.add(life.wd(ack, 4), "update_sent", stage=1, by=life.officer)
    if rng.random() < 0.1:
        life.add(life.wd(ack, 4), "note", note=rng.choice(PADDING))
    return life.respond(1, ack, extended=extended, not_before=ext_day or life.wd(ack, 4), late=late)


def stage2(
    life: Life,
    responded: dt.date,
    *,
    reviewer: str | None = None,
    late_ack: float = 0.1,
    late_resp: float = 0.2,
    ext: float = 0.2,
) -> dt.date:
    rng = life.rng
    reviewer = reviewer or rng.choice(REVIEWERS)
    esc = life.add(
        life.wd(responded, rng.randint(2, 15)),
        "escalated",
        stage=2,
        reason=rng.choice(ESCALATION_REASONS),
    )
    ack = life.acknowledge(2, esc, late=rng.random() < late_ack, by=reviewer)
    extended, ext_day = 0, None
    if rng.random() < ext:
        extended = rng.choice((10, 15, 20))
        ext_day = life.extend(2, life.wd(ack, rng.randint(10, 17)), extended)
    if rng.random() < 0.3:
        life.add(
            life.wd(ack, 8), rng.choice(("interview_held", "panel_held")), stage=2, by=reviewer
        )
    return life.respond(
        2,
        ack,
        extended=extended,
        not_before=ext_day or life.wd(ack, 9),
        late=rng.random() < late_resp,
        by=reviewer,
    )


def complaint(life: Life) -> None:
    rng = life.rng
    responded = stage1(life)
    if rng.random() < 0.15:
        responded = stage2(life, responded)
    life.close(life.wd(responded, rng.randint(0, 3)))


def service_request(life: Life) -> None:
    rng, r = life.rng, life.received
    life.add(r, "logged", by=life.officer)
    if rng.random() < 0.5:
        life.add(life.wd(r, 1), "allocated", by=life.officer, to=rng.choice(OFFICERS))
    if rng.random() < 0.4:
        life.add(life.wd(r, 3), "update_sent", by=life.officer)
    life.close(life.wd(r, rng.randint(4, 25)))


def compliment(life: Life) -> None:
    r = life.received
    life.add(r, "logged", by=life.officer)
    life.add(life.wd(r, 1), "note", note="passed on to the team and their manager")
    life.close(life.wd(r, 1))


def random_life(gen: Gen, received: dt.date) -> Life:
    kind = gen.rng.choices(("complaint", "service_request", "compliment"), weights=(75, 15, 10))[0]
    life = gen.draft(received, kind)
    {"complaint": complaint, "service_request": service_request, "compliment": compliment}[kind](
        life
    )
    return life
