"""Generate, then build: every page written into a staging docs folder for a builder.

Pure: no mkdocs, no click. ``generate`` is the one place that picks the staff or the public
generator (the MkDocs plugin calls it too); ``stage`` lays the pages over a copy of the
site's own docs folder (hand-written guides), a generated page winning over a file there.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..cache import open_cache
from ..check import no_cycle_collection, reading_cache
from ..repository import Repository
from .pages import Page
from .templating import make_env


def generate(
    root: str,
    public: bool,
    today: dt.date,
    *,
    use_cache: bool = True,
    directory_urls: bool = False,
) -> list[Page]:
    """Every generated page of the staff dashboard, or of the public report.

    The cases are read through check's cache (``putright.cache``) unless ``use_cache`` is
    False: a build right after ``complaints check`` reads no unchanged file again.
    ``directory_urls``: the site's ``use_directory_urls``, which the few links written as
    HTML (a case page's letters) need, as no builder rewrites them.
    """
    # The cache first: it keeps what opening the repository would work out again (the bank
    # holidays, and that complaints.yml and the procedures are valid).
    cache = open_cache(root) if use_cache else None
    repo = Repository.open(root)
    env = make_env(root)
    with reading_cache(cache), no_cycle_collection():
        if public:
            from .public import build_public

            pages = build_public(repo, today, env)
        else:
            from .internal import build_internal

            pages = build_internal(repo, today, env, directory_urls=directory_urls)
    if cache is not None:
        cache.save()
    return pages


@dataclass(frozen=True)
class Staged:
    """A staged docs folder: where it is, its pages, and those kept out of the navigation.

    ``held``: pages not written but handed to the builder in memory (MkDocs takes the case
    pages so: writing 10,000 small files and reading them back cost seconds).
    """

    docs_dir: str
    pages: int
    not_in_nav: frozenset[str]
    held: tuple[Page, ...] = ()


def stage(
    pages: Iterable[Page],
    docs_src: str | None,
    dest: str,
    *,
    hold: Callable[[Page], bool] | None = None,
) -> Staged:
    """Write ``docs_src`` (if any) and then every page into ``dest`` (a new folder), but
    those ``hold`` picks, which are kept in memory."""
    if docs_src and os.path.isdir(docs_src):
        shutil.copytree(docs_src, dest, ignore=shutil.ignore_patterns(".*"))
    else:
        os.makedirs(dest)
    made: set[str] = set()
    out_of_nav: set[str] = set()
    held: list[Page] = []
    count = 0
    for page in pages:
        count += 1
        if not page.in_nav:
            out_of_nav.add(page.path)
        if hold is not None and hold(page):
            held.append(page)
            continue
        path = os.path.join(dest, *page.path.split("/"))
        parent = os.path.dirname(path)
        if parent not in made:
            os.makedirs(parent, exist_ok=True)
            made.add(parent)
        if isinstance(page.content, bytes):
            with open(path, "wb") as handle:
                handle.write(page.content)
        else:
            with open(path, "w", encoding="utf-8", newline="\n") as handle:
                handle.write(page.content)
    return Staged(dest, count, frozenset(out_of_nav), tuple(held))


def case_page(page: Page) -> bool:
    """A generated Markdown page out of the navigation: a case page (``stage``'s ``hold``).
    (A letter copied in is bytes, whatever its name.)"""
    return not page.in_nav and page.path.endswith(".md") and isinstance(page.content, str)


def nav_patterns(staged: Staged) -> list[str]:
    """``not_in_nav`` patterns (gitignore style) naming the pages kept out of the navigation.

    One pattern per folder where they are every Markdown page but the index (the case
    folders), so a builder matches a few patterns, not one per case.
    """
    by_folder: dict[str, set[str]] = defaultdict(set)
    for rel in staged.not_in_nav:
        folder, _, name = rel.rpartition("/")
        by_folder[folder].add(name)
    patterns: list[str] = []
    for folder in sorted(by_folder):
        names = by_folder[folder]
        here = os.path.join(staged.docs_dir, *folder.split("/")) if folder else staged.docs_dir
        pages = {n for n in os.listdir(here) if n.endswith(".md")}
        prefix = f"/{folder}/" if folder else "/"
        if names == pages - {"index.md"} and len(names) > 1:
            patterns.append(f"{prefix}*.md")
            if "index.md" in pages:
                patterns.append(f"!{prefix}index.md")
        else:
            patterns.extend(f"{prefix}{n}" for n in sorted(names))
    return patterns
