"""One worked example per procedure: a small case, a day, and every clock's due date by hand.

Each expected date was counted on a calendar (England's bank holidays, no closures) before the
engine existed; the comment above each example shows the count. ``N wd from D`` is the N-th
working day strictly after D. A state of None is not asserted (see the example's comment).
Skipped only while ``putright.engine`` cannot be imported.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from putright.engine import evaluate
from putright.policy.loading import load_policies

REPO = Path(__file__).resolve().parent.parent

D = dt.date.fromisoformat


@dataclass(frozen=True)
class Example:
    policy: str
    today: str
    case: dict[str, Any]
    # (stage, clock) -> (due, done, state)
    expected: dict[tuple[str, str], tuple[str | None, str | None, str | None]] = field(
        default_factory=dict
    )


EXAMPLES = [
    # hoc-2024: the spec's own example.
    # received Mon 2 Mar 2026; acknowledge 5 wd -> Mon 9 Mar (met on Wed 4 Mar).
    # respond 10 wd from Wed 4 Mar -> Wed 18 Mar, + 5 wd extension -> Wed 25 Mar.
    # today Fri 20 Mar: 3 working days left (23, 24, 25) > 2 -> pending.
    Example(
        "hoc-2024",
        "2026-03-20",
        {
            "id": "2026-0042",
            "received": "2026-03-02",
            "policy": "hoc-2024",
            "events": [
                {"date": "2026-03-04", "type": "acknowledged", "stage": 1, "by": "jsmith"},
                {"date": "2026-03-12", "type": "extended", "stage": 1, "working_days": 5},
            ],
        },
        {
            ("1", "acknowledge"): ("2026-03-09", "2026-03-04", "met"),
            ("1", "respond"): ("2026-03-25", None, "pending"),
        },
    ),
    # support-trust, across Easter 2026 (Good Friday 3 Apr, Easter Monday 6 Apr).
    # received Thu 26 Mar; acknowledge 5 wd: 27, 30, 31 Mar, 1, 2 Apr -> Thu 2 Apr (met 1 Apr).
    # respond 10 wd from Wed 1 Apr: 2 | 7 8 9 10 | 13 14 15 16 17 -> Fri 17 Apr;
    # + 5 wd extension (cap 10): 20 21 22 23 24 -> Fri 24 Apr.
    # today Wed 22 Apr: 23, 24 left = 2 <= 2 -> due_soon.
    Example(
        "support-trust",
        "2026-04-22",
        {
            "id": "2026-0101",
            "received": "2026-03-26",
            "policy": "support-trust",
            "events": [
                {"date": "2026-04-01", "type": "acknowledged", "stage": 1, "by": "amanager"},
                {"date": "2026-04-09", "type": "extended", "stage": 1, "working_days": 5},
            ],
        },
        {
            # "logged and acknowledged within five working days": the acknowledgement shows it
            # was logged (no `logged` event here), so it ends the log clock too.
            ("1", "log"): ("2026-04-02", "2026-04-01", "met"),
            ("1", "acknowledge"): ("2026-04-02", "2026-04-01", "met"),
            ("1", "respond"): ("2026-04-24", None, "due_soon"),
        },
    ),
    # support-trust with a `logged` event: "Stage 1 complaints will be responded to within 10
    # working days from the complaint being logged." received Thu 26 Mar, logged Fri 27 Mar,
    # acknowledged Wed 1 Apr. respond 10 wd from Fri 27 Mar: 30 31 | 1 2 | (3, 6 Apr bank
    # holidays) 7 8 9 10 | 13 14 -> Tue 14 Apr (not from the acknowledgement: Fri 17 Apr).
    # today Mon 13 Apr: one working day left (14 Apr) <= 2 -> due_soon.
    Example(
        "support-trust",
        "2026-04-13",
        {
            "id": "2026-0103",
            "received": "2026-03-26",
            "policy": "support-trust",
            "events": [
                {"date": "2026-03-27", "type": "logged", "stage": 1, "by": "amanager"},
                {"date": "2026-04-01", "type": "acknowledged", "stage": 1, "by": "amanager"},
            ],
        },
        {
            ("1", "log"): ("2026-04-02", "2026-03-27", "met"),
            ("1", "acknowledge"): ("2026-04-02", "2026-04-01", "met"),
            ("1", "respond"): ("2026-04-14", None, "due_soon"),
        },
    ),
    # support-trust, a service request.
    # received Fri 6 Mar 2026; contact 3 wd: 9, 10, 11 -> Wed 11 Mar (met Mon 9 Mar).
    # resolve: 3 wd (also Wed 11 Mar) unless agreed; the client agreed Fri 20 Mar.
    # today Mon 23 Mar, not resolved -> overdue.
    Example(
        "support-trust",
        "2026-03-23",
        {
            "id": "2026-0102",
            "received": "2026-03-06",
            "kind": "service_request",
            "policy": "support-trust",
            "events": [
                {"date": "2026-03-09", "type": "contacted", "by": "aworker"},
                {
                    "date": "2026-03-09",
                    "type": "timescale_agreed",
                    "clock": "resolve",
                    "due": "2026-03-20",
                },
            ],
        },
        {
            ("1", "contact"): ("2026-03-11", "2026-03-09", "met"),
            ("1", "resolve"): ("2026-03-20", None, "overdue"),
        },
    ),
    # saha, across the spring bank holiday (Mon 25 May 2026).
    # received Mon 18 May. contact 1 wd -> Tue 19 May (met 19 May).
    # offer_mediation 1 wd -> Tue 19 May (offered Wed 20 May: late).
    # acknowledge 5 wd: 19 20 21 22 | 26 -> Tue 26 May (met 22 May).
    # respond 10 wd from receipt: 19 20 21 22 | 26 27 28 29 | 1 2 Jun -> Tue 2 Jun (met 1 Jun).
    # escalated Thu 4 Jun. stage 2 contact 2 wd: 5, 8 -> Mon 8 Jun (not done: overdue on 10 Jun).
    # stage 2 acknowledge 5 wd: 5 8 9 10 11 -> Thu 11 Jun (1 left on 10 Jun: due_soon).
    # stage 2 respond 20 wd: 5 | 8-12 | 15-19 | 22-26 | 29 30 1 2 Jul -> Thu 2 Jul (pending).
    Example(
        "saha",
        "2026-06-10",
        {
            "id": "2026-0150",
            "received": "2026-05-18",
            "policy": "saha",
            "events": [
                {"date": "2026-05-19", "type": "contacted", "stage": 1, "by": "dco1"},
                {"date": "2026-05-20", "type": "mediation_offered", "stage": 1},
                {"date": "2026-05-22", "type": "acknowledged", "stage": 1, "by": "dco1"},
                {
                    "date": "2026-06-01",
                    "type": "responded",
                    "stage": 1,
                    "by": "dco1",
                    "outcome": "not_upheld",
                },
                {"date": "2026-06-04", "type": "escalated", "stage": 2},
            ],
        },
        {
            ("1", "contact"): ("2026-05-19", "2026-05-19", "met"),
            ("1", "offer_mediation"): ("2026-05-19", "2026-05-20", "late"),
            ("1", "acknowledge"): ("2026-05-26", "2026-05-22", "met"),
            ("1", "respond"): ("2026-06-02", "2026-06-01", "met"),
            ("2", "contact"): ("2026-06-08", None, "overdue"),
            # "The offer of mediation will be made within one working day of contact from the
            # complainant": the escalation Thu 4 Jun is their contact -> Fri 5 Jun; not offered.
            ("2", "offer_mediation"): ("2026-06-05", None, "overdue"),
            ("2", "acknowledge"): ("2026-06-11", None, "due_soon"),
            ("2", "respond"): ("2026-07-02", None, "pending"),
        },
    ),
    # council-housing, across the summer bank holiday (Mon 31 Aug 2026).
    # received Mon 24 Aug. respond (target) 10 wd: 25 26 27 28 | 1 2 3 4 | 7 8 -> Tue 8 Sep.
    # allocated Wed 26 Aug; draft 5 wd: 27 28 | 1 2 3 -> Thu 3 Sep (issued Tue 1 Sep: met).
    # final 10 wd from the draft (5 to comment + 5 to decide): 2 3 4 | 7-11 | 14 15 -> Tue 15 Sep.
    # today Wed 9 Sep: the 10-day target is overdue while the draft route still runs (pending):
    # the text's own contradiction, shown as it is.
    Example(
        "council-housing",
        "2026-09-09",
        {
            "id": "2026-0200",
            "received": "2026-08-24",
            "policy": "council-housing",
            "events": [
                {"date": "2026-08-26", "type": "allocated", "stage": 1, "to": "inv1"},
                {"date": "2026-09-01", "type": "draft_issued", "stage": 1},
            ],
        },
        {
            ("1", "draft"): ("2026-09-03", "2026-09-01", "met"),
            ("1", "final"): ("2026-09-15", None, "pending"),
            ("1", "respond"): ("2026-09-08", None, "overdue"),
        },
    ),
    # croft-ha: informal stage (no clocks), then stage 1.
    # received Mon 2 Feb 2026 (informal); escalated to stage 1 Mon 9 Feb.
    # acknowledge 2 wd: 10, 11 -> Wed 11 Feb (met 10 Feb).
    # allocated Wed 11 Feb; manager_contact 2 wd: 12, 13 -> Fri 13 Feb (contacted Mon 16: late).
    # respond: no time until agreed; agreed on 16 Feb as Fri 13 Mar. today Thu 12 Mar: due_soon.
    Example(
        "croft-ha",
        "2026-03-12",
        {
            "id": "2026-0031",
            "received": "2026-02-02",
            "policy": "croft-ha",
            "events": [
                {"date": "2026-02-09", "type": "escalated", "stage": 1},
                {"date": "2026-02-10", "type": "acknowledged", "stage": 1, "by": "pa"},
                {"date": "2026-02-11", "type": "allocated", "stage": 1, "to": "mgr2"},
                {"date": "2026-02-16", "type": "contacted", "stage": 1, "by": "mgr2"},
                {
                    "date": "2026-02-16",
                    "type": "timescale_agreed",
                    "stage": 1,
                    "clock": "respond",
                    "due": "2026-03-13",
                },
            ],
        },
        {
            ("1", "acknowledge"): ("2026-02-11", "2026-02-10", "met"),
            # Appendix 1: "PA to CEO to allocate to appropriate investigator - 2 working days",
            # from the referral to stage 1 Mon 9 Feb: 10, 11 -> Wed 11 Feb (allocated 11 Feb).
            ("1", "allocate"): ("2026-02-11", "2026-02-11", "met"),
            ("1", "manager_contact"): ("2026-02-13", "2026-02-16", "late"),
            ("1", "respond"): ("2026-03-13", None, "due_soon"),
        },
    ),
    # herefordshire-housing, over Christmas and New Year (25, 28 Dec 2026; 1 Jan 2027).
    # received Thu 17 Dec 2026. record 1 wd -> Fri 18 Dec (logged 17 Dec: met).
    # resolve at initial contact 15 wd: 18 | 21 22 23 24 | 29 30 31 | 4-8 Jan | 11 12 -> Tue 12 Jan.
    # referred to stage 1 (escalated) Mon 4 Jan 2027.
    # acknowledge 3 wd: 5 6 7 -> Thu 7 Jan (met 6 Jan).
    # respond 15 wd: 5-8 | 11-15 | 18-22 | 25 -> Mon 25 Jan. today Mon 18 Jan: 19 20 21 22 25
    # = 5 left <= the procedure's 5 working day warning -> due_soon (pending by the default 2).
    # Moving on to stage 1 on 4 Jan stops the informal stage's resolve clock (not yet due then).
    Example(
        "herefordshire-housing",
        "2027-01-18",
        {
            "id": "2026-0300",
            "received": "2026-12-17",
            "policy": "herefordshire-housing",
            "events": [
                {"date": "2026-12-17", "type": "logged", "stage": 0, "by": "frontline"},
                {"date": "2027-01-04", "type": "escalated", "stage": 1},
                {"date": "2027-01-06", "type": "acknowledged", "stage": 1, "by": "coord"},
            ],
        },
        {
            ("0", "record"): ("2026-12-18", "2026-12-17", "met"),
            ("0", "resolve"): ("2027-01-12", None, "stopped"),
            ("1", "acknowledge"): ("2027-01-07", "2027-01-06", "met"),
            ("1", "respond"): ("2027-01-25", None, "due_soon"),
        },
    ),
]


@pytest.mark.parametrize("example", EXAMPLES, ids=[f"{e.policy}-{e.case['id']}" for e in EXAMPLES])
def test_worked_example(example: Example) -> None:
    from putright.calendar import WorkingCalendar
    from putright.records import build_case

    policies, problems = load_policies(str(REPO))
    assert problems == []
    built = build_case(example.case, f"cases/{example.case['id']}.yaml")
    case = built[0] if isinstance(built, tuple) else built
    assert case is not None
    result = evaluate(
        case, policies[example.policy], WorkingCalendar("ENG", closures=()), D(example.today)
    )
    got = {(c.stage, c.clock): c for c in result.clocks}
    assert set(got) == set(example.expected), "clocks listed"
    for key, (due, done, state) in example.expected.items():
        clock = got[key]
        assert clock.due == (D(due) if due else None), f"{key} due"
        assert clock.done == (D(done) if done else None), f"{key} done"
        if state is not None:
            assert clock.state == state, f"{key} state"
