"""Writing a file so that a reader, a crash or a full disk never sees half of it.

The new content goes to a temporary file in the same folder (so the final rename stays on one
filesystem), is flushed to disk, and then replaces the old file in one ``os.replace``. A write
the disk refuses (full, over quota) removes the temporary file and is a ``StorageError`` (exit 2
with a message), the case file untouched. The
file keeps its permissions; a new file gets the ones the umask gives any new file.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile

from ..errors import EditRefused, StorageError


def _umask_mode() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def _fsync_dir(folder: str) -> None:
    # The rename itself is durable only once the folder is synced (POSIX; a no-op elsewhere).
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _refused(exc: OSError, label: str) -> StorageError:
    """A write the disk refused (full, over quota, read-only, too large) as a message."""
    return StorageError(
        f"the disk refused the write ({exc.strerror or exc}); nothing was changed: free some "
        "space (or ask IT) and run the command again",
        file=label,
    )


def _write_temp(path: str, data: bytes, mode: int, label: str | None = None) -> str:
    folder = os.path.dirname(os.path.abspath(path))
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{os.path.basename(path)}.", suffix=".tmp")
    except OSError as exc:
        raise _refused(exc, label or path) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise _refused(exc, label or path) from None
        raise
    return tmp


def replace_file(
    path: str, data: bytes, *, expected: bytes | None = None, label: str | None = None
) -> None:
    """Replace ``path`` with ``data``; refuse if it no longer holds ``expected``.

    ``expected`` is what the file held when the edit was worked out: if someone (or something)
    changed the file since, writing would lose their change.
    """
    st = os.stat(path)
    tmp = _write_temp(path, data, stat.S_IMODE(st.st_mode), label)
    try:
        if expected is not None:
            with open(path, "rb") as handle:
                if handle.read() != expected:
                    raise EditRefused(
                        "the file changed while it was being edited; nothing was written: "
                        "run the command again",
                        file=label or path,
                    )
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    _fsync_dir(os.path.dirname(os.path.abspath(path)))


def create_file(path: str, data: bytes, *, label: str | None = None) -> None:
    """Write a new file at ``path``; refuse if one is already there (never overwrite a case)."""
    tmp = _write_temp(path, data, _umask_mode(), label)
    try:
        try:
            # A hard link fails if the name is taken: no window in which another writer's file
            # could be replaced, as there is between an exists() test and a rename.
            os.link(tmp, path)
        except FileExistsError:
            raise EditRefused(
                "a file with this name already exists; nothing was written", file=label or path
            ) from None
        except OSError:  # a filesystem without hard links
            if os.path.exists(path):
                raise EditRefused(
                    "a file with this name already exists; nothing was written", file=label or path
                ) from None
            os.replace(tmp, path)
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
    _fsync_dir(os.path.dirname(os.path.abspath(path)))


def write_file(path: str, data: bytes) -> None:
    """Create ``path`` or replace it whole (for generated files, where no edit can be lost)."""
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    if os.path.exists(path):
        replace_file(path, data)
    else:
        create_file(path, data)
