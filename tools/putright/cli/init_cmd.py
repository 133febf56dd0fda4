"""`complaints init`: a new case repository; `complaints schemas`: its .schemas/ kept current."""

from __future__ import annotations

from typing import Any

import click

from .. import __version__, scaffold
from ..present.messages import copies_text, created_text, procedures_text, stale_text
from ..scaffold import options as checks
from ..scaffold.source import putright_source as source_of
from . import cli
from .options import repo_of


class _Checked(click.ParamType):  # type: ignore[type-arg]  # generic only from click 8.2
    """A value checked by one of the scaffold's checks, so a bad answer is re-asked at a prompt
    and is a usage error (exit 2) on the command line, with the same message both ways."""

    def __init__(self, name: str, check: Any) -> None:
        self.name = name
        self._check = check

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        try:
            return self._check(value)
        except scaffold.ScaffoldError as exc:
            self.fail(exc.message, param, ctx)


class _OptionalCount(click.ParamType):  # type: ignore[type-arg]
    """A whole number, or nothing (an empty answer at the prompt: fill it in later)."""

    name = "N"

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> int | None:
        if value is None or isinstance(value, int):
            return value
        text = str(value).strip()
        if not text:
            return None
        if not text.isdigit():
            self.fail(f"{value!r} is not a whole number of homes (0 or more)", param, ctx)
        return int(text)


ORGANISATION = _Checked("NAME", checks.check_organisation)
YEAR_START = _Checked("MM-DD", checks.check_year_start)
HOMES = _OptionalCount()


@cli.command("init")
@click.argument("directory", type=click.Path(file_okay=False, path_type=str))
@click.option(
    "--organisation",
    type=ORGANISATION,
    help="The landlord's name, as shown on the sites and reports.",
)
@click.option("--homes", type=HOMES, help="Homes owned or managed (the denominator of TSM CH01).")
@click.option(
    "--nation",
    type=click.Choice(scaffold.NATIONS, case_sensitive=False),
    help="Whose bank holidays are not working days.  [default: ENG]",
)
@click.option(
    "--year-start", type=YEAR_START, help="MM-DD the reporting year starts.  [default: 04-01]"
)
@click.option(
    "--policy",
    help=f"The procedure cases follow: {scaffold.CODE_POLICY} (the Code itself) or a shipped landlord's.  "
    f"[default: {scaffold.CODE_POLICY}]",
)
@click.option(
    "--putright-source",
    metavar="SOURCE",
    help="Install Putright from git+https://...@<commit> (a tag pinned by its commit) or a "
    ".whl path or https URL, instead of the package index (docs/setup/install.md).",
)
@click.option(
    "--no-input",
    is_flag=True,
    help="Ask nothing: defaults for all but --organisation, which is required.",
)
def init(
    directory: str,
    organisation: str | None,
    homes: int | None,
    nation: str | None,
    year_start: str | None,
    policy: str | None,
    putright_source: str | None,
    no_input: bool,
) -> None:
    """Create a new, empty case repository in DIRECTORY (new, or an empty folder).

    It holds complaints.yml, the Code's procedure in policies/, an empty cases/, the JSON
    Schemas, the staff and public site settings, the GitHub workflows, a CODEOWNERS example
    and a short README, in a Git repository with one commit on main.
    """
    # Refuse before asking anything: answering five questions to hear "not empty" is unkind.
    scaffold.refuse_unless_empty(directory)
    source_of(putright_source, __version__)  # a source Putright cannot use: said before asking
    policies = scaffold.available_policies()
    if policy is not None and policy not in policies:
        raise click.BadParameter(
            f"{policy!r} is not one of: {', '.join(policies)}", param_hint="--policy"
        )
    if organisation is None:
        if no_input:
            raise click.UsageError("--organisation is required with --no-input")
        organisation = click.prompt("Organisation name", type=ORGANISATION)
    if not no_input:
        if homes is None:
            homes = click.prompt(
                "Homes owned or managed (for TSM CH01; Enter to fill in later)",
                type=HOMES,
                default="",
                show_default=False,
            )
        if nation is None:
            nation = click.prompt(
                "Nation whose bank holidays apply",
                type=click.Choice(scaffold.NATIONS, case_sensitive=False),
                default="ENG",
            )
        if year_start is None:
            year_start = click.prompt(
                "Reporting year starts (MM-DD)", type=YEAR_START, default="04-01"
            )
        if policy is None:
            click.echo(procedures_text(policies), nl=False)
            policy = click.prompt(
                "Procedure that cases follow",
                type=click.Choice(list(policies)),
                default=scaffold.CODE_POLICY,
            )
    options = scaffold.checked(
        scaffold.InitOptions(
            organisation=organisation,
            homes=homes,
            nation=(nation or "ENG").upper(),
            year_start=year_start or "04-01",
            policy=policy or scaffold.CODE_POLICY,
            putright_source=putright_source,
        ),
        policies,
    )
    created = scaffold.create_repository(directory, options)
    click.echo(created_text(created, options.organisation, scaffold.INITIAL_BRANCH), nl=False)


@cli.command("schemas")
@click.option("--write", is_flag=True, help="Write the copies that are missing or out of date.")
@click.pass_context
def schemas(ctx: click.Context, write: bool) -> None:
    """Check the JSON Schemas in .schemas/ (for editors) against this Putright's own.

    Exit status 1 when a copy is missing or differs (run again with --write to refresh them).
    """
    report_copies(ctx, scaffold.schema_files(), write, "complaints schemas --write")


def report_copies(ctx: click.Context, files: dict[str, bytes], write: bool, fix: str) -> None:
    """Compare (or refresh) a repository's copies of package files; say what was found."""
    root = repo_of(ctx)
    states = scaffold.refresh(root, files) if write else scaffold.compare(root, files)
    stale = [c for c in states if c.state != "same"]
    click.echo(copies_text(states, wrote=write), nl=False)
    if stale and not write:
        click.echo(stale_text(len(stale), fix), err=True, nl=False)
        ctx.exit(1)
