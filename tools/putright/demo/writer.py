"""The demo set and the synthetic sets: every scenario once, cut at today, written as YAML.

The demo is written through ``putright.housestyle.dump_case``, the one writer (the form
editor's), so opening a demo case in the editor and saving it changes no byte.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable, Collection, Iterator

from ..calendar import WorkingCalendar
from ..housestyle import dump_case
from .life import (
    DEMO_LOG,
    DEMO_POLICIES,
    DEMO_SEED,
    SCHEMA_REF,
    Draft,
    Event,
    Gen,
    Life,
    days_back,
    demo_calendar,
    random_life,
)
from .reporting import (
    aftercare,
    compliment_of,
    every_step,
    late_stage1,
    late_stage2_extended,
    order_open,
    outstanding_actions,
    restricted,
    saha,
    service_closed,
    service_open,
    support_trust_complaint,
    support_trust_service,
    via_ombudsman,
)
from .scenarios import (
    REFUSALS,
    ack_due_soon,
    ack_overdue,
    ack_overdue_contacted,
    escalation_refused,
    extension_over_cap,
    ombudsman,
    paused,
    referred_pending,
    refusal,
    respond_due_soon,
    respond_overdue,
    respond_pending_extended,
    same_handler,
    stage2_ack_overdue,
    stage2_pending,
    stage2_respond_overdue,
    timescale_agreed,
    withdrawn_stage1,
    withdrawn_stage2,
)
from .words import PADDING

_FORCED: tuple[Callable[[Gen], Life], ...] = (
    ack_overdue, ack_overdue_contacted, ack_due_soon, respond_overdue, respond_due_soon,
    respond_pending_extended, stage2_pending, stage2_ack_overdue, stage2_respond_overdue,
    extension_over_cap, same_handler, *(refusal(i) for i in range(len(REFUSALS))),
    withdrawn_stage1, withdrawn_stage2, ombudsman, referred_pending, escalation_refused,
    paused, timescale_agreed, every_step, outstanding_actions, late_stage1,
    late_stage2_extended, via_ombudsman, service_open, service_closed, service_closed,
    compliment_of, compliment_of, saha, support_trust_complaint, support_trust_service,
    restricted, order_open,
)  # fmt: skip
MIN_DEMO_COUNT = len(_FORCED)


# --- as of today ------------------------------------------------------------------------


def _as_of(draft: Draft, today: dt.date) -> None:
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


def _event(event: Event) -> dict[str, object]:
    fields = {key: _text(value) for key, value in event.fields.items()}
    return {"date": event.day.isoformat(), "type": event.type, **fields}


def _render(
    case_id: str,
    draft: Draft,
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
            sentence = rng.choice(PADDING)
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


def _numbered(lives: list[Life]) -> Iterator[tuple[str, Draft]]:
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
    gen = Gen(today, seed, calendar or demo_calendar(), year_start, policies)
    lives = [plan(gen) for plan in _FORCED]
    lives += [random_life(gen, _received_at_random(gen)) for _ in range(count - len(lives))]
    aftercare(lives, today, gen.cal)
    out = []
    for row, (case_id, draft) in enumerate(_numbered(lives), start=2):
        _as_of(draft, today)
        text = _render(case_id, draft, default_policy, imported=(row, today) if imported else None)
        out.append((f"cases/{case_id[:4]}/{case_id}.yaml", text))
    return out


def _received_at_random(gen: Gen) -> dt.date:
    day = gen.start + dt.timedelta(days=gen.rng.randint(0, (gen.today - gen.start).days))
    # Letters and calls arrive on working days; a few web forms and emails at weekends.
    if not gen.cal.is_working_day(day) and gen.rng.random() < 0.8:
        day = gen.cal.next_working_day(day)
    return day if day <= gen.today else days_back(gen.cal, gen.today, 0)


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
    gen = Gen(today, seed, calendar or demo_calendar())
    received = sorted(_received_at_random(gen) for _ in range(n))
    counters: dict[int, int] = {}
    for day in received:
        counters[day.year] = counters.get(day.year, 0) + 1
        case_id = f"{day.year}-{counters[day.year]:04d}"
        life = random_life(gen, day)
        _as_of(life.draft, today)
        text = _render(case_id, life.draft, default_policy, padding=target_bytes, rng=gen.rng)
        yield f"cases/{day.year}/{case_id}.yaml", text
