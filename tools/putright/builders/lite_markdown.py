"""Headings and HTML blocks to HTML, as Python-Markdown would, without Python-Markdown.

A case page (``site_templates/internal/case.md.j2``) is written as ATX headings and blocks of
raw HTML, nothing else. Python-Markdown passes the HTML through untouched, but it still parses
every block to find where it ends, and 10,000 case pages spend most of a staff build's time
there. For text of exactly that shape this gives the same HTML, table of contents and anchors;
for anything else (a landlord's own template in Markdown, say) it returns None and the page is
converted by Python-Markdown as before. ``putright.builders.fastpages`` also holds it to
Python-Markdown's output on real pages of every build before trusting it.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Any

from markdown.extensions.toc import nest_toc_tokens, slugify, unique

# A heading's words: letters, digits, spaces, "." "," "-", and "_" only escaped (as the
# templates' filters write it): a bare "_" after a "-" or "." could start emphasis.
_HEADING = re.compile(r"(#{1,6}) ((?:[A-Za-z0-9 .,-]|\\[_.-])+?)( \{ data-search-exclude \})?")
_ESCAPED = re.compile(r"\\([_.-])")
_OPENING = re.compile(r"<(p|div|ul|ol)[ >]")
# What Python-Markdown's whitespace normalising and placeholders would change: not handled.
_AWKWARD = re.compile(r"[\t\r\x02\x03]")
_TAG = re.compile(r"<([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^>]*)?)>")
_ATTR = re.compile(r"([a-zA-Z_:][-a-zA-Z0-9_:.]*)=\"([^\"]*)\"")
PERMALINK = '<a class="headerlink" href="#{id}" title="Permanent link">&para;</a>'


@dataclass(frozen=True)
class Converted:
    """A page's HTML, its table of contents (Python-Markdown's tokens), title and anchors
    (the ids in it, and the names of its ``<a>``: what MkDocs checks links to anchors by)."""

    html: str
    toc_tokens: list[Any]  # Python-Markdown's toc_tokens (TypedDicts)
    title: str | None
    anchors: frozenset[str]


def _balanced(block: str, tag: str) -> bool:
    """Whether the block is one element: its first tag closes at its very end, not before."""
    if not block.endswith(f"</{tag}>"):
        return False
    opens = re.compile(rf"<{tag}[ >]|</{tag}>")
    depth = 0
    for match in opens.finditer(block):
        depth += -1 if match.group().startswith("</") else 1
        if depth == 0 and match.end() != len(block):
            return False
    return depth == 0


def _anchors(block: str) -> set[str]:
    found = set()
    for tag, attrs in _TAG.findall(block):
        for name, value in _ATTR.findall(attrs):
            if name == "id" or (name == "name" and tag == "a"):
                found.add(html.unescape(value))
    return found


def convert(text: str) -> Converted | None:
    """The HTML of headings-and-HTML text (``toc`` with ``permalink: true``), or None."""
    if _AWKWARD.search(text):
        return None
    pieces: list[str] = []
    flat: list[Any] = []
    used: set[str] = set()
    title: str | None = None
    anchors: set[str] = set()
    for raw in re.split(r"\n[ ]*\n", text):
        block = raw.strip("\n")
        if not block.strip():
            continue
        if block.startswith("#"):
            heading = _HEADING.fullmatch(block)
            if heading is None:
                return None
            hashes, words, exclude = heading.groups()
            words = _ESCAPED.sub(r"\1", words).strip()
            if not words:
                return None
            ident = unique(slugify(words, "-"), used)
            level = len(hashes)
            attrs = f'data-search-exclude id="{ident}"' if exclude else f'id="{ident}"'
            link = PERMALINK.format(id=ident)
            pieces.append(f"<h{level} {attrs}>{words}{link}</h{level}>\n")
            flat.append(
                {"level": level, "id": ident, "name": words, "html": words, "data-toc-label": ""}
            )
            if level == 1 and title is None:
                title = words
            continue
        opening = _OPENING.match(block)
        if opening is None or not _balanced(block, opening.group(1)):
            return None
        pieces.append(block + "\n\n")
        anchors |= _anchors(block)
    anchors.update(t["id"] for t in flat)
    return Converted("".join(pieces).strip(), nest_toc_tokens(flat), title, frozenset(anchors))
