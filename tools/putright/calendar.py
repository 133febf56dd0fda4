"""Working days: Monday to Friday, less a nation's bank holidays and the organisation's closures.

``add(d, n)`` is the n-th working day strictly after ``d`` (the contract's rule). It is O(1):
working days are precomputed once per calendar as a sorted table over a span of years, with an
index from every date to the number of working days up to it; the span grows when asked about a
date outside it. Bank holidays come from the ``holidays`` package, or are passed in (tests).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

NATIONS = ("ENG", "WLS", "SCT", "NIR")


def bank_holidays(nation: str, years: Iterable[int]) -> set[dt.date]:
    """A nation's bank holidays (substitute days included) for the given years."""
    import holidays  # imported here: it is a large package and only calendars need it

    if nation not in NATIONS:
        raise ValueError(f"unknown nation {nation!r}; use one of {', '.join(NATIONS)}")
    # subdiv matters: without it the package returns only the days common to all four nations.
    return set(holidays.country_holidays("GB", subdiv=nation, years=list(years)).keys())


class WorkingCalendar:
    """Working-day arithmetic for one nation and one organisation's closures."""

    def __init__(
        self,
        nation: str = "ENG",
        closures: Iterable[dt.date] = (),
        *,
        holidays: Iterable[dt.date] | None = None,
        first_year: int | None = None,
        last_year: int | None = None,
    ) -> None:
        self.nation = nation
        self.closures = frozenset(closures)
        self._fixed_holidays = None if holidays is None else frozenset(holidays)
        # A few years around now; the table grows when a date outside it is asked about.
        this_year = dt.date.today().year
        self._build(first_year or this_year - 3, last_year or this_year + 2)

    # --- the table -----------------------------------------------------------------------

    def _build(self, first_year: int, last_year: int) -> None:
        self._first_year, self._last_year = first_year, last_year
        years = range(first_year, last_year + 1)
        if self._fixed_holidays is not None:
            off = set(self._fixed_holidays)
        else:
            off = bank_holidays(self.nation, years)
        off |= self.closures
        start = dt.date(first_year, 1, 1)
        self._base = start.toordinal()
        end = dt.date(last_year, 12, 31).toordinal()
        working: list[int] = []
        # upto[i] = number of working days on or before base + i
        upto: list[int] = []
        count = 0
        weekday = start.weekday()
        holidays_ord = {d.toordinal() for d in off}
        for ordinal in range(self._base, end + 1):
            if weekday < 5 and ordinal not in holidays_ord:
                count += 1
                working.append(ordinal)
            upto.append(count)
            weekday = (weekday + 1) % 7
        self._working = working
        self._upto = upto

    def _ensure(self, day: dt.date, ahead_days: int = 0) -> None:
        # Grow the table when a date (or a sum that could run past its end) falls outside it.
        first, last = self._first_year, self._last_year
        need_last = day.year + 1 + ahead_days // 200
        if day.year < first or need_last > last:
            self._build(min(first, day.year - 1), max(last, need_last + 2))

    # --- the rules -----------------------------------------------------------------------

    def is_working_day(self, day: dt.date) -> bool:
        self._ensure(day)
        i = day.toordinal() - self._base
        return self._upto[i] - (self._upto[i - 1] if i else 0) == 1

    def add(self, day: dt.date, n: int) -> dt.date:
        """The n-th working day strictly after ``day`` (n >= 1); ``day`` itself for n == 0."""
        if n < 0:
            raise ValueError("working days to add must not be negative")
        if n == 0:
            return day
        self._ensure(day, n)
        index = self._upto[day.toordinal() - self._base] + n - 1
        if index >= len(self._working):
            self._build(self._first_year, self._last_year + n // 200 + 5)
            return self.add(day, n)
        return dt.date.fromordinal(self._working[index])

    def between(self, start: dt.date, end: dt.date) -> int:
        """Working days after ``start`` up to and including ``end`` (negative if end < start)."""
        if end < start:
            return -self.between(end, start)
        self._ensure(start)
        self._ensure(end)
        return self._upto[end.toordinal() - self._base] - self._upto[start.toordinal() - self._base]

    def next_working_day(self, day: dt.date) -> dt.date:
        """``day`` if it is a working day, else the next one."""
        return day if self.is_working_day(day) else self.add(day, 1)
