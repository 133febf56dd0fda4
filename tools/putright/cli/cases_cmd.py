"""`complaints show ID` and `complaints due`: what a complaints officer asks every morning."""

from __future__ import annotations

import click

from ..caseview import CaseView, view_case
from ..check import run_check
from ..deadlines import DueReport, due_items
from ..present import formats, present
from ..present.problems import problem_lines
from ..repository import Repository
from . import cli
from .options import format_option, repo_of, resolve_today, today_option


@cli.command("show")
@click.argument("case_id")
@today_option
@format_option(*formats(CaseView))
@click.pass_context
def show(ctx: click.Context, case_id: str, today: object, fmt: str) -> None:
    """Show one case: its timeline and every clock."""
    day = resolve_today(today)  # type: ignore[arg-type]
    view = view_case(Repository.open(repo_of(ctx)), case_id, day)
    if view.outcome.case is None:
        click.echo(problem_lines(view.outcome.problems), err=True, nl=False)
        ctx.exit(1)
    click.echo(present(view, fmt), nl=False)


@cli.command("due")
@click.option(
    "--within",
    "within",
    type=click.IntRange(min=0),
    default=5,
    show_default=True,
    help="Working days ahead to look.",
)
@today_option
@format_option(*formats(DueReport))
@click.pass_context
def due(ctx: click.Context, within: int, today: object, fmt: str) -> None:
    """What falls due in the next N working days (and what is overdue), by officer."""
    day = resolve_today(today)  # type: ignore[arg-type]
    repo = Repository.open(repo_of(ctx))
    until = repo.calendar.add(day, within)
    result = run_check(repo, day)
    click.echo(present(DueReport(day, until, due_items(result.cases, until)), fmt), nl=False)
    if result.errors:
        click.echo(
            f"{len(result.errors)} problem(s) in case files: run `complaints check`.", err=True
        )
