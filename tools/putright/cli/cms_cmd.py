"""`complaints cms config`, `complaints cms serve`: the form editor for complaints officers."""

from __future__ import annotations

import datetime as dt
import os
import time

import click

from ..present import messages
from . import cli
from .init_cmd import report_copies
from .options import repo_of, resolve_today, today_option


@cli.group("cms")
def cms() -> None:
    """The form editor (Decap CMS): its configuration, and running it on this computer."""


@cms.command("config")
@click.option("--write", is_flag=True, help="Write admin/ where it is missing or out of date.")
@today_option(help="This year's collection is included from this date (default: today).")
@click.pass_context
def config_cmd(ctx: click.Context, write: bool, today: dt.date | None) -> None:
    """Check admin/ (the editor's page and config.yml) against the case schema and complaints.yml.

    Exit status 1 when a file is missing or stale (run again with --write to refresh them).
    """
    from ..cms.page import admin_files

    files = admin_files(repo_of(ctx), resolve_today(today))
    report_copies(ctx, files, write, "complaints cms config --write")


@cms.command("serve")
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=8080,
    show_default=True,
    help="The port on 127.0.0.1 (0: any free one).",
)
@click.pass_context
def serve_cmd(ctx: click.Context, port: int) -> None:
    """Run the form editor over this repository, on 127.0.0.1, until Ctrl-C.

    Saves go to a branch per case (cms/...) in this repository, as pull requests do on GitHub;
    publishing one merges it into main. The first run installs the editor's pinned npm
    packages into your cache folder (Node.js 18 or later is needed).
    """
    import signal

    from .. import scaffold
    from ..cms import packages, serve
    from ..cms.page import admin_files

    root = repo_of(ctx)
    serve.check_repository(root)
    current = scaffold.compare(root, admin_files(root, resolve_today(None)))
    stale = [copy.path for copy in current if copy.state != "same"]
    if stale:
        click.echo(messages.editor_stale_text(stale), err=True, nl=False)
    packages.require_node()
    folder = packages.install_folder()
    if not os.path.isfile(os.path.join(folder, packages.DONE)):
        click.echo(messages.editor_installing_text(folder), nl=False)
    installed = packages.ensure_installed()
    editor = serve.start(root, installed, port)

    def _stop(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, _stop)
    click.echo(messages.editor_started_text(editor.url), nl=False)
    try:
        while editor.child.poll() is None:
            time.sleep(0.5)
        click.echo(messages.EDITOR_DIED, err=True, nl=False)
        ctx.exit(1)
    except KeyboardInterrupt:
        click.echo(messages.EDITOR_STOPPING, nl=False)
    finally:
        editor.stop()


@cms.command("install")
def install_cmd() -> None:
    """Install the editor's pinned npm packages into your cache folder (serve does it too)."""
    from ..cms import packages

    installed = packages.ensure_installed()
    click.echo(messages.editor_installed_text(installed.folder, fresh=installed.fresh), nl=False)


@cms.command("bundle")
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=str),
    required=True,
    help="The folder to write (e.g. public-site/admin).",
)
@click.pass_context
def bundle_cmd(ctx: click.Context, out: str) -> None:
    """Write the admin page with Decap CMS beside it, ready to publish (no case data in it)."""
    from .. import scaffold
    from ..cms import packages
    from ..cms.bundle import bundle
    from ..cms.page import admin_files

    root = repo_of(ctx)
    if not os.path.isfile(os.path.join(root, "admin", "config.yml")):
        raise packages.EditorError("no admin/config.yml: run `complaints cms config --write`")
    current = scaffold.compare(root, admin_files(root, resolve_today(None)))
    stale = [copy.path for copy in current if copy.state != "same"]
    if stale:
        raise packages.EditorError(
            f"{', '.join(stale)} out of date: run `complaints cms config --write` and commit"
        )
    written = bundle(root, packages.ensure_installed(), out)
    click.echo(messages.editor_bundled_text(out, written), nl=False)


@cms.command("numbers")
@click.option(
    "--base",
    default="origin/main",
    show_default=True,
    metavar="REF",
    help="The branch the pull request merges into.",
)
@click.option(
    "--write",
    is_flag=True,
    help="Give each clashing case the next free number, one commit each, on this branch.",
)
@today_option
@click.pass_context
def numbers_cmd(ctx: click.Context, base: str, write: bool, today: dt.date | None) -> None:
    """Check the numbers of the cases this branch adds against the base and every other branch.

    A number the base has (now or ever), or that another branch added first, is taken. Exit
    status 1 when one is, unless --write moved it to a free number. numbers.yml runs this on
    every pull request, so a number typed in the editor on GitHub never merges twice.
    """
    from ..editing.numbers import clashes, give_numbers
    from ..present import edits

    root = repo_of(ctx)
    found = clashes(root, base)
    if found and write:
        for moved in give_numbers(root, found, resolve_today(today)):
            click.echo(edits.renumbered_text(moved), nl=False)
        return
    click.echo(edits.clashes_text(found, base), nl=False)
    if found:
        ctx.exit(1)
