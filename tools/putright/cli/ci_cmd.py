"""`complaints ci ...`: what the GitHub Actions workflows call beyond `complaints check`."""

from __future__ import annotations

import datetime as dt
import os
import smtplib
import ssl

import click

from .. import ci, digest, scaffold
from ..check import run_check
from ..ci.overdue import OverdueReport
from ..digest.issue import DigestIssue, digest_issue
from ..digest.mail import digest_message, recipients
from ..errors import ConfigError
from ..present import formats, present
from ..present.messages import digest_sent_text
from ..repository import Repository
from . import cli
from .init_cmd import report_copies
from .options import format_option, repo_of, resolve_today, today_option


@cli.group("ci")
def ci_group() -> None:
    """Helpers for the GitHub Actions workflows (the tracking issue, the workflow files)."""


@ci_group.command("overdue-report")
@today_option
@format_option(*formats(OverdueReport), default="markdown")
@click.pass_context
def overdue_report(ctx: click.Context, today: dt.date | None, fmt: str) -> None:
    """The overdue tracking issue's body: case ids, stages, deadlines and dates only.

    No names, no details of the complaint, no officers: the issue is seen by everyone with
    access to the repository and copied into notification emails. With --format json, the
    workflow reads how many deadlines are overdue (`.overdue | length`).
    """
    result = run_check(Repository.open(repo_of(ctx)), resolve_today(today))
    click.echo(present(ci.overdue_report(result), fmt), nl=False)


@ci_group.command("digest-report")
@click.option("--period", "period", type=click.Choice(digest.KINDS), required=True)
@today_option
@format_option(*formats(DigestIssue), default="markdown")
@click.pass_context
def digest_report(ctx: click.Context, period: str, today: dt.date | None, fmt: str) -> None:
    """A digest's tracking issue and summary: case ids, dates and counts only.

    With --format json, whether today is the digest's day (the first working day of the
    week, month or quarter), and the issue's title and label: the workflow reads them.
    """
    repo = Repository.open(repo_of(ctx))
    result = digest.build(period, repo, resolve_today(today))  # type: ignore[arg-type]
    click.echo(present(digest_issue(result, repo.settings, repo.calendar), fmt), nl=False)


@ci_group.command("digest-email")
@click.option("--period", "period", type=click.Choice(digest.KINDS), required=True)
@today_option
@click.pass_context
def digest_email(ctx: click.Context, period: str, today: dt.date | None) -> None:
    """Email the full digest through the trust's own SMTP server (for the Digests workflow).

    Reads DIGEST_SMTP_HOST, DIGEST_SMTP_PORT (default 587: STARTTLS; 465: TLS from the start),
    DIGEST_SMTP_USERNAME, DIGEST_SMTP_PASSWORD, DIGEST_FROM and DIGEST_TO (addresses separated
    by commas) from the environment. The digest names officers: send it inside the organisation.
    """
    env = os.environ
    host = env.get("DIGEST_SMTP_HOST", "").strip()
    sender = env.get("DIGEST_FROM", "").strip()
    if not host or not sender:
        raise ConfigError("DIGEST_SMTP_HOST and DIGEST_FROM must be set to send a digest")
    to = recipients(env.get("DIGEST_TO", ""))
    port_text = env.get("DIGEST_SMTP_PORT", "").strip() or "587"
    if not port_text.isdigit():
        raise ConfigError(f"DIGEST_SMTP_PORT must be a port number (got {port_text!r})")
    port = int(port_text)
    repo = Repository.open(repo_of(ctx))
    result = digest.build(period, repo, resolve_today(today))  # type: ignore[arg-type]
    message = digest_message(result, sender, to)
    context = ssl.create_default_context()
    user, password = env.get("DIGEST_SMTP_USERNAME", ""), env.get("DIGEST_SMTP_PASSWORD", "")
    try:
        if port == 465:
            server: smtplib.SMTP = smtplib.SMTP_SSL(host, port, context=context, timeout=60)
        else:
            server = smtplib.SMTP(host, port, timeout=60)
            server.starttls(context=context)  # never send a digest in clear
        with server:
            if user:
                server.login(user, password)
            server.send_message(message)
    except (OSError, smtplib.SMTPException) as exc:
        raise ConfigError(
            f"could not send the {period} digest through {host}:{port}: {exc}"
        ) from None
    click.echo(digest_sent_text(period, len(to)), nl=False)


@ci_group.command("workflows")
@click.option("--write", is_flag=True, help="Write the workflows that are missing or out of date.")
@click.pass_context
def workflows(ctx: click.Context, write: bool) -> None:
    """Check .github/workflows/ against the workflows this Putright ships (check, overdue, publish, digest).

    Exit status 1 when one is missing or differs. After upgrading Putright, run with --write
    and review the change in a pull request (it replaces any local edits to those files).
    """
    report_copies(ctx, scaffold.workflow_files(), write, "complaints ci workflows --write")
