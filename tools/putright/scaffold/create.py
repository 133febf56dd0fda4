"""Writing a new case repository: an empty folder in, a Git repository with one commit out."""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass

import git

from ..gitrepo import commit_staged
from .options import InitOptions, ScaffoldError
from .plan import PlannedFile, plan_repository

INITIAL_BRANCH = "main"
COMMIT_MESSAGE = "Start complaints repository"
# Used only when neither Git's config nor the environment names anyone: the commit must
# not fail on a fresh machine, and must not pretend to be a person.
FALLBACK_NAME = "complaints init"
FALLBACK_EMAIL = "init@putright.invalid"


@dataclass(frozen=True, slots=True)
class Created:
    root: str
    files: tuple[str, ...]
    commit: str
    author: str


def refuse_unless_empty(target: str) -> None:
    """ScaffoldError unless ``target`` is missing or an empty folder: init never overwrites."""
    if os.path.lexists(target) and not os.path.isdir(target):
        raise ScaffoldError(
            f"{target} exists and is not a folder: choose a new folder for the repository"
        )
    if os.path.isdir(target) and os.listdir(target):
        raise ScaffoldError(
            f"{target} is not empty: `complaints init` only creates a new repository in a new or empty folder "
            "(nothing was written)"
        )


def write_files(root: str, files: list[PlannedFile]) -> None:
    for planned in files:
        path = os.path.join(root, *planned.path.split("/"))
        os.makedirs(os.path.dirname(path), exist_ok=True)
        # Exclusive creation: even a file that appeared since the emptiness check is never replaced.
        with open(path, "xb") as handle:
            handle.write(planned.content)


def _actor(repo: git.Repo) -> git.Actor:
    if os.environ.get("GIT_AUTHOR_NAME"):
        return git.Actor(
            os.environ["GIT_AUTHOR_NAME"], os.environ.get("GIT_AUTHOR_EMAIL", FALLBACK_EMAIL)
        )
    reader = repo.config_reader()
    name = str(reader.get_value("user", "name", default=""))
    if name:
        return git.Actor(name, str(reader.get_value("user", "email", default=FALLBACK_EMAIL)))
    return git.Actor(FALLBACK_NAME, FALLBACK_EMAIL)


def commit_all(root: str, paths: list[str]) -> tuple[str, str]:
    """`git init` on main, add ``paths``, commit; (commit sha, author) back."""
    try:
        repo = git.Repo.init(root, initial_branch=INITIAL_BRANCH)
        repo.index.add(paths)
        actor = _actor(repo)
        commit = commit_staged(repo, COMMIT_MESSAGE, actor)
    except (git.GitError, OSError) as exc:
        raise ScaffoldError(f"could not create the Git repository in {root}: {exc}") from exc
    return commit.hexsha, f"{actor.name} <{actor.email}>"


def create_repository(target: str, options: InitOptions) -> Created:
    """Write a new case repository into ``target`` (missing or empty) and commit it.

    ``options`` must be checked already (``options.checked``). On any failure, whatever this
    call wrote is removed again, so a second attempt starts from the same empty folder.
    """
    refuse_unless_empty(target)
    files = plan_repository(options)
    existed = os.path.isdir(target)
    try:
        os.makedirs(target, exist_ok=True)
        write_files(target, files)
        sha, author = commit_all(target, [f.path for f in files])
    except BaseException:
        _undo(target, existed)
        raise
    return Created(target, tuple(f.path for f in files), sha, author)


def _undo(target: str, existed: bool) -> None:
    if not existed:
        shutil.rmtree(target, ignore_errors=True)
        return
    for name in os.listdir(target):
        path = os.path.join(target, name)
        if os.path.isdir(path) and not os.path.islink(path):
            shutil.rmtree(path, ignore_errors=True)
        else:
            os.unlink(path)
