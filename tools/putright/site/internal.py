"""The staff dashboard: records and engine results as Markdown pages and SVG charts.

``build_internal`` is pure (it reads the repository, writes nothing) and returns every page.
Case pages are many, so they stay out of the navigation (``Page.in_nav``): MkDocs renders the
whole navigation into every page, and 10,000 cases in it would make the build quadratic.
They are reached from the per-year indexes, worklists, overview and search instead.
"""

from __future__ import annotations

import datetime as dt
import operator
import os
import re
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import jinja2
from markupsafe import Markup

from ..annual.beside import code_facts, tsm_notes
from ..engine.results import ActionResult
from ..errors import PolicyError
from ..markdown_tables import html_table
from ..policy.model import CODE_POLICY_ID
from ..problems import Problem
from ..records import Event, Remedy
from ..repository import Repository
from .apart import APART_FROM, Apart
from .audit_view import AuditView, audit_view
from .collect import Collected, Entry, collect
from .learning import learning_rows
from .links import href, relative, slug
from .overview import Worklist, build_overview, build_worklists, due_rows
from .pages import Page
from .performance import sections, tally
from .procedures import policy_tables
from .reports import report_pages
from .templating import PageRenderer, date_filter

TEMPLATES = "internal"
MAX_PROBLEM_ROWS = 500  # the full list is `complaints check`'s job
# Timeline columns of their own (or a section of their own): not repeated under Details.
_EVENT_OWN_KEYS = frozenset({"date", "type", "stage", "by", "remedies", "learning"})

_ENUM_KEYS = frozenset({"outcome", "reason", "finding"})
_ENUM_VALUE = re.compile(r"[a-z]+(_[a-z]+)+")

# A state as staff read it, and whether it is shown strong (needs doing).
_STATES = {
    "overdue": ("OVERDUE", True),
    "due_soon": ("due soon", True),
    "pending": ("pending", False),
    "met": ("met", False),
    "late": ("late", False),
    "stopped": ("stopped", False),
}


def state_text(state: str | None) -> Markup:
    """A state for a Markdown page."""
    words, strong = _STATES.get(state or "", ("", False))
    return Markup(f"**{words}**" if strong else words)


def state_html(state: str | None) -> Markup:
    """A state for an HTML block (the case page)."""
    words, strong = _STATES.get(state or "", ("", False))
    return Markup(f"<strong>{words}</strong>" if strong else words)


def status_text(entry: Entry) -> str:
    if entry.result is None:
        return "not evaluated"
    if entry.result.closed:
        return f"closed {date_filter(entry.result.closed)}"
    return "open"


# A table longer than this is split into a section per month: easier to find one's way in,
# and Zensical 0.0.73 refuses a page whose one search field is longer than about 30,000 words.
SPLIT_FROM = 500


def by_month(rows: Sequence[Any], attribute: str) -> list[tuple[str | None, list[Any]]]:
    """Rows as one part (heading None), or, past SPLIT_FROM, a part per month of the date at
    ``attribute`` ("case.received"), in the rows' own order (newest first stays so)."""
    if not rows:
        return []
    if len(rows) <= SPLIT_FROM:
        return [(None, list(rows))]
    date_of = operator.attrgetter(attribute)
    parts: dict[tuple[int, int], list[Any]] = {}
    for row in rows:
        day = date_of(row)
        parts.setdefault((day.year, day.month), []).append(row)
    return [(f"{dt.date(y, m, 1):%B %Y}", part) for (y, m), part in parts.items()]


def money(amount: float | None) -> str:
    return "" if amount is None else f"£{amount:,.2f}"


