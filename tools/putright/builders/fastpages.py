"""Case pages put into the theme once per shape, not rendered by MkDocs one by one.

Every case page in one folder with the same sections gets the same theme around it: the same
navigation, header, footer and table of contents; only its content and its name (the case id,
in the title and the URL) differ. So the first page of each shape is built by MkDocs the usual
way (Python-Markdown, the theme's templates, the search plugin) and becomes a *shell*: its
output with the content cut out and every place the name appears marked. The second is built
the usual way too and compared, byte for byte, with what the shell gives for it, search
entries included; only if they agree are the rest of that shape's pages filled into the shell.
Their HTML comes from ``lite_markdown`` (the case page is headings and HTML blocks), and their
search entries from the search plugin's own parser run over the searchable sections only (every
other section of a case page is marked ``data-search-exclude``, which drops it whole).

Anything unexpected (a page not of that shape, a shell that does not reproduce its second page,
a plugin beyond ``search`` and ``putright``) sends the page the usual way: slower, never
different. The test suite builds the demo both ways and compares every file.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from mkdocs import utils
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, get_toc

from .lite_markdown import Converted, convert

log = logging.getLogger("mkdocs.plugins.putright")
# What Material's search plugin strips from a page's content after indexing it.
_SEARCH_ATTRS = re.compile(r"\s?data-search-\w+=\"[^\"]+\"")
_SECTION = re.compile(r"(?m)^(?=<h[1-6] )")
# A name put into a shell as it is: the schema's id pattern, which needs no escaping in HTML
# or in a URL. Any other (a file named by hostile text) goes the usual way, escaped by MkDocs.
_PLAIN_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")
# The plugins whose page events are known: Material's search and ours (neither touches a
# page's Markdown or HTML but as done here).
KNOWN_PLUGINS = frozenset({"search", "material/search", "putright"})

Entries = list[dict[str, Any]]
Key = tuple[Any, ...]


def searchable(html: str) -> str:
    """The page without its sections whose heading says ``data-search-exclude``."""
    return "".join(part for part in _SECTION.split(html) if not _excluded(part))


def _excluded(section: str) -> bool:
    return section.startswith("<h") and "data-search-exclude" in section[: section.find(">")]


def plain_name(name: str) -> bool:
    """Whether a page's name can go into a shell as it is (see _PLAIN_NAME)."""
    return _PLAIN_NAME.fullmatch(name) is not None


def usable(config: MkDocsConfig) -> str | None:
    """Why the shells cannot be used with this configuration, or None."""
    unknown = sorted(set(config.plugins) - KNOWN_PLUGINS)
    if unknown:
        return f"plugin(s) {', '.join(unknown)} may act on every page"
    # Material's templates and Putright's override use a page's content only to show it (and
    # to see whether it has a <h1>); a landlord's own templates could use it in any way, which
    # a shell checked on one page would not show.
    if config.theme.name != "material":
        return f"the theme is {config.theme.name}, not material"
    if config.theme.custom_dir:
        return "the site has its own theme templates (custom_dir)"
    if not markdown_known(config):
        return "its Markdown extensions are not the ones the case pages are checked with"
    search = config.plugins.get("material/search") or config.plugins.get("search")
    index = getattr(search, "search_index", None)
    if search is None:
        return "the site has no search plugin"
    if not type(search).__module__.startswith("material."):
        return "the search plugin is not Material's"
    if index is None:
        return "the search index is not ready"
    return None


# The Markdown setup lite_markdown gives the same HTML for (test_lite_markdown holds it to
# MkDocs with it): mkdocs.yml's extensions, MkDocs's defaults and the plugin's tables.
KNOWN_EXTENSIONS = frozenset(
    {"toc", "tables", "fenced_code", "admonition", "attr_list", "md_in_html", "AccessibleTables"}
)


def markdown_known(config: MkDocsConfig) -> bool:
    """Whether pages are converted with the Markdown setup lite_markdown is held to."""
    names = {e if isinstance(e, str) else type(e).__name__ for e in config.markdown_extensions}
    configs = {k: v for k, v in (config.mdx_configs or {}).items() if v}
    return names <= KNOWN_EXTENSIONS and configs == {"toc": {"permalink": True}}


def set_rendered(page: Page, converted: Converted) -> None:
    """What Page.render sets, from lite_markdown's conversion."""
    page.content = converted.html
    page.toc = get_toc(converted.toc_tokens)
    page._title_from_render = converted.title
    page.present_anchor_ids = set(converted.anchors)
    if logging.getLogger("mkdocs.structure.pages").getEffectiveLevel() > logging.DEBUG:
        page.links_to_anchors = {}  # HTML links: MkDocs checks none (nor would Markdown's)


def lite_render(page: Page) -> Callable[[MkDocsConfig, Files], None]:
    """A page's render: lite_markdown's, when the page is headings and HTML blocks (the big
    tables of the staff site: the year's cases, the learning log), else MkDocs's own."""
    usual = page.render

    def render(config: MkDocsConfig, files: Files) -> None:
        converted = convert(page.markdown) if page.markdown is not None else None
        if converted is None:
            usual(config, files)
        else:
            set_rendered(page, converted)

    return render


