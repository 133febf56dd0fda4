"""What the workflow tests share: the workflows as `complaints init` writes them, their steps,
and a case repository to run a step in, with `gh` faked by a script that records its calls."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import stat
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from putright.calendar import WorkingCalendar
from putright.scaffold import workflow_files

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = ROOT / "tools" / "putright" / "scaffold" / "templates" / "workflows"
WORKFLOWS = sorted(TEMPLATES.glob("*.yml"))
# Personal data planted in the fixture cases: none of it may reach the tracking issue.
SECRETS = ("Jane Secretname", "SECRET-SUMMARY", "SECRET-REMEDY", "jsmith")


def load_workflow(path: Path) -> dict[Any, Any]:
    """A workflow as `complaints init` writes it (actions pinned), from its template's path."""
    written = workflow_files()[f".github/workflows/{path.name}"]
    data: dict[Any, Any] = yaml.safe_load(written.decode("utf-8"))
    # YAML 1.1 reads a bare `on:` key as True; GitHub reads it as "on".
    if True in data:
        data["on"] = data.pop(True)
    return data


def steps(workflow: dict[Any, Any]) -> list[tuple[str, dict[str, Any]]]:
    return [
        (job_id, step) for job_id, job in workflow["jobs"].items() for step in job.get("steps", [])
    ]


def step(workflow: dict[Any, Any], name: str) -> dict[str, Any]:
    found = [s for _, s in steps(workflow) if s.get("name") == name]
    assert len(found) == 1, f"no single step named {name!r}"
    return found[0]


def case_repository(root: Path, run: Callable[..., Any]) -> Path:
    """A repository made by `complaints init`, as a trust's would be."""
    result = run(
        "init", str(root), "--organisation", "Test Housing Trust", "--homes", "100", "--no-input"
    )
    assert result.exit_code == 0, result.output
    return root


def due_soon_received(calendar: WorkingCalendar, today: dt.date) -> dt.date:
    """A received date whose acknowledgement (5 working days) falls due within 2 working days."""
    day = today
    while calendar.add(day, 5) > calendar.add(today, 1):
        day -= dt.timedelta(days=1)
    return day


def add_cases(repo: Path, *, overdue: bool = True) -> None:
    """An overdue case (repair remedy and stage 1 response past due) and a due-soon one, as of
    the real today: the workflow scripts run `complaints` without --today, as GitHub does."""
    today = dt.date.today()
    calendar = WorkingCalendar("ENG", ())
    folder = repo / "cases" / str(today.year)
    folder.mkdir(parents=True, exist_ok=True)
    soon = due_soon_received(calendar, today)
    (folder / f"{today.year}-0002.yaml").write_text(
        f"id: {today.year}-0002\nreceived: {soon.isoformat()}\nofficer: jsmith\n"
        "complainant: {name: Jane Secretname}\nsummary: SECRET-SUMMARY\nevents: []\n",
        encoding="utf-8",
    )
    if overdue:
        received = today - dt.timedelta(days=60)
        acknowledged = calendar.add(received, 1)
        (folder / f"{today.year}-0001.yaml").write_text(
            f"id: {today.year}-0001\nreceived: {received.isoformat()}\nofficer: jsmith\n"
            "complainant:\n  name: Jane Secretname\nsummary: The SECRET-SUMMARY.\nevents:\n"
            f"  - {{date: {acknowledged.isoformat()}, type: acknowledged, stage: 1, by: jsmith}}\n",
            encoding="utf-8",
        )


FAKE_GH = """#!/usr/bin/env bash
# A stand-in for GitHub's CLI: records each call (and any --body-file's content) as JSON lines.
python3 - "$@" <<'PY'
import json, os, sys
args = sys.argv[1:]
body = None
if "--body-file" in args:
    with open(args[args.index("--body-file") + 1], encoding="utf-8") as f:
        body = f.read()
with open(os.environ["FAKE_GH_LOG"], "a", encoding="utf-8") as log:
    log.write(json.dumps({"args": args, "body": body}) + "\\n")
PY
if [ "$1 $2" = "issue list" ]; then printf '%s' "${FAKE_GH_OPEN_ISSUE:-}"; fi
"""


def fake_bin(tmp: Path, name: str, script: str) -> Path:
    folder = tmp / "fake-bin"
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_text(script, encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    return folder


def expression_values(**extra: str) -> dict[str, str]:
    return {
        "${{ github.token }}": "fake-token",
        "${{ github.repository }}": "example-trust/complaints",
        "${{ vars.PUBLIC_SITE_REPO }}": "example-trust/complaints-site",
        "${{ vars.PUBLIC_SITE_BRANCH || 'main' }}": "main",
        "${{ secrets.PUBLIC_SITE_DEPLOY_KEY }}": "-----BEGIN OPENSSH PRIVATE KEY-----\nfake\n-----END OPENSSH PRIVATE KEY-----",
        **extra,
    }


def run_step(
    s: dict[str, Any],
    cwd: Path,
    tmp: Path,
    *,
    path_prefix: Path | None = None,
    env: dict[str, str] | None = None,
    expressions: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[str]:
    """A `run:` step as the runner runs it: `bash -e` in the workspace, the step's env: with
    its expressions replaced by known values (an unknown expression fails the test)."""
    known = expressions or expression_values()
    environ = dict(os.environ)
    summary = tmp / "step-summary.md"
    runner_temp = tmp / "runner-temp"
    runner_temp.mkdir(exist_ok=True)
    environ.update(
        GITHUB_STEP_SUMMARY=str(summary),
        RUNNER_TEMP=str(runner_temp),
        GITHUB_ACTIONS="true",
        CI="true",
    )
    for key, value in (s.get("env") or {}).items():
        text = str(value)
        for expression in re.findall(r"\$\{\{.*?\}\}", text):
            assert expression in known, f"test knows no value for {expression}"
            text = text.replace(expression, known[expression])
        environ[key] = text
    environ.update(env or {})
    if path_prefix is not None:
        environ["PATH"] = f"{path_prefix}{os.pathsep}{environ['PATH']}"
    return subprocess.run(
        ["bash", "-e", "-c", s["run"]],
        cwd=cwd,
        env=environ,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )


def run_steps(workflow: dict[Any, Any]) -> list[str]:
    return [str(s["name"]) for _, s in steps(workflow) if "run" in s]


def gh_calls(tmp: Path) -> list[dict[str, Any]]:
    log = tmp / "gh.log"
    return (
        [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]
        if log.exists()
        else []
    )


FAKE_PYTHON = """#!/usr/bin/env bash
echo "$@" >> "$FAKE_PYTHON_LOG"
"""
