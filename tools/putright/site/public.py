"""The public complaints report: aggregate figures only, built from ``CaseFacts``.

``build_public`` reads the records through ``putright.annual.collect`` (which turns every case
into ``CaseFacts`` at once: no name, no free text, no staff) and the organisation's yearly
statements; nothing else from a case is in scope here, so no template can publish it. It builds
ONLY: the index, the annual report of each reporting year present, the TSMs, the
self-assessment of each year, their charts, and the published procedure. There is no per-case
page.

The privacy boundary is made of types. Figures are computed as of the latest public cut-off
(``annual.cutoff``), never the day of the build, so every build within a quarter is the same.
The templates receive only published objects: a ``PublishedReport`` (suppressed, a year in
progress held back), a ``PublicAssessment`` (its sentences rendered and suppressed already)
and the organisation's own year statement. The unsuppressed ``AnnualReport`` and
``SelfAssessment`` never reach a template, so a template that tries to reach one (or any name
not given to it) fails the build (StrictUndefined).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

import jinja2

from ..annual.assemble import build_year, report_years
from ..annual.collect import FactSet, FactTable, collect_fact_table, collect_facts_at
from ..annual.cutoff import next_cutoff, publication_date
from ..annual.model import Note
from ..annual.public_assessment import (
    PublicAssessment,
    PublicRow,
    PublicSection,
    publish_assessment,
)
from ..annual.published import PublishedReport, PublishedTable, publish_public
from ..annual.revision import revised
from ..annual.tsm import TsmGroup
from ..annual.yearfile import YearStatement
from ..policy.table import COLUMNS, policy_rows, rule_lines
from ..present.annual import group_title, money_text, number, rate_text, words
from ..repository import Repository
from .charts import Chart, bar_chart, line_chart
from .links import relative
from .pages import Page
from .templating import PageRenderer

TEMPLATES = "public"
CHARTS = "assets/charts"


def label(value: str) -> str:
    """A row label as words with a capital first letter (the rest kept: "Apr–Jun 2025")."""
    text = words(value)
    return text[:1].upper() + text[1:]


@dataclass(frozen=True, slots=True)
class ChartFile:
    chart: Chart
    file: str  # "assets/charts/2025-26-quarters.svg"


@dataclass(frozen=True, slots=True)
class YearView:
    """One reporting year as the public pages show it."""

    label: str
    report_page: str
    assessment_page: str
    report: PublishedReport
    assessment: PublicAssessment
    statement: (
        YearStatement | None
    )  # the organisation's own words for the year, published as written
    chart: ChartFile | None

    @property
    def contradictions(self) -> tuple[PublicRow, ...]:
        return self.assessment.contradictions


def _alt_figures(
    labels: Sequence[str],
    series: Mapping[str, Sequence[float | None]],
    missing: str,
    unit: str = "",
) -> str:
    """A chart's figures for its alt text: "Q1 stage 1 4, stage 2 hidden; Q2 ..."."""

    def shown(value: float | None) -> str:
        if value is None or math.isnan(value):
            return missing
        return (str(int(value)) if float(value).is_integer() else f"{value:.1f}") + unit

    return "; ".join(
        f"{label} "
        + ", ".join(f"{name.lower()} {shown(values[i])}" for name, values in series.items())
        for i, label in enumerate(labels)
    )


def _quarters_chart(label: str, stage1: PublishedTable, stage2: PublishedTable) -> ChartFile | None:
    labels = [r.label for r in stage1.rows]
    series: dict[str, list[float | None]] = {
        "Stage 1": [None if r.count is None else float(r.count) for r in stage1.rows],
        "Stage 2": [None if r.count is None else float(r.count) for r in stage2.rows],
    }
    if not any(v for values in series.values() for v in values):
        return None  # nothing to draw: no complaints, or every quarter hidden
    chart = line_chart(
        f"Complaints by quarter, {label}",
        labels,
        series,
        f"Line chart of stage 1 and stage 2 complaints received in each quarter of {label}: "
        f"{_alt_figures(labels, series, 'hidden')}. Quarters whose number is hidden to protect "
        "small numbers are left out of the line.",
        label_header="Quarter",
    )
    return ChartFile(chart, f"{CHARTS}/{label}-quarters.svg")


