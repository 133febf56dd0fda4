"""Shared fixtures: real case repositories in temporary folders, and the CLI run in-process."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

ROOT = Path(__file__).resolve().parent.parent
POLICIES = ROOT / "policies"

# Tests that run `complaints` (or pre-commit's hooks) as a program must get this installation's
# console script, as in an activated virtual environment, whoever started pytest and however.
os.environ["PATH"] = str(Path(sys.executable).parent) + os.pathsep + os.environ.get("PATH", "")


def write_repo(
    root: Path,
    cases: dict[str, str | bytes] | None = None,
    settings: str = "organisation: Test Housing Trust\nhomes: 1000\n",
    policies: tuple[str, ...] = ("hoc-2024",),
) -> Path:
    """A case repository: complaints.yml, the named policies, and cases at their paths."""
    (root / "cases").mkdir(parents=True, exist_ok=True)
    (root / "policies").mkdir(exist_ok=True)
    (root / "complaints.yml").write_text(settings, encoding="utf-8")
    for policy in policies:
        shutil.copy(POLICIES / f"{policy}.yaml", root / "policies" / f"{policy}.yaml")
    for rel, content in (cases or {}).items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return root


@pytest.fixture
def make_repo(tmp_path: Path) -> Callable[..., Path]:
    def make(cases: dict[str, str | bytes] | None = None, **kwargs: object) -> Path:
        return write_repo(tmp_path / "repo", cases, **kwargs)  # type: ignore[arg-type]

    return make


@dataclass
class Ran:
    code: int
    out: str
    err: str


def complaints(root: Path, *args: str, input: str | None = None) -> Ran:
    """`complaints --repo ROOT ARGS` in-process; errors become messages as in the script."""
    from putright.cli import cli

    result = CliRunner().invoke(cli, ["--repo", str(root), *args], input=input)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return Ran(result.exit_code, result.stdout, result.stderr)


@pytest.fixture
def run() -> Callable[..., Result]:
    """Run `complaints ARGS` in-process, as the console script does."""
    from putright.cli import cli

    def invoke(*args: str, input: str | None = None) -> Result:
        return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)

    return invoke


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
