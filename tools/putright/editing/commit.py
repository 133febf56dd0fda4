"""``--commit``: one commit holding exactly the edited case file, on the current branch.

``git commit --only -- PATH`` commits the working-tree content of PATH and nothing else: work
the officer has staged in other files stays staged, and out of this commit.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..errors import GitError


@dataclass(frozen=True, slots=True)
class Committed:
    sha: str
    branch: str | None  # None on a detached HEAD
    message: str


def _open(root: str) -> Any:
    from ..gitrepo import open_repo  # GitPython loads only when --commit is asked for

    return open_repo(
        root,
        f"--commit needs a Git repository, and {os.path.abspath(root)} is not in one; "
        "nothing was written (leave out --commit, or run `git init` first)",
    )


def require_git(root: str) -> None:
    """Refuse before anything is written when --commit could not be carried out."""
    repo = _open(root)
    if repo.working_tree_dir is None:  # pragma: no cover - bare repositories hold no files
        raise GitError(f"{root} is a bare Git repository: it has no files to edit")
    if os.path.exists(os.path.join(repo.git_dir, "MERGE_HEAD")):
        raise GitError(
            "a merge is in progress in this repository (finish or abort it first); "
            "nothing was written"
        )


def commit_files(root: str, paths: Sequence[str], message: str) -> Committed:
    """Commit ``paths`` (absolute, or relative to the current folder) and only them."""
    import git

    repo = _open(root)
    work = repo.working_tree_dir
    assert work is not None
    rels = [os.path.relpath(os.path.abspath(p), os.path.abspath(work)) for p in paths]
    try:
        present = [r for r in rels if os.path.exists(os.path.join(work, r))]
        if present:
            # A new file must be known to Git before --only can commit it; adding it stages
            # only this path and leaves every other staged change as it was.
            repo.git.add("--", *present)
        tracked = set(repo.git.ls_files("--", *rels).splitlines()) if rels else set()
        gone = [r for r in rels if r not in present and r.replace(os.sep, "/") in tracked]
        targets = present + gone  # a renumbered case's old name is committed as deleted
        repo.git.commit("-m", message, "--only", "--", *targets)
        sha = repo.head.commit.hexsha
    except git.GitCommandError as exc:
        detail = (exc.stderr or exc.stdout or str(exc)).strip()
        raise GitError(f"the file was saved but not committed: {detail}") from None
    branch = None if repo.head.is_detached else repo.active_branch.name
    return Committed(sha, branch, message)
