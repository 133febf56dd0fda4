"""`complaints letter` and `complaints bundle`: what is sent to a resident and to the Ombudsman."""

from __future__ import annotations

import datetime as dt
import os

import click

from ..editing.atomic import create_file, write_file
from ..errors import PutrightError
from ..letters.context import build_letter
from ..letters.render import default_name, render
from ..letters.requirements import KINDS
from ..letters.source import open_case
from ..present.messages import bundle_written_text, letter_gaps_text, letter_written_text
from ..repository import Repository
from . import cli
from .options import repo_of, resolve_today, today_option


@cli.command("letter")
@click.argument("case_id", metavar="ID")
@click.argument("kind", type=click.Choice(KINDS))
@click.option("--stage", help="The stage the letter is about (default: the latest such event's).")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(("docx", "markdown")),
    default="docx",
    show_default=True,
    help="A Word file to edit before sending, or Markdown for email.",
)
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=str),
    help="Where to write it (default: letters/<ID>/<date>-<kind>-stage<N>.docx in the repository).",
)
@click.option(
    "--draft",
    is_flag=True,
    help="Write it even though the record lacks something the Code requires; the gaps are marked.",
)
@click.option("--force", is_flag=True, help="Replace a letter already at that path.")
@today_option(help="Write the letter as of this date (default: today).")
@click.pass_context
def letter(
    ctx: click.Context,
    case_id: str,
    kind: str,
    stage: str | None,
    fmt: str,
    out: str | None,
    draft: bool,
    force: bool,
    today: dt.date | None,
) -> None:
    """Write a letter for case ID, filled in from its record and the letter template.

    KIND: acknowledgement, extension, response, refusal, escalation_refusal or update. The
    letter goes with the latest event of its kind (acknowledged, extended, responded, refused,
    escalation_refused, update_sent). A response must state what Code 6.9 (stage 1) or 6.19
    (stage 2) requires; an extension, 6.5/6.16; a refusal, 2.4 (5.11 for escalation): without
    --draft the command refuses, listing what the record lacks. Templates: the repository's
    letters/templates/<kind>.docx or .md, else Putright's own. Letters hold personal data:
    they stay in the private repository (docs/guide/letters.md).
    """
    repo = Repository.open(repo_of(ctx))
    source = open_case(repo, case_id)
    plan = build_letter(
        source.case, source.policy, repo.settings, repo.calendar, kind, stage,
        resolve_today(today), draft=draft,
    )  # fmt: skip
    if plan.gaps and not draft:
        click.echo(letter_gaps_text(case_id, kind, plan.gaps), err=True, nl=False)
        ctx.exit(1)
    data = render(plan, repo.root, fmt)
    rel = default_name(plan, fmt)
    path = out if out is not None else os.path.join(repo.root, rel)
    os.makedirs(os.path.dirname(os.path.abspath(path)) or ".", exist_ok=True)
    if os.path.exists(path) and not force:
        raise PutrightError("a letter is already there; use --force to replace it", file=path)
    if force:
        write_file(path, data)
    else:
        create_file(path, data, label=path)
    shown = rel if out is None else out
    record_as = rel if out is None else None
    click.echo(letter_written_text(shown, len(plan.gaps), record_as), nl=False)


@cli.command("bundle")
@click.argument("case_id", metavar="ID")
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=str),
    help="The zip to write (default: <ID>-evidence-<date>.zip in the current folder).",
)
@today_option(help="Prepare it as of this date: deadlines judged and history read to this day.")
@click.pass_context
def bundle(ctx: click.Context, case_id: str, out: str | None, today: dt.date | None) -> None:
    """The evidence pack the Housing Ombudsman asks for, for case ID, as one zip.

    A chronology (chronology.html, prints well), the deadlines with their verdicts and the
    procedure in force, the current case file, every committed version with its commit,
    author and date, the letters, the audit findings, and manifest.json with the SHA-256 of
    every file. It holds personal data (the Ombudsman is entitled to it) and no other case's:
    keep it out of the repository and send it securely (docs/guide/ombudsman.md).
    """
    from ..bundle import build_bundle, zip_bundle

    repo = Repository.open(repo_of(ctx))
    day = resolve_today(today)
    pack = build_bundle(repo, case_id, day)
    path = out or f"{case_id}-evidence-{day.isoformat()}.zip"
    write_file(path, zip_bundle(pack))
    click.echo(bundle_written_text(path, len(pack.members) + 1), nl=False)
