"""The repository's history of cases/, read in one pass.

One ``git log --raw -z`` lists every commit that touched ``cases/`` with the blobs each one
changed; one persistent ``git cat-file --batch`` process (GitPython's ``get_object_data``)
reads those blobs. A ``git log`` per file would cost a process and a walk of the whole
history per case: minutes on a long-lived repository instead of a second.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from dataclasses import dataclass
from types import TracebackType

import git

from ..errors import GitError
from ..gitrepo import open_repo
from .model import CommitRef

CASES_DIR = "cases"
_NULL_SHA = "0" * 40
_BLOB_MODES = ("100644", "100755")  # regular files; symlinks and submodules are not records


@dataclass(frozen=True, slots=True)
class Change:
    """One case file changed by a commit. ``new_blob`` is None when it was deleted."""

    path: str  # relative to the case repository, with "/" separators
    old_blob: str | None
    new_blob: str | None


@dataclass(frozen=True, slots=True)
class LogEntry:
    commit: CommitRef
    changes: tuple[Change, ...]
    merge: bool = False  # a merge's changes are against its first parent


class GitHistory:
    """Open the Git repository holding a case repository; use as a context manager."""

    def __init__(self, repo_root: str) -> None:
        self.root = os.path.abspath(repo_root)
        self._repo = open_repo(
            self.root,
            f"{self.root!r} is not in a Git repository, so there is no history to read "
            "(the audit reads the commits of cases/; run it in a clone of the case repository)",
        )
        top = self._repo.working_tree_dir
        if top is None:
            raise GitError(f"{self.root!r} is a bare Git repository; run the audit in a clone")
        # Real paths on both sides: a temporary or home folder reached through a symlink must
        # not make the case repository look outside its own work tree.
        prefix = os.path.relpath(os.path.realpath(self.root), os.path.realpath(top))
        if prefix.startswith(".."):
            raise GitError(f"{self.root!r} is not inside the work tree of {top!r}")
        self._prefix = "" if prefix == "." else prefix.replace(os.sep, "/") + "/"

    def __enter__(self) -> GitHistory:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        # Ends the persistent cat-file processes GitPython started for this repository.
        self._repo.close()

    def has_commits(self) -> bool:
        return bool(self._repo.head.is_valid())

    def entries(self, until: dt.date | None = None) -> Iterator[LogEntry]:
        """Commits that touched cases/, parents before children, each with its case changes.

        ``until``: leave out commits made (UK date) after it, so the audit sees the history
        as it stood on that day.
        """
        if not self.has_commits():
            return
        try:
            raw: bytes = self._repo.git.log(
                "--reverse",
                "--date-order",  # parents before children; otherwise by commit time
                "--full-history",  # every commit, even on a side branch a merge made redundant
                "--no-renames",  # a move is a delete and an add: the audit pairs them itself
                "--raw",
                # A merge's own changes, against the branch merged into: a case edited while
                # resolving a conflict is seen. What the merged branch brought is versions
                # already read on that branch (the auditor knows them by blob).
                "--diff-merges=first-parent",
                "--root",  # the first commit's files too, whatever log.showRoot says
                "--no-abbrev",
                "--no-color",  # color.ui=always must not put escapes into what is parsed
                "--no-show-signature",  # nor log.showSignature gpg lines
                "-z",
                "--format=%x1e%H%x1f%ct%x1f%P",
                "--",
                f"{self._prefix}{CASES_DIR}/",
                stdout_as_string=False,
            )
        except git.GitCommandError as exc:
            raise GitError(f"cannot read the history: {_stderr(exc)}") from None
        for entry in _parse_log(raw, self._prefix):
            if until is not None and entry.commit.date > until:
                continue
            yield entry

    def blob(self, sha: str) -> bytes:
        try:
            _sha, _kind, _size, data = self._repo.git.get_object_data(sha)
        except (git.GitCommandError, ValueError) as exc:
            raise GitError(f"cannot read object {sha[:7]}: {exc}") from None
        return bytes(data)


def _stderr(exc: git.GitCommandError) -> str:
    text = exc.stderr if isinstance(getattr(exc, "stderr", None), str) else str(exc)
    return " ".join(str(text).split()) or str(exc)


def _parse_log(raw: bytes, prefix: str) -> Iterator[LogEntry]:
    """Parse ``--format=%x1e%H%x1f%ct%x1f%P --raw -z`` output.

    Each commit is ``\\x1e<sha>\\x1f<epoch>\\x1f<parents>\\0`` then, after a newline, raw entries
    ``:<mode> <mode> <old> <new> <status>\\0<path>\\0``. Paths are bytes in the repository;
    surrogateescape keeps any that are not UTF-8 distinct instead of failing.
    """
    for chunk in raw.split(b"\x1e"):
        if not chunk:
            continue
        header, _, rest = chunk.partition(b"\x00")
        sha, epoch, parents = [*header.decode("ascii").split("\x1f"), ""][:3]
        commit = CommitRef.from_epoch(sha.strip(), int(epoch.strip()))
        fields = rest.lstrip(b"\n").split(b"\x00")
        changes: list[Change] = []
        for i in range(0, len(fields) - 1, 2):
            meta, path_bytes = fields[i], fields[i + 1]
            if not meta.startswith(b":"):
                continue
            parts = meta[1:].decode("ascii").split()
            if len(parts) < 5:
                continue
            old_mode, new_mode, old_sha, new_sha = parts[:4]
            path = path_bytes.decode("utf-8", "surrogateescape")
            if not path.startswith(prefix) or not path.endswith((".yaml", ".yml")):
                continue
            rel = path[len(prefix) :]
            if any(part.startswith(".") for part in rel.split("/")):
                continue  # hidden files and folders are not cases (as for `complaints check`)
            old = old_sha if old_sha != _NULL_SHA and old_mode in _BLOB_MODES else None
            new = new_sha if new_sha != _NULL_SHA and new_mode in _BLOB_MODES else None
            if old is None and new is None:
                continue
            changes.append(Change(rel, old, new))
        yield LogEntry(commit, tuple(changes), merge=len(parents.split()) > 1)
