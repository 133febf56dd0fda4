"""Allocating the next case id, ``YYYY-NNNN``, by the year the complaint was received.

An id is never used twice, so the next number is one more than the highest ever seen for the
year, looking in three places:

- the working tree (cases/**), committed or not;
- every branch head, local and remote, and every tag: a colleague's case on a branch that has
  not been merged yet already owns its number;
- the history of all of those: a case deleted since (opened by mistake, say) keeps its number.

There is no "last id" file in the repository: it would make every two branches that each open
a case conflict on it, even when their ids differ, and an officer using the web editor would not
know to update it. Git already holds every id ever committed; what it cannot know is a case on
a colleague's computer that has not been pushed. Two such cases can get the same id: the clash
shows up as a conflict on the same file name when the second branch is merged (or, for files in
different folders, as `complaints check` reporting the id in two files) and is fixed with
``complaints renumber`` (docs/guide/editing.md).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable

import git

from ..errors import GitError
from ..gitrepo import find_repo
from .casefiles import CASES_DIR, case_files, id_of

_YEAR_ID = re.compile(r"^([0-9]{4})-([0-9]{4,9})$")


def format_id(year: int, number: int) -> str:
    return f"{year:04d}-{number:04d}"


def numbers_for(year: int, ids: Iterable[str]) -> set[int]:
    """The numbers of the ``YEAR-NNNN`` ids of ``year`` among ``ids`` (others are ignored)."""
    out: set[int] = set()
    for case_id in ids:
        match = _YEAR_ID.match(case_id)
        if match and int(match.group(1)) == year:
            out.add(int(match.group(2)))
    return out


def ids_in_tree(root: str) -> set[str]:
    return {id_of(f.rel) for f in case_files(root)}


def cases_in_git(repo: git.Repo, root: str) -> str:
    """Where the cases/ folder of the case repository at ``root`` is in ``repo``: ``cases``, or
    ``sub/cases`` for a case repository inside a larger Git repository."""
    work = repo.working_tree_dir
    if work is None:  # pragma: no cover - a bare repository is not a case repository
        raise GitError(f"{repo.git_dir} is a bare Git repository: it has no case files")
    prefix = os.path.relpath(os.path.abspath(root), os.path.abspath(work)).replace(os.sep, "/")
    return CASES_DIR if prefix == "." else f"{prefix}/{CASES_DIR}"


def ids_in_git(root: str) -> set[str]:
    """Every case id named by a file under cases/ in any ref or its history (empty if not Git)."""
    repo = find_repo(root)
    if repo is None:
        return set()
    try:
        spec = cases_in_git(repo, root)
        refs = [
            line
            for line in repo.git.for_each_ref(
                "--format=%(refname)", "refs/heads", "refs/remotes", "refs/tags"
            ).splitlines()
            if line and not line.endswith("/HEAD")
        ]
        names: set[str] = set()
        for ref in refs:
            # Each head as it is now, merges included.
            listing = repo.git.ls_tree("-r", "--name-only", ref, "--", spec)
            names.update(listing.splitlines())
        if refs:
            # And every file ever added on any of them, so a deleted case keeps its number.
            history = repo.git.log(
                "--branches",
                "--remotes",
                "--tags",
                "--diff-filter=A",
                "--name-only",
                "--format=",
                "--",
                spec,
            )
            names.update(history.splitlines())
    except git.GitCommandError as exc:
        raise GitError(
            f"cannot read the Git history to choose a new id: {exc.stderr.strip()}"
        ) from None
    return {
        os.path.splitext(os.path.basename(name))[0]
        for name in names
        if name.endswith((".yaml", ".yml"))
    }


def next_id(root: str, year: int) -> str:
    """One more than the highest ``year`` id in the tree, on any branch or in any history."""
    used = numbers_for(year, ids_in_tree(root) | ids_in_git(root))
    return format_id(year, max(used, default=0) + 1)


def is_used(root: str, case_id: str) -> bool:
    return case_id in ids_in_tree(root) or case_id in ids_in_git(root)
