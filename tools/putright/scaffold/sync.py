"""Keeping a repository's copies of package files (schemas, workflows) identical to the package's.

Used by `complaints schemas` and `complaints ci workflows`, in Putright's own repository and in
a trust's after an upgrade: without --write they only report, so CI can fail on a stale copy.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from typing import Literal

State = Literal["same", "differs", "missing"]


@dataclass(frozen=True, slots=True)
class Copy:
    path: str  # relative to the repository root, "/" separators
    state: State


def compare(root: str, files: dict[str, bytes]) -> list[Copy]:
    """How each of ``files`` (path -> the package's content) stands in the repository at ``root``."""
    found = []
    for rel, content in sorted(files.items()):
        path = os.path.join(root, *rel.split("/"))
        if not os.path.isfile(path):
            found.append(Copy(rel, "missing"))
            continue
        with open(path, "rb") as handle:
            found.append(Copy(rel, "same" if handle.read() == content else "differs"))
    return found


def refresh(root: str, files: dict[str, bytes]) -> list[Copy]:
    """Write every copy that is missing or differs; the states as they were before writing."""
    states = compare(root, files)
    for copy in states:
        if copy.state != "same":
            path = os.path.join(root, *copy.path.split("/"))
            os.makedirs(os.path.dirname(path), exist_ok=True)
            _replace(path, files[copy.path])
    return states


def _replace(path: str, content: bytes) -> None:
    # Through a temporary file and one rename, so an editor or a running check never reads
    # half a schema.
    handle, temp = tempfile.mkstemp(
        prefix=f".{os.path.basename(path)}.", suffix=".tmp", dir=os.path.dirname(path)
    )
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(content)
        os.chmod(temp, 0o644)
        os.replace(temp, path)
    except BaseException:
        if os.path.exists(temp):
            os.unlink(temp)
        raise