def _plain(value: object) -> str:
    """A record value as words: yes/no for booleans, nested values flattened."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, Mapping):
        return "; ".join(f"{_words(str(k))}: {_plain(v)}" for k, v in value.items())
    if isinstance(value, list | tuple):
        return ", ".join(_plain(v) for v in value)
    return str(value)


def _words(key: str) -> str:
    return key.replace("_", " ").capitalize()


def _value(key: str, value: object) -> str:
    text = _plain(value)
    # Vocabulary values read as words ("partially upheld"); free text is left as written.
    return text.replace("_", " ") if key in _ENUM_KEYS and _ENUM_VALUE.fullmatch(text) else text


def event_details(event: Event) -> str:
    """Everything an event says beyond its own columns, as one line of plain text."""
    return "; ".join(
        f"{_words(str(k))}: {_value(str(k), v)}"
        for k, v in event.data.items()
        if k not in _EVENT_OWN_KEYS and v is not None
    )


@dataclass(frozen=True, slots=True)
class RemedyRow:
    date: dt.date
    stage: str
    remedy: Remedy
    state: str | None  # the action's state when it has a due date


def remedy_rows(events: Sequence[Event], actions: Sequence[ActionResult]) -> list[RemedyRow]:
    by_place = {(a.event_index, a.remedy_index): a for a in actions}
    rows = []
    for event in events:
        for remedy in event.remedies:
            action = by_place.get((event.index, remedy.index))
            rows.append(
                RemedyRow(event.date, event.stage, remedy, action.state if action else None)
            )
    return rows


@dataclass(frozen=True, slots=True)
class Year:
    year: int
    page: str
    entries: tuple[Entry, ...]

    @property
    def open(self) -> int:
        return sum(1 for e in self.entries if e.result is not None and e.result.open)


def _renderer(
    env: jinja2.Environment, repo: Repository, today: dt.date, directory_urls: bool
) -> PageRenderer:
    common: dict[str, Any] = {
        "org": repo.settings.organisation,
        "today": today,
        "nation": repo.settings.nation,
        "link": relative,
        # A link in an HTML block (big tables are written as HTML: putright.builders.lite_markdown)
        "href": lambda here, to: href(here, to, directory_urls),
        "state": state_text,
        "state_html": state_html,
        "table": html_table,
        "status": status_text,
        "money": money,
        "details": event_details,
        "by_month": by_month,
    }
    return PageRenderer(env, TEMPLATES, common, public=False)


def _tsm_notes(repo: Repository, entry: Entry, today: dt.date) -> tuple[str, ...]:
    """Where the TSM (CH02) must differ from the case's own clock: its verdict, and why."""
    case, result = entry.case, entry.result
    if result is None or case.kind != "complaint" or case.received > today:
        return ()
    # Only a case under another procedure, or with an extension, can differ (one start rule).
    if result.policy == CODE_POLICY_ID and not any(e.type == "extended" for e in case.events):
        return ()
    try:
        facts = code_facts(repo, case, result, today)
    except PolicyError:
        return ()  # no Code to measure against: `complaints check` says so elsewhere
    return tsm_notes(facts, result, repo.settings.tsm)


def _letter_files(root: str, case_id: str, events: Sequence[Event]) -> list[Page]:
    """The letters events name, copied into the staff site so the case page can link them.

    Only files inside the case's own letters/<id>/ folder; only the staff site calls this.
    """
    out: list[Page] = []
    for event in events:
        rel = event.get("letter")
        if not isinstance(rel, str) or not rel.startswith(f"letters/{case_id}/"):
            continue
        path = os.path.join(root, rel)
        if os.path.isfile(path) and all(p.path != rel for p in out):
            with open(path, "rb") as handle:
                out.append(Page(rel, handle.read(), in_nav=False))
    return out


