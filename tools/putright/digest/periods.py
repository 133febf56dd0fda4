"""The periods a digest covers: a week, a month, a quarter of the reporting year.

A month or a quarter digest is about the last *complete* period before today (the one a
manager reads on the first working day after it ends), unless ``to_date`` asks for the
period today falls in, so far. A week digest is a snapshot as of today, in the week that
holds today (Monday to Sunday). Quarters follow ``reporting_year_start``: with April, Q1 is
April to June and Q4 January to March, and the quarter is named by the reporting year.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from ..calendar import WorkingCalendar
from ..config import Settings
from ..engine.timing import add_months

Kind = Literal["week", "month", "quarter"]
KINDS: tuple[Kind, ...] = ("week", "month", "quarter")


@dataclass(frozen=True, slots=True)
class Period:
    kind: Kind
    start: dt.date
    end: dt.date  # inclusive
    label: str  # "week of 2026-03-02", "March 2026", "2025-26 Q4"

    @property
    def span(self) -> tuple[dt.date, dt.date]:
        return self.start, self.end

    def to_json(self) -> dict[str, object]:
        return {
            "kind": self.kind,
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "label": self.label,
        }


def week_of(day: dt.date) -> Period:
    start = day - dt.timedelta(days=day.weekday())
    return Period("week", start, start + dt.timedelta(days=6), f"week of {start.isoformat()}")


def month_of(day: dt.date) -> Period:
    start = day.replace(day=1)
    end = add_months(start, 1) - dt.timedelta(days=1)
    return Period("month", start, end, start.strftime("%B %Y"))


def quarter_of(settings: Settings, day: dt.date) -> Period:
    year = settings.year_of(day)
    first, _ = settings.year_period(year)
    for number in range(1, 5):
        start = add_months(first, 3 * (number - 1))
        end = add_months(first, 3 * number) - dt.timedelta(days=1)
        if start <= day <= end:
            return Period("quarter", start, end, f"{settings.year_label(year)} Q{number}")
    raise AssertionError("a reporting year has four quarters")  # pragma: no cover


def period_of(kind: Kind, settings: Settings, day: dt.date) -> Period:
    """The period of this kind that holds ``day``."""
    if kind == "week":
        return week_of(day)
    if kind == "month":
        return month_of(day)
    return quarter_of(settings, day)


def reported_period(kind: Kind, settings: Settings, today: dt.date, *, to_date: bool) -> Period:
    """The period a digest run today reports: the last complete one, or today's (``to_date``)."""
    current = period_of(kind, settings, today)
    if kind == "week" or to_date:
        return current
    return period_of(kind, settings, current.start - dt.timedelta(days=1))


def previous(period: Period, settings: Settings, count: int) -> list[Period]:
    """``count`` periods of the same kind ending with ``period``, oldest first."""
    out = [period]
    while len(out) < count:
        out.insert(0, period_of(period.kind, settings, out[0].start - dt.timedelta(days=1)))
    return out


def first_working_day(calendar: WorkingCalendar, start: dt.date) -> dt.date:
    """The first working day on or after ``start``."""
    return start if calendar.is_working_day(start) else calendar.add(start, 1)


def runs_today(kind: Kind, settings: Settings, calendar: WorkingCalendar, today: dt.date) -> bool:
    """Is today the first working day of a week, month or quarter (when its digest is sent)?

    Not just the 1st or a Monday: after a bank holiday Monday the week's digest goes on the
    Tuesday, and a month starting on a Saturday gets its digest on the Monday after.
    """
    current = period_of(kind, settings, today)
    return today == first_working_day(calendar, current.start)
