"""The dates public figures are computed as of: fixed cut-offs, never "today".

The public site is rebuilt on every push. Figures "as of today" moved with each case (the
demo's compensation total stepped £1,000 -> £1,075 -> £1,225 as single payments were made),
so two builds a day apart gave one case's figures away, whatever suppression did within
each build. Public figures are therefore computed as of the latest *cut-off* on or before the
day of the build: by default the end of each quarter of the reporting year (which starts at
``reporting_year_start``), or the dates in complaints.yml ``public.cutoffs`` ("MM-DD"). The
end of the year is always a cut-off: a complete year is published whole. Every build between
two cut-offs publishes the same figures (tests/test_public_cutoffs.py builds on consecutive
days); what may change between consecutive cut-offs is limited by ``published.over_time``.
"""

from __future__ import annotations

import datetime as dt

from ..config import Settings


def _add_months(day: dt.date, months: int) -> dt.date:
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    for dom in range(day.day, 27, -1):  # the 31st of a 30-day month is its 30th
        try:
            return dt.date(year, month, dom)
        except ValueError:
            continue
    return dt.date(year, month, min(day.day, 28))


def cutoffs(settings: Settings, year: int) -> tuple[dt.date, ...]:
    """The cut-offs of reporting year ``year``, in order; the last is the year's end."""
    start, end = settings.year_period(year)
    if settings.cutoffs:
        days = set()
        for month, dom in settings.cutoffs:
            for calendar_year in (start.year, start.year + 1):
                try:
                    day = dt.date(calendar_year, month, dom)
                except ValueError:  # 02-29 in a year without one: the 28th
                    day = dt.date(calendar_year, month, 28)
                if start <= day < end:
                    days.add(day)
        return (*sorted(days), end)
    return tuple(_add_months(start, 3 * q) - dt.timedelta(days=1) for q in (1, 2, 3, 4))


def publication_date(settings: Settings, today: dt.date) -> dt.date:
    """The latest cut-off on or before ``today``: what the public figures are as of."""
    year = settings.year_of(today)
    passed = [day for day in cutoffs(settings, year) if day <= today]
    if passed:
        return passed[-1]
    return cutoffs(settings, year - 1)[-1]  # the end of the previous year


def earlier_cutoffs(settings: Settings, as_of: dt.date) -> tuple[dt.date, ...]:
    """The cut-offs of ``as_of``'s reporting year before it, in order (a reader may have kept
    the figures published at each)."""
    year = settings.year_of(as_of)
    return tuple(day for day in cutoffs(settings, year) if day < as_of)


def next_cutoff(settings: Settings, as_of: dt.date) -> dt.date:
    """The cut-off after ``as_of``: when the public figures next change."""
    year = settings.year_of(as_of)
    later = [day for day in cutoffs(settings, year) if day > as_of]
    return later[0] if later else cutoffs(settings, year + 1)[0]
