"""One edit of a case repository at a time: read, verify and replace under a lock.

Two `complaints event` runs on the same case, each reading the file, adding its event and
replacing the file, would each write a file without the other's event: both said "Added" and
one was lost. ``replace_file``'s compare-then-rename narrows that window but cannot close it.
The lock closes it: everything from reading the file to the rename happens while holding a
lock file in the repository's root, so the second run waits for the first and then reads the
file the first wrote. ``filelock`` locks with ``fcntl`` on POSIX and ``msvcrt`` on Windows
(staff computers), and the operating system releases the lock if the process dies.

The lock file is empty and left in place after use, because removing it would let a third run
lock a different file. It lives inside ``.git/`` where there is one, so Git never sees it (in
any repository, whatever its .gitignore says), else in the root as ``.putright.lock``, which
the .gitignore that `complaints init` writes leaves out.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager

from filelock import FileLock, Timeout

from ..errors import EditRefused

LOCK_FILE = ".putright.lock"
WAIT_SECONDS = 30.0  # an edit takes well under a second; a minute's wait means something is stuck


def lock_path(root: str) -> str:
    """Where the repository's lock file is: in .git/ when the root has one (Git ignores it)."""
    git_dir = os.path.join(root, ".git")
    if os.path.isdir(git_dir):
        return os.path.join(git_dir, "putright.lock")
    return os.path.join(root, LOCK_FILE)


@contextmanager
def edit_lock(root: str, *, wait: float = WAIT_SECONDS) -> Iterator[None]:
    """Hold the repository's edit lock, waiting up to ``wait`` seconds; EditRefused if it stays
    held (nothing is written)."""
    lock = FileLock(lock_path(root), timeout=wait)
    try:
        lock.acquire()
    except Timeout:
        raise EditRefused(
            f"another edit of this repository has been under way for {wait:.0f} seconds "
            f"(it holds {LOCK_FILE}); nothing was written: wait for it to finish and run the "
            "command again",
            file=LOCK_FILE,
        ) from None
    except OSError as exc:
        raise EditRefused(
            f"cannot lock the repository for editing ({exc.strerror or exc}); nothing was written",
            file=LOCK_FILE,
        ) from None
    try:
        yield
    finally:
        lock.release()
