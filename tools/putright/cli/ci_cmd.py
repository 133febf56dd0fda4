"""`complaints ci ...`: what the GitHub Actions workflows call beyond `complaints check`."""

from __future__ import annotations

import datetime as dt

import click

from .. import ci, digest, scaffold
from ..check import run_check
from ..digest.issue import issue_json, issue_markdown
from ..repository import Repository
from . import cli
from .init_cmd import report_copies
from .options import format_option, repo_of, resolve_today, today_option


@cli.group("ci")
def ci_group() -> None:
    """Helpers for the GitHub Actions workflows (the tracking issue, the workflow files)."""


@ci_group.command("overdue-report")
@today_option
@format_option("markdown", "json", default="markdown")
@click.pass_context
def overdue_report(ctx: click.Context, today: dt.date | None, fmt: str) -> None:
    """The overdue tracking issue's body: case ids, stages, deadlines and dates only.

    No names, no details of the complaint, no officers: the issue is seen by everyone with
    access to the repository and copied into notification emails. With --format json, the
    workflow reads how many deadlines are overdue (`.overdue | length`).
    """
    result = run_check(Repository.open(repo_of(ctx)), resolve_today(today))
    report = ci.overdue_report(result)
    click.echo(ci.render_json(report) if fmt == "json" else ci.render_markdown(report))


@ci_group.command("digest-report")
@click.option("--period", "period", type=click.Choice(digest.KINDS), required=True)
@today_option
@format_option("markdown", "json", default="markdown")
@click.pass_context
def digest_report(ctx: click.Context, period: str, today: dt.date | None, fmt: str) -> None:
    """A digest's tracking issue and summary: case ids, dates and counts only.

    With --format json, whether today is the digest's day (the first working day of the
    week, month or quarter), and the issue's title and label: the workflow reads them.
    """
    repo = Repository.open(repo_of(ctx))
    result = digest.build(period, repo, resolve_today(today))  # type: ignore[arg-type]
    if fmt == "json":
        click.echo(issue_json(result, repo.settings, repo.calendar))
    else:
        click.echo(issue_markdown(result), nl=False)


@ci_group.command("workflows")
@click.option("--write", is_flag=True, help="Write the workflows that are missing or out of date.")
@click.pass_context
def workflows(ctx: click.Context, write: bool) -> None:
    """Check .github/workflows/ against the workflows this Putright ships (check, overdue, publish).

    Exit status 1 when one is missing or differs. After upgrading Putright, run with --write
    and review the change in a pull request (it replaces any local edits to those files).
    """
    report_copies(ctx, scaffold.workflow_files(), write, "complaints ci workflows --write")
