"""The lives the reports and the managers' digests need: every step, late answers, other
procedures, contractors, restrictions, orders and surveys.
"""

from __future__ import annotations

import datetime as dt

from ..calendar import WorkingCalendar
from .life import (
    Event,
    Gen,
    Life,
    Remedy,
    compliment,
    days_back,
    service_request,
    stage1,
    stage2,
)


def every_step(gen: Gen) -> Life:
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


def outstanding_actions(gen: Gen) -> Life:
    # Closed, with a repair overdue and an action not yet due: the dashboard's action list.
    responded = days_back(gen.cal, gen.today, 30)
    ack = days_back(gen.cal, responded, 8)
    life = gen.draft(days_back(gen.cal, ack, 3), category="repairs", officer="cdavies")
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


def late_stage1(gen: Gen) -> Life:
    life = gen.draft(gen.day_in_span(0.25, 0.35), category="repairs")
    ack = life.acknowledge(1, life.received, late=True)
    resp = life.respond(1, ack, late=True, outcome="upheld")
    life.close(life.wd(resp, 1))
    return life


def late_stage2_extended(gen: Gen) -> Life:
    life = gen.draft(gen.day_in_span(0.4, 0.5), category="damp_and_mould")
    resp = stage1(life, late_ack=0, late_resp=0)
    esc = life.add(life.wd(resp, 5), "escalated", stage=2)
    ack = life.acknowledge(2, esc, by="ehughes")
    life.extend(2, life.wd(ack, 15), 10, "awaiting contractor report")
    resp2 = life.respond(2, ack, extended=10, late=True, by="ehughes")
    life.close(resp2)
    return life


def via_ombudsman(gen: Gen) -> Life:
    life = gen.draft(gen.day_in_span(0.65, 0.8), channel="ombudsman")
    life.close(life.wd(stage1(life, late_ack=0, late_resp=0), 1))
    return life


def service_open(gen: Gen) -> Life:
    life = gen.draft(days_back(gen.cal, gen.today, 2), "service_request", channel="phone")
    life.add(life.received, "logged", by=life.officer)
    life.add(life.wd(life.received, 1), "allocated", by=life.officer, to="bnguyen")
    return life


def service_closed(gen: Gen) -> Life:
    life = gen.draft(gen.day_in_span(0.1, 0.9), "service_request")
    service_request(life)
    return life


def compliment_of(gen: Gen) -> Life:
    life = gen.draft(gen.day_in_span(0.0, 1.0), "compliment", category="repairs")
    compliment(life)
    return life


# --- lives under other procedures -------------------------------------------------------


def saha(gen: Gen) -> Life:
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


def support_trust_complaint(gen: Gen) -> Life:
    life = gen.draft(gen.day_in_span(0.5, 0.9), category="staff_conduct", policy="support-trust")
    ack = life.acknowledge(1, life.received)
    life.close(life.respond(1, ack, not_before=life.wd(ack, 3)))
    return life


def support_trust_service(gen: Gen) -> Life:
    # An open service request with clocks of its own: contact made, resolution date agreed.
    received = days_back(gen.cal, gen.today, 4)
    life = gen.draft(received, "service_request", category="repairs", policy="support-trust")
    life.add(received, "logged", by=life.officer)
    contact = life.add(life.wd(received, 2), "contacted", by=life.officer)
    life.add(
        contact, "timescale_agreed", by=life.officer, clock="resolve", due=gen.cal.add(gen.today, 8)
    )
    return life


# --- lives for the managers' digests: contractors, restrictions, orders, surveys -----------

CONTRACTORS = {
    # category -> who does that work for the trust (fictional firms)
    "repairs": ("contractor", "Brookfield Building Services (fictional)"),
    "damp_and_mould": ("contractor", "Brookfield Building Services (fictional)"),
    "estate_services": ("contractor", "Greenway Grounds Ltd (fictional)"),
}


def restricted(gen: Gen) -> Life:
    # Contact restricted for abusive calls while the complaint goes on; its review is past due.
    received = days_back(gen.cal, gen.today, 45)
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


def order_open(gen: Gen) -> Life:
    # The Ombudsman decided recently about a letting agent's handling; its order is not due yet.
    life = gen.draft(gen.day_in_span(0.05, 0.1), category="allocations", officer="bnguyen")
    life.draft.about = {"party": "agent", "name": "Northgate Lettings (fictional)"}
    resp = stage1(life, late_ack=0, late_resp=0, ext=0)
    resp2 = stage2(life, resp, late_ack=0, late_resp=0, ext=0)
    decided = days_back(gen.cal, gen.today, 12)
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


def aftercare(lives: list[Life], today: dt.date, cal: WorkingCalendar) -> None:
    """Who the complaint was about, and satisfaction surveys, by fixed rules (no dice)."""
    for life in lives:
        draft = life.draft
        if draft.kind != "complaint":
            continue
        # Two in three repairs, damp and estate complaints are about the firm doing the work.
        if draft.about is None and draft.category in CONTRACTORS and draft.received.toordinal() % 3:
            party, name = CONTRACTORS[draft.category]
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
            Event(cal.add(closed, 5 + draft.received.toordinal() % 6), "survey",
                   {"satisfied": satisfied, "score": score})
        )  # fmt: skip
