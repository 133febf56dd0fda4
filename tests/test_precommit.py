"""pre-commit: the hook Putright offers (.pre-commit-hooks.yaml), the project's own config, and
the config `complaints init` writes, which is run here for real (local hooks need no network)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import git
import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
MANIFEST = ROOT / ".pre-commit-hooks.yaml"
CONFIG = ROOT / ".pre-commit-config.yaml"
TRUST_CONFIG = ROOT / "tools" / "putright" / "scaffold" / "templates" / "pre-commit-config.yaml"


def pre_commit(*args: str, cwd: Path, home: Path) -> subprocess.CompletedProcess[str]:
    # Its own cache folder: never the user's ~/.cache/pre-commit, and safe with pytest -n.
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "PRE_COMMIT_COLOR": "never"}
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_the_manifest_is_valid(tmp_path: Path) -> None:
    done = pre_commit("validate-manifest", str(MANIFEST), cwd=ROOT, home=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.parametrize("config", [CONFIG, TRUST_CONFIG], ids=["project", "trust"])
def test_the_configs_are_valid(config: Path, tmp_path: Path) -> None:
    done = pre_commit("validate-config", str(config), cwd=ROOT, home=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr


def hook(hooks: list[dict[str, Any]], hook_id: str) -> dict[str, Any]:
    return next(h for h in hooks if h["id"] == hook_id)


@pytest.mark.slow
def test_the_hook_runs_the_check_once_and_only_for_records(
    run: Callable[..., Any], tmp_path: Path
) -> None:
    """Run by pre-commit itself in a new repository: a change to a guide or the README does
    not start the check; a change to a case, a procedure or complaints.yml does, and the
    check runs once on the whole repository (given file names, `complaints check` would
    refuse them as unexpected arguments and fail)."""
    target = tmp_path / "repo"
    assert run("init", str(target), "--organisation", "T", "--no-input").exit_code == 0
    home = tmp_path / "pre-commit-home"
    index = git.Repo(target).index

    for path in ("README.md", "docs/guide/notes.md"):
        (target / path).parent.mkdir(parents=True, exist_ok=True)
        (target / path).write_text("# Notes\n", encoding="utf-8")
    index.add(["README.md", "docs/guide/notes.md"])
    skipped = pre_commit("run", cwd=target, home=home)
    assert skipped.returncode == 0, skipped.stdout + skipped.stderr
    assert "complaints check" in skipped.stdout and "Skipped" in skipped.stdout

    for n in (1, 2, 3):
        case = target / "cases" / "2026" / f"2026-000{n}.yaml"
        case.parent.mkdir(parents=True, exist_ok=True)
        case.write_text(
            f"id: 2026-000{n}\nreceived: 2026-02-0{n}\nchannel: phone\nevents: []\n",
            encoding="utf-8",
        )
    (target / "complaints.yml").write_text(
        (target / "complaints.yml").read_text("utf-8") + "\n", encoding="utf-8"
    )
    index.add([f"cases/2026/2026-000{n}.yaml" for n in (1, 2, 3)] + ["complaints.yml"])
    checked = pre_commit("run", cwd=target, home=home)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert checked.stdout.count("complaints check") == 1 and "Passed" in checked.stdout


def test_the_project_config_uses_ruff_mypy_and_the_same_check() -> None:
    repos = yaml.safe_load(CONFIG.read_text("utf-8"))["repos"]
    ruff = next(r for r in repos if r["repo"] == "https://github.com/astral-sh/ruff-pre-commit")
    assert {h["id"] for h in ruff["hooks"]} == {"ruff-check", "ruff-format"}
    local = next(r for r in repos if r["repo"] == "local")["hooks"]
    mypy = hook(local, "mypy")
    assert (mypy["entry"], mypy["language"], mypy["pass_filenames"]) == ("mypy", "system", False)
    offered = hook(yaml.safe_load(MANIFEST.read_text("utf-8")), "complaints-check")
    for hooks in (local, yaml.safe_load(TRUST_CONFIG.read_text("utf-8"))["repos"][0]["hooks"]):
        mine = hook(hooks, "complaints-check")
        assert (mine["entry"], mine["files"], mine["pass_filenames"]) == (
            offered["entry"],
            offered["files"],
            offered["pass_filenames"],
        )
        # Local: Putright is already installed where the hook runs (requirements.txt, or -e .).
        assert mine["language"] == "system"


@pytest.mark.slow
def test_the_new_repositorys_hook_passes_then_stops_a_bad_commit(
    run: Callable[..., Any], tmp_path: Path
) -> None:
    target = tmp_path / "repo"
    assert run("init", str(target), "--organisation", "T", "--no-input").exit_code == 0
    home = tmp_path / "pre-commit-home"

    clean = pre_commit("run", "--all-files", cwd=target, home=home)
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert "complaints check" in clean.stdout and "Passed" in clean.stdout

    bad = target / "cases" / "2026" / "2026-0001.yaml"
    bad.parent.mkdir(parents=True)
    bad.write_text("id: 2026-0001\nreceived: 2026-02-30\nevents: []\n", encoding="utf-8")
    git.Repo(target).index.add([str(bad.relative_to(target))])
    failed = pre_commit("run", cwd=target, home=home)
    assert failed.returncode == 1
    assert "Failed" in failed.stdout and "2026-02-30" in failed.stdout