def _tsm_charts(views: Sequence[YearView]) -> list[ChartFile]:
    if not views:
        return []
    labels = [v.label if v.report.complete else f"{v.label} (to date)" for v in views]

    def values(pick: Any) -> list[float]:
        return [float("nan") if (x := pick(v.report.tsm)) is None else float(x) for v in views]

    ch01_series = {
        "Stage 1": values(lambda g: g.ch01["1"].value),
        "Stage 2": values(lambda g: g.ch01["2"].value),
    }
    ch02_series = {
        "Stage 1": values(lambda g: g.ch02["1"].percent),
        "Stage 2": values(lambda g: g.ch02["2"].percent),
    }
    ch01 = bar_chart(
        "CH01: complaints per 1,000 homes",
        labels,
        ch01_series,
        "Bar chart of TSM CH01, stage 1 and stage 2 complaints per 1,000 homes, for each reporting "
        f"year: {_alt_figures(labels, ch01_series, 'not available')}.",
        label_header="Year",
    )
    ch02 = bar_chart(
        "CH02: % responded to within the Code's timescales",
        labels,
        ch02_series,
        "Bar chart of TSM CH02, the percentage of stage 1 and stage 2 responses sent within the "
        "Complaint Handling Code's timescales, for each reporting year: "
        f"{_alt_figures(labels, ch02_series, 'not available', '%')}.",
        label_header="Year",
    )
    return [ChartFile(ch01, f"{CHARTS}/tsm-ch01.svg"), ChartFile(ch02, f"{CHARTS}/tsm-ch02.svg")]


def _procedure(repo: Repository) -> tuple[str, list[str], list[list[str]], list[str]]:
    """The default procedure as a table: its name, header, rows, and its notes."""
    policy = repo.policies.get(repo.settings.default_policy)
    if policy is None:
        return "", [], [], []
    headings = {"stops": "stops at", "extension_cap": "extension cap"}
    header = [headings.get(c, c).replace("_", " ").capitalize() for c in COLUMNS]
    rows = [[str(row.get(c, "") or "") for c in COLUMNS] for row in policy_rows(policy)]
    return policy.name, header, rows, [*rule_lines(policy), *policy.notes]


def _renderer(env: jinja2.Environment, repo: Repository, as_of: dt.date) -> PageRenderer:
    common: dict[str, Any] = {
        "org": repo.settings.organisation,
        "as_of": as_of,
        # A landlord's own templates may say "today": it is the figures' date, never the
        # build's (a page that changed every day would be a page to compare day by day).
        "today": as_of,
        "next_update": next_cutoff(repo.settings, as_of),
        "min_cell": repo.settings.min_cell,
        "link": relative,
        "number": number,
        "rate": rate_text,
        "money": money_text,
        "words": words,
        "label": label,
        "group_title": group_title,
    }
    return PageRenderer(env, TEMPLATES, common, public=True)


def year_views(repo: Repository, facts: FactSet, table: FactTable | None = None) -> list[YearView]:
    """Every reporting year as published, from facts collected as of a public cut-off."""
    settings = repo.settings
    views = []
    years = report_years(repo, facts)
    by_year = facts_by_year(repo, facts, years, table)
    for year in years:
        bundle = build_year(repo, by_year[year], year)
        published = publish_public(bundle.report, settings.min_cell, settings.categories)
        if published.complete:
            published = with_revision_note(repo, year, published, facts.today)
        label = bundle.report.label
        views.append(
            YearView(
                label=label,
                report_page=f"annual-report/{label}.md",
                assessment_page=f"self-assessment/{label}.md",
                report=published,
                assessment=publish_assessment(bundle.assessment, published, settings.min_cell),
                statement=bundle.statement,
                chart=_quarters_chart(label, published.volumes["1"], published.volumes["2"]),
            )
        )
    return views


def _published_year(year: int) -> Callable[[Repository], dict[str, object]]:
    def figures(repo: Repository) -> dict[str, object]:
        end = repo.settings.year_period(year)[1]
        facts = collect_facts_at(repo, [end])[end]
        report = build_year(repo, facts, year).report
        return _comparable(publish_public(report, repo.settings.min_cell, repo.settings.categories))

    return figures


def _comparable(published: PublishedReport) -> dict[str, object]:
    body = published.to_json()
    body.pop("notes", None)
    body.pop("revision", None)
    return body


