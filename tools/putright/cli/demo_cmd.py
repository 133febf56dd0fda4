"""`complaints demo`: write the fictional demo case set into the repository's cases/ folder."""

from __future__ import annotations

import datetime as dt
import glob
import os

import click

from .. import demo
from ..calendar import WorkingCalendar
from ..config import CONFIG_FILE, load_settings
from ..editing.atomic import write_file
from ..present.messages import demo_history_text, demo_removed_text, demo_text
from . import cli
from .options import repo_of, resolve_today, today_option


def _policy_ids(repo: str) -> set[str]:
    """The procedures the repository has: demo cases only name those (or none)."""
    names = glob.glob(os.path.join(repo, "policies", "*.yaml"))
    return {os.path.splitext(os.path.basename(name))[0] for name in names}


@cli.command("demo")
@today_option(help="Date the demo cases up to this day (default: today).")
@click.option(
    "--count",
    type=click.IntRange(min=demo.MIN_DEMO_COUNT),
    default=72,
    show_default=True,
    help="How many cases to write.",
)
@click.option(
    "--seed", type=int, default=demo.DEMO_SEED, show_default=True, help="Another seed, another set."
)
@click.option("--clean", is_flag=True, help="Remove every cases/**/*.yaml first.")
@click.option(
    "--history",
    type=click.Path(file_okay=False, path_type=str),
    metavar="DIR",
    help="Instead, build a separate demo repository in DIR (new or empty) whose Git history "
    "records each case and event on its day, a few late on purpose: see what `audit` finds.",
)
@click.pass_context
def demo_command(
    ctx: click.Context,
    today: dt.date | None,
    count: int,
    seed: int,
    clean: bool,
    history: str | None,
) -> None:
    """Write a fictional demo case set (two reporting years up to --today) into cases/.

    Every name, address, email and phone number in it is made up (phones are in Ofcom's
    range for drama). The same --today, --count and --seed always give the same files.
    """
    day = resolve_today(today)
    if history is not None:
        _history(history, day, count, seed)
        return
    repo = repo_of(ctx)
    configured = os.path.isfile(os.path.join(repo, CONFIG_FILE))
    if configured:
        # The repository's own calendar and year, so the demo's clocks are met or missed
        # under the rules the check will use. A bad complaints.yml is worth an error now.
        settings = load_settings(repo)
        cases = demo.demo_cases(
            day,
            count,
            seed,
            calendar=WorkingCalendar(settings.nation, settings.closures),
            year_start=settings.year_start,
            default_policy=settings.default_policy,
            policies=_policy_ids(repo),
        )
    else:
        cases = demo.demo_cases(day, count, seed, policies=_policy_ids(repo))
    cases_dir = os.path.join(repo, "cases")
    if clean:
        old = glob.glob(os.path.join(cases_dir, "**", "*.yaml"), recursive=True)
        for path in old:
            os.unlink(path)
        click.echo(demo_removed_text(len(old), cases_dir), nl=False)
    for rel, text in cases:
        write_file(os.path.join(repo, *rel.split("/")), text.encode("utf-8"))
    click.echo(demo_text([rel for rel, _ in cases], cases_dir, day, seed), nl=False)
    if not configured:
        click.echo(
            f"note: no {CONFIG_FILE} in {os.path.abspath(repo)}: the cases need one to be checked",
            err=True,
        )


def _history(target: str, day: dt.date, count: int, seed: int) -> None:
    from ..demo_history import build_history

    built = build_history(target, day, count, seed)
    click.echo(demo_history_text(built, day), nl=False)
