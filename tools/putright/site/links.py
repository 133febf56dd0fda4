"""Paths between generated pages, and file names made from free text (officer names)."""

from __future__ import annotations

import posixpath
import re

_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def relative(from_page: str, to_path: str) -> str:
    """A link from one page to another file, both relative to the docs dir.

    MkDocs resolves Markdown links relative to the source file and checks them in strict
    mode, so links are to ``.md`` sources, never to built URLs.
    """
    return posixpath.relpath(to_path, posixpath.dirname(from_page) or ".")


def slug(text: str, taken: set[str]) -> str:
    """A file-name-safe, unique (within ``taken``, which it updates) name for ``text``."""
    base = _NOT_SLUG.sub("-", text.lower()).strip("-")[:40].strip("-") or "officer"
    name, n = base, 2
    while name in taken:
        name, n = f"{base}-{n}", n + 1
    taken.add(name)
    return name