def with_revision_note(
    repo: Repository, year: int, published: PublishedReport, as_of: dt.date
) -> PublishedReport:
    """A complete year whose records were corrected since it was first published, with a dated
    note saying so (``annual.revision``)."""
    if not revised(repo, published.end, _published_year(year), _comparable(published)):
        return published
    note = Note(
        f"Revised {as_of.isoformat()}: records of this year were corrected after its figures "
        f"were first published (after {published.end.isoformat()}); these are the corrected "
        "figures.",
        "public",
    )
    return replace(published, notes=(*published.notes, note), revision=note.text)


def public_facts(repo: Repository, today: dt.date) -> FactSet:
    """The facts the public figures are built on: as of the latest cut-off, not ``today``."""
    as_of = publication_date(repo.settings, today)
    return collect_facts_at(repo, [as_of])[as_of]


def facts_by_year(
    repo: Repository, facts: FactSet, years: Sequence[int], table: FactTable | None = None
) -> dict[int, FactSet]:
    """The facts each year is published from: a complete year as of its own end (so it stays
    the same, cut-off after cut-off, unless its records are corrected), the year in progress
    as of the cut-off ``facts`` were collected at (taken from ``table`` when it has them)."""
    ends = {y: repo.settings.year_period(y)[1] for y in years}
    complete = {y: end for y, end in ends.items() if end < facts.today}
    days = sorted(set(complete.values()))
    if table is not None and all(table.covers(day) for day in days):
        at = {day: table.at(day) for day in days}
    else:
        at = collect_facts_at(repo, days) if complete else {}
    return {y: at[complete[y]] if y in complete else facts for y in years}


def stage_tables(section: PublicSection) -> list[tuple[str, tuple[PublicRow, ...]]]:
    """Section 6 is two tables in the Ombudsman's form (stage 1, stage 2); others are one."""
    stages = sorted({r.provision.stage for r in section.rows if r.provision.stage is not None})
    if not stages:
        return [("", section.rows)]
    return [(f"Stage {s}", section.stage_rows(s)) for s in stages]


def _headline(newest_first: Sequence[YearView]) -> YearView | None:
    """The year the index leads with: the latest complete one, else the year so far."""
    complete = [v for v in newest_first if v.report.complete]
    return complete[0] if complete else (newest_first[0] if newest_first else None)


def build_public(repo: Repository, today: dt.date, env: jinja2.Environment) -> list[Page]:
    """Every page and chart of the public report, as built on ``today``: its figures are as of
    the latest public cut-off on or before it (``annual.cutoff``)."""
    # Every file read once, for the cut-off and each complete year's end.
    table = collect_fact_table(repo, publication_date(repo.settings, today))
    facts = table.at(table.as_of)
    render = _renderer(env, repo, facts.today)
    views = year_views(repo, facts, table)
    newest_first = list(reversed(views))
    tsm_charts = _tsm_charts(views)
    name, header, rows, notes = _procedure(repo)
    groups: list[tuple[str, TsmGroup | None, TsmGroup | None]] = [
        (v.label, v.report.tsm, v.report.tsm_lcho) for v in newest_first
    ]
    pages = [
        render(
            "index",
            "index.md",
            years=newest_first,
            latest=_headline(newest_first),
        ),
        render(
            "tsm",
            "tsm.md",
            years=newest_first,
            groups=groups,
            charts=tsm_charts,
            options=repo.settings.tsm,
        ),
        render(
            "procedure",
            "procedure.md",
            name=name,
            header=header,
            rows=rows,
            notes=notes,
            policy_id=repo.settings.default_policy,
        ),
        render("accessibility", "accessibility.md"),
    ]
    for view in views:
        pages.append(
            render(
                "report",
                view.report_page,
                view=view,
                r=view.report,
                statement=view.statement,
            )
        )
        pages.append(
            render(
                "self_assessment",
                view.assessment_page,
                view=view,
                assessment=view.assessment,
                statement=view.statement,
                stage_tables=stage_tables,
            )
        )
        if view.chart is not None:
            pages.append(Page(view.chart.file, view.chart.chart.svg))
    pages += [Page(c.file, c.chart.svg) for c in tsm_charts]
    return pages
