"""The lives the dashboard needs, placed relative to today so they stay overdue or due soon.

Each function plans one case whose state as of ``today`` matters (a clock overdue or due soon,
a Code warning, a refusal, a withdrawal, a referral); ``writer`` runs every one of them once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from .life import (
    Gen,
    Life,
    days_back,
    stage1,
    stage2,
)

# --- lives: the ones the demo needs, placed relative to today ---------------------------


def ack_overdue(gen: Gen) -> Life:
    life = gen.draft(days_back(gen.cal, gen.today, 8), channel="letter")
    life.add(life.received, "logged", by=life.officer)
    return life


def ack_overdue_contacted(gen: Gen) -> Life:
    life = gen.draft(days_back(gen.cal, gen.today, 6), channel="website", category="damp_and_mould")
    life.add(
        life.wd(life.received, 1),
        "contacted",
        stage=1,
        by=life.officer,
        note="left a voicemail: no answer",
    )
    return life


def ack_due_soon(gen: Gen) -> Life:
    # Acknowledge due tomorrow (a working day away): nothing done yet, an empty event list.
    return gen.draft(days_back(gen.cal, gen.today, 4), channel="email")


def respond_overdue(gen: Gen) -> Life:
    life = gen.draft(days_back(gen.cal, gen.today, 22), category="repairs")
    ack = life.acknowledge(1, life.received)
    life.add(life.wd(ack, 8), "update_sent", stage=1, by=life.officer)
    return life


def respond_due_soon(gen: Gen) -> Life:
    ack_day = days_back(gen.cal, gen.today, 8)  # respond due in 2 working days
    life = gen.draft(days_back(gen.cal, ack_day, 2), category="communication")
    life.add(ack_day, "acknowledged", stage=1, by=life.officer)
    life.add(gen.today, "draft_issued", stage=1, by=life.officer)
    return life


def respond_pending_extended(gen: Gen) -> Life:
    ack_day = days_back(gen.cal, gen.today, 9)
    life = gen.draft(days_back(gen.cal, ack_day, 4), category="damp_and_mould")
    life.add(ack_day, "acknowledged", stage=1, by=life.officer)
    life.extend(1, days_back(gen.cal, gen.today, 1), 10, "specialist damp survey booked")
    return life


def stage1_before(gen: Gen, escalated: dt.date, **kw: str) -> Life:
    """A case answered at stage 1 some weeks before the given escalation date."""
    life = gen.draft(days_back(gen.cal, escalated, 25), **kw)
    ack = life.acknowledge(1, life.received)
    life.respond(1, ack, outcome="partially_upheld", not_before=life.wd(ack, 5))
    return life


def stage2_pending(gen: Gen) -> Life:
    esc = days_back(gen.cal, gen.today, 10)
    life = stage1_before(gen, esc, category="repairs")
    life.add(esc, "escalated", stage=2, reason="says the repair is still not done")
    life.add(esc, "allocated", stage=2, by="ehughes", to="fkhan")
    ack = life.add(life.wd(esc, 2), "acknowledged", stage=2, by="fkhan")
    life.add(life.wd(ack, 3), "mediation_offered", stage=2, by="fkhan")
    return life


def stage2_ack_overdue(gen: Gen) -> Life:
    esc = days_back(gen.cal, gen.today, 7)
    life = stage1_before(gen, esc, category="staff_conduct")
    life.add(esc, "escalated", stage=2, reason="disagrees with the findings")
    return life


def stage2_respond_overdue(gen: Gen) -> Life:
    ack = days_back(gen.cal, gen.today, 24)
    esc = days_back(gen.cal, ack, 3)
    life = stage1_before(gen, esc, category="anti_social_behaviour")
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


def extension_over_cap(gen: Gen) -> Life:
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


def same_handler(gen: Gen) -> Life:
    # The stage 1 officer also handled stage 2 (6.13 warning).
    life = gen.draft(gen.day_in_span(0.3, 0.4), category="rent_and_charges", officer="dwright")
    ack = life.acknowledge(1, life.received)
    resp = life.respond(1, ack, outcome="not_upheld", remedies=[{"type": "explanation"}])
    resp = stage2(life, resp, reviewer="dwright", late_ack=0, late_resp=0, ext=0)
    life.close(resp)
    return life


REFUSALS = (
    ("over_12_months", "the matter dates from well over a year before the complaint"),
    ("over_12_months", "treated as an old matter"),
    ("legal_proceedings", "the same matter is before the county court"),
    ("already_considered", "the same complaint was answered at stage 2 last year"),
    ("outside_scope", "a dispute between two owner-occupiers, not about our service"),
    ("unacceptable_behaviour", "abusive calls to staff: contact arrangements letter sent"),
    ("other", "a request for information, passed to the data protection officer"),
)


def refusal(index: int) -> Callable[[Gen], Life]:
    reason, explanation = REFUSALS[index]

    def plan(gen: Gen) -> Life:
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


def withdrawn_stage1(gen: Gen) -> Life:
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


def withdrawn_stage2(gen: Gen) -> Life:
    life = gen.draft(gen.day_in_span(0.1, 0.7), category="estate_services")
    resp = stage1(life, late_ack=0, late_resp=0)
    esc = life.add(life.wd(resp, 5), "escalated", stage=2)
    ack = life.acknowledge(2, esc, by="fkhan")
    day = life.add(life.wd(ack, 6), "withdrawn", stage=2, by="fkhan")
    life.close(day)
    return life


def ombudsman(gen: Gen) -> Life:
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


def referred_pending(gen: Gen) -> Life:
    life = gen.draft(gen.day_in_span(0.35, 0.45), category="allocations")
    resp = stage1(life, late_ack=0, late_resp=0, ext=0)
    resp2 = stage2(life, resp, late_ack=0, late_resp=0, ext=0)
    life.add(
        resp2 + dt.timedelta(days=gen.rng.randint(20, 60)), "referred", reference="#HOS-2026-0193"
    )
    return life


def escalation_refused(gen: Gen) -> Life:
    life = gen.draft(gen.day_in_span(0.5, 0.75), category="estate_services")
    resp = stage1(life, late_ack=0, late_resp=0)
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


def paused(gen: Gen) -> Life:
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


def timescale_agreed(gen: Gen) -> Life:
    life = gen.draft(gen.day_in_span(0.15, 0.3), category="communication")
    ack = life.acknowledge(1, life.received)
    due = life.wd(ack, 10)
    life.add(
        life.wd(ack, 1), "timescale_agreed", stage=1, by=life.officer, clock="respond", due=due
    )
    resp = life.respond(1, ack, not_before=life.wd(ack, 6))
    life.close(resp)
    return life
