"""Working days: Monday to Friday, less a nation's bank holidays and the organisation's closures.

``add(d, n)`` is the n-th working day strictly after ``d`` (the contract's rule). It is O(1):
working days are precomputed once per calendar (when it is first asked) as a sorted table over a
span of years, with an index from every date to the number of working days up to it; the span
grows when asked about a date outside it. Bank holidays come from the ``holidays`` package, or
are passed in (tests).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

NATIONS = ("ENG", "WLS", "SCT", "NIR")


# What the holidays package gave for (nation, first year, last year), as ordinals. A pure
# function of the package's rules, so asked once per process; the check cache keeps it between
# runs (keyed by the installed package, with everything else it keeps), since loading the
# package's rules for the United Kingdom cost a tenth of a warm check.
HolidayTable = dict[tuple[str, int, int], tuple[int, ...]]
_KNOWN: HolidayTable = {}


def bank_holidays(nation: str, years: Iterable[int]) -> set[dt.date]:
    """A nation's bank holidays (substitute days included) for the given years."""
    if nation not in NATIONS:
        raise ValueError(f"unknown nation {nation!r}; use one of {', '.join(NATIONS)}")
    wanted = sorted(set(years))
    if not wanted:
        return set()
    key = (nation, wanted[0], wanted[-1])
    if wanted != list(range(key[1], key[2] + 1)):  # not a span of years: not kept
        return _from_package(nation, wanted)
    known = _KNOWN.get(key)
    if known is None:
        known = _KNOWN[key] = tuple(sorted(d.toordinal() for d in _from_package(nation, wanted)))
    return {dt.date.fromordinal(o) for o in known}


def _from_package(nation: str, years: list[int]) -> set[dt.date]:
    import holidays  # imported here: it is a large package and only calendars need it

    # subdiv matters: without it the package returns only the days common to all four nations.
    return set(holidays.country_holidays("GB", subdiv=nation, years=years).keys())


def known_holidays() -> HolidayTable:
    """The bank holidays this process has had from the package (for the check cache)."""
    return dict(_KNOWN)


def remember_holidays(table: object) -> None:
    """Take bank holidays the package gave an earlier run (the check cache, which holds them
    only as long as the package is the same); anything not shaped as ``known_holidays`` gives
    is ignored."""
    if not isinstance(table, dict):
        return
    for key, ordinals in table.items():
        if (
            isinstance(key, tuple)
            and len(key) == 3
            and key[0] in NATIONS
            and all(type(y) is int for y in key[1:])
            and isinstance(ordinals, tuple)
            and all(type(o) is int and o > 0 for o in ordinals)
        ):
            _KNOWN.setdefault(key, ordinals)


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
        if holidays is None and nation not in NATIONS:  # said now, not at the first question
            raise ValueError(f"unknown nation {nation!r}; use one of {', '.join(NATIONS)}")
        self.nation = nation
        self.closures = frozenset(closures)
        self._fixed_holidays = None if holidays is None else frozenset(holidays)
        # A few years around now; the table grows when a date outside it is asked about. It is
        # built when first asked (``_ensure``): a command that never asks never loads holidays,
        # and `check` first takes the holidays its cache kept.
        this_year = dt.date.today().year
        self._span = (first_year or this_year - 3, last_year or this_year + 2)
        self._first_year, self._last_year = 0, -1  # nothing built: any date is outside
        self._working: list[int] = []
        self._upto: list[int] = []

    def ready(self) -> None:
        """Build the table now (before forking workers, so that each need not build it)."""
        if not self._upto:
            self._build(*self._span)

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
        need_last = day.year + 1 + ahead_days // 200
        if day.year < self._first_year or need_last > self._last_year:
            self.ready()
            first, last = self._first_year, self._last_year
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
