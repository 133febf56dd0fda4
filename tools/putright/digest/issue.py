"""The digest's tracking issue and workflow summary: ids, dates and counts only.

The same privacy rule as the overdue issue (``ci.overdue``): everyone with access to the
repository reads it, and GitHub copies it into notification emails, so it names no
complainant, no member of staff and no contractor, and carries no free text from a case.
``present.digest`` writes it (counts-only blocks).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..calendar import WorkingCalendar
from ..config import Settings
from .month import MonthDigest
from .periods import runs_today
from .quarter import QuarterDigest
from .week import WeekDigest

TITLES = {
    "week": "Weekly complaints digest",
    "month": "Monthly complaints digest",
    "quarter": "Quarterly complaints report",
}


@dataclass(frozen=True, slots=True)
class DigestIssue:
    digest: WeekDigest | MonthDigest | QuarterDigest
    runs_today: bool  # is today this digest's day (the first working day of its period)


def digest_issue(
    digest: WeekDigest | MonthDigest | QuarterDigest, settings: Settings, calendar: WorkingCalendar
) -> DigestIssue:
    kind = digest.period.kind
    return DigestIssue(digest, runs_today(kind, settings, calendar, digest.today))
