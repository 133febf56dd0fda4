"""The working-day rule, by table (as the holidays package tests its rules) and by property."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from putright.calendar import WorkingCalendar

D = dt.date
CAL = {nation: WorkingCalendar(nation) for nation in ("ENG", "WLS", "SCT", "NIR")}


@pytest.mark.parametrize(
    ("nation", "start", "n", "expected", "why"),
    [
        ("ENG", D(2026, 3, 6), 5, D(2026, 3, 13), "the contract's example: Friday + 5"),
        ("ENG", D(2026, 3, 7), 5, D(2026, 3, 13), "from a Saturday"),
        (
            "ENG",
            D(2026, 12, 24),
            1,
            D(2026, 12, 29),
            "Christmas, weekend, Boxing Day substitute (Mon 28th)",
        ),
        ("ENG", D(2026, 4, 2), 1, D(2026, 4, 7), "Good Friday 3 Apr and Easter Monday 6 Apr 2026"),
        ("SCT", D(2026, 4, 2), 1, D(2026, 4, 6), "Scotland has no Easter Monday"),
        ("ENG", D(2026, 6, 12), 1, D(2026, 6, 15), "15 June 2026 is a working day in England"),
        (
            "SCT",
            D(2026, 6, 12),
            1,
            D(2026, 6, 16),
            "Scotland's World Cup bank holiday, 15 June 2026",
        ),
        (
            "ENG",
            D(2022, 6, 1),
            1,
            D(2022, 6, 6),
            "Spring bank holiday moved to 2 June, Jubilee 3 June 2022",
        ),
        ("ENG", D(2022, 9, 16), 1, D(2022, 9, 20), "the Queen's state funeral, 19 September 2022"),
        ("WLS", D(2023, 5, 5), 1, D(2023, 5, 9), "the Coronation, 8 May 2023"),
        (
            "ENG",
            D(2021, 12, 24),
            1,
            D(2021, 12, 29),
            "Christmas on Saturday: Mon 27 and Tue 28 are substitutes",
        ),
        (
            "ENG",
            D(2022, 12, 23),
            1,
            D(2022, 12, 28),
            "Christmas on Sunday: Mon 26 Boxing Day, Tue 27 substitute",
        ),
        (
            "SCT",
            D(2026, 12, 31),
            1,
            D(2027, 1, 5),
            "Scotland: 1 Jan (Fri), 2 Jan substitute on Mon 4 Jan",
        ),
        ("ENG", D(2026, 12, 31), 1, D(2027, 1, 4), "England: only 1 January"),
        ("NIR", D(2026, 3, 16), 1, D(2026, 3, 18), "St Patrick's Day, 17 March, Northern Ireland"),
        (
            "NIR",
            D(2026, 7, 10),
            1,
            D(2026, 7, 14),
            "Battle of the Boyne, 12 July 2026 (Sun) -> Mon 13",
        ),
        ("ENG", D(2026, 7, 10), 1, D(2026, 7, 13), "not a holiday in England"),
        ("SCT", D(2026, 11, 27), 1, D(2026, 12, 1), "St Andrew's Day, 30 Nov 2026 (Mon)"),
        (
            "SCT",
            D(2026, 7, 31),
            1,
            D(2026, 8, 4),
            "Scotland's summer holiday: first Monday in August",
        ),
        (
            "ENG",
            D(2026, 8, 28),
            1,
            D(2026, 9, 1),
            "England's summer holiday: last Monday in August",
        ),
        ("ENG", D(2026, 1, 2), 0, D(2026, 1, 2), "adding nothing"),
        # 52 weeks = 260 weekdays -> Fri 5 Mar 2027, plus the 8 English bank holidays between -> 17 Mar.
        ("ENG", D(2026, 3, 6), 260, D(2027, 3, 17), "a long span across a year end"),
    ],
)
def test_working_day_table(
    nation: str, start: dt.date, n: int, expected: dt.date, why: str
) -> None:
    assert CAL[nation].add(start, n) == expected, why


def test_closures_are_not_working_days() -> None:
    closed = WorkingCalendar("ENG", [D(2026, 12, 24), D(2026, 12, 31)])
    assert closed.add(D(2026, 12, 23), 1) == D(2026, 12, 29)
    assert closed.add(D(2026, 12, 30), 1) == D(2027, 1, 4)
    assert not closed.is_working_day(D(2026, 12, 24))


def test_between_counts_working_days_after_start_up_to_end() -> None:
    cal = CAL["ENG"]
    assert cal.between(D(2026, 3, 6), D(2026, 3, 13)) == 5
    assert cal.between(D(2026, 3, 13), D(2026, 3, 13)) == 0
    assert cal.between(D(2026, 3, 13), D(2026, 3, 6)) == -5


def test_dates_far_outside_the_table_grow_it() -> None:
    cal = WorkingCalendar("ENG", first_year=2026, last_year=2026)
    assert cal.add(D(2019, 12, 24), 1) == D(2019, 12, 27)
    assert cal.add(D(2045, 12, 22), 1) == D(2045, 12, 27)
    assert cal.add(D(2026, 1, 1), 2600).year == 2036


def test_fixed_holidays_can_be_passed_in() -> None:
    cal = WorkingCalendar("ENG", holidays=[D(2026, 3, 9)])
    assert cal.add(D(2026, 3, 6), 1) == D(2026, 3, 10)


days = st.dates(min_value=D(2019, 1, 1), max_value=D(2031, 12, 31))
amounts = st.integers(min_value=0, max_value=400)


@settings(max_examples=300, deadline=None)
@given(days, amounts, amounts, st.sampled_from(["ENG", "WLS", "SCT", "NIR"]))
def test_adding_is_additive(day: dt.date, a: int, b: int, nation: str) -> None:
    cal = CAL[nation]
    assert cal.add(cal.add(day, a), b) == cal.add(day, a + b)


@settings(max_examples=300, deadline=None)
@given(days, st.integers(min_value=1, max_value=400), st.sampled_from(["ENG", "WLS", "SCT", "NIR"]))
def test_result_is_a_working_day_after_the_start(day: dt.date, n: int, nation: str) -> None:
    cal = CAL[nation]
    result = cal.add(day, n)
    assert result > day and cal.is_working_day(result) and result.weekday() < 5
    assert cal.between(day, result) == n
