"""The staff guide, copied into a trust's docs/guide/ so it is part of their own dashboard.

The guide lives in Putright's docs/guide/ and links to Putright's other pages (the record
reference, the setup notes) that a trust's repository does not have. The dashboard is built
with MkDocs in strict mode, where a link to a missing page fails the build, so such a link is
kept as its words without the link: "the [case records reference](../reference/x.md) says"
becomes "the case records reference says". Links between guide pages, to anchors and to
web addresses are kept. Fenced code is left exactly as it is.
"""

from __future__ import annotations

import posixpath
import re

from ..packagedata import data_dir

GUIDE_DIR = "docs/guide"

_LINK = re.compile(r"(!?)\[([^\]\n]*)\]\(([^)\s]+)(\s+\"[^\"]*\")?\)")
_FENCE = re.compile(r"^\s*(```|~~~)")
_EXTERNAL = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*:|#|/)")


def _kept(target: str, pages: set[str]) -> bool:
    if _EXTERNAL.match(target):
        return True
    path = target.split("#", 1)[0]
    return posixpath.normpath(posixpath.join("guide", path)) in pages


def localise_links(text: str, pages: set[str]) -> str:
    """``text`` with every relative link that leaves ``pages`` ("guide/x.md") reduced to its words."""

    def replace(match: re.Match[str]) -> str:
        return match.group(0) if _kept(match.group(3), pages) else match.group(2)

    out = []
    fenced = False
    for line in text.splitlines(keepends=True):
        if _FENCE.match(line):
            fenced = not fenced
            out.append(line)
        else:
            out.append(line if fenced else _LINK.sub(replace, line))
    return "".join(out)


def guide_files() -> dict[str, bytes]:
    """docs/guide/<name>.md -> content, links localised (a wheel's copy of Putright's docs/guide/,
    or the checkout's own: packagedata). Empty when the package has no guide."""
    folder = data_dir("guide")
    if not folder.is_dir():
        return {}
    entries = sorted((e for e in folder.iterdir() if e.name.endswith(".md")), key=lambda e: e.name)
    pages = {f"guide/{e.name}" for e in entries}
    return {
        f"{GUIDE_DIR}/{e.name}": localise_links(e.read_text("utf-8"), pages).encode("utf-8")
        for e in entries
    }
