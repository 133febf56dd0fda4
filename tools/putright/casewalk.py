"""Walking cases/ so that nothing is skipped in silence and nothing outside is read.

``os.walk`` ignores a folder it cannot list, so an unreadable ``cases/2026`` used to make the
repository look smaller (fewer cases, fewer overdue deadlines, smaller public figures) while
`check` said "all valid". Here a folder that cannot be listed, a case file that cannot be
opened, and a link (to a file or a folder) that leads out of the repository are each an
``UnreadableError`` naming the path: the command stops with exit 2 instead of reading on.

A link that stays inside the repository is followed like the file it points at; one that
leaves it is refused before it is opened, so a link to another folder's file (or to
/dev/zero) is never read, echoed in a message, or copied in by an edit.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Iterator
from typing import BinaryIO

from .errors import UnreadableError

CASES_DIR = "cases"
CASE_SUFFIXES = (".yaml", ".yml")


def _rel(root: str, path: str) -> str:
    return os.path.relpath(path, root).replace(os.sep, "/")


@functools.lru_cache(maxsize=64)
def _real_root(root: str) -> str:  # root: absolute (a relative one moves with the cwd)
    """The repository's real path, found once per process: checking every case file resolved
    it again and again (half of what refusing links cost a 10,000-case check). What is refused
    is a link *inside* the repository leading out of it; the root is where the user pointed."""
    return os.path.realpath(root)


def _inside(root_real: str, path: str) -> bool:
    real = os.path.realpath(path)
    return real == root_real or real.startswith(root_real.rstrip(os.sep) + os.sep)


def check_link(root: str, path: str) -> None:
    """UnreadableError if ``path`` is (or passes through) a link that leaves ``root``."""
    if not _inside(_real_root(os.path.abspath(root)), path):
        raise UnreadableError(
            f"is a link to {os.path.realpath(path)}, outside the repository: a case file must "
            "be a file in cases/ (copy it in, or remove the link); nothing was read",
            file=_rel(root, path),
        )


def _refuse_unlistable(root: str) -> object:
    def onerror(exc: OSError) -> None:
        where = exc.filename if isinstance(exc.filename, str) else os.path.join(root, CASES_DIR)
        raise UnreadableError(
            f"cannot read this folder ({exc.strerror or exc}): its cases would be left out of "
            "every count; give the account running the command permission to read it",
            file=_rel(root, where) + "/",
        )

    return onerror


def case_paths(root: str) -> Iterator[tuple[str, str]]:
    """(path, path relative to root with / separators) of every case file, in a stable order.

    Hidden folders and files are skipped (an editor's swap files, the editing lock).
    """
    base = os.path.join(root, CASES_DIR)
    if not os.path.lexists(base):
        return
    check_link(root, base)
    root_real = os.path.realpath(root)
    # Every path below is os.path.join(root, ...): its relative path is a slice (relpath, which
    # normalises both paths each time, was a tenth of a cached check).
    prefix = len(os.path.join(root, ""))
    for folder, dirs, files in os.walk(base, onerror=_refuse_unlistable(root)):  # type: ignore[arg-type]
        kept = []
        for name in sorted(dirs):
            if name.startswith("."):
                continue
            path = os.path.join(folder, name)
            if os.path.islink(path):
                check_link(root, path)
            kept.append(name)
        dirs[:] = kept
        for name in sorted(files):
            if name.endswith(CASE_SUFFIXES) and not name.startswith("."):
                path = os.path.join(folder, name)
                if os.path.islink(path) and not _inside(root_real, path):
                    check_link(root, path)
                yield path, path[prefix:].replace(os.sep, "/")


def check_case_path(root: str, path: str, *, walked: bool = False) -> None:
    """UnreadableError for a link out of the repository or anything but a regular file (a
    device, a pipe): checked before anything, the check cache included, looks at the file.

    ``walked``: the path is one ``case_paths`` has just given, which checked every link on
    the way (resolving each file's real path again cost a tenth of a cached check)."""
    if not walked:
        check_link(root, path)
    if not os.path.isfile(path):
        raise UnreadableError(
            "is not a regular file (a device, a pipe or a folder): nothing was read",
            file=_rel(root, path),
        )


def read_at_most(handle: BinaryIO, limit: int) -> bytes:
    """What ``handle.read(limit + 1)`` gives (the caller refuses more than ``limit``), without
    asking for a buffer of ``limit`` + 1 bytes first: that was a megabyte for every case file
    of a few kilobytes, a third of a second over 10,000 of them. The file's size bounds the
    first read; a file that grew since is read on, to the same limit."""
    size = os.fstat(handle.fileno()).st_size
    data = handle.read(min(size, limit) + 1)
    if size < len(data) <= limit:
        data += handle.read(limit + 1 - len(data))
    return data


def read_case_bytes(root: str, path: str, limit: int, *, walked: bool = False) -> bytes:
    """At most ``limit`` + 1 bytes of a case file (the caller refuses a longer one), refusing a
    link out of the repository and anything that is not a regular file (a device, a pipe)."""
    check_case_path(root, path, walked=walked)
    try:
        with open(path, "rb") as handle:
            return read_at_most(handle, limit)
    except OSError as exc:
        raise UnreadableError(
            f"cannot read this file ({exc.strerror or exc}): give the account running the "
            "command permission to read it",
            file=_rel(root, path),
        ) from None
