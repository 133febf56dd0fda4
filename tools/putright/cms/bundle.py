"""The admin page as a folder to publish: admin/ plus Decap CMS and the YAML parser, no CDN.

The folder holds code and configuration only. Cases are read from GitHub after sign-in, in
the browser; nothing of a case is in it (publish.yml deploys it beside the public site when
the repository variable PUBLISH_EDITOR is true).
"""

from __future__ import annotations

import os
import shutil

from .packages import Installed
from .page import ADMIN_DIR, VENDOR


def bundle(root: str, installed: Installed, out: str) -> list[str]:
    """Copy admin/ and the vendored packages into ``out``; the files written, relative."""
    source = os.path.join(root, ADMIN_DIR)
    written = []
    os.makedirs(out, exist_ok=True)
    for name in sorted(os.listdir(source)):
        path = os.path.join(source, name)
        if os.path.isfile(path):
            shutil.copyfile(path, os.path.join(out, name))
            written.append(name)
    for name, parts in VENDOR.items():
        target = os.path.join(out, "vendor", name)
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(installed.module(*parts), target, ignore=shutil.ignore_patterns("*.map"))
        written.append(f"vendor/{name}/")
    return written
