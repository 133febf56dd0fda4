"""Build step: put real copies of the shared folders into the package (see putright/packagedata.py).

Everything else about the package is in pyproject.toml; this file only adds to `build_py`.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
# The same mapping as putright.packagedata.SOURCES (this runs before the package is importable).
SOURCES = {"guide": "docs/guide", "policies": "policies", "site_templates": "site_templates"}


class BuildPyWithData(build_py):
    def run(self) -> None:
        super().run()
        # An editable install reads the checkout's own folders; copies would only go stale.
        if self.dry_run or getattr(self, "editable_mode", False):
            return
        target = Path(self.build_lib, "putright", "data")
        for name, source in SOURCES.items():
            # A fresh copy: a file deleted from the source must not linger from an earlier build.
            shutil.rmtree(target / name, ignore_errors=True)
            shutil.copytree(
                ROOT / source,
                target / name,
                dirs_exist_ok=True,
                ignore=shutil.ignore_patterns("__pycache__", "*.pyc", ".*"),
            )


setup(cmdclass={"build_py": BuildPyWithData})
