"""The one way Putright opens the Git repository that holds a case repository, and the one way
it commits to a repository it has just made.

A case repository may be a folder inside a larger Git repository, so the search goes up
through the parent folders. Whether a missing repository is an error is the caller's to say:
the audit, the bundle and ``--commit`` cannot work without one (``open_repo``), while the ids
in use or a revised year simply have no history to read (``find_repo`` gives None).
Committing an officer's edit to a working repository is ``editing.commit.commit_files``
(``git commit --only``, which leaves their other staged work alone).
"""

from __future__ import annotations

import datetime as dt

import git

from .errors import GitError


def find_repo(root: str) -> git.Repo | None:
    """The Git repository holding ``root``, or None when it is in none."""
    try:
        return git.Repo(root, search_parent_directories=True)
    except (git.InvalidGitRepositoryError, git.NoSuchPathError):
        return None
    except git.GitCommandNotFound as exc:  # pragma: no cover - depends on the machine
        raise GitError(f"git is not installed or not on PATH: {exc}") from None


def open_repo(root: str, missing: str) -> git.Repo:
    """The Git repository holding ``root``; GitError(``missing``) when it is in none."""
    repo = find_repo(root)
    if repo is None:
        raise GitError(missing)
    return repo


def commit_staged(
    repo: git.Repo, message: str, actor: git.Actor, when: dt.datetime | None = None
) -> git.Commit:
    """Commit what is staged, by ``actor`` as author and committer, dated ``when`` (an aware
    datetime; now when None)."""
    if when is None:
        return repo.index.commit(message, author=actor, committer=actor)
    return repo.index.commit(
        message, author=actor, committer=actor, author_date=when, commit_date=when
    )
