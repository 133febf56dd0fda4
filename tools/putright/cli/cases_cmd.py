"""`complaints show ID` and `complaints due`: what a complaints officer asks every morning."""

from __future__ import annotations

import json

import click

from .. import yamlfile
from ..casewalk import read_case_bytes
from ..check import evaluate_bytes, run_check
from ..errors import RecordError
from ..repository import Repository
from ..views import due_items, render_case, render_due
from . import cli
from .options import format_option, repo_of, resolve_today, today_option


@cli.command("show")
@click.argument("case_id")
@today_option
@format_option("text", "json")
@click.pass_context
def show(ctx: click.Context, case_id: str, today: object, fmt: str) -> None:
    """Show one case: its timeline and every clock."""
    day = resolve_today(today)  # type: ignore[arg-type]
    repo = Repository.open(repo_of(ctx))
    found = repo.find_case_file(case_id)
    if found is None:
        raise RecordError(f"no case {case_id!r} under cases/")
    path, rel = found
    # The same bound as every command (a bigger file is a problem, not read on); a link out
    # of the repository or a device is refused before it is opened.
    raw = read_case_bytes(repo.root, path, yamlfile.MAX_BYTES)
    outcome = evaluate_bytes(repo, rel, raw, day)
    if outcome.case is None:
        for p in outcome.problems:
            click.echo(f"{p.file}:{p.line or '-'}: {p.message}", err=True)
        ctx.exit(1)
    if fmt == "json":
        body: dict[str, object] = (
            outcome.result.to_json() if outcome.result else {"id": case_id, "file": rel}
        )
        body["problems"] = [p.to_json() for p in outcome.problems]
        click.echo(json.dumps(body, indent=1, ensure_ascii=False))
    else:
        click.echo(render_case(outcome, day))


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
@format_option("text", "json")
@click.pass_context
def due(ctx: click.Context, within: int, today: object, fmt: str) -> None:
    """What falls due in the next N working days (and what is overdue), by officer."""
    day = resolve_today(today)  # type: ignore[arg-type]
    repo = Repository.open(repo_of(ctx))
    until = repo.calendar.add(day, within)
    result = run_check(repo, day)
    items = due_items(result, until)
    if fmt == "json":
        click.echo(
            json.dumps(
                {
                    "today": day.isoformat(),
                    "until": until.isoformat(),
                    "items": [
                        {
                            "officer": i.officer,
                            "case": i.case,
                            "stage": i.stage,
                            "deadline": i.what,
                            "due": i.due.isoformat(),
                            "state": i.state,
                        }
                        for i in items
                    ],
                },
                indent=1,
                ensure_ascii=False,
            )
        )
    else:
        click.echo(render_due(items, day, until))
    if result.errors:
        click.echo(
            f"{len(result.errors)} problem(s) in case files: run `complaints check`.", err=True
        )
