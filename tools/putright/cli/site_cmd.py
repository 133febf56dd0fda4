"""`complaints site build`: the staff dashboard (PRIVATE) or the public report, via MkDocs.

This is an edge, so it may import mkdocs; the pages themselves come from ``putright.site``
through the MkDocs plugin. The repository's mkdocs.yml / mkdocs.public.yml is used when it
has one; a case repository without one gets the built-in configuration.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
import sys
import tempfile
from collections.abc import Iterator

import click
import yaml

from ..builders import BUILDERS
from ..config import load_settings
from ..packagedata import data_dir
from ..present.messages import site_built_text
from ..scaffold.templates import site_config
from ..site.staging import case_page, generate, stage
from ..textsafe import title_safe
from . import cli
from .options import repo_of, today_option

INTERNAL_CONFIG = "mkdocs.yml"
PUBLIC_CONFIG = "mkdocs.public.yml"
# Material's notice about MkDocs 2 is noise here: putright pins mkdocs<2.
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

# The staff site's theme override (the PRIVATE bar on every page), from the package's copy.
_THEME_DIR = str(data_dir("site_templates") / "theme")


@cli.group("site")
def site() -> None:
    """Build the staff dashboard (PRIVATE) or the public report as a static website."""


@site.command("build")
@click.option(
    "--public",
    is_flag=True,
    help="Build the public report (no personal data) from mkdocs.public.yml, not the staff dashboard.",
)
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=str),
    default=None,
    help="Write the site here (default: the config's site_dir: site/ or public-site/).",
)
@today_option
@click.option(
    "--strict/--no-strict",
    default=True,
    show_default=True,
    help="Fail on any MkDocs warning (a broken link, a missing page).",
)
@click.option(
    "--builder",
    type=click.Choice(BUILDERS),
    default="mkdocs",
    show_default=True,
    help="What turns the generated pages into HTML: MkDocs, or Zensical (pip install 'putright[zensical]').",
)
@click.option(
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    help="MkDocs: processes building the case pages (default: one per core from 500 cases; 1: this one).",
)
@click.option(
    "--no-cache",
    "no_cache",
    is_flag=True,
    help="Read every case afresh, not through check's cache (.putright-cache/).",
)
@click.pass_context
def build(
    ctx: click.Context,
    public: bool,
    out: str | None,
    today: dt.date | None,
    strict: bool,
    builder: str,
    jobs: int | None,
    no_cache: bool,
) -> None:
    """Generate every page into a staging folder, build the site from it, print where it went.

    The staff dashboard shows every case with personal data: keep it internal. The staging
    folder is temporary and outside the repository.
    """
    from mkdocs.exceptions import MkDocsException

    from ..builders.mkdocs_build import build_with_mkdocs, checked_config

    repo = os.path.abspath(repo_of(ctx))
    settings = load_settings(repo)  # a bad complaints.yml is reported before MkDocs starts
    site_dir = os.path.abspath(out) if out else None
    with (
        _config_file(repo, public, settings.organisation, settings.public_title) as config_file,
        _mkdocs_log(),
        tempfile.TemporaryDirectory(prefix="putright-stage-") as staging,
    ):
        try:
            cfg, plugin = checked_config(config_file, site_dir, strict, public)
            if today is not None:
                plugin.config.today = today.isoformat()
            if jobs is not None:
                plugin.config.jobs = jobs
            pages = generate(
                repo,
                public,
                plugin._today(),
                use_cache=not no_cache,
                directory_urls=cfg.use_directory_urls,
            )
            # MkDocs takes the case pages in memory; Zensical reads every page from disk.
            hold = case_page if builder == "mkdocs" else None
            staged = stage(pages, cfg.docs_dir, os.path.join(staging, "docs"), hold=hold)
            del pages  # the staged files are the pages from here on
            if builder == "zensical":
                from ..builders.zensical_build import build_with_zensical

                # The theme override is on both sites (the plugin adds it for MkDocs).
                built = build_with_zensical(
                    config_file, staged, staging, str(cfg.site_dir), strict, _THEME_DIR, public
                )
            else:
                built = build_with_mkdocs(cfg, plugin, staged)
        except MkDocsException as exc:
            raise click.ClickException(f"the site was not built: {exc.format_message()}") from None
    pages_built = _count_pages(built)
    click.echo(site_built_text(built, pages_built, public=public), nl=False)


def _count_pages(site_dir: str) -> int:
    return sum(
        1
        for folder, _dirs, files in os.walk(site_dir)
        for name in files
        if name.endswith(".html") and not (name == "404.html" and folder == site_dir)
    )


@contextlib.contextmanager
def _config_file(
    repo: str, public: bool, organisation: str, public_title: str | None
) -> Iterator[str]:
    """The repository's own config, else a built-in one written to a temporary folder."""
    own = os.path.join(repo, PUBLIC_CONFIG if public else INTERNAL_CONFIG)
    if os.path.isfile(own):
        yield own
        return
    with tempfile.TemporaryDirectory(prefix="putright-site-") as tmp:
        docs = os.path.join(repo, "docs")
        if public or not os.path.isdir(docs):
            # The public site's docs_dir must hold nothing internal: an empty folder.
            docs = os.path.join(tmp, "docs")
            os.mkdir(docs)
        # The theme writes site_name into the page unescaped: keep HTML's characters out.
        name = title_safe(organisation)
        if public:
            site_name = title_safe(public_title) if public_title else f"{name}: complaints"
        else:
            site_name = f"{name}: complaints, staff only"
        # What `complaints init` would have written, pointed at this repository.
        config = site_config(public, site_name)
        config["docs_dir"] = docs
        config["site_dir"] = os.path.join(repo, "public-site" if public else "site")
        config["plugins"] = ["search", {"putright": {"repo": repo, "public": public}}]
        path = os.path.join(tmp, "mkdocs.yml")
        with open(path, "w", encoding="utf-8") as handle:
            yaml.safe_dump(config, handle, sort_keys=False, allow_unicode=True)
        yield path


@contextlib.contextmanager
def _mkdocs_log() -> Iterator[None]:
    """MkDocs's warnings on stderr while it builds (its own CLI would set this up)."""
    logger = logging.getLogger("mkdocs")
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("mkdocs: %(levelname)s: %(message)s"))
    handler.setLevel(logging.WARNING)
    logger.addHandler(handler)
    try:
        yield
    finally:
        logger.removeHandler(handler)
