"""The MkDocs plugin: adds the generated pages to the build (in the manner of mkdocs-gen-files).

All the work is in ``putright.site``; this only picks the options, calls the generator and
hands each page to MkDocs as an in-memory file.

    plugins:
      - putright:
          public: false      # true: the public report (putright.site.public), no personal data
          today: 2026-03-20  # else $PUTRIGHT_TODAY, else today's date
          repo: .            # the case repository; default: the folder of mkdocs.yml
          jobs: 2            # processes building case pages; default: one per core
                             # from 500 case pages (putright.builders.parallel); 1: this
                             # process (either way most go into shells: fastpages)
          fast: true         # false: MkDocs converts and builds every page itself, with
                             # no shells and no lite_markdown (slower; a reference)
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
from collections.abc import Iterable
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as opt
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel

from .builders.fastpages import lite_render, markdown_known
from .builders.parallel import PARALLEL_FROM, ParallelPages
from .config import load_settings
from .errors import PutrightError
from .markdown_tables import AccessibleTables
from .packagedata import data_dir
from .site.pages import Page
from .site.staging import case_page, generate

log = logging.getLogger("mkdocs.plugins.putright")
TODAY_ENV = "PUTRIGHT_TODAY"
THEME_DIR = str(data_dir("site_templates") / "theme")
WATCHED = ("cases", "policies", "complaints.yml", "site_templates")


class PutrightConfig(base.Config):  # type: ignore[no-untyped-call]
    public = opt.Type(bool, default=False)
    today = opt.Optional(opt.Type(str))
    repo = opt.Optional(opt.Type(str))
    jobs = opt.Optional(opt.Type(int))
    fast = opt.Type(bool, default=True)


class PutrightPlugin(BasePlugin[PutrightConfig]):  # type: ignore[no-untyped-call]
    # Set by `complaints site build` when the pages are already staged in docs_dir (generate,
    # then build): the pages to keep out of the navigation. None: generate them here.
    staged_out_of_nav: frozenset[str] | None = None
    staged_held: tuple[Page, ...] = ()  # staged pages given in memory, not written
    parallel: ParallelPages | None = None
    _nav: Any = None
    _lite = False
    # No on_startup hook: MkDocs would keep one instance across builds in a process, and
    # staged_out_of_nav belongs to one build.

    def _plan(self, out_of_nav: frozenset[str]) -> None:
        """Render the case pages in worker processes when there are enough of them (or as
        many as ``jobs`` says; 1: in this process, filled into shells all the same)."""
        jobs = self.config.jobs
        many = len(out_of_nav) >= PARALLEL_FROM
        if jobs is None:
            jobs = (os.cpu_count() or 1) if many else 1
        fork = jobs > 1 and hasattr(os, "fork")
        fast = bool(self.config.fast)
        if fork or (fast and (many or self.config.jobs is not None)):
            self.parallel = ParallelPages(out_of_nav, jobs if fork else 1, fast=fast, fork=fork)
        else:
            self.parallel = None

    def _repo_root(self, config: MkDocsConfig) -> str:
        base_dir = os.path.dirname(os.path.abspath(config.config_file_path or "mkdocs.yml"))
        return os.path.normpath(os.path.join(base_dir, self.config.repo or "."))

    def _today(self) -> dt.date:
        text = self.config.today or os.environ.get(TODAY_ENV)
        if not text:
            return dt.date.today()
        try:
            return dt.date.fromisoformat(str(text))
        except ValueError:
            raise PluginError(
                f"putright: today {text!r} is not a date in the form YYYY-MM-DD"
            ) from None

    # Before the search plugin's on_config, which already reads the theme's language file.
    @event_priority(50)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        # The theme override, on both sites: accessibility fixes (stylesheet, search dialog,
        # 404 page, en-GB) and on the staff site a PRIVATE bar on every page (guides and 404
        # included). Added here rather than as custom_dir, so no mkdocs.yml can lack it;
        # after the site's own custom_dir, so a landlord's main.html still wins.
        # The theme reads this to show the PRIVATE bar (Zensical's config sets it the same way).
        config.extra["putright_private"] = not self.config.public
        where = 1 if config.theme.custom_dir else 0
        config.theme.dirs.insert(where, THEME_DIR)
        # Captions, row headers and keyboard-reachable scroll regions for every table.
        config.markdown_extensions.append(AccessibleTables())  # type: ignore[arg-type]
        # Pages of headings and HTML blocks converted by lite_markdown: judged once a build.
        self._lite = bool(self.config.fast) and markdown_known(config)
        return config

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        if self.staged_out_of_nav is not None:
            for file in files.documentation_pages():
                if file.src_uri in self.staged_out_of_nav:
                    file.inclusion = InclusionLevel.NOT_IN_NAV
            self._add(self.staged_held, files, config)
            self._plan(frozenset(p.path for p in self.staged_held))  # the case pages
            return files
        try:
            pages = generate(
                self._repo_root(config),
                bool(self.config.public),
                self._today(),
                directory_urls=config.use_directory_urls,
            )
        except PutrightError as exc:
            raise PluginError(f"putright: {exc}") from None
        self._add(pages, files, config)
        log.info("putright: generated %d files", len(pages))
        self._plan(frozenset(p.path for p in pages if case_page(p)))
        return files

    @staticmethod
    def _add(pages: Iterable[Page], files: Files, config: MkDocsConfig) -> None:
        for page in pages:
            existing = files.get_file_from_path(page.path)
            if existing is not None:  # a generated page wins over a placeholder in docs/
                files.remove(existing)
            # Case pages stay out of the navigation (it is rendered into every page).
            inclusion = InclusionLevel.UNDEFINED if page.in_nav else InclusionLevel.NOT_IN_NAV
            files.append(
                File.generated(config, page.path, content=page.content, inclusion=inclusion)
            )

    def on_nav(self, nav: Any, /, *, config: MkDocsConfig, files: Files) -> Any:
        self._nav = nav
        return nav

    def on_pre_page(self, page: Any, /, *, config: MkDocsConfig, files: Files) -> Any:
        if self.parallel is not None:
            self.parallel.stub(page)
        if self._lite and "render" not in vars(page):
            page.render = lite_render(page)  # MkDocs's own for a page that is not HTML
        return page

    def on_env(self, env: Any, /, *, config: MkDocsConfig, files: Files) -> Any:
        if self.parallel is not None:
            return self.parallel.start(env, config, files, self._nav)
        return env

    def on_page_context(self, context: Any, /, *, page: Any, config: MkDocsConfig, nav: Any) -> Any:
        if self.parallel is not None:
            self.parallel.fill(page, config)
        return context

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.parallel is not None:
            self.parallel.finish()
            self.parallel = None

    def on_build_error(self, *, error: Exception) -> None:
        if self.parallel is not None:
            parallel, self.parallel = self.parallel, None
            with contextlib.suppress(PluginError):
                parallel.finish()

    def on_serve(self, server: Any, /, *, config: MkDocsConfig, builder: Any) -> Any:
        # Rebuild when a case, a procedure, the settings or a template changes.
        root = self._repo_root(config)
        try:  # the yearly statements' folder is a setting (public pages are built from it)
            reports = load_settings(root).reports_dir
        except PutrightError:
            reports = "reports"
        for name in (*WATCHED, reports):
            path = os.path.join(root, name)
            if os.path.exists(path):
                server.watch(path)
        return server
