"""The `complaints` command: a thin Click layer over the core, one module per command group."""

from __future__ import annotations

import sys

import click

from .. import __version__
from .options import Context, run_guarded


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
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
    _register_available()
    run_guarded(cli)


def _register_available() -> None:
    """Import the command modules that exist (during development some may not yet)."""
    import importlib

    for name in ("check_cmd", "cases_cmd", "policy_cmd", "edit_cmd", "audit_cmd", "annual_cmd",
                 "site_cmd", "init_cmd", "demo_cmd"):
        try:
            importlib.import_module(f"{__name__}.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"{__name__}.{name}":
                raise


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
