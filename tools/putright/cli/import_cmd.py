"""`complaints import`: an existing complaints log (CSV or Excel) becomes cases."""

from __future__ import annotations

import datetime as dt
import os

import click

from ..editing.commit import commit_files, require_git
from ..importing import LogMap, import_log, load_map, write_template
from ..present import present
from ..present.edits import committed_text, warnings_text
from ..present.messages import template_written_text
from . import cli
from .options import commit_option, repo_of, resolve_today, today_option


@cli.command("import")
@click.argument("file", required=False, type=click.Path(dir_okay=False, path_type=str))
@click.option(
    "--map",
    "map_file",
    type=click.Path(dir_okay=False, path_type=str),
    help="A YAML map of your log's own headings and spellings (docs/setup/import.md).",
)
@click.option("--dry-run", is_flag=True, help="Read and check every row; write nothing.")
@commit_option(
    "Commit the new case files (and only them): the audit counts from the import's commit."
)
@click.option(
    "--template",
    type=click.Path(dir_okay=False, path_type=str),
    metavar="FILE.xlsx",
    help="Write a blank log with the default headings instead, for a landlord that has none.",
)
@today_option(help="The day of the import, recorded as imported.on (default: today).")
@click.pass_context
def import_command(
    ctx: click.Context,
    file: str | None,
    map_file: str | None,
    dry_run: bool,
    do_commit: bool,
    template: str | None,
    today: dt.date | None,
) -> None:
    """Import a complaints log (FILE.csv or FILE.xlsx): one case per row.

    Headings (any order; case and spacing ignored): Reference, Received, Name, Email, Phone,
    Address, Tenure, Channel, Category, Summary, Acknowledged, Stage 1 response, Stage 1
    outcome, Escalated, Stage 2 acknowledged, Stage 2 response, Stage 2 outcome, Closed.
    Dates are read day first (31/03/2026, 31 March 2026, 2026-03-31, Excel dates). If any row
    is bad, every bad row is listed with its row number and column and nothing is written.
    Rows whose Reference was imported before are left alone.
    """
    if template is not None:
        if file is not None or map_file is not None or dry_run or do_commit:
            raise click.UsageError("--template writes a blank log: give it alone")
        write_template(template)
        click.echo(template_written_text(template), nl=False)
        return
    if file is None:
        raise click.UsageError("give the log to import (FILE.csv or FILE.xlsx), or --template")
    root = repo_of(ctx)
    if do_commit and not dry_run:
        require_git(root)  # refused before anything is written
    log_map = load_map(map_file) if map_file else LogMap()
    result = import_log(root, file, log_map, resolve_today(today), dry_run=dry_run)
    click.echo(warnings_text(result.warnings), err=True, nl=False)
    click.echo(present(result), nl=False)
    if do_commit and result.written and result.new:
        message = f"Import {len(result.new)} case(s) from {os.path.basename(file)}"
        done = commit_files(root, [os.path.join(root, c.rel) for c in result.new], message)
        click.echo(committed_text(done), nl=False)
