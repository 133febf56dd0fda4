"""The numbers of the cases a branch adds, checked against every other branch before it merges.

The form editor served by ``complaints cms serve`` is given each new case's number, counted as
``complaints new`` counts it (``ids.next_id``). The editor published beside the public site and
signed in on GitHub cannot count: the officer types the number, and two officers can type the
same one while both cases wait on their branches. This is the pull request's check for that
(``complaints cms numbers``, run by check.yml on every pull request):

- a case the branch adds keeps its number unless the base branch has it (now or in its history:
  a deleted case keeps its number), or another branch added it first (the earlier commit wins;
  on a tie, the branch whose name sorts first), so of two clashing branches exactly one moves;
- with ``write``, each case that must move gets the next free number (``renumber``: the file,
  its ``id:`` line and its letters, nothing else), committed on the branch, before it can merge.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass

import git

from ..errors import GitError
from ..gitrepo import open_repo
from .casefiles import CASES_DIR, id_of
from .commit import commit_files
from .ids import cases_in_git
from .renumber import Renumbered, renumber


@dataclass(frozen=True, slots=True)
class Clash:
    case_id: str
    rel: str  # the file this branch adds, from the case repository's root
    holder: str  # where the number is held first: the base, or another branch


def _case_names(text: str, spec: str) -> dict[str, str]:
    """Case id -> path in Git, for the case files under ``spec`` among Git's list of paths."""
    return {
        id_of(name): name
        for name in text.splitlines()
        if name.startswith(f"{spec}/") and name.endswith((".yaml", ".yml"))
    }


def _added_at(repo: git.Repo, ref: str, path: str) -> int:
    """When ``path`` was first added on ``ref`` (commit time, seconds)."""
    times = repo.git.log(ref, "--diff-filter=A", "--format=%ct", "--", path).split()
    return int(times[-1]) if times else 0


def clashes(root: str, base: str) -> list[Clash]:
    """The cases added on HEAD since ``base`` whose number is held first elsewhere."""
    repo = open_repo(root, f"{os.path.abspath(root)} is not in a Git repository")
    try:
        spec = cases_in_git(repo, root)
        top = spec[: -len(CASES_DIR)]  # "" or "sub/": Git's paths less this are the case root's
        head = repo.head.commit.hexsha
        fork = repo.git.merge_base(base, "HEAD").strip()
        added = _case_names(
            repo.git.diff(
                "--name-only", "--no-renames", "--diff-filter=A", f"{fork}..HEAD", "--", spec
            ),
            spec,
        )
        if not added:
            return []
        on_base = _case_names(repo.git.ls_tree("-r", "--name-only", base, "--", spec), spec)
        on_base.update(
            _case_names(
                repo.git.log(base, "--diff-filter=A", "--name-only", "--format=", "--", spec), spec
            )
        )
        mine_name = "HEAD" if repo.head.is_detached else repo.head.ref.name
        # This branch under its other names: the remote's copy of it.
        own = {mine_name, *(f"{remote.name}/{mine_name}" for remote in repo.remotes)}
        others = [
            (sha, name)
            for sha, _, name in (
                line.partition(" ")
                for line in repo.git.for_each_ref(
                    "--format=%(objectname) %(refname:short)", "refs/heads", "refs/remotes"
                ).splitlines()
            )
            if sha != head and name not in own and name != base and not name.endswith("/HEAD")
        ]
        listed: dict[str, dict[str, str]] = {}  # each other branch's cases, read once
        found: list[Clash] = []
        for case_id, path in sorted(added.items()):
            rel = path[len(top) :]
            if case_id in on_base:
                found.append(Clash(case_id, rel, base))
                continue
            mine = (_added_at(repo, "HEAD", path), mine_name)
            for sha, name in others:
                if sha not in listed:
                    listing = repo.git.ls_tree("-r", "--name-only", sha, "--", spec)
                    listed[sha] = _case_names(listing, spec)
                theirs = listed[sha]
                if case_id not in theirs or repo.is_ancestor(repo.commit(sha), repo.head.commit):
                    continue  # not there, or a branch this one was made from: the same case
                if (_added_at(repo, sha, theirs[case_id]), name) < mine:
                    found.append(Clash(case_id, rel, name))
                    break
    except git.GitCommandError as exc:
        raise GitError(f"cannot compare case numbers with {base}: {exc.stderr.strip()}") from None
    return found


def give_numbers(root: str, found: list[Clash], today: dt.date) -> list[Renumbered]:
    """Move each clashing case to the next free number, one commit each, on this branch."""
    done = []
    for clash in found:
        moved = renumber(root, clash.case_id, today, file=clash.rel)
        commit_files(
            root,
            [moved.old.path, moved.new.path, *moved.letters],
            f"{moved.new_id}: renumbered from {clash.case_id} "
            f"(the number was taken first on {clash.holder})",
        )
        done.append(moved)
    return done
