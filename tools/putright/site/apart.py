"""Work done in a forked process while this one goes on: the staff site's case pages.

Generating the staff site is one process, so on a two-core machine one core idles while it
renders 10,000 case pages (about half of generating). Those need nothing the other pages
make, so a forked child renders them while the parent renders the rest; the child sends the
pages back whole (pickled through a pipe) and leaves. An error in the child (a
PutrightError from a landlord's template, say) is raised in the parent, as if raised there.
Where fork is missing, or not wanted (the staff site's case pages below ``APART_FROM``), the
work is simply done when asked. The MkDocs builder's workers (builders/parallel.py) are these.
"""

from __future__ import annotations

import os
import pickle
import traceback
from collections.abc import Callable
from typing import Generic, TypeVar

from ..errors import PutrightError

T = TypeVar("T")
# Below this many items a fork (and sending the results back) costs more than it saves.
APART_FROM = 1000


class Apart(Generic[T]):
    """``work()``, started now in a forked child (if ``fork`` and the system can)."""

    def __init__(self, work: Callable[[], T], *, fork: bool = True) -> None:
        self._work: Callable[[], T] | None = work
        self._pid = 0
        self._fd = -1
        if not fork or not hasattr(os, "fork"):
            return
        read_fd, write_fd = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: do the work, send it, leave at once
            os.close(read_fd)
            code = 0
            try:
                payload: object = ("done", work())
            except PutrightError as exc:
                payload = ("error", exc)
            except BaseException:
                payload, code = ("crash", traceback.format_exc()), 1
            try:
                with os.fdopen(write_fd, "wb") as out:
                    pickle.dump(payload, out, protocol=pickle.HIGHEST_PROTOCOL)
            finally:
                os._exit(code)  # never return into the parent's code
        os.close(write_fd)
        self._pid, self._fd, self._work = pid, read_fd, None

    def result(self) -> T:
        if self._work is not None:
            return self._work()
        with os.fdopen(self._fd, "rb") as stream:
            try:
                kind, value = pickle.load(stream)
            except EOFError:
                kind, value = "crash", "it stopped without a result"
        os.waitpid(self._pid, 0)
        if kind == "error":
            raise value
        if kind == "crash":
            raise PutrightError(f"rendering the case pages failed:\n{value}")
        return value  # type: ignore[no-any-return]
