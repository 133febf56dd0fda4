"""The staff site's Reports section: each period's digest as a page.

The digests are counted from the entries the dashboard already read (no second reading of
the files), with the same functions as `complaints digest`, and written with its Markdown
presenter (which escapes every value from a case).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from markupsafe import Markup

from ..check import Evaluated
from ..digest import digest_of
from ..digest.gather import gather
from ..present.blocks import Heading, blocks_markdown
from ..present.digest import digest_blocks
from ..repository import Repository
from .collect import Collected
from .pages import Page

# (page name, kind, to date, what it is for)
REPORTS = (
    ("week", "week", False, "each officer's open cases, per team, for line managers"),
    ("month", "month", False, "last month's complaints, per section, for heads of service"),
    ("month-to-date", "month", True, "this month so far"),
    ("quarter", "quarter", False, "last quarter's pack for the committee and the board"),
    ("quarter-to-date", "quarter", True, "this quarter so far"),
)


@dataclass(frozen=True, slots=True)
class ReportLink:
    page: str
    title: str
    about: str


def report_pages(
    render: Callable[..., Page], repo: Repository, today: dt.date, collected: Collected
) -> list[Page]:
    outcomes = [
        Evaluated(e.case.file, e.case, e.result, list(e.problems)) for e in collected.entries
    ]
    outcomes += [Evaluated(u.rel, None, None, list(u.problems)) for u in collected.unreadable]
    gathered = gather(repo, today, outcomes)
    pages: list[Page] = []
    links: list[ReportLink] = []
    for name, kind, to_date, about in REPORTS:
        digest = digest_of(kind, gathered, repo, to_date=to_date)  # type: ignore[arg-type]
        blocks = digest_blocks(digest)
        title = blocks[0].text if isinstance(blocks[0], Heading) else name
        path = f"reports/{name}.md"
        links.append(ReportLink(path, title, about))
        body = Markup(blocks_markdown(blocks[1:]))  # escaped by the presenter
        pages.append(render("report", path, title=title, body=body))
    pages.insert(0, render("reports_index", "reports/index.md", reports=links))
    return pages