def _toc_shape(items: Iterable[AnchorLink]) -> tuple[Any, ...]:
    return tuple((t.level, t.id, t.title, _toc_shape(t.children)) for t in items)


@dataclass
class Shell:
    """A built page's output around its content, cut where the page's name appears."""

    parts: list[str]  # text, then the name goes between each two
    content_at: int  # the part after which the content goes (its name slots come first)

    @classmethod
    def cut(cls, output: str, content: str, name: str) -> Shell | None:
        if output.count(content) != 1 or not name:
            return None
        before, after = output.split(content)
        head, tail = before.split(name), after.split(name)
        return cls([*head, *tail], len(head) - 1)

    def fill(self, content: str, name: str) -> str:
        out: list[str] = []
        for index, part in enumerate(self.parts):
            out.append(part)
            if index == self.content_at:
                out.append(content)
            elif index < len(self.parts) - 1:
                out.append(name)
        return "".join(out)


class FastPages:
    """Builds one worker's case pages: the usual way for the first two of each shape."""

    def __init__(self, search_index: Any, build_usual: Callable[[Page], None]) -> None:
        self.search = search_index
        self.build_usual = build_usual
        self.shells: dict[Key, Shell | None] = {}  # None: this shape goes the usual way
        self.seen: dict[Key, int] = {}
        self.usual = 0  # pages built by MkDocs
        self.filled = 0  # pages filled into a shell

    def build(self, page: Page, files: Files) -> None:
        """Write the page and add its search entries (to the search plugin's index)."""
        assert page.markdown is not None
        converted = convert(page.markdown)
        name = page.file.name
        # Front matter (page.meta) can reach the theme and the index in any way: not a shape.
        if converted is None or page.meta or not plain_name(name) or name not in page.file.src_uri:
            return self._usual(page)
        key = self._key(page, converted, name)
        seen = self.seen.get(key, 0)
        self.seen[key] = seen + 1
        shell = self.shells.get(key)
        if seen == 0:  # the first of its shape: built the usual way, and cut into a shell
            output, entries = self._usual_output(page)
            content = page.content or ""
            same = self._same_page(page, converted, entries)
            self.shells[key] = Shell.cut(output, content, name) if same else None
            return None
        if shell is None:
            return self._usual(page)
        if seen == 1:  # the second: built both ways, and the shell kept only if they agree
            before = len(self.search.entries)
            fast_output = shell.fill(self._fill(page, converted), name)
            fast_entries = self.search.entries[before:]
            del self.search.entries[before:]
            output, entries = self._usual_output(page)
            if fast_output != output or fast_entries != entries:
                log.info("putright: case pages like %s are built the usual way", page.file.src_uri)
                self.shells[key] = None
            return None
        content = self._fill(page, converted)
        output = shell.fill(content, name)
        self.filled += 1
        utils.write_file(
            output.encode("utf-8", errors="xmlcharrefreplace"), page.file.abs_dest_path
        )
        return None

    def _key(self, page: Page, converted: Converted, name: str) -> Key:
        folder = page.file.src_uri.rpartition("/")[0]
        tokens = converted.toc_tokens
        h1 = tokens[0] if len(tokens) == 1 and tokens[0]["level"] == 1 else None
        rest = tokens[0]["children"] if h1 else tokens
        shape = repr([(t["level"], t["id"], t["name"], t["children"]) for t in rest])
        title = (converted.title or "").replace(name, "\0")
        ident = h1["id"].replace(name.lower(), "\0") if h1 else ""
        # The theme writes a <h1> of its own when the content has none (partials/content.html).
        return (folder, shape, title, ident, "<h1" in converted.html)

    def _fill(self, page: Page, converted: Converted) -> str:
        """Set the page as Page.render would, index it as the search plugin would: its content."""
        set_rendered(page, converted)
        page.content = searchable(converted.html)
        self.search.add_entry_from_context(page)
        page.content = _SEARCH_ATTRS.sub("", converted.html)
        return page.content

    def _same_page(self, page: Page, converted: Converted, entries: Entries) -> bool:
        """Whether what lite_markdown and the shortened index give equals the usual build's."""
        toc, title, anchors, content = (
            page.toc,
            page.title,
            page.present_anchor_ids,
            page.content,
        )
        before = len(self.search.entries)
        self._fill(page, converted)
        mine = self.search.entries[before:]
        del self.search.entries[before:]
        same = (
            page.content == content
            and page.title == title
            and page.present_anchor_ids == anchors
            and _toc_shape(page.toc) == _toc_shape(toc)
            and mine == entries
        )
        page.toc, page.content, page.present_anchor_ids = toc, content, anchors
        if not same:
            log.info("putright: case pages like %s are built the usual way", page.file.src_uri)
        return same

    def _usual(self, page: Page) -> None:
        self.usual += 1
        self.build_usual(page)

    def _usual_output(self, page: Page) -> tuple[str, Entries]:
        before = len(self.search.entries)
        self._usual(page)
        with open(page.file.abs_dest_path, encoding="utf-8") as handle:
            output = handle.read()
        return output, self.search.entries[before:]
