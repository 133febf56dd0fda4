"""`complaints digest`: the weekly, monthly and quarterly digests for managers and the board."""

from __future__ import annotations

import datetime as dt

import click

from ..digest import KINDS, build
from ..digest.gather import NO_TEAM, effective_teams, find_team
from ..digest.week import WeekDigest
from ..present import formats, present
from ..repository import Repository
from . import cli
from .options import format_option, repo_of, resolve_today, today_option


@cli.command("digest")
@click.option(
    "--period",
    "period",
    type=click.Choice(KINDS),
    required=True,
    help="week: each officer's open cases, per team; month: every complaint of the month, per "
    "section; quarter: the committee and board pack.",
)
@today_option
@format_option(*formats(WeekDigest))
@click.option("--team", default=None, help="Only this team (a name from complaints.yml's teams).")
@click.option(
    "--to-date",
    is_flag=True,
    help="The month or quarter today is in, so far (default: the last complete one).",
)
@click.pass_context
def digest(
    ctx: click.Context,
    period: str,
    today: dt.date | None,
    fmt: str,
    team: str | None,
    to_date: bool,
) -> None:
    """A digest of the complaints for managers (week, month) and the board (quarter).

    Counted from the same results as `complaints check`, `due` and `report` for the same
    --today. Teams come from complaints.yml (`teams:`); without them, one team. The output
    names officers and holds learning text: it is for staff, not for publishing.
    """
    day = resolve_today(today)
    repo = Repository.open(repo_of(ctx))
    chosen = None
    if team is not None:
        teams = effective_teams(repo.settings)
        chosen = find_team(teams, team)
        if chosen is None:
            known = ", ".join(repr(t.name) for t in teams)
            raise click.BadParameter(
                f"no team {team!r} in complaints.yml (teams: {known}, or {NO_TEAM!r})",
                param_hint="--team",
            )
    result = build(period, repo, day, team=chosen, to_date=to_date)  # type: ignore[arg-type]
    click.echo(present(result, fmt), nl=False)
