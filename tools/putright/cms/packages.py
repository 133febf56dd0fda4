"""The editor's pinned npm packages (Decap CMS, decap-server, yaml), installed outside the repo.

package.json and package-lock.json ship inside Putright (cms/assets/), with exact versions.
On first use they are installed with ``npm ci`` into a folder of the user's cache named by
the lock file's hash, so a Putright upgrade that changes a version installs afresh and the
case repository never holds node_modules. A file lock keeps two processes (two test workers,
two terminals) from installing into the same folder at once.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import shutil
import subprocess
from dataclasses import dataclass
from importlib import resources

from ..errors import PutrightError

MANIFESTS = ("package.json", "package-lock.json")
CACHE_ENV = "PUTRIGHT_CMS_CACHE"
DONE = ".installed"


class EditorError(PutrightError):
    """The editor cannot start: Node missing, the install failed, the repository not ready."""


@dataclass(frozen=True, slots=True)
class Installed:
    folder: str  # holds node_modules/
    fresh: bool  # installed by this call

    def module(self, *parts: str) -> str:
        return os.path.join(self.folder, "node_modules", *parts)


def _manifest(name: str) -> bytes:
    return resources.files(__package__).joinpath("assets", name).read_bytes()


def cache_root() -> str:
    if os.environ.get(CACHE_ENV):
        return os.environ[CACHE_ENV]
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "putright", "cms")


def install_folder() -> str:
    digest = hashlib.sha256(_manifest("package-lock.json")).hexdigest()[:16]
    return os.path.join(cache_root(), digest)


def require_node() -> tuple[str, str]:
    """The paths of node and npm, or EditorError saying how to get them."""
    node, npm = shutil.which("node"), shutil.which("npm")
    if node is None or npm is None:
        missing = "node" if node is None else "npm"
        raise EditorError(
            f"the form editor needs Node.js 18 or later, and `{missing}` is not on PATH: "
            "install it (Debian/Ubuntu: `sudo apt-get install nodejs npm`; others: nodejs.org) "
            "and run the command again"
        )
    return node, npm


def ensure_installed() -> Installed:
    """Install the pinned packages unless they already are; EditorError if npm fails."""
    _, npm = require_node()
    folder = install_folder()
    if os.path.isfile(os.path.join(folder, DONE)):
        return Installed(folder, fresh=False)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, ".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # another process may be installing: wait for it
        if os.path.isfile(os.path.join(folder, DONE)):
            return Installed(folder, fresh=False)
        for name in MANIFESTS:
            with open(os.path.join(folder, name), "wb") as handle:
                handle.write(_manifest(name))
        done = subprocess.run(
            [npm, "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error"],
            cwd=folder,
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode != 0:
            tail = "\n".join(done.stderr.strip().splitlines()[-5:])
            raise EditorError(f"installing the editor's npm packages in {folder} failed:\n{tail}")
        with open(os.path.join(folder, DONE), "w") as handle:
            handle.write("ok\n")
    return Installed(folder, fresh=True)
