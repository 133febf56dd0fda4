"""`complaints new`, `complaints event`, `complaints renumber`: editing case files safely."""

from __future__ import annotations

import datetime as dt
from typing import Any

import click

from ..config import load_settings
from ..errors import EditRefused, PutrightError
from ..present.edits import added_text, committed_text, opened_text, renumbered_text, warnings_text
from ..problems import Problem
from ..vocab import enum_of, event_types
from . import cli
from .options import DATE, commit_option, repo_of, resolve_today, today_option

# What `new` asks for when it is not given: what almost every complaint has from day one.
_ASKED = ("received", "channel", "category", "name", "summary")


def _warn(problems: list[Problem]) -> None:
    click.echo(warnings_text(problems), err=True, nl=False)


def _commit(root: str, paths: list[str], message: str) -> None:
    from ..editing.commit import commit_files

    click.echo(committed_text(commit_files(root, paths, message)), nl=False)


def _categories(root: str) -> tuple[str, ...]:
    try:
        return tuple(load_settings(root).categories)
    except (PutrightError, OSError):
        return ()  # the check reports a bad complaints.yml; a prompt just offers no list


def _ask(root: str, name: str, today: dt.date) -> str:
    if name == "received":
        day: dt.date = click.prompt(
            "Date received (YYYY-MM-DD)", default=today.isoformat(), type=DATE
        )
        return day.isoformat()
    if name == "channel":
        channels = click.Choice(enum_of("properties", "channel"))
        return str(click.prompt("How did it reach us", type=channels))
    if name == "category":
        known = _categories(root)
        if known:
            return str(click.prompt("Category", type=click.Choice(known)))
        return str(
            click.prompt("Category (e.g. repairs; Enter to skip)", default="", show_default=False)
        )
    if name == "name":
        return str(
            click.prompt("Complainant's name (Enter to skip)", default="", show_default=False)
        )
    return str(
        click.prompt(
            "What the complaint is about, in a line (Enter to skip)", default="", show_default=False
        )
    )


@cli.command("new")
@click.option("--received", metavar="YYYY-MM-DD", help="The date the complaint reached us.")
@click.option(
    "--channel", type=click.Choice(enum_of("properties", "channel")), help="How it reached us."
)
@click.option("--category", help="What it is about (your organisation's categories).")
@click.option("--name", help="The complainant's name (personal: never published).")
@click.option("--email", help="The complainant's email.")
@click.option("--phone", help="The complainant's phone number.")
@click.option("--address", help="The complainant's address.")
@click.option("--summary", help="The complaint in the complainant's terms.")
@click.option("--definition", help="Our understanding of it and the outcome sought (Code 5.6).")
@click.option(
    "--policy", help="The procedure that applies, if not complaints.yml's default_policy."
)
@click.option(
    "--kind",
    type=click.Choice(enum_of("properties", "kind")),
    help="complaint (the default), service_request or compliment.",
)
@click.option("--officer", help="The officer who owns the case.")
@click.option(
    "--tenure",
    type=click.Choice(enum_of("properties", "tenure")),
    help="lcra (renting) or lcho (shared ownership).",
)
@click.option(
    "--incident-date",
    metavar="YYYY-MM-DD",
    help="When the matter happened or came to light (Code 2.3).",
)
@click.option(
    "--no-input",
    is_flag=True,
    help="Never ask: fail if the received date, channel, category, name or summary is missing.",
)
@commit_option("Commit the new file (and only it) to the current branch.")
@today_option
@click.pass_context
def new_cmd(
    ctx: click.Context, /, no_input: bool, do_commit: bool, today: dt.date | None, **given: Any
) -> None:
    """Open a new case: give it the next id and write cases/YEAR/ID.yaml.

    Anything usual that is not given is asked for, unless --no-input.
    """
    from ..editing.newcase import CaseFields, open_case

    root = repo_of(ctx)
    day = resolve_today(today)
    missing = [n for n in _ASKED if given.get(n) is None]
    if missing and no_input:
        flags = ", ".join(f"--{n.replace('_', '-')}" for n in missing)
        raise EditRefused(
            f"--no-input, and missing {flags}: give them on the command line; no case was opened"
        )
    if do_commit:
        from ..editing.commit import require_git

        require_git(root)
    for name in missing:
        given[name] = _ask(root, name, day)
    opened = open_case(root, CaseFields(**given), day)
    click.echo(opened_text(opened), nl=False)
    _warn(opened.warnings)
    if do_commit:
        _commit(
            root, [opened.file.path], f"{opened.case_id}: open case (received {opened.received})"
        )


_TYPES_HELP = ", ".join(sorted(event_types()))


@cli.command("event", epilog=f"Event types: {_TYPES_HELP}.")
@click.argument("case_id", metavar="ID")
@click.argument("event_type", metavar="TYPE")
@click.option("--date", "date", required=True, metavar="YYYY-MM-DD", help="When it happened.")
@click.option("--stage", help="The stage it belongs to (default 1).")
@click.option("--by", help="Who did it (a staff user name).")
@click.option(
    "--set",
    "sets",
    multiple=True,
    metavar="KEY=VALUE",
    help="Another key of the event, e.g. --set working_days=5 (repeatable).",
)
@click.option("--note", help="A note (personal: never published).")
@commit_option("Commit the case file (and only it) to the current branch.")
@today_option
@click.pass_context
def event_cmd(
    ctx: click.Context,
    case_id: str,
    event_type: str,
    date: str,
    stage: str | None,
    by: str | None,
    sets: tuple[str, ...],
    note: str | None,
    do_commit: bool,
    today: dt.date | None,
) -> None:
    """Add an event to case ID, e.g. `complaints event 2026-0042 acknowledged --date 2026-03-04`.

    The event goes at the end of the case's events; nothing else in the file changes. An edit
    that would leave the case invalid or out of date order is refused and changes nothing.
    """
    from ..editing.append import NewEvent, add_event

    root = repo_of(ctx)
    if do_commit:
        from ..editing.commit import require_git

        require_git(root)
    request = NewEvent(case_id, event_type, date, stage=stage, by=by, note=note, sets=sets)
    added = add_event(root, request, resolve_today(today))
    click.echo(added_text(added), nl=False)
    _warn(added.warnings)
    if do_commit:
        _commit(root, [added.file.path], f"{case_id}: add {added.summary}")


@cli.command("renumber")
@click.argument("case_id", metavar="ID")
@click.option("--file", "file", metavar="PATH", help="Which file, when two have this id.")
@click.option("--to", "new_id", metavar="ID", help="The new id (default: the next free one).")
@commit_option("Commit the rename (and only it) to the current branch.")
@today_option
@click.pass_context
def renumber_cmd(
    ctx: click.Context,
    case_id: str,
    file: str | None,
    new_id: str | None,
    do_commit: bool,
    today: dt.date | None,
) -> None:
    """Give case ID a new id, after two branches chose the same one.

    Renames the file and changes its id: line; its letters (letters/ID/) move to the new id
    and the events' letter: paths with them; nothing else in it changes.
    """
    from ..editing.renumber import renumber

    root = repo_of(ctx)
    if do_commit:
        from ..editing.commit import require_git

        require_git(root)
    done = renumber(root, case_id, resolve_today(today), file=file, new_id=new_id)
    click.echo(renumbered_text(done), nl=False)
    _warn(done.warnings)
    if do_commit:
        _commit(
            root,
            [done.old.path, done.new.path, *done.letters],
            f"{done.new_id}: renumbered from {done.old_id} (the id was taken on another branch)",
        )
