"""Durations in a procedure's units, and the state of a deadline as of a day."""

from __future__ import annotations

import calendar as _months
import datetime as dt

from ..calendar import WorkingCalendar
from ..policy.model import Duration
from .results import State


def add_months(day: dt.date, months: int) -> dt.date:
    """Calendar months, the day clamped to the month's end (31 Jan + 1 month = 28/29 Feb)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, _months.monthrange(year, month)[1]))


def add(calendar: WorkingCalendar, start: dt.date, amount: int, unit: str) -> dt.date:
    if unit == "working_days":
        return calendar.add(start, amount)
    if unit == "calendar_days":
        return start + dt.timedelta(days=amount)
    if unit == "weeks":
        return start + dt.timedelta(weeks=amount)
    if unit == "months":
        return add_months(start, amount)
    raise ValueError(f"unknown unit {unit!r}")


def within_window(
    calendar: WorkingCalendar, today: dt.date, due: dt.date, window: Duration
) -> bool:
    """Is ``due`` within the warning window from ``today`` (the due day itself included)?"""
    if window.amount is None or window.unit is None:
        return False
    if window.unit == "working_days":
        return calendar.between(today, due) <= window.amount
    return due <= add(calendar, today, window.amount, window.unit)


def state_of(
    calendar: WorkingCalendar,
    today: dt.date,
    due: dt.date | None,
    done: dt.date | None,
    window: Duration,
) -> State:
    if done is not None:
        return "met" if due is None or done <= due else "late"
    if due is None:
        return "pending"
    if today > due:
        return "overdue"
    return "due_soon" if within_window(calendar, today, due, window) else "pending"
