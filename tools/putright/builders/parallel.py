"""Case pages rendered in parallel inside one MkDocs build (fork, one worker per core).

MkDocs renders every page in one process: Markdown, then the theme, then the search index.
The case pages, thousands of them, are out of the navigation and depend on nothing but the
navigation pages' titles, so once MkDocs has read every page (``on_env``) the plugin forks
workers that render and write contiguous shares of them, while the parent builds the rest.
In the parent a case page is a stub: no Markdown is converted, an empty template skips
writing it, and at its turn (``on_page_context``) the worker's search entries and anchors
for it are put in, so the search index has the same entries in the same order as a serial
build. The workers' warnings are logged by the parent, so ``strict`` still fails the build.
"""

from __future__ import annotations

import contextlib
import gc
import logging
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import jinja2
from mkdocs.commands.build import _build_page, _populate_page
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from ..errors import PutrightError
from ..site.apart import Apart
from .fastpages import FastPages, usable

log = logging.getLogger("mkdocs.plugins.putright")
SKIP_TEMPLATE = "putright-rendered-elsewhere.html"
# Below this many case pages, starting workers costs more than it saves.
PARALLEL_FROM = 500


@dataclass
class _Share:
    worker: Apart[dict[str, Any]]
    uris: frozenset[str]
    results: dict[str, tuple[list[dict[str, Any]], set[str] | None]] | None = None


def _stub_render(page: Page) -> Any:
    def render(config: MkDocsConfig, files: Files) -> None:
        page.content = ""
        page.toc = []  # type: ignore[assignment]
        page.present_anchor_ids = None  # known from its worker, at its turn
        page.meta["template"] = SKIP_TEMPLATE
        page.meta["search"] = {"exclude": True}  # its entries come from its worker

    return render


def _search_index(config: MkDocsConfig) -> Any:
    for plugin in config.plugins.values():
        index = getattr(plugin, "search_index", None)
        if index is not None and hasattr(index, "entries"):
            return index
    return None


