"""Making untrusted text (a complainant's words, a file's content) inert in each output format."""

from __future__ import annotations

import html
import re

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|~$])")


def md_inline(text: object) -> str:
    """Text for a Markdown paragraph or table cell: no markup, no HTML, one line."""
    flat = " ".join(str(text).split())
    # Backslash-escape Markdown first, then HTML-escape (which leaves backslashes alone).
    return html.escape(_MD_SPECIAL.sub(r"\\\1", flat), quote=False)


def gh_data(text: str) -> str:
    """A GitHub workflow command's message (after the ::)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def gh_property(text: str) -> str:
    """A GitHub workflow command's property value (file=..., title=...)."""
    return gh_data(text).replace(":", "%3A").replace(",", "%2C")


def printable(text: object) -> str:
    """Text for a terminal: a complainant's words or a file name can hold escape sequences;
    show each non-printing character as its escape (``\\x1b``, ``\\n``), never obey it."""
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in str(text))


def printable_line(text: object) -> str:
    """``printable`` on one line: runs of white space (line breaks too) become one space."""
    return printable(" ".join(str(text).split()))


_TITLE_UNSAFE = re.compile(r"[<>&\"'`]")


def title_safe(text: str) -> str:
    """Text for a page or site title: <, >, &, quotes and backticks dropped, not escaped.

    MkDocs and the theme write a title into <title> through ``striptags``, which *unescapes*
    entities, so an escaped "</title><script>" would come back to life; dropping is safe.
    """
    return _TITLE_UNSAFE.sub("", text)
