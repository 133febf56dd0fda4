"""A digest (week, month, quarter) in one format: text, Markdown, HTML or JSON; and its
tracking issue (``digest.issue.DigestIssue``): ids, dates and counts only, as Markdown or JSON.

The digest's presenters (``digest_week``, ``digest_month``, ``digest_quarter``) decide what it
says, as blocks; ``blocks`` writes the blocks in each format.
"""

from __future__ import annotations

import json

from ..digest.issue import TITLES, DigestIssue
from ..digest.month import MonthDigest
from ..digest.quarter import QuarterDigest
from ..digest.week import WeekDigest
from .blocks import Block, Heading, blocks_html, blocks_markdown, blocks_text
from .digest_month import month_blocks
from .digest_quarter import quarter_blocks
from .digest_week import week_blocks

Digest = WeekDigest | MonthDigest | QuarterDigest


def digest_blocks(digest: Digest, *, counts_only: bool = False) -> list[Block]:
    if isinstance(digest, WeekDigest):
        return week_blocks(digest, counts_only=counts_only)
    if isinstance(digest, MonthDigest):
        return month_blocks(digest, counts_only=counts_only)
    return quarter_blocks(digest, counts_only=counts_only)


def digest_json(digest: Digest) -> str:
    return json.dumps(digest.to_json(), indent=1, ensure_ascii=False) + "\n"


def digest_text(digest: Digest) -> str:
    return blocks_text(digest_blocks(digest))


def digest_markdown(digest: Digest) -> str:
    return blocks_markdown(digest_blocks(digest))


def digest_html(digest: Digest) -> str:
    shown = digest_blocks(digest)
    title = shown[0].text if isinstance(shown[0], Heading) else "Complaints digest"
    return blocks_html(shown, title)


# --- the tracking issue --------------------------------------------------------------------


def marker(kind: str) -> str:
    return f"<!-- putright-digest-{kind}: written by the Digests workflow; edits here are overwritten -->"


def issue_markdown(issue: DigestIssue) -> str:
    digest = issue.digest
    lead = (
        "This issue is rewritten each time the digest runs. It holds case ids, dates and counts "
        "only: the full digest, with officers and learning, is on the staff site's Reports pages."
    )
    body = blocks_markdown(digest_blocks(digest, counts_only=True))
    return f"{marker(digest.period.kind)}\n{lead}\n\n{body}"


def issue_json(issue: DigestIssue) -> str:
    """What the workflow needs to decide: is today this digest's day, and the issue's title."""
    digest = issue.digest
    kind = digest.period.kind
    body = {
        "kind": kind,
        "today": digest.today.isoformat(),
        "runs_today": issue.runs_today,
        "period": digest.period.to_json(),
        "title": f"{TITLES[kind]}: {digest.period.label}",
        "label": f"putright-digest-{kind}",
    }
    return json.dumps(body, indent=2) + "\n"
