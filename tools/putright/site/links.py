"""Paths between generated pages, and file names made from free text (officer names)."""

from __future__ import annotations

import posixpath
import re
from urllib.parse import quote

_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def relative(from_page: str, to_path: str) -> str:
    """A link from one page to another file, both relative to the docs dir.

    MkDocs resolves Markdown links relative to the source file and checks them in strict
    mode, so links are to ``.md`` sources, never to built URLs.
    """
    return posixpath.relpath(to_path, posixpath.dirname(from_page) or ".")


def served(path: str, directory_urls: bool) -> str:
    """Where the site serves a file (relative to its root): a page as MkDocs does."""
    if not path.endswith(".md"):
        return path
    stem = path.removesuffix(".md")
    if not directory_urls:
        return f"{stem}.html"
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return f"{stem}/"


def href(from_page: str, to_path: str, directory_urls: bool) -> str:
    """A link written as HTML from one page to a page or file: the relative URL MkDocs would
    write for a Markdown link (no builder rewrites an HTML one)."""
    here, there = served(from_page, directory_urls), served(to_path, directory_urls)
    folder = here if here.endswith("/") or not here else posixpath.dirname(here)
    rel = posixpath.relpath(there or ".", folder or ".")
    if there.endswith("/") or not there:
        rel = "./" if rel == "." else f"{rel}/"
    return quote(rel)


def slug(text: str, taken: set[str]) -> str:
    """A file-name-safe, unique (within ``taken``, which it updates) name for ``text``."""
    base = _NOT_SLUG.sub("-", text.lower()).strip("-")[:40].strip("-") or "officer"
    name, n = base, 2
    while name in taken:
        name, n = f"{base}-{n}", n + 1
    taken.add(name)
    return name
