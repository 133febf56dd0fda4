"""Where a trust's repository installs Putright from: the line `init` writes in requirements.txt.

* Nothing given: ``putright==X.Y.Z`` from the package index (with each release's lock file of
  hashes, docs/setup/install.md).
* ``git+https://host/owner/putright@<commit>``: a Git tag pinned by its 40-character commit,
  so the code installed cannot change under the same name (a tag can be moved; a commit cannot).
* A wheel: an https URL (``#sha256=...`` recommended, so pip checks it), or a path to a ``.whl``
  file on this computer, which is copied into the repository's wheels/ folder so that the
  workflows on GitHub can install it too.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass

from .options import ScaffoldError

WHEELS_DIR = "wheels"
_GIT = re.compile(r"^git\+(https://[^\s@#]+)@([^\s@#]+)$")
_COMMIT = re.compile(r"^[0-9a-f]{40}$")
_WHEEL_NAME = re.compile(r"^putright-[^/\\\s]+\.whl$")
_URL = re.compile(r"^https://[^\s]+$")


@dataclass(frozen=True, slots=True)
class Source:
    requirement: str  # the line in requirements.txt
    wheel: tuple[str, bytes] | None = None  # (path in the repository, content) to copy in


def putright_source(value: str | None, version: str) -> Source:
    """The requirement for ``--putright-source`` ``value``; ScaffoldError saying what to give."""
    if value is None or not value.strip():
        return Source(f"putright=={version}")
    text = value.strip()
    if git := _GIT.match(text):
        url, ref = git.groups()
        if not _COMMIT.match(ref):
            raise ScaffoldError(
                f"--putright-source: {ref!r} is not a commit: pin the tag by its commit, "
                f"which `git ls-remote {url} refs/tags/{ref}` shows (40 characters, 0-9 a-f), "
                f"and give git+{url}@<commit>"
            )
        return Source(f"putright @ git+{url}@{ref}")
    if _URL.match(text):
        name = text.split("#", 1)[0].rsplit("/", 1)[-1]
        if not _WHEEL_NAME.match(name):
            raise ScaffoldError(
                f"--putright-source: {text!r} does not name a Putright wheel (putright-X.Y.Z-...whl)"
            )
        return Source(f"putright @ {text}")
    if text.endswith(".whl"):
        name = os.path.basename(text)
        if not _WHEEL_NAME.match(name):
            raise ScaffoldError(f"--putright-source: {name!r} is not a Putright wheel's name")
        try:
            with open(text, "rb") as handle:
                content = handle.read()
        except OSError as exc:
            raise ScaffoldError(f"--putright-source: cannot read {text}: {exc.strerror}") from None
        rel = f"{WHEELS_DIR}/{name}"
        return Source(f"./{rel}", (rel, content))
    raise ScaffoldError(
        f"--putright-source: {text!r} is neither git+https://...@<commit> nor a .whl path or "
        "https URL (docs/setup/install.md says which to use when)"
    )
