"""`complaints audit`, `complaints retention` and `complaints redact`: evidence and erasure."""

from __future__ import annotations

import datetime as dt

import click

from ..history.audit import audit_repository
from ..history.model import AuditResult
from ..history.redact import redact_case
from ..history.retention import RetentionResult, retention_due
from ..present import formats, present
from ..present.edits import redacted_text
from ..repository import Repository
from . import cli
from .options import commit_option, format_option, repo_of, resolve_today, today_option


@cli.command("audit")
@today_option(help="Read the history as it stood on this date: later commits are left out.")
@format_option(*formats(AuditResult))
@click.option(
    "--fail-on-findings",
    is_flag=True,
    help="Exit 1 when there is any finding (by default findings are evidence, not errors).",
)
@click.pass_context
def audit(ctx: click.Context, today: dt.date | None, fmt: str, fail_on_findings: bool) -> None:
    """Read the Git history of cases/: late records, rewritten dates, late logging.

    Every case's first commit is the date it was logged (UK time); every event's first
    commit is when it was recorded. Findings: late_event (an event first committed more than
    audit.late_event_working_days after its date), date_rewritten (an event's date or
    received changed later), late_logging (first committed more than
    audit.late_logging_working_days after received; Code 6.2). With --today, commits made
    after that day are left out.

    A case from `complaints import` (imported.on) is listed once as imported, and its late
    recording is counted from the import day; audit.not_before in complaints.yml does the
    same for every case (records moved in by hand).
    """
    repo = Repository.open(repo_of(ctx))
    result = audit_repository(repo.root, repo.settings, repo.calendar, until=today)
    click.echo(present(result, fmt), nl=False)
    if fail_on_findings and result.findings:
        ctx.exit(1)


@cli.command("retention")
@today_option(help="Judge retention as of this date (default: today).")
@format_option(*formats(RetentionResult))
@click.pass_context
def retention(ctx: click.Context, today: dt.date | None, fmt: str) -> None:
    """List closed cases kept longer than retention.years_after_closure (default 6) years.

    Each with its closed date, the date it became due for erasure and whether its personal
    data has already been removed (complaints redact).
    """
    repo = Repository.open(repo_of(ctx))
    result = retention_due(repo, resolve_today(today))
    click.echo(present(result, fmt), nl=False)


@cli.command("redact")
@click.argument("case_id", metavar="ID")
@commit_option("Commit the redacted file alone: '<id>: redact personal data'.")
@click.option("--force", is_flag=True, help="Redact a case that is not closed.")
@today_option(help="The date to record as `redacted:` (default: today).")
@click.pass_context
def redact(
    ctx: click.Context, case_id: str, do_commit: bool, force: bool, today: dt.date | None
) -> None:
    """Remove a closed case's personal data, keeping the facts the statistics need.

    Removes the complainant, summary, definition, notes, learning, every event's note,
    free-text reasons and explanations, remedy descriptions, comments and x- keys (a
    definition or a free-text reason becomes "[redacted]": that one was recorded is a fact
    the checks use); sets `redacted:`; deletes its letters (letters/ID/). Earlier versions stay in the Git history: see
    docs/guide/evidence.md.
    """
    repo = Repository.open(repo_of(ctx))
    done = redact_case(repo, case_id, resolve_today(today), force=force, commit=do_commit)
    click.echo(redacted_text(done, commit_asked=do_commit), nl=False)
