"""Shared fixtures: real case repositories in temporary folders, and the CLI run in-process
(built on ``helpers``, which test modules import directly)."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import Result

import helpers
from helpers import write_repo

# Tests that run `complaints` (or pre-commit's hooks) as a program must get this installation's
# console script, as in an activated virtual environment, whoever started pytest and however.
os.environ["PATH"] = str(Path(sys.executable).parent) + os.pathsep + os.environ.get("PATH", "")


@pytest.fixture
def make_repo(tmp_path: Path) -> Callable[..., Path]:
    def make(cases: dict[str, str | bytes] | None = None, **kwargs: object) -> Path:
        return write_repo(tmp_path / "repo", cases, **kwargs)  # type: ignore[arg-type]

    return make


@pytest.fixture
def run() -> Callable[..., Result]:
    """Run `complaints ARGS` in-process, as the console script does (``helpers.run``)."""
    return helpers.run


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    """Debian's Chromium, driven by Playwright (tests/browser/browser_support has the flags)."""
    from playwright.sync_api import sync_playwright

    sys.path.insert(0, str(Path(__file__).resolve().parent / "browser"))
    from browser_support import ARGS, CHROMIUM

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            yield chromium
        finally:
            chromium.close()
