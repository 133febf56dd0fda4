"""`complaints check`: validate every case and compute every deadline."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator

import click

from ..cache import CACHE_DIR, open_cache
from ..check import CheckResult, run_check
from ..present import formats, pieces, present
from ..present.messages import cache_note_text
from ..repository import Repository
from . import cli
from .options import format_option, repo_of, resolve_today, today_option

# Show a progress bar only when someone is watching and the wait is noticeable.
PROGRESS_FROM_FILES = 2000


@cli.command("check")
@today_option
@format_option(*formats(CheckResult))
@click.option(
    "--fail-on",
    "fail_on",
    multiple=True,
    type=click.Choice(["overdue", "warning"]),
    help="Also exit 1 when anything is overdue, or when any rule is broken (invalid records always fail).",
)
@click.option(
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    help="Worker processes (default: one per core for 1,000 files or more).",
)
@click.option(
    "--no-cache",
    "no_cache",
    is_flag=True,
    help=f"Read every file afresh and leave the cache ({CACHE_DIR}/, Git ignores it) alone.",
)
@click.pass_context
def check(
    ctx: click.Context,
    today: object,
    fmt: str,
    fail_on: tuple[str, ...],
    jobs: int | None,
    no_cache: bool,
) -> None:
    """Validate every case under cases/ and compute its deadlines.

    What reading a file gives is kept in .putright-cache/ (personal data: Git ignores it),
    so an unchanged file is not read again; deadlines are always computed for today.

    Exit status: 0 when every file is valid; 1 when any is invalid (or, with --fail-on,
    when anything is overdue or a rule is broken); 2 for a wrong command line.
    """
    day = resolve_today(today)  # type: ignore[arg-type]
    root = repo_of(ctx)
    # The cache first: it keeps what opening the repository would otherwise work out again
    # (the bank holidays, and that complaints.yml and the procedures are valid).
    cache = None if no_cache else open_cache(root)
    repo = Repository.open(root)
    if cache is not None and cache.note:
        click.echo(cache_note_text(cache.note), err=True, nl=False)
    files = sum(1 for _ in repo.case_files()) if sys.stderr.isatty() else 0
    if files >= PROGRESS_FROM_FILES:
        with click.progressbar(length=files, label="Checking cases", file=sys.stderr) as bar:
            done = [0]

            def advance(count: int) -> None:
                bar.update(count - done[0])
                done[0] = count

            result = run_check(repo, day, advance, jobs=jobs, cache=cache)
    else:
        result = run_check(repo, day, jobs=jobs, cache=cache)
    if cache is not None:
        cache.save()

    _echo_in_blocks(pieces(result, fmt))
    if fmt == "github" and os.environ.get("GITHUB_STEP_SUMMARY"):
        with open(os.environ["GITHUB_STEP_SUMMARY"], "a", encoding="utf-8") as summary:
            summary.write(present(result, "markdown"))

    failed = bool(result.errors)
    if "overdue" in fail_on and result.overdue():
        failed = True
    if "warning" in fail_on and len(result.problems) > len(result.errors):
        failed = True
    ctx.exit(1 if failed else 0)


def _echo_in_blocks(parts: Iterator[str], block: int = 1 << 16) -> None:
    """Echo the report's pieces gathered into blocks of about ``block`` characters: one echo
    per piece (a line per case in JSON) cost a tenth of a warm check of 10,000 cases, and the
    whole report at once would hold it all in memory twice."""
    gathered: list[str] = []
    size = 0
    for part in parts:
        gathered.append(part)
        size += len(part)
        if size >= block:
            click.echo("".join(gathered), nl=False)
            gathered, size = [], 0
    if gathered:
        click.echo("".join(gathered), nl=False)
