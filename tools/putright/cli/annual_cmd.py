"""`complaints report`: the annual complaints performance report, TSMs and self-assessment."""

from __future__ import annotations

import datetime as dt
from typing import Any

import click

from ..annual.assemble import ReportView, build_year
from ..annual.collect import collect_facts
from ..annual.public_assessment import PublicAssessment, publish_assessment
from ..annual.published import publish, publish_public
from ..annual.selfassess import SelfAssessment
from ..annual.yearfile import YearFileError
from ..present import formats, present
from ..present.problems import problem_lines
from ..repository import Repository
from ..site.public import facts_by_year, public_facts
from . import cli
from .options import format_option, repo_of, resolve_today, today_option


class YearType(click.ParamType):  # type: ignore[type-arg]
    """A reporting year by the calendar year it starts in: 2025, or 2025-26."""

    name = "YYYY"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> int:
        if isinstance(value, int):
            return value
        text = str(value).strip()
        head, _, tail = text.partition("-")
        if len(head) == 4 and head.isdigit() and (not tail or (len(tail) == 2 and tail.isdigit())):
            year = int(head)
            if not tail or int(tail) == (year + 1) % 100:
                return year
        self.fail(
            f"{value!r} is not a reporting year: write 2025 (or 2025-26) for April 2025 to March 2026",
            param,
            ctx,
        )


@cli.command("report")
@click.option(
    "--year",
    "year",
    type=YearType(),
    default=None,
    help="The reporting year, by the year it starts in (default: the year today falls in).",
)
@today_option
@format_option(*formats(ReportView))
@click.option(
    "--public",
    is_flag=True,
    help="Show what the public site publishes: small numbers suppressed.",
)
@click.pass_context
def report(
    ctx: click.Context, year: int | None, today: dt.date | None, fmt: str, public: bool
) -> None:
    """The annual complaints report: TSMs CH01/CH02, breakdowns and the self-assessment.

    Figures are unsuppressed (for staff) unless --public. The organisation's own words for the
    year come from <reports_dir>/<YYYY-YY>.yaml; without it, those parts say "not yet written".
    Exit status: 0, or 1 when the year file is invalid (every problem with its file and line).
    """
    day = resolve_today(today)
    repo = Repository.open(repo_of(ctx))
    settings = repo.settings
    chosen = settings.year_of(day) if year is None else year
    # --public shows what the public site shows: figures as of the latest cut-off.
    facts = public_facts(repo, day) if public else collect_facts(repo, day)
    if public:
        facts = facts_by_year(repo, facts, [chosen])[chosen]
    try:
        bundle = build_year(repo, facts, chosen)
    except YearFileError as exc:
        click.echo(problem_lines(exc.problems), err=True, nl=False)
        ctx.exit(1)
        return
    shown = (
        publish_public(bundle.report, settings.min_cell, settings.categories)
        if public
        else publish(bundle.report, 1, audience="staff")
    )
    assessment: SelfAssessment | PublicAssessment = (
        publish_assessment(bundle.assessment, shown, settings.min_cell)
        if public
        else bundle.assessment
    )
    left_out = () if public else facts.left_out
    view = ReportView(bundle, shown, assessment, internal=not public, left_out=left_out)
    click.echo(present(view, fmt), nl=False)
