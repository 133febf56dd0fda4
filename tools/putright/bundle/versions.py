"""Every committed version of one case file, with its commit, author and date, from Git.

``git log --follow`` follows the file through ``complaints renumber`` (a rename that changes
one line), so a renumbered case keeps its history. Dates are the author's, in UK time.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass

import git

from ..errors import GitError
from ..gitrepo import open_repo
from ..history.model import UK


@dataclass(frozen=True, slots=True)
class FileVersion:
    sha: str
    author: str
    email: str
    authored: dt.datetime  # aware, UK time
    path: str  # the file's path in that commit, relative to the Git top level
    content: bytes

    def to_json(self) -> dict[str, str]:
        return {
            "commit": self.sha,
            "author": self.author,
            "email": self.email,
            "date": self.authored.isoformat(),
            "path": self.path,
        }


_SEP = "\x1f"
_REC = "\x1e"


def case_versions(repo_root: str, rel: str) -> list[FileVersion]:
    """Oldest first; GitError when ``repo_root`` is not in a Git work tree."""
    repo = open_repo(
        repo_root,
        f"{os.path.abspath(repo_root)!r} is not in a Git repository: a bundle needs the "
        "history of the case (run it in a clone of the case repository)",
    )
    with repo:
        top = repo.working_tree_dir
        if top is None:
            raise GitError("a bare Git repository has no case files to bundle")
        path = os.path.relpath(
            os.path.realpath(os.path.join(repo_root, rel)), os.path.realpath(top)
        ).replace(os.sep, "/")
        if not repo.head.is_valid():
            return []
        try:
            raw = repo.git.log(
                "--follow",
                "--no-color",
                "--no-show-signature",
                "--name-only",
                f"--format={_REC}%H{_SEP}%an{_SEP}%ae{_SEP}%at",
                "--",
                path,
            )
        except git.GitCommandError as exc:
            raise GitError(f"cannot read the history of {rel}: {exc.stderr.strip()}") from None
        versions = []
        for record in raw.split(_REC)[1:]:
            lines = [line for line in record.splitlines() if line.strip()]
            if len(lines) < 2:
                continue
            sha, author, email, seconds = lines[0].split(_SEP)
            name = lines[-1]
            try:
                # The blob itself: `git show` through GitPython would strip a final newline.
                blob = repo.commit(sha).tree / name
            except KeyError:
                continue  # the commit deleted it: no version to keep
            content = blob.data_stream.read()
            when = dt.datetime.fromtimestamp(int(seconds), tz=UK)
            versions.append(FileVersion(sha, author, email, when, name, bytes(content)))
    versions.reverse()
    return versions
