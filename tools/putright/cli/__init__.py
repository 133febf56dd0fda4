"""The `complaints` command: a thin Click layer over the core, one module per command group."""

from __future__ import annotations

import importlib
from typing import Any

import click

from .. import __version__
from ..errors import PutrightError
from .options import Context

COMMAND_MODULES = (
    "check_cmd",
    "cases_cmd",
    "policy_cmd",
    "edit_cmd",
    "audit_cmd",
    "annual_cmd",
    "site_cmd",
    "init_cmd",
    "ci_cmd",
    "demo_cmd",
    "digest_cmd",
    "import_cmd",
    "letter_cmd",
    "cms_cmd",
)
# Which module registers each command, so that `complaints check` imports check_cmd alone,
# not every group's dependencies (matplotlib, openpyxl, GitPython: about a second of start-up
# before the first file is read). A command missing here is still found, by importing every
# module; tests/test_cli_lazy.py holds this table to what the modules register.
COMMAND_HOMES = {
    "check": "check_cmd",
    "show": "cases_cmd",
    "due": "cases_cmd",
    "policy": "policy_cmd",
    "new": "edit_cmd",
    "event": "edit_cmd",
    "renumber": "edit_cmd",
    "audit": "audit_cmd",
    "retention": "audit_cmd",
    "redact": "audit_cmd",
    "report": "annual_cmd",
    "site": "site_cmd",
    "init": "init_cmd",
    "schemas": "init_cmd",
    "ci": "ci_cmd",
    "demo": "demo_cmd",
    "digest": "digest_cmd",
    "import": "import_cmd",
    "letter": "letter_cmd",
    "bundle": "letter_cmd",
    "cms": "cms_cmd",
}


class GuardedGroup(click.Group):
    """Turns the core's errors into `complaints: file:line: message` and their exit code (1, or 2
    for a repository that cannot be read or a disk that cannot be written), never a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except PutrightError as exc:
            click.echo(f"complaints: {exc}", err=True)
            ctx.exit(exc.exit_code)
        except BrokenPipeError:  # `complaints check | head` is fine
            ctx.exit(0)


class _LazyGroup(GuardedGroup):
    """The top-level group: a command's module is imported when the command is asked for."""

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands:
            home = COMMAND_HOMES.get(cmd_name)
            if home is not None:
                importlib.import_module(f"{__name__}.{home}")
            if cmd_name not in self.commands:
                _register()
        return super().get_command(ctx, cmd_name)

    def list_commands(self, ctx: click.Context) -> list[str]:
        _register()  # --help lists them all
        return super().list_commands(ctx)


@click.group(
    cls=_LazyGroup,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
@click.option(
    "--repo",
    type=click.Path(file_okay=False, path_type=str),
    default=".",
    show_default=True,
    help="The case repository (the folder with complaints.yml).",
)
@click.version_option(__version__, prog_name="complaints")
@click.pass_context
def cli(ctx: click.Context, repo: str) -> None:
    """Putright: complaints handled by the Housing Ombudsman's Complaint Handling Code."""
    ctx.obj = Context(repo=repo)


def main() -> None:
    cli(prog_name="complaints")


def _register() -> None:
    # Each group lives in its own module; importing it registers its commands on `cli`.
    for name in COMMAND_MODULES:
        importlib.import_module(f"{__name__}.{name}")