@dataclass
class ParallelPages:
    """The plugin's helper for one build: which pages, which worker has each, their results."""

    uris: frozenset[str]
    jobs: int
    fast: bool = True  # shells (putright.builders.fastpages); False: MkDocs page by page
    fork: bool = True  # False: the one share is built in this process, at its first page
    in_worker: bool = False
    shares: list[_Share] = field(default_factory=list)
    owner: dict[str, int] = field(default_factory=dict)
    frozen: bool = False  # gc.freeze() done at the fork, undone when the workers are in
    filled: int = 0  # case pages filled into a shell (putright.builders.fastpages)
    why_not: str | None = None  # why no shells were used, if so
    usual: int = 0  # case pages built by MkDocs page by page

    def stub(self, page: Page) -> None:
        """Called from on_pre_page: in the parent, a case page is not rendered here."""
        if not self.in_worker and page.file.src_uri in self.uris:
            page.render = _stub_render(page)  # type: ignore[method-assign]

    def start(
        self, env: jinja2.Environment, config: MkDocsConfig, files: Files, nav: Navigation
    ) -> jinja2.Environment:
        """Called from on_env: fork the workers; return the env with the skipping template."""
        env.loader = jinja2.ChoiceLoader([jinja2.DictLoader({SKIP_TEMPLATE: ""}), env.loader])  # type: ignore[list-item]
        doc_files = files.documentation_pages()
        mine = [f for f in doc_files if f.src_uri in self.uris and f.page is not None]
        size = -(-len(mine) // self.jobs)
        # Everything read so far is inherited by the workers and lives to the end: frozen, the
        # collector neither walks it (seconds, at 10,000 cases) nor, by touching every
        # object, copies each page of it into each worker (Python's advice for fork).
        if self.fork:
            gc.freeze()
            self.frozen = True
        for k in range(self.jobs):
            share = mine[k * size : (k + 1) * size]
            if not share:
                continue

            def work(share: Sequence[File] = share) -> dict[str, Any]:
                # In a fork this is the worker's copy; in this process, for the while.
                self.in_worker = True
                try:
                    return _work(share, config, files, doc_files, nav, env, self.fast)
                finally:
                    self.in_worker = self.fork

            index = len(self.shares)
            worker = Apart(work, fork=self.fork)
            self.shares.append(_Share(worker, frozenset(f.src_uri for f in share)))
            for f in share:
                self.owner[f.src_uri] = index
        return env

    def fill(self, page: Page, config: MkDocsConfig) -> None:
        """Called from on_page_context (after search's): the worker's entries for this page."""
        index = self.owner.get(page.file.src_uri)
        if index is None or self.in_worker:  # a worker builds; its pages come in here
            return
        results = self._results(index)
        entries, anchors = results[page.file.src_uri]
        page.present_anchor_ids = anchors
        search = _search_index(config)
        if search is not None:
            search.entries.extend(entries)

    def _results(self, index: int) -> dict[str, tuple[list[dict[str, Any]], set[str] | None]]:
        share = self.shares[index]
        if share.results is None:
            try:
                payload = share.worker.result()
            except PutrightError as exc:
                raise PluginError(f"putright: rendering case pages failed: {exc}") from None
            for message in payload["warnings"]:
                log.warning(message)
            self.why_not = self.why_not or payload["why"]
            self.filled += payload["counts"][0]
            self.usual += payload["counts"][1]
            share.results = payload["pages"]
        return share.results

    def finish(self) -> None:
        """Called from on_post_build (and on errors): collect every worker."""
        for index, share in enumerate(self.shares):
            if share.results is None:
                try:
                    self._results(index)
                except PluginError:
                    if not self.in_worker:
                        raise
        self.shares.clear()
        if self.frozen:
            gc.unfreeze()
            self.frozen = False
        log.info(
            "putright: %d case pages filled into the shell of their shape, %d built by MkDocs",
            self.filled,
            self.usual,
        )
        if self.why_not:
            log.info("putright: case pages built by MkDocs one by one: %s", self.why_not)


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@contextlib.contextmanager
def _warnings_kept() -> Iterator[_Collect]:
    """MkDocs's warnings kept for the parent to report, once; in this process (no fork) its
    logging is as it was afterwards."""
    collect = _Collect()
    mkdocs_log = logging.getLogger("mkdocs")
    handlers = list(mkdocs_log.handlers)
    for handler in handlers:
        mkdocs_log.removeHandler(handler)
    mkdocs_log.addHandler(collect)
    try:
        yield collect
    finally:
        mkdocs_log.removeHandler(collect)
        for handler in handlers:
            mkdocs_log.addHandler(handler)


def _work(
    share: Sequence[File],
    config: MkDocsConfig,
    files: Files,
    doc_files: Sequence[File],
    nav: Navigation,
    env: jinja2.Environment,
    use_shells: bool,
) -> dict[str, Any]:
    with _warnings_kept() as collect:
        search = _search_index(config)
        pages: dict[str, tuple[list[dict[str, Any]], set[str] | None]] = {}

        def usual(page: Page) -> None:
            _populate_page(page, config, files)
            _build_page(page, config, doc_files, nav, env)

        why_not = usable(config) if use_shells else "fast: false"
        fast = FastPages(search, usual) if why_not is None else None
        for file in share:
            page = file.page
            assert page is not None
            del page.render  # the stub: render this one for real
            page.meta.pop("template", None)
            page.meta.pop("search", None)
            before = len(search.entries) if search is not None else 0
            if fast is not None:
                fast.build(page, files)
            else:
                usual(page)
            entries = search.entries[before:] if search is not None else []
            if search is not None:  # in this process (no fork), they go in at the page's turn
                del search.entries[before:]
            page.meta["template"] = SKIP_TEMPLATE  # and the page is not built again there
            page.meta["search"] = {"exclude": True}
            pages[file.src_uri] = (entries, page.present_anchor_ids)
        for file in share:
            assert file.page is not None
            file.page.validate_anchor_links(files=files, log_level=config.validation.links.anchors)
        counts = (fast.filled, fast.usual) if fast is not None else (0, len(share))
        return {"pages": pages, "warnings": collect.messages, "counts": counts, "why": why_not}
