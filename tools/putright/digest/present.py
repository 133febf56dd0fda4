"""One digest in one format: text, Markdown, HTML or JSON (and the counts-only Markdown)."""

from __future__ import annotations

import json

from . import blocks as fmt
from .month import MonthDigest
from .present_month import month_blocks
from .present_quarter import quarter_blocks
from .present_week import week_blocks
from .quarter import QuarterDigest
from .week import WeekDigest

FORMATS = ("text", "markdown", "html", "json")


def digest_blocks(
    digest: WeekDigest | MonthDigest | QuarterDigest, *, counts_only: bool = False
) -> list[fmt.Block]:
    if isinstance(digest, WeekDigest):
        return week_blocks(digest, counts_only=counts_only)
    if isinstance(digest, MonthDigest):
        return month_blocks(digest, counts_only=counts_only)
    return quarter_blocks(digest, counts_only=counts_only)


def render(digest: WeekDigest | MonthDigest | QuarterDigest, form: str) -> str:
    if form == "json":
        return json.dumps(digest.to_json(), indent=1, ensure_ascii=False) + "\n"
    shown = digest_blocks(digest)
    if form == "markdown":
        return fmt.render_markdown(shown)
    if form == "html":
        title = shown[0].text if isinstance(shown[0], fmt.Heading) else "Complaints digest"
        return fmt.render_html(shown, title)
    return fmt.render_text(shown)
