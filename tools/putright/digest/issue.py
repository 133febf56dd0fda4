"""The digest's tracking issue and workflow summary: ids, dates and counts only.

The same privacy rule as the overdue issue (``ci.overdue``): everyone with access to the
repository reads it, and GitHub copies it into notification emails, so it names no
complainant, no member of staff and no contractor, and carries no free text from a case.
"""

from __future__ import annotations

import json

from ..calendar import WorkingCalendar
from ..config import Settings
from . import blocks
from .month import MonthDigest
from .periods import runs_today
from .present import digest_blocks
from .quarter import QuarterDigest
from .week import WeekDigest

TITLES = {
    "week": "Weekly complaints digest",
    "month": "Monthly complaints digest",
    "quarter": "Quarterly complaints report",
}


def marker(kind: str) -> str:
    return f"<!-- putright-digest-{kind}: written by the Digests workflow; edits here are overwritten -->"


def issue_markdown(digest: WeekDigest | MonthDigest | QuarterDigest) -> str:
    kind = digest.period.kind
    lead = (
        "This issue is rewritten each time the digest runs. It holds case ids, dates and counts "
        "only: the full digest, with officers and learning, is on the staff site's Reports pages."
    )
    body = blocks.render_markdown(digest_blocks(digest, counts_only=True))
    return f"{marker(kind)}\n{lead}\n\n{body}"


def issue_json(
    digest: WeekDigest | MonthDigest | QuarterDigest, settings: Settings, calendar: WorkingCalendar
) -> str:
    """What the workflow needs to decide: is today this digest's day, and the issue's title."""
    kind = digest.period.kind
    return json.dumps(
        {
            "kind": kind,
            "today": digest.today.isoformat(),
            "runs_today": runs_today(kind, settings, calendar, digest.today),
            "period": digest.period.to_json(),
            "title": f"{TITLES[kind]}: {digest.period.label}",
            "label": f"putright-digest-{kind}",
        },
        indent=2,
    )
