"""Dates as a UK complaints log spells them: always day first, never a guess.

Accepted: 31/03/2026, 31-03-2026, 31.03.2026 (and 1/3/2026), 31 March 2026, 31 Mar 2026,
Tuesday 31 March 2026, 2026-03-31, and a spreadsheet's own date cells. A month-first date
such as 03/31/2026 is not read as 31 March: day first it is day 3 of month 31, which does not
exist, so it is refused with the reason. Two-digit years are refused: 01/02/26 could be 1926.
"""

from __future__ import annotations

import datetime as dt
import re

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_NUMERIC = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d+)$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_WORDS = re.compile(r"^(?:[a-z]+,?\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?,?\s+(\d+)$")


class DateRefused(ValueError):
    """Not a date this log's reader will accept; the message says why."""


def _made(year: int, month: int, day: int, text: str) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise DateRefused(
            f"{text!r} is not a real date (read day first, as UK dates are written)"
        ) from None


def _year(digits: str, text: str) -> int:
    if len(digits) != 4:
        raise DateRefused(f"{text!r}: write the year in full (2026, not 26)")
    return int(digits)


def parse_uk_date(value: object) -> dt.date:
    """A cell's value as a date; DateRefused with the reason if it is not one."""
    if isinstance(value, dt.datetime):  # a spreadsheet date cell (time of day ignored)
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        raise DateRefused(
            f"{value!r} is a number, not a date (format the column as dates, or write 31/03/2026)"
        )
    text = str(value).strip()
    lowered = " ".join(text.lower().split())
    if match := _ISO.match(lowered):
        return _made(int(match[1]), int(match[2]), int(match[3]), text)
    if match := _NUMERIC.match(lowered):
        return _made(_year(match[3], text), int(match[2]), int(match[1]), text)
    if match := _WORDS.match(lowered):
        month = _MONTHS.get(match[2])
        if month is None:
            raise DateRefused(f"{text!r}: {match[2]!r} is not the name of a month")
        return _made(_year(match[3], text), month, int(match[1]), text)
    raise DateRefused(f"{text!r} is not a date (write 31/03/2026, 31 March 2026 or 2026-03-31)")