def _case_page(
    render: PageRenderer,
    entry: Entry,
    audit: AuditView,
    today: dt.date,
    repo: Repository,
    directory_urls: bool,
) -> list[Page]:
    root = repo.root
    case, result = entry.case, entry.result
    events = case.events_until(today)
    letters = _letter_files(root, case.id, events)
    complainant = case.data.get("complainant")
    learning = []
    if case.data.get("learning"):
        learning.append(str(case.data["learning"]))
    learning += [
        f"Stage {e.stage} response, {e.date.isoformat()}: {e.get('learning')}"
        for e in events
        if e.type == "responded" and e.get("learning")
    ]
    if isinstance(complainant, Mapping):
        who = [(_words(str(k)), _plain(v)) for k, v in complainant.items()]
    else:
        who = [("Complainant", _plain(complainant))] if complainant else []
    page = render(
        "case",
        entry.page,
        entry=entry,
        case=case,
        result=result,
        tsm=_tsm_notes(repo, entry, today),
        events=events,
        later=len(case.events) - len(events),
        complainant=who,
        remedies=remedy_rows(events, result.actions if result else ()),
        learning=learning,
        audit=audit,
        # HTML links, which no builder rewrites: relative to the page as served.
        letters={p.path: href(entry.page, p.path, directory_urls) for p in letters},
    )
    return [Page(page.path, page.content, in_nav=False), *letters]


def _problems(collected: Collected) -> list[Problem]:
    out = [p for u in collected.unreadable for p in u.problems]
    out += [p for e in collected.entries for p in e.problems]
    out.sort(key=lambda p: (p.severity != "error", *p.sort_key()))
    return out


def build_internal(
    repo: Repository,
    today: dt.date,
    env: jinja2.Environment,
    *,
    audit: Callable[[Repository, dt.date], AuditView] = audit_view,
    directory_urls: bool = False,
) -> list[Page]:
    """Every page of the staff dashboard, as of ``today``.

    ``directory_urls``: whether the site serves ``x.md`` as ``x/`` (MkDocs's
    ``use_directory_urls``), for the links written as HTML.
    """
    render = _renderer(env, repo, today, directory_urls)
    history = audit(repo, today)
    collected = collect(repo, today)
    entries = collected.entries

    def render_cases() -> list[Page]:
        return [
            page
            for entry in entries
            for page in _case_page(render, entry, history, today, repo, directory_urls)
        ]

    # Thousands of case pages: rendered in a forked process while this one makes the rest.
    case_pages = Apart(render_cases, fork=len(entries) >= APART_FROM)
    rows = due_rows(entries)
    pages: list[Page] = []

    overview = build_overview(entries, rows, repo.settings, repo.calendar, today)
    pages.append(render("index", "index.md", overview=overview))

    taken: set[str] = {"index"}
    worklists = [
        Worklist(officer, f"worklists/{slug(officer, taken)}.md", tuple(items))
        for officer, items in build_worklists(entries, rows, repo.settings.officers, today).items()
    ]
    pages.append(render("worklists_index", "worklists/index.md", worklists=worklists))
    pages += [render("worklist", wl.page, wl=wl) for wl in worklists]

    by_year: dict[int, list[Entry]] = defaultdict(list)
    for entry in entries:
        by_year[entry.case.received.year].append(entry)
    years = [
        Year(year, f"cases/{year}/index.md", tuple(sorted(by_year[year], key=lambda e: e.case.id)))
        for year in sorted(by_year, reverse=True)
    ]
    problems = _problems(collected)
    pages.append(
        render(
            "cases_index",
            "cases/index.md",
            years=years,
            problems=problems[:MAX_PROBLEM_ROWS],
            problems_left=max(0, len(problems) - MAX_PROBLEM_ROWS),
        )
    )
    pages += [render("year_index", year.page, year=year) for year in years]
    later = len(pages)  # the case pages go here, once the rest are made

    charts = sections(tally(entries, today))
    pages.append(render("performance", "performance.md", sections=charts))
    pages += [Page(s.file, s.chart.svg) for s in charts]

    pages.append(render("learning", "learning.md", rows=learning_rows(entries, today)))
    pages += report_pages(render, repo, today, collected)
    pages.append(
        render(
            "procedures",
            "procedures.md",
            tables=policy_tables(repo.policies),
            default_policy=repo.settings.default_policy,
            policy_problems=collected.policy_problems,
        )
    )
    pages[later:later] = case_pages.result()
    return pages
