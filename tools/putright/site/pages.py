"""A generated page: a path under the docs dir and its content."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Page:
    """One generated file.

    ``path`` is relative to the docs dir with "/" separators ("cases/2026/2026-0042.md",
    "assets/charts/volumes.svg"); ``content`` is text for Markdown, bytes for binary data.
    ``in_nav`` False keeps a page out of the navigation (it is still built and searchable):
    MkDocs renders the whole navigation into every page, so thousands of entries in it
    would make a build quadratic.
    """

    path: str
    content: str | bytes
    in_nav: bool = True
