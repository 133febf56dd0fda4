"""The most working days a procedure's duration can span, whatever the calendar.

A procedure may count calendar days, weeks or months. Each is turned into the most working days
it can ever span (no bank holiday helps), so a breach of the Code is never missed and every
message says how the number was reached ("15 calendar days can be up to 11 working days").
"""

from __future__ import annotations

import calendar
from functools import cache

from .model import Duration, Unit


def _weekdays_in(days: int) -> int:
    """The most Monday-to-Friday days any run of ``days`` consecutive days can hold."""
    return 5 * (days // 7) + min(days % 7, 5)


@cache
def _longest_months(months: int) -> int:
    """The most calendar days ``months`` months can span (a leap year included).

    Starting on the first of a month gives the longest span, since a later start is only ever
    clamped to a shorter month's end; 48 months cover every leap-year phase.
    """
    lengths = [calendar.monthrange(2024 + m // 12, m % 12 + 1)[1] for m in range(48 + months)]
    return max(sum(lengths[start : start + months]) for start in range(48))


def worst_working_days(amount: int, unit: Unit) -> tuple[int, str]:
    """The most working days a duration can span, and how that was reached ('' if exact)."""
    if unit == "working_days":
        return amount, ""
    if unit == "calendar_days":
        most = _weekdays_in(amount)
        return most, f"{amount} calendar days can be up to {most} working days"
    if unit == "weeks":
        return 5 * amount, f"{amount} weeks can be up to {5 * amount} working days"
    days = _longest_months(amount)
    most = _weekdays_in(days)
    label = "month" if amount == 1 else "months"
    return most, f"{amount} {label} can be up to {days} calendar days, so up to {most} working days"


def worst(within: Duration) -> tuple[int | None, str]:
    """Worst case of a clock's time; None when it is only 'as agreed' (no upper bound)."""
    if within.amount is None or within.unit is None:
        return None, ""
    return worst_working_days(within.amount, within.unit)
