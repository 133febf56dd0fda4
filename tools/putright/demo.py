"""Fictional case records: the shipped demo set and large synthetic sets for benchmarks.

Everything here is pure and deterministic: a seeded ``random.Random`` per call, ``today``
passed in, no global state, no files written. The YAML is written as text, not dumped, so a
demo file looks like one a complaints officer typed: flow-style one-line events, block style
for a response with remedies, strings quoted only where YAML would misread them.

A case is planned as a whole life (acknowledgement, response, escalation, closure...) and then
cut at ``today``: whatever would happen later is not yet known, which is what makes recent
cases open. Cases whose state as of ``today`` matters to the demo (overdue, due soon, the
Code warnings) are placed relative to ``today`` so they stay that way for any ``today``.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass, field

from .calendar import WorkingCalendar
from .housestyle import dump_case
from .vocab import enum_of

__all__ = [
    "CATEGORIES",
    "DEMO_CLOSURES",
    "DEMO_POLICIES",
    "DEMO_SEED",
    "MIN_DEMO_COUNT",
    "demo_calendar",
    "demo_cases",
    "reporting_span",
    "synthetic_cases",
]

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

_DAY = dt.timedelta(days=1)
# Stage 1 case officers and the stage 2 reviewers: disjoint, so stage 2 is always someone new
# (Code 6.13) except in the one case built to show that warning.
_OFFICERS = ("aokafor", "bnguyen", "cdavies", "dwright")
_REVIEWERS = ("ehughes", "fkhan")

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


def _back(cal: WorkingCalendar, day: dt.date, n: int) -> dt.date:
    """The latest working day d with cal.add(d, n) == day (day itself a working day)."""
    d = day
    while cal.between(d, day) < n or not cal.is_working_day(d):
        d -= _DAY
    return d


# --- the people and the words -----------------------------------------------------------

_FIRST = (
    "Ada", "Ben", "Cara", "Dev", "Ella", "Finn", "Gita", "Hal", "Isla", "Jon", "Kemi", "Leo",
    "Maya", "Nico", "Olu", "Priya", "Quinn", "Rosa", "Sami", "Tess", "Umar", "Vera", "Wes", "Yara",
)  # fmt: skip
_LAST = (
    "Testperson", "Sample", "Example", "Placeholder", "Fictional", "Specimen", "Mockford",
    "Dummyson", "Notreal", "Madeup", "Pretend", "Fakeley",
)  # fmt: skip
_STREETS = ("Example Road", "Sample Street", "Placeholder Close", "Test Avenue", "Demo Lane")
_RELATIONSHIPS = ("daughter", "son", "support worker", "councillor", "friend", "MP's caseworker")
_ADJUSTMENTS = (
    "large print letters",
    "prefers phone calls after 2pm",
    "BSL interpreter for meetings",
    "no calls: text or email only",
    "easy read letters",
)

_SUMMARY: dict[str, tuple[str, ...]] = {
    "repairs": (
        "The kitchen tap has leaked for six weeks and two booked visits were missed.",
        "The boiler keeps failing and the family has had no hot water for days at a time.",
        "A contractor left the bathroom floor half finished and did not come back.",
        "The front door lock was reported broken and the repair took over a month.",
    ),
    "damp_and_mould": (
        "Black mould has come back in the bedroom after it was treated in the spring.",
        "The child's room is damp and the resident says the inspection found nothing.",
        "Condensation runs down the windows every morning and the extractor fan is broken.",
    ),
    "anti_social_behaviour": (
        "Loud music from a neighbouring flat late at night, reported several times.",
        "The resident feels the reports about the communal garden were not taken seriously.",
    ),
    "staff_conduct": (
        "An officer was rude on the phone and ended the call without giving a name.",
        "The resident says a visiting surveyor did not show identification.",
    ),
    "communication": (
        "Three emails about a repair went unanswered over a month.",
        "Letters were sent to the wrong address after the resident moved within the estate.",
    ),
    "rent_and_charges": (
        "The service charge went up with no explanation of the new costs.",
        "A payment was not credited to the rent account and arrears letters followed.",
    ),
    "estate_services": (
        "The communal stairs have not been cleaned for weeks.",
        "The lift in the block has been out of service for ten days.",
        "Grass cutting on the estate was missed all summer.",
    ),
    "allocations": (
        "The resident disputes the banding given on the transfer application.",
        "A medical priority form was sent in but never assessed.",
    ),
    "other": (
        "The resident was charged for a parking permit that should be free.",
        "A garden fence between two of our homes has blown down.",
    ),
}
_SOUGHT = (
    "The resident wants the work done and an apology.",
    "The resident asks for compensation for the time lost.",
    "The resident wants a named contact and regular updates.",
    "The resident asks for the decision to be looked at again.",
    "The resident wants to be sure it will not happen again.",
)
_SERVICE = (
    "Asked for a repair to be booked for a dripping overflow pipe.",
    "Reported a streetlight out on the estate path.",
    "Asked for a copy of the tenancy agreement.",
    "Reported a missed bulky waste collection.",
    "Asked when the communal door entry system will be upgraded.",
)
_COMPLIMENT = (
    "Thanked the repairs team for fixing the heating the same day.",
    "Praised the neighbourhood officer for help with a benefits form.",
    "Wrote to say the new kitchen was fitted quickly and tidily.",
)
# Reasons, works and lessons follow the category, so a case reads as one story.
_EXTENSION_REASONS: dict[str, str] = {
    "repairs": "awaiting contractor report",
    "damp_and_mould": "specialist damp survey booked",
    "anti_social_behaviour": "waiting for CCTV footage from the estate cameras",
    "estate_services": "awaiting contractor report",
    "allocations": "waiting for the medical adviser's assessment",
}
_EXTENSION_DEFAULT = "resident asked for time to send further information"
_ESCALATION_REASONS = (
    "unhappy with the compensation offered",
    "says the matter is still not put right",
    "disagrees with the findings",
)
_LEARNING: dict[str, str] = {
    "repairs": "Missed appointments now trigger a call from the repairs team the same day.",
    "damp_and_mould": "Damp reports now get a survey within 10 working days.",
    "anti_social_behaviour": "Noise reports now get an action plan agreed within a week.",
    "staff_conduct": "Officers reminded to give their name and a direct line on every call.",
    "communication": "The repairs inbox now answers every email within 3 working days.",
    "rent_and_charges": "Service charge letters now itemise each cost.",
    "estate_services": "Estate inspection results are now posted in each block monthly.",
    "allocations": "Medical priority forms are now tracked on the lettings dashboard.",
    "other": "Front-line staff briefed on who owns requests that fit no team.",
}
_REPAIR_WORKS: dict[str, tuple[str, ...]] = {
    "repairs": (
        "renew kitchen tap and check pipework",
        "replace front door lock",
        "finish bathroom floor",
        "service boiler and replace pump",
    ),
    "damp_and_mould": (
        "treat mould and fit humidity-controlled fan",
        "mould wash and stain block in the bedroom",
        "repair bathroom extractor fan",
    ),
    "estate_services": (
        "repair lift door sensor",
        "deep clean communal stairs",
        "reinstate the grass cutting schedule",
    ),
}
_PADDING = (
    "Officer spoke to the resident and agreed the next steps by phone.",
    "Contractor notes attached to the housing system under the job number.",
    "Resident sent further photos by email, added to the case folder.",
    "Neighbour contacted as a witness and gave a short statement.",
    "Manager reviewed the file and agreed the proposed remedy.",
    "Follow-up visit booked to confirm the work was completed to standard.",
    "Resident confirmed the preferred contact times for the coming fortnight.",
    "Previous complaints at this address checked for related issues.",
)


@dataclass(frozen=True, slots=True)
class _Person:
    name: str
    email: str
    phone: str
    address: str
    advocate: dict[str, Value] | None
    adjustments: str | None


# --- the draft of a case ----------------------------------------------------------------


@dataclass(slots=True)
class _Event:
    day: dt.date
    type: str
    fields: dict[str, Field]


@dataclass(slots=True)
class _Draft:
    received: dt.date
    kind: str
    channel: str
    category: str
    tenure: str
    officer: str
    person: _Person
    summary: list[str]
    definition: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    incident_date: dt.date | None = None
    policy: str | None = None
    events: list[_Event] = field(default_factory=list)
    about: dict[str, Value] | None = None  # who the complaint is about (Code 5.4-5.5)


class _Life:
    """One case being planned: helpers that put its events on working days, in order."""

    def __init__(self, gen: _Gen, draft: _Draft) -> None:
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
        self.draft.events.append(_Event(day, type_, kept))
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
            learning = _LEARNING[self.draft.category]
        return self.add(
            day, "responded", stage=stage, by=by or self.officer, outcome=outcome,
            remedies=remedies or None, learning=learning, points=points,
        )  # fmt: skip

    def extend(self, stage: int, day: dt.date, days: int, reason: str | None = None) -> dt.date:
        reason = reason or _EXTENSION_REASONS.get(self.draft.category, _EXTENSION_DEFAULT)
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
            done_day = max(responded + _DAY, due + dt.timedelta(days=rng.randint(-14, 6)))
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
            out.append(self.action("repair", responded, rng.choice(_REPAIR_WORKS[category])))
        elif category in ("rent_and_charges", "allocations") and rng.random() < 0.6:
            out.append({"type": rng.choice(("decision_changed", "record_amended"))})
        elif category in ("staff_conduct", "communication") and rng.random() < 0.5:
            out.append(self.action("training", responded, "team briefing on call handling"))
        elif rng.random() < 0.08:
            out.append({"type": rng.choice(("policy_change", "other"))})
        return out


# --- the generator ----------------------------------------------------------------------


class _Gen:
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
        return day if day <= self.today else _back(self.cal, self.today, 0)

    def person(self) -> _Person:
        rng = self.rng
        first, last = rng.choice(_FIRST), rng.choice(_LAST)
        number = rng.randint(1, 120)
        street = rng.choice(_STREETS)
        address = (
            f"Flat {number}, Sample Court, {street}" if rng.random() < 0.3 else f"{number} {street}"
        ) + ", Brookfield"
        advocate: dict[str, Value] | None = None
        if rng.random() < 0.12:
            advocate = {
                "name": f"{rng.choice(_FIRST)} {last}",
                "relationship": rng.choice(_RELATIONSHIPS),
            }
        adjustments = rng.choice(_ADJUSTMENTS) if rng.random() < 0.15 else None
        return _Person(
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
    ) -> _Life:
        rng = self.rng
        category = category or rng.choice(CATEGORIES)
        if kind == "service_request":
            summary = [rng.choice(_SERVICE)]
        elif kind == "compliment":
            summary = [rng.choice(_COMPLIMENT)]
        else:
            pool = _SUMMARY[category]
            summary = rng.sample(pool, k=min(len(pool), rng.randint(1, 2)))
        draft = _Draft(
            received=received,
            kind=kind,
            channel=channel or rng.choice(self.channels),
            category=category,
            tenure=rng.choices(("lcra", "lcho", "other"), weights=(86, 11, 3))[0],
            officer=officer or rng.choice(_OFFICERS),
            person=self.person(),
            summary=summary,
            policy=policy if policy in self.policies else None,
        )
        if kind == "complaint":
            draft.definition = [
                f"Our understanding: a complaint about {category.replace('_', ' ')}.",
                rng.choice(_SOUGHT),
            ]
        if draft.person.advocate is not None:
            authorised = received + dt.timedelta(days=rng.randint(0, 3))
            draft.person.advocate["authorised"] = min(authorised, self.today)
        return _Life(self, draft)


# --- lives: the ordinary ones -----------------------------------------------------------


def _stage1(
    life: _Life, *, late_ack: float = 0.12, late_resp: float = 0.18, ext: float = 0.15
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
        life.add(life.wd(ack, 4), "note", note=rng.choice(_PADDING))
    return life.respond(1, ack, extended=extended, not_before=ext_day or life.wd(ack, 4), late=late)


def _stage2(
    life: _Life,
    responded: dt.date,
    *,
    reviewer: str | None = None,
    late_ack: float = 0.1,
    late_resp: float = 0.2,
    ext: float = 0.2,
) -> dt.date:
    rng = life.rng
    reviewer = reviewer or rng.choice(_REVIEWERS)
    esc = life.add(
        life.wd(responded, rng.randint(2, 15)),
        "escalated",
        stage=2,
        reason=rng.choice(_ESCALATION_REASONS),
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


def _complaint(life: _Life) -> None:
    rng = life.rng
    responded = _stage1(life)
    if rng.random() < 0.15:
        responded = _stage2(life, responded)
    life.close(life.wd(responded, rng.randint(0, 3)))


def _service_request(life: _Life) -> None:
    rng, r = life.rng, life.received
    life.add(r, "logged", by=life.officer)
    if rng.random() < 0.5:
        life.add(life.wd(r, 1), "allocated", by=life.officer, to=rng.choice(_OFFICERS))
    if rng.random() < 0.4:
        life.add(life.wd(r, 3), "update_sent", by=life.officer)
    life.close(life.wd(r, rng.randint(4, 25)))


def _compliment(life: _Life) -> None:
    r = life.received
    life.add(r, "logged", by=life.officer)
    life.add(life.wd(r, 1), "note", note="passed on to the team and their manager")
    life.close(life.wd(r, 1))


def _random_life(gen: _Gen, received: dt.date) -> _Life:
    kind = gen.rng.choices(("complaint", "service_request", "compliment"), weights=(75, 15, 10))[0]
    life = gen.draft(received, kind)
    {"complaint": _complaint, "service_request": _service_request, "compliment": _compliment}[kind](
        life
    )
    return life


# --- lives: the ones the demo needs, placed relative to today ---------------------------


def _ack_overdue(gen: _Gen) -> _Life:
    life = gen.draft(_back(gen.cal, gen.today, 8), channel="letter")
    life.add(life.received, "logged", by=life.officer)
    return life


def _ack_overdue_contacted(gen: _Gen) -> _Life:
    life = gen.draft(_back(gen.cal, gen.today, 6), channel="website", category="damp_and_mould")
    life.add(
        life.wd(life.received, 1),
        "contacted",
        stage=1,
        by=life.officer,
        note="left a voicemail: no answer",
    )
    return life


def _ack_due_soon(gen: _Gen) -> _Life:
    # Acknowledge due tomorrow (a working day away): nothing done yet, an empty event list.
    return gen.draft(_back(gen.cal, gen.today, 4), channel="email")


def _respond_overdue(gen: _Gen) -> _Life:
    life = gen.draft(_back(gen.cal, gen.today, 22), category="repairs")
    ack = life.acknowledge(1, life.received)
    life.add(life.wd(ack, 8), "update_sent", stage=1, by=life.officer)
    return life


def _respond_due_soon(gen: _Gen) -> _Life:
    ack_day = _back(gen.cal, gen.today, 8)  # respond due in 2 working days
    life = gen.draft(_back(gen.cal, ack_day, 2), category="communication")
    life.add(ack_day, "acknowledged", stage=1, by=life.officer)
    life.add(gen.today, "draft_issued", stage=1, by=life.officer)
    return life


def _respond_pending_extended(gen: _Gen) -> _Life:
    ack_day = _back(gen.cal, gen.today, 9)
    life = gen.draft(_back(gen.cal, ack_day, 4), category="damp_and_mould")
    life.add(ack_day, "acknowledged", stage=1, by=life.officer)
    life.extend(1, _back(gen.cal, gen.today, 1), 10, "specialist damp survey booked")
    return life


def _stage1_before(gen: _Gen, escalated: dt.date, **kw: str) -> _Life:
    """A case answered at stage 1 some weeks before the given escalation date."""
    life = gen.draft(_back(gen.cal, escalated, 25), **kw)
    ack = life.acknowledge(1, life.received)
    life.respond(1, ack, outcome="partially_upheld", not_before=life.wd(ack, 5))
    return life


def _stage2_pending(gen: _Gen) -> _Life:
    esc = _back(gen.cal, gen.today, 10)
    life = _stage1_before(gen, esc, category="repairs")
    life.add(esc, "escalated", stage=2, reason="says the repair is still not done")
    life.add(esc, "allocated", stage=2, by="ehughes", to="fkhan")
    ack = life.add(life.wd(esc, 2), "acknowledged", stage=2, by="fkhan")
    life.add(life.wd(ack, 3), "mediation_offered", stage=2, by="fkhan")
    return life


def _stage2_ack_overdue(gen: _Gen) -> _Life:
    esc = _back(gen.cal, gen.today, 7)
    life = _stage1_before(gen, esc, category="staff_conduct")
    life.add(esc, "escalated", stage=2, reason="disagrees with the findings")
    return life


def _stage2_respond_overdue(gen: _Gen) -> _Life:
    ack = _back(gen.cal, gen.today, 24)
    esc = _back(gen.cal, ack, 3)
    life = _stage1_before(gen, esc, category="anti_social_behaviour")
    life.add(esc, "escalated", stage=2, reason="unhappy with the action plan")
    life.add(ack, "acknowledged", stage=2, by="ehughes")
    life.add(
        life.wd(ack, 15),
        "update_sent",
        stage=2,
        by="ehughes",
        note="told the resident the response will be late: waiting on the police log",
    )
    return life


def _extension_over_cap(gen: _Gen) -> _Life:
    # Two extensions adding up to 15 working days: above the Code's 10 (6.4 warning).
    life = gen.draft(gen.day_in_span(0.45, 0.6), category="damp_and_mould", officer="bnguyen")
    ack = life.acknowledge(1, life.received)
    first = life.extend(1, life.wd(ack, 8), 10, "specialist damp survey booked")
    second = life.extend(1, life.wd(first, 9), 5, "awaiting contractor report")
    repair = life.action(
        "repair", life.wd(second, 4), "treat mould and fit humidity-controlled fan", done=True
    )
    resp = life.respond(
        1,
        ack,
        extended=15,
        not_before=second,
        outcome="upheld",
        remedies=[{"type": "apology"}, {"type": "financial", "amount_gbp": 150}, repair],
    )
    life.close(resp)
    return life


def _same_handler(gen: _Gen) -> _Life:
    # The stage 1 officer also handled stage 2 (6.13 warning).
    life = gen.draft(gen.day_in_span(0.3, 0.4), category="rent_and_charges", officer="dwright")
    ack = life.acknowledge(1, life.received)
    resp = life.respond(1, ack, outcome="not_upheld", remedies=[{"type": "explanation"}])
    resp = _stage2(life, resp, reviewer="dwright", late_ack=0, late_resp=0, ext=0)
    life.close(resp)
    return life


_REFUSALS = (
    ("over_12_months", "the matter dates from well over a year before the complaint"),
    ("over_12_months", "treated as an old matter"),
    ("legal_proceedings", "the same matter is before the county court"),
    ("already_considered", "the same complaint was answered at stage 2 last year"),
    ("outside_scope", "a dispute between two owner-occupiers, not about our service"),
    ("unacceptable_behaviour", "abusive calls to staff: contact arrangements letter sent"),
    ("other", "a request for information, passed to the data protection officer"),
)


def _refusal(index: int) -> Callable[[_Gen], _Life]:
    reason, explanation = _REFUSALS[index]

    def plan(gen: _Gen) -> _Life:
        life = gen.draft(gen.day_in_span(0.05 + index * 0.12, 0.12 + index * 0.12))
        r = life.received
        incident: dt.date | None = None
        if index == 0:
            incident = r - dt.timedelta(days=gen.rng.randint(450, 700))
        elif index == 1:
            # Refused as too old, but the matter was 7 months before: a 2.3 warning.
            life.draft.incident_date = r - dt.timedelta(days=210)
        if gen.rng.random() < 0.5:
            life.add(life.wd(r, 1), "contacted", stage=1, by=life.officer)
        day = life.add(
            life.wd(r, gen.rng.randint(2, 5)),
            "refused",
            by=life.officer,
            reason=reason,
            explanation=explanation,
            incident_date=incident,
        )
        life.close(day)
        return life

    return plan


def _withdrawn_stage1(gen: _Gen) -> _Life:
    life = gen.draft(gen.day_in_span(0.2, 0.8))
    ack = life.acknowledge(1, life.received)
    day = life.add(
        life.wd(ack, 3),
        "withdrawn",
        by=life.officer,
        note="resident phoned: the problem is sorted, no longer wants to complain",
    )
    life.close(day)
    return life


def _withdrawn_stage2(gen: _Gen) -> _Life:
    life = gen.draft(gen.day_in_span(0.1, 0.7), category="estate_services")
    resp = _stage1(life, late_ack=0, late_resp=0)
    esc = life.add(life.wd(resp, 5), "escalated", stage=2)
    ack = life.acknowledge(2, esc, by="fkhan")
    day = life.add(life.wd(ack, 6), "withdrawn", stage=2, by="fkhan")
    life.close(day)
    return life


def _ombudsman(gen: _Gen) -> _Life:
    life = gen.draft(gen.day_in_span(0.02, 0.06), category="damp_and_mould", officer="cdavies")
    ack = life.acknowledge(1, life.received)
    resp = life.respond(
        1,
        ack,
        outcome="partially_upheld",
        remedies=[{"type": "apology"}, {"type": "financial", "amount_gbp": 100}],
    )
    esc = life.add(
        life.wd(resp, 6), "escalated", stage=2, reason="unhappy with the compensation offered"
    )
    ack2 = life.acknowledge(2, esc, by="ehughes")
    life.add(life.wd(ack2, 10), "panel_held", stage=2, by="ehughes")
    repair = life.action(
        "repair", life.wd(ack2, 18), "strip and treat mould, renew plaster", named=True
    )
    resp2 = life.respond(
        2,
        ack2,
        by="ehughes",
        outcome="upheld",
        not_before=life.wd(ack2, 12),
        remedies=[
            {"type": "apology"},
            {"type": "financial", "amount_gbp": 350},
            repair,
        ],
        learning="Damp reports now get a survey within 10 working days.",
        points=[
            {
                "point": "Mould in the bedroom was not treated after three reports",
                "decision": "upheld",
                "reasons": "Our damp and mould policy requires a survey within 10 working days; none was booked.",
            },
            {
                "point": "The compensation offered at stage 1 was too low",
                "decision": "upheld",
                "reasons": "Our compensation policy gives 350 pounds for a failure lasting over three months.",
            },
        ],
    )
    referred = life.add(gen.cal.add(resp2, 22), "referred", reference="202504417")
    # The Ombudsman asks for the evidence by a date; it is sent (complaints bundle) before it.
    asked = life.add(
        gen.cal.add(referred, 10), "ombudsman_evidence_requested", reference="202504417",
        due=gen.cal.add(gen.cal.add(referred, 10), 15),
    )  # fmt: skip
    life.add(gen.cal.add(asked, 12), "ombudsman_evidence_sent", reference="202504417", by="cdavies")
    decided = life.add(
        gen.cal.add(referred, 105),
        "ombudsman_determination",
        finding="maladministration",
        non_compliance=False,
        reference="202504417",
        note="ordered a further 250 pounds and a written apology from the chief executive",
        orders=[
            {
                "order": "pay a further 250 pounds compensation",
                "due": gen.cal.add(referred, 105) + dt.timedelta(days=28),
                "done": gen.cal.add(referred, 105) + dt.timedelta(days=21),
            },
            {
                "order": "a written apology from the chief executive",
                "due": gen.cal.add(referred, 105) + dt.timedelta(days=28),
                "done": gen.cal.add(referred, 105) + dt.timedelta(days=9),
            },
        ],
    )
    done = life.add(
        life.wd(decided, 12), "remedy_completed", remedy=str(repair["id"]), by="cdavies"
    )
    life.close(done)
    return life


def _referred_pending(gen: _Gen) -> _Life:
    life = gen.draft(gen.day_in_span(0.35, 0.45), category="allocations")
    resp = _stage1(life, late_ack=0, late_resp=0, ext=0)
    resp2 = _stage2(life, resp, late_ack=0, late_resp=0, ext=0)
    life.add(
        resp2 + dt.timedelta(days=gen.rng.randint(20, 60)), "referred", reference="#HOS-2026-0193"
    )
    return life


def _escalation_refused(gen: _Gen) -> _Life:
    life = gen.draft(gen.day_in_span(0.5, 0.75), category="estate_services")
    resp = _stage1(life, late_ack=0, late_resp=0)
    esc = life.add(life.wd(resp, 3), "escalated", stage=2)
    day = life.add(
        life.wd(esc, 2),
        "escalation_refused",
        stage=2,
        by="ehughes",
        reason="the request raised a new matter, logged as a new complaint",
    )
    life.close(day)
    return life


def _paused(gen: _Gen) -> _Life:
    life = gen.draft(gen.day_in_span(0.6, 0.7), category="repairs")
    ack = life.acknowledge(1, life.received)
    pause = life.add(
        life.wd(ack, 3),
        "paused",
        stage=1,
        by=life.officer,
        reason="resident in hospital: agreed to wait until home",
    )
    resumed = life.add(life.wd(pause, 8), "resumed", stage=1, by=life.officer)
    resp = life.respond(1, ack, extended=8, not_before=life.wd(resumed, 2))
    life.close(resp)
    return life


def _timescale_agreed(gen: _Gen) -> _Life:
    life = gen.draft(gen.day_in_span(0.15, 0.3), category="communication")
    ack = life.acknowledge(1, life.received)
    due = life.wd(ack, 10)
    life.add(
        life.wd(ack, 1), "timescale_agreed", stage=1, by=life.officer, clock="respond", due=due
    )
    resp = life.respond(1, ack, not_before=life.wd(ack, 6))
    life.close(resp)
    return life


def _every_step(gen: _Gen) -> _Life:
    """A stage 2 case that uses the optional steps and every less common remedy type."""
    life = gen.draft(gen.day_in_span(0.55, 0.62), category="allocations", officer="aokafor")
    r = life.received
    life.add(r, "logged", by="aokafor")
    life.add(r, "allocated", by="ehughes", to="aokafor")
    ack = life.acknowledge(1, r)
    life.add(life.wd(ack, 2), "interview_held", stage=1, by="aokafor")
    life.add(life.wd(ack, 6), "draft_issued", stage=1, by="aokafor")
    resp = life.respond(
        1, ack, not_before=life.wd(ack, 7), outcome="not_upheld", remedies=[{"type": "explanation"}]
    )
    esc = life.add(life.wd(resp, 4), "escalated", stage=2, reason="disagrees with the findings")
    ack2 = life.acknowledge(2, esc, by="fkhan")
    life.add(life.wd(ack2, 2), "mediation_offered", stage=2, by="fkhan")
    life.add(life.wd(ack2, 9), "panel_held", stage=2, by="fkhan")
    life.add(
        life.wd(ack2, 10), "note", stage=2, note="panel: two members and a tenant representative"
    )
    life.extend(2, life.wd(ack2, 12), 10, "panel asked for the medical adviser's view")
    day = life.wd(ack2, 24)
    training: Remedy = {
        "type": "training",
        "id": life.remedy_id("training"),
        "description": "banding refresher for the lettings team",
        "due": day + dt.timedelta(days=20),
    }
    resp2 = life.respond(
        2,
        ack2,
        by="fkhan",
        outcome="upheld",
        extended=10,
        not_before=day,
        remedies=[
            {"type": "apology"},
            {"type": "decision_changed", "description": "band raised from C to B"},
            {
                "type": "record_amended",
                "description": "medical form logged against the application",
            },
            {
                "type": "policy_change",
                "description": "medical forms assessed within 15 working days",
                "due": day + dt.timedelta(days=45),
                "done": day + dt.timedelta(days=40),
            },
            training,
            {"type": "other", "description": "named lettings contact for six months"},
        ],
        learning="Medical priority forms are now tracked on the lettings dashboard.",
    )
    finished = life.add(
        life.wd(resp2, 12), "remedy_completed", remedy=str(training["id"]), by="fkhan"
    )
    life.close(life.wd(finished, 1))
    return life


def _outstanding_actions(gen: _Gen) -> _Life:
    # Closed, with a repair overdue and an action not yet due: the dashboard's action list.
    responded = _back(gen.cal, gen.today, 30)
    ack = _back(gen.cal, responded, 8)
    life = gen.draft(_back(gen.cal, ack, 3), category="repairs", officer="cdavies")
    life.add(ack, "acknowledged", stage=1, by="cdavies")
    life.add(
        responded,
        "responded",
        stage=1,
        by="cdavies",
        outcome="upheld",
        remedies=[
            {"type": "apology"},
            {
                "type": "financial",
                "amount_gbp": 75,
                "due": responded + dt.timedelta(days=10),
                "done": responded + dt.timedelta(days=6),
            },
            {
                "type": "repair",
                "description": "renew rotten window frame",
                "due": gen.today - dt.timedelta(days=12),
            },
            {
                "type": "repair",
                "description": "redecorate after the window is renewed",
                "due": gen.today + dt.timedelta(days=30),
            },
        ],
    )
    life.close(life.wd(responded, 1))
    return life


def _late_stage1(gen: _Gen) -> _Life:
    life = gen.draft(gen.day_in_span(0.25, 0.35), category="repairs")
    ack = life.acknowledge(1, life.received, late=True)
    resp = life.respond(1, ack, late=True, outcome="upheld")
    life.close(life.wd(resp, 1))
    return life


def _late_stage2_extended(gen: _Gen) -> _Life:
    life = gen.draft(gen.day_in_span(0.4, 0.5), category="damp_and_mould")
    resp = _stage1(life, late_ack=0, late_resp=0)
    esc = life.add(life.wd(resp, 5), "escalated", stage=2)
    ack = life.acknowledge(2, esc, by="ehughes")
    life.extend(2, life.wd(ack, 15), 10, "awaiting contractor report")
    resp2 = life.respond(2, ack, extended=10, late=True, by="ehughes")
    life.close(resp2)
    return life


def _via_ombudsman(gen: _Gen) -> _Life:
    life = gen.draft(gen.day_in_span(0.65, 0.8), channel="ombudsman")
    life.close(life.wd(_stage1(life, late_ack=0, late_resp=0), 1))
    return life


def _service_open(gen: _Gen) -> _Life:
    life = gen.draft(_back(gen.cal, gen.today, 2), "service_request", channel="phone")
    life.add(life.received, "logged", by=life.officer)
    life.add(life.wd(life.received, 1), "allocated", by=life.officer, to="bnguyen")
    return life


def _service_closed(gen: _Gen) -> _Life:
    life = gen.draft(gen.day_in_span(0.1, 0.9), "service_request")
    _service_request(life)
    return life


def _compliment_of(gen: _Gen) -> _Life:
    life = gen.draft(gen.day_in_span(0.0, 1.0), "compliment", category="repairs")
    _compliment(life)
    return life


# --- lives under other procedures -------------------------------------------------------


def _saha(gen: _Gen) -> _Life:
    # saha's clocks: contact and offer mediation within 1 working day, respond within 10 of
    # receipt; at stage 2 contact within 2 and respond within 20 of the escalation.
    life = gen.draft(gen.day_in_span(0.3, 0.5), category="repairs", policy="saha")
    r = life.received
    life.add(life.wd(r, 1), "contacted", stage=1, by=life.officer)
    life.add(life.wd(r, 1), "mediation_offered", stage=1, by=life.officer)
    life.add(life.wd(r, 3), "acknowledged", stage=1, by=life.officer)
    day = life.wd(r, gen.rng.randint(6, 9))  # respond() would time it from acknowledgement
    remedies = life.remedies("partially_upheld", day) or None
    resp = life.add(day, "responded", stage=1, by=life.officer, outcome="partially_upheld",
                    remedies=remedies)  # fmt: skip
    esc = life.add(life.wd(resp, 7), "escalated", stage=2, reason="says the repair is still poor")
    life.add(life.wd(esc, 1), "contacted", stage=2, by="fkhan")
    life.add(life.wd(esc, 4), "acknowledged", stage=2, by="fkhan")
    resp2 = life.add(
        life.wd(esc, 18), "responded", stage=2, by="fkhan", outcome="not_upheld",
        remedies=[{"type": "explanation"}],
    )  # fmt: skip
    life.close(resp2)
    return life


def _support_trust_complaint(gen: _Gen) -> _Life:
    life = gen.draft(gen.day_in_span(0.5, 0.9), category="staff_conduct", policy="support-trust")
    ack = life.acknowledge(1, life.received)
    life.close(life.respond(1, ack, not_before=life.wd(ack, 3)))
    return life


def _support_trust_service(gen: _Gen) -> _Life:
    # An open service request with clocks of its own: contact made, resolution date agreed.
    received = _back(gen.cal, gen.today, 4)
    life = gen.draft(received, "service_request", category="repairs", policy="support-trust")
    life.add(received, "logged", by=life.officer)
    contact = life.add(life.wd(received, 2), "contacted", by=life.officer)
    life.add(
        contact, "timescale_agreed", by=life.officer, clock="resolve", due=gen.cal.add(gen.today, 8)
    )
    return life


# --- lives for the managers' digests: contractors, restrictions, orders, surveys -----------

_CONTRACTORS = {
    # category -> who does that work for the trust (fictional firms)
    "repairs": ("contractor", "Brookfield Building Services (fictional)"),
    "damp_and_mould": ("contractor", "Brookfield Building Services (fictional)"),
    "estate_services": ("contractor", "Greenway Grounds Ltd (fictional)"),
}


def _restricted(gen: _Gen) -> _Life:
    # Contact restricted for abusive calls while the complaint goes on; its review is past due.
    received = _back(gen.cal, gen.today, 45)
    life = gen.draft(received, category="anti_social_behaviour", officer="dwright")
    ack = life.acknowledge(1, received)
    day = life.add(
        life.wd(ack, 2),
        "restriction",
        by="ehughes",
        restricts="phone calls to the case officer only, Tuesdays 10am to 12pm",
        reason="repeated abusive calls to the contact centre",
        review=gen.cal.add(life.wd(ack, 2), 20),
    )
    life.respond(1, ack, not_before=day, outcome="not_upheld", remedies=[{"type": "explanation"}])
    return life


def _order_open(gen: _Gen) -> _Life:
    # The Ombudsman decided recently about a letting agent's handling; its order is not due yet.
    life = gen.draft(gen.day_in_span(0.05, 0.1), category="allocations", officer="bnguyen")
    life.draft.about = {"party": "agent", "name": "Northgate Lettings (fictional)"}
    resp = _stage1(life, late_ack=0, late_resp=0, ext=0)
    resp2 = _stage2(life, resp, late_ack=0, late_resp=0, ext=0)
    decided = _back(gen.cal, gen.today, 12)
    life.add(life.wd(resp2, 20), "referred", reference="202509921")
    life.close(
        life.add(
            decided,
            "ombudsman_determination",
            finding="service_failure",
            non_compliance=False,
            reference="202509921",
            orders=[
                {
                    "order": "review how the agent passes on repair reports",
                    "due": gen.cal.add(gen.today, 15),
                }
            ],
        )
    )
    return life


def _aftercare(lives: list[_Life], today: dt.date, cal: WorkingCalendar) -> None:
    """Who the complaint was about, and satisfaction surveys, by fixed rules (no dice)."""
    for life in lives:
        draft = life.draft
        if draft.kind != "complaint":
            continue
        # Two in three repairs, damp and estate complaints are about the firm doing the work.
        if (
            draft.about is None
            and draft.category in _CONTRACTORS
            and draft.received.toordinal() % 3
        ):
            party, name = _CONTRACTORS[draft.category]
            draft.about = {"party": party, "name": name}
        closed = next((e.day for e in draft.events if e.type == "closed"), None)
        outcomes = [e.fields.get("outcome") for e in draft.events if e.type == "responded"]
        ended = any(e.type in ("withdrawn", "refused", "referred") for e in draft.events)
        if closed is None or not outcomes or ended or draft.received.toordinal() % 2:
            continue
        # A survey a week or two after closure: satisfied unless the last answer was "no".
        satisfied = outcomes[-1] != "not_upheld"
        score = 8 if satisfied else 4
        score += draft.received.toordinal() % 3 - 1
        draft.events.append(
            _Event(cal.add(closed, 5 + draft.received.toordinal() % 6), "survey",
                   {"satisfied": satisfied, "score": score})
        )  # fmt: skip


_FORCED: tuple[Callable[[_Gen], _Life], ...] = (
    _ack_overdue, _ack_overdue_contacted, _ack_due_soon, _respond_overdue, _respond_due_soon,
    _respond_pending_extended, _stage2_pending, _stage2_ack_overdue, _stage2_respond_overdue,
    _extension_over_cap, _same_handler, *(_refusal(i) for i in range(len(_REFUSALS))),
    _withdrawn_stage1, _withdrawn_stage2, _ombudsman, _referred_pending, _escalation_refused,
    _paused, _timescale_agreed, _every_step, _outstanding_actions, _late_stage1,
    _late_stage2_extended, _via_ombudsman, _service_open, _service_closed, _service_closed,
    _compliment_of, _compliment_of, _saha, _support_trust_complaint, _support_trust_service,
    _restricted, _order_open,
)  # fmt: skip
MIN_DEMO_COUNT = len(_FORCED)


# --- as of today ------------------------------------------------------------------------


def _as_of(draft: _Draft, today: dt.date) -> None:
    """Cut the planned life at today: later events and completions are not yet known."""
    kept = [e for e in draft.events if e.day <= today]
    # In date order; on one day, closure last (the order an officer would record them).
    kept.sort(key=lambda e: (e.day, e.type == "closed"))
    for event in kept:
        remedies = event.fields.get("remedies")
        for remedy in remedies if isinstance(remedies, list) else ():
            done = remedy.get("done")
            if isinstance(done, dt.date) and done > today:
                del remedy["done"]
        orders = event.fields.get("orders")
        for order in orders if isinstance(orders, list) else ():
            done = order.get("done")
            if isinstance(done, dt.date) and done > today:
                del order["done"]
    draft.events = kept


# --- writing YAML text ------------------------------------------------------------------

# The demo is written in the house style (putright.housestyle), the one the form editor
# writes, so opening a demo case in the editor and saving it changes no byte. Dates are
# written as text, as Putright reads them; each sentence of a summary goes on its own line.


def _text(value: object) -> object:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _text(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_text(v) for v in value]
    return value


def _lines(sentences: list[str]) -> str:
    return "".join(f"{s}\n" for s in sentences)


def _event(event: _Event) -> dict[str, object]:
    fields = {key: _text(value) for key, value in event.fields.items()}
    return {"date": event.day.isoformat(), "type": event.type, **fields}


def _render(
    case_id: str,
    draft: _Draft,
    default_policy: str,
    padding: int = 0,
    rng: random.Random | None = None,
    imported: tuple[int, dt.date] | None = None,
) -> str:
    person = draft.person
    record: dict[str, object] = {
        "id": case_id,
        "received": str(draft.received),
        "kind": draft.kind,
        "policy": draft.policy if draft.policy and draft.policy != default_policy else None,
        "channel": draft.channel,
        "category": draft.category,
        "tenure": draft.tenure,
        "officer": draft.officer,
        "incident_date": str(draft.incident_date) if draft.incident_date else None,
        "about": _text(draft.about) if draft.about else None,
        "complainant": {
            "name": person.name,
            "email": person.email,
            "phone": person.phone,
            "address": person.address,
            "advocate": _text(person.advocate) if person.advocate else None,
            "adjustments": person.adjustments,
        },
        "summary": _lines(draft.summary),
        "definition": _lines(draft.definition) if draft.definition else None,
    }
    notes = list(draft.notes)
    if padding and rng is not None:
        # Benchmarks want files of a given size: pad with internal notes, a sentence a line.
        size = len(dump_case(record, SCHEMA_REF)) + 80 * (len(draft.events) + 1)
        while size < padding:
            sentence = rng.choice(_PADDING)
            notes.append(sentence)
            size += len(sentence) + 3
    record["notes"] = _lines(notes) if notes else None
    if imported is not None:
        # The demo stands for a trust that brought its old log in on the day the set is made
        # (complaints import), so the audit reports that once rather than every case as late.
        row, on = imported
        record["imported"] = {
            "from": DEMO_LOG,
            "row": row,
            "ref": f"BCHT/{case_id}",
            "on": on.isoformat(),
        }
    record["events"] = [_event(e) for e in draft.events]
    return dump_case(record, SCHEMA_REF)


def _numbered(lives: list[_Life]) -> Iterator[tuple[str, _Draft]]:
    """Ids by received year, numbered in received order (ties keep their planned order)."""
    counters: dict[int, int] = {}
    for life in sorted(lives, key=lambda lf: lf.received):
        year = life.received.year
        counters[year] = counters.get(year, 0) + 1
        yield f"{year}-{counters[year]:04d}", life.draft


# --- the public functions ---------------------------------------------------------------


def demo_cases(
    today: dt.date,
    count: int = 72,
    seed: int = DEMO_SEED,
    *,
    calendar: WorkingCalendar | None = None,
    year_start: tuple[int, int] = (4, 1),
    default_policy: str = "hoc-2024",
    policies: Collection[str] = DEMO_POLICIES,
    imported: bool = True,
) -> list[tuple[str, str]]:
    """The demo set: (``cases/<year>/<id>.yaml``, text) for ``count`` cases up to ``today``.

    Every scenario the dashboard, reports and site should show is in it once (see _FORCED);
    the rest are ordinary lives received at random over the two reporting years. ``policies``
    are the procedure ids the repository has: a case planned under one it lacks is written
    without ``policy:``, so it follows the default. With ``imported`` (the default) every case
    says it came from the trust's old log on ``today``.
    """
    if count < MIN_DEMO_COUNT:
        raise ValueError(
            f"the demo set needs at least {MIN_DEMO_COUNT} cases to show every scenario"
        )
    gen = _Gen(today, seed, calendar or demo_calendar(), year_start, policies)
    lives = [plan(gen) for plan in _FORCED]
    lives += [_random_life(gen, _received_at_random(gen)) for _ in range(count - len(lives))]
    _aftercare(lives, today, gen.cal)
    out = []
    for row, (case_id, draft) in enumerate(_numbered(lives), start=2):
        _as_of(draft, today)
        text = _render(case_id, draft, default_policy, imported=(row, today) if imported else None)
        out.append((f"cases/{case_id[:4]}/{case_id}.yaml", text))
    return out


def _received_at_random(gen: _Gen) -> dt.date:
    day = gen.start + dt.timedelta(days=gen.rng.randint(0, (gen.today - gen.start).days))
    # Letters and calls arrive on working days; a few web forms and emails at weekends.
    if not gen.cal.is_working_day(day) and gen.rng.random() < 0.8:
        day = gen.cal.next_working_day(day)
    return day if day <= gen.today else _back(gen.cal, gen.today, 0)


def synthetic_cases(
    n: int,
    today: dt.date,
    seed: int = DEMO_SEED,
    target_bytes: int = 4096,
    *,
    calendar: WorkingCalendar | None = None,
    default_policy: str = "hoc-2024",
) -> Iterator[tuple[str, str]]:
    """``n`` valid ordinary cases of about ``target_bytes`` each, lazily (memory stays flat).

    Received dates are drawn first and sorted, so ids can be numbered in received order
    while each case is planned, rendered and yielded one at a time.
    """
    gen = _Gen(today, seed, calendar or demo_calendar())
    received = sorted(_received_at_random(gen) for _ in range(n))
    counters: dict[int, int] = {}
    for day in received:
        counters[day.year] = counters.get(day.year, 0) + 1
        case_id = f"{day.year}-{counters[day.year]:04d}"
        life = _random_life(gen, day)
        _as_of(life.draft, today)
        text = _render(case_id, life.draft, default_policy, padding=target_bytes, rng=gen.rng)
        yield f"cases/{day.year}/{case_id}.yaml", text
