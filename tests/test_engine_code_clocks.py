"""The Code's clocks, checked against an independent computation written from the contract.

The oracle below walks day by day with the `holidays` package directly; it shares no code with
putright.calendar or putright.engine. Hypothesis builds random timelines in every nation, with
closures, and evaluates them as of random days (events after `today` must be ignored).
"""

from __future__ import annotations

import datetime as dt
from functools import cache

import holidays
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import POLICIES
from putright.calendar import WorkingCalendar
from putright.engine import evaluate
from putright.policy.loading import load_policy
from putright.records import build_case

CODE, _ = load_policy(str(POLICIES / "hoc-2024.yaml"), "policies/hoc-2024.yaml")
ONE = dt.timedelta(days=1)


@cache
def _bank_holidays(nation: str) -> frozenset[dt.date]:
    return frozenset(holidays.country_holidays("GB", subdiv=nation, years=range(2019, 2033)).keys())


def oracle_add(day: dt.date, n: int, nation: str, closures: frozenset[dt.date]) -> dt.date:
    """The n-th working day strictly after `day`, counted one day at a time."""
    off = _bank_holidays(nation) | closures
    while n > 0:
        day += ONE
        if day.weekday() < 5 and day not in off:
            n -= 1
    return day


def oracle_state(
    due: dt.date, done: dt.date | None, today: dt.date, nation: str, closures: frozenset[dt.date]
) -> str:
    if done is not None:
        return "met" if done <= due else "late"
    if today > due:
        return "overdue"
    # due_soon: 2 working days or less from today, the due day itself included
    return "due_soon" if due <= oracle_add(today, 2, nation, closures) else "pending"


@st.composite
def timelines(draw: st.DrawFn) -> dict:
    nation = draw(st.sampled_from(["ENG", "WLS", "SCT", "NIR"]))
    received = draw(st.dates(min_value=dt.date(2021, 1, 1), max_value=dt.date(2027, 6, 30)))
    closures = frozenset(
        draw(
            st.lists(
                st.dates(min_value=received, max_value=received + dt.timedelta(days=90)), max_size=4
            )
        )
    )
    gaps = draw(st.lists(st.integers(min_value=0, max_value=25), min_size=6, max_size=6))
    steps = draw(st.integers(min_value=0, max_value=6))  # how far the case has gone
    ext1 = draw(st.integers(min_value=1, max_value=12))
    ext2 = draw(st.integers(min_value=1, max_value=22))
    day = received
    events: list[dict] = []
    names = [
        ("acknowledged", "1", {}),
        ("extended", "1", {"working_days": ext1}),
        ("responded", "1", {"outcome": "upheld"}),
        ("escalated", "2", {}),
        ("acknowledged", "2", {}),
        ("responded", "2", {"outcome": "not_upheld"}),
    ]
    for (kind, stage, extra), gap in list(zip(names, gaps, strict=True))[:steps]:
        day = day + dt.timedelta(days=gap)
        if kind == "extended" and stage == "1" and draw(st.booleans()):
            continue  # not every case is extended
        events.append({"date": day.isoformat(), "type": kind, "stage": int(stage), **extra})
    if steps >= 5 and draw(st.booleans()):
        events.insert(
            -1, {"date": events[-2]["date"], "type": "extended", "stage": 2, "working_days": ext2}
        )
    today = received + dt.timedelta(days=draw(st.integers(min_value=0, max_value=120)))
    return {
        "nation": nation,
        "closures": closures,
        "received": received,
        "events": events,
        "today": today,
    }


def expected_clocks(t: dict) -> list[tuple[str, str, dt.date, dt.date | None, str]]:
    """The contract's table, written out: (stage, clock, due, done, state)."""
    nation, closures, today = t["nation"], t["closures"], t["today"]
    known = [e for e in t["events"] if dt.date.fromisoformat(e["date"]) <= today]

    def first(kind: str, stage: int) -> dt.date | None:
        return next(
            (
                dt.date.fromisoformat(e["date"])
                for e in known
                if e["type"] == kind and e["stage"] == stage
            ),
            None,
        )

    def extended(stage: int) -> int:
        return sum(
            e["working_days"] for e in known if e["type"] == "extended" and e["stage"] == stage
        )

    out = []
    for stage, start, ack_days, respond_days in (
        (1, t["received"], 5, 10),
        (2, first("escalated", 2), 5, 20),
    ):
        if start is None:
            continue  # a stage the case never reached is not listed
        ack_due = oracle_add(start, ack_days, nation, closures)
        acked = first("acknowledged", stage)
        out.append(
            (
                str(stage),
                "acknowledge",
                ack_due,
                acked,
                oracle_state(ack_due, acked, today, nation, closures),
            )
        )
        respond_due = oracle_add(acked or ack_due, respond_days + extended(stage), nation, closures)
        responded = first("responded", stage)
        out.append(
            (
                str(stage),
                "respond",
                respond_due,
                responded,
                oracle_state(respond_due, responded, today, nation, closures),
            )
        )
    return out


@settings(max_examples=400, deadline=None)
@given(timelines())
def test_code_clocks_match_the_independent_computation(t: dict) -> None:
    case, flaws = build_case(
        {"id": "x", "received": t["received"].isoformat(), "events": t["events"]}, "cases/x.yaml"
    )
    assert case is not None and not flaws
    calendar = WorkingCalendar(t["nation"], t["closures"])
    result = evaluate(case, CODE, calendar, t["today"])
    got = [(c.stage, c.clock, c.due, c.done, c.state) for c in result.clocks]
    assert got == expected_clocks(t)


def test_events_after_today_are_ignored() -> None:
    case, _ = build_case(
        {
            "id": "x",
            "received": "2026-03-02",
            "events": [
                {"date": "2026-03-04", "type": "acknowledged", "by": "a"},
                {"date": "2026-03-18", "type": "responded", "by": "a", "outcome": "upheld"},
                {"date": "2026-03-21", "type": "closed"},
            ],
        },
        "cases/x.yaml",
    )
    assert case is not None
    cal = WorkingCalendar("ENG")
    before = evaluate(case, CODE, cal, dt.date(2026, 3, 17))
    assert [c.state for c in before.clocks] == ["met", "due_soon"] and before.open
    after = evaluate(case, CODE, cal, dt.date(2026, 3, 23))
    assert [c.state for c in after.clocks] == ["met", "met"] and not after.open


def test_withdrawal_stops_the_clocks() -> None:
    case, _ = build_case(
        {
            "id": "x",
            "received": "2026-03-02",
            "events": [
                {"date": "2026-03-04", "type": "acknowledged", "by": "a"},
                {"date": "2026-03-06", "type": "withdrawn"},
            ],
        },
        "cases/x.yaml",
    )
    assert case is not None
    result = evaluate(case, CODE, WorkingCalendar("ENG"), dt.date(2026, 6, 1))
    respond = result.clocks[1]
    assert (respond.state, respond.stopped, respond.stopped_by) == (
        "stopped",
        dt.date(2026, 3, 6),
        "withdrawn",
    )
