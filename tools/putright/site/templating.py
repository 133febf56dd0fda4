"""The Jinja environment every generated page is rendered with.

Two escapes, always both, for any value from a case:

* HTML: Markdown passes raw HTML straight through, so a summary holding
  ``<script>`` or ``<img onerror=...>`` would run in a staff member's browser.
  Autoescape is on for *every* template, ``.md.j2`` included.
* Markdown: ``[x](javascript:...)``, ``**bold**``, ``| pipes |`` or ``# heading`` in
  a complainant's words must show as typed, not become links, tables or headings.
  The ``md`` filter (``textsafe.md_inline``) backslash-escapes Markdown, then
  HTML-escapes, and returns Markup so autoescape does not escape it a second time.

Values are data, never templates: case text is only ever passed *into* a template as
a variable, so Jinja syntax in it (``{{ 7*7 }}``, ``{% for %}``) is printed, not run.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import re
from typing import Any

import jinja2
from markupsafe import Markup, escape

from ..errors import PutrightError
from ..packagedata import data_dir
from ..textsafe import md_inline, title_safe
from .pages import Page

TEMPLATES_DIR = "site_templates"
# The package's own templates (packagedata: a wheel's copy or the checkout's folder), so
# a case repository without its own templates still builds.
_BUILTIN = str(data_dir("site_templates"))


_NUMBERED = re.compile(r"^\d+\.")


def md_filter(value: object) -> Markup:
    """A value for Markdown text, a list item or a table cell: inert as Markdown and HTML, one line."""
    if value is None:
        return Markup("")
    text = md_inline(value)
    # md_inline leaves "-" and "." alone (harmless mid-line), but at the head of a paragraph
    # or list item "- x" starts a list, "---" a rule and "1. x" a numbered list.
    if text.startswith("-"):
        text = "\\" + text
    elif numbered := _NUMBERED.match(text):
        text = text[: numbered.end() - 1] + "\\" + text[numbered.end() - 1 :]
    return Markup(text)


def heading_filter(value: object) -> Markup:
    """Text for a heading that may become a page title: ``md`` without <, >, &, quotes.

    Escaping is not enough there: MkDocs takes the first heading as the page title and the
    theme writes it into <title> through ``striptags``, which *unescapes* entities, so an
    escaped "</title><script>" would come back to life. Dropping the characters is safe.
    """
    return md_filter(title_safe("" if value is None else str(value)))


def html_line(value: object) -> Markup:
    """A value for a raw HTML block in a Markdown page: HTML-escaped, on one line.

    Markdown leaves a raw HTML block alone, so no Markdown escape is wanted there (its
    backslashes would show); but a blank line would end the block and hand the rest of
    the text to Markdown, so all whitespace is folded to single spaces.
    """
    return escape(" ".join(str("" if value is None else value).split()))


def paragraphs(value: object) -> list[str]:
    """Free text split at blank lines (each paragraph then goes through ``md``)."""
    if value is None:
        return []
    return [p for p in re.split(r"\n\s*\n", str(value)) if p.strip()]


def date_filter(value: dt.date | None, empty: str = "") -> str:
    """A date as staff read it: "Tue 3 Mar 2026"."""
    if value is None:
        return empty
    return _date_text(value)


@functools.lru_cache(maxsize=8192)
def _date_text(value: dt.date) -> str:
    # Remembered: 10,000 case pages show a few hundred thousand dates, of a few thousand days.
    return f"{value:%a} {value.day} {value:%b %Y}"


def make_env(repo_root: str) -> jinja2.Environment:
    """Templates from ``<repo>/site_templates/`` first (the landlord's), then the built-ins."""
    loader = jinja2.ChoiceLoader(
        [
            jinja2.FileSystemLoader(os.path.join(repo_root, TEMPLATES_DIR)),
            jinja2.FileSystemLoader(_BUILTIN),
        ]
    )
    env = jinja2.Environment(
        loader=loader,
        # default=True and no exclusions: .md.j2 (and any other name) is autoescaped too.
        autoescape=jinja2.select_autoescape(
            enabled_extensions=(), default_for_string=True, default=True
        ),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md"] = md_filter
    env.filters["date"] = date_filter
    env.filters["heading"] = heading_filter
    env.filters["html_line"] = html_line
    env.globals["paragraphs"] = paragraphs
    return env


class PageRenderer:
    """Renders ``<folder>/<name>.md.j2`` into a Page with the helpers every page of one site
    gets (``common``); each template is looked up once.

    A template reaching for a name it is not given (StrictUndefined), on the public site the
    report before suppression, say, fails the build with the template's file and line.
    """

    def __init__(
        self, env: jinja2.Environment, folder: str, common: dict[str, Any], *, public: bool
    ) -> None:
        self.env = env
        self.folder = folder
        self.common = common
        self.public = public
        self._templates: dict[str, jinja2.Template] = {}

    def __call__(self, template: str, path: str, /, **context: Any) -> Page:
        file = f"{self.folder}/{template}.md.j2"
        found = self._templates.get(template)
        if found is None:
            found = self._templates[template] = self.env.get_template(file)
        try:
            return Page(path, found.render(**self.common, **context))
        except jinja2.UndefinedError as exc:
            why = (
                "the public pages are not given ({}); a public template can use only the "
                "published figures"
                if self.public
                else "the staff pages are not given ({})"
            )
            raise PutrightError(
                f"the template uses something {why.format(exc.message)}: nothing was built",
                file=f"site_templates/{file}",
                line=template_line(exc),
            ) from None


def template_line(exc: BaseException) -> int | None:
    """The template's line where Jinja raised, from the rewritten traceback."""
    tb = exc.__traceback__
    line = None
    while tb is not None:
        if tb.tb_frame.f_code.co_filename.endswith(".j2"):
            line = tb.tb_lineno
        tb = tb.tb_next
    return line
