"""Digests for managers and the board: a week per team, a month per section, a quarter's pack.

Results are data (``week``, ``month``, ``quarter``); presenters in ``present_*`` render them as
text, Markdown, HTML or JSON; ``issue`` renders the ids-dates-and-counts copy for the tracking
issue and the workflow summary. Everything is counted from ``gather``: the results `check`,
`due` and `report` compute for the same day.
"""

from __future__ import annotations

import datetime as dt

from ..repository import Repository
from .gather import Gathered, gather
from .month import MonthDigest, month_digest
from .periods import KINDS, Kind, Period, reported_period, runs_today
from .quarter import QuarterDigest, quarter_digest
from .week import WeekDigest, week_digest

Digest = WeekDigest | MonthDigest | QuarterDigest

__all__ = [
    "KINDS",
    "Digest",
    "Gathered",
    "Kind",
    "MonthDigest",
    "Period",
    "QuarterDigest",
    "WeekDigest",
    "build",
    "digest_of",
    "gather",
    "runs_today",
]


def digest_of(kind: Kind, gathered: Gathered, repo: Repository, *, to_date: bool = False) -> Digest:
    """The digest of this kind from cases already gathered."""
    period = reported_period(kind, repo.settings, gathered.today, to_date=to_date)
    if kind == "week":
        return week_digest(gathered, repo.calendar)
    if kind == "month":
        return month_digest(gathered, period)
    return quarter_digest(gathered, period, repo.settings)


def build(
    kind: Kind, repo: Repository, today: dt.date, *, team: str | None = None, to_date: bool = False
) -> Digest:
    gathered = gather(repo, today)
    if team is not None:
        gathered = gathered.only(team)
    return digest_of(kind, gathered, repo, to_date=to_date)
