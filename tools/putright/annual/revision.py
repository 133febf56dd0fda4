"""A complete year whose records were corrected after it was first published.

A complete year is published as of its own end, so it stays the same at every later cut-off
unless someone corrects its records (a late-logged event dated in the year, a fixed outcome).
Then the public figures change, and the page says so, with the date: the year is compared
with the same year built from the repository as it stood on the day after the year ended,
the day it was first published complete (from the Git history; no history, no comparison).
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from collections.abc import Callable

import git

from ..gitrepo import find_repo
from ..repository import Repository

# What a case repository's figures are built from; nothing else is copied out of the history.
_INPUTS = ("cases", "policies", "reports", "complaints.yml")


def revised(
    repo: Repository,
    year_end: dt.date,
    figures: Callable[[Repository], object],
    now: object,
) -> bool:
    """Do ``now``'s figures differ from ``figures`` of the repository as committed by the end of
    the day after ``year_end``? False without a Git history from before then."""
    history = find_repo(repo.root)
    if history is None:
        return False
    with history:
        if not history.head.is_valid():
            return False
        until = dt.datetime.combine(year_end + dt.timedelta(days=2), dt.time(), dt.UTC)
        shas = history.git.rev_list("-1", f"--before={until.isoformat()}", "HEAD").split()
        if not shas:
            return False
        tree = history.commit(shas[0]).tree
        prefix = os.path.relpath(repo.root, history.working_tree_dir or repo.root)
        base = tree if prefix in ("", ".") else _subtree(tree, prefix)
        if base is None:
            return False
        with tempfile.TemporaryDirectory(prefix="putright-first-publication-") as folder:
            for name in _INPUTS:
                _write(base, name, folder)
            if not os.path.isfile(os.path.join(folder, "complaints.yml")):
                return False
            then = figures(Repository.open(folder))
    return then != now


def _subtree(tree: git.Tree, prefix: str) -> git.Tree | None:
    try:
        found = tree / prefix.replace(os.sep, "/")
    except KeyError:
        return None
    return found if isinstance(found, git.Tree) else None


def _write(tree: git.Tree, name: str, folder: str) -> None:
    try:
        item = tree / name
    except KeyError:
        return
    items = item.traverse() if isinstance(item, git.Tree) else [item]
    for blob in items:
        if not isinstance(blob, git.Blob) or blob.mode == 0o120000:  # no links out of the copy
            continue
        rel = os.path.relpath(blob.path, tree.path) if tree.path else blob.path
        target = os.path.join(folder, *str(rel).split("/"))
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "wb") as out:
            blob.stream_data(out)
