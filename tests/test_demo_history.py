"""`complaints demo --history DIR`, and the shipped demo's audit.

The history is built with late records planted by rule (one case logged 6 working days after
receipt, three events recorded 8 working days after their dates: demo_history's docstring);
the audit must find exactly those and nothing else.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import git
import pytest

from helpers import complaints, write_repo
from putright.calendar import WorkingCalendar
from putright.demo import demo_cases

TODAY = dt.date(2026, 11, 24)
ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    target = tmp_path_factory.mktemp("history") / "demo"
    ran = complaints(Path("."), "demo", "--history", str(target), "--today", TODAY.isoformat())
    assert ran.code == 0, ran.err
    return target, ran.out


def _planted(out: str) -> list[tuple[str, str]]:
    # "  2025-0001: logged 6 working days late (late_logging)"
    return [
        (line.split(":")[0].strip(), line.rsplit("(", 1)[1].rstrip(")"))
        for line in out.splitlines()
        if line.startswith("  ")
    ]


@pytest.mark.slow
def test_the_audit_finds_exactly_the_late_records_planted(built: tuple[Path, str]) -> None:
    target, out = built
    planted = _planted(out)
    assert sorted(kind for _, kind in planted) == ["late_event"] * 3 + ["late_logging"]
    ran = complaints(target, "audit", "--today", TODAY.isoformat(), "--format", "json")
    assert ran.code == 0
    findings = json.loads(ran.out)["findings"]
    assert sorted((f["case"], f["kind"]) for f in findings) == sorted(planted)
    by_kind = {f["kind"]: f["working_days"] for f in findings}
    assert by_kind == {"late_logging": 6, "late_event": 8}


@pytest.mark.slow
def test_the_late_logged_case_was_first_committed_six_working_days_after_receipt(
    built: tuple[Path, str],
) -> None:
    target, out = built
    (case_id,) = [case for case, kind in _planted(out) if kind == "late_logging"]
    rel = f"cases/{case_id[:4]}/{case_id}.yaml"
    repo = git.Repo(target)
    first = list(repo.iter_commits(paths=rel))[-1]
    received = dt.date.fromisoformat(
        next(line for line in (target / rel).read_text("utf-8").splitlines()
             if line.startswith("received:")).split(":", 1)[1].strip()
    )  # fmt: skip
    assert first.committed_datetime.date() == WorkingCalendar("ENG", ()).add(received, 6)
    # Every case is there, valid, and none says it was imported: it was recorded live.
    assert complaints(target, "check", "--today", TODAY.isoformat()).code == 0
    assert not any("imported:" in p.read_text("utf-8") for p in target.glob("cases/**/*.yaml"))


def test_history_needs_an_empty_folder(tmp_path: Path) -> None:
    (tmp_path / "x").mkdir()
    (tmp_path / "x" / "file").write_text("x", encoding="utf-8")
    ran = complaints(Path("."), "demo", "--history", str(tmp_path / "x"))
    assert ran.code == 1 and "Traceback" not in ran.err


def test_the_shipped_demo_is_imported_so_its_audit_has_no_late_findings(tmp_path: Path) -> None:
    # The demo set committed on the day it is made, as a trust would commit its imported log:
    # without `imported` every case would be late (test_audit_imported has that control).
    root = write_repo(tmp_path / "repo", settings=(ROOT / "complaints.yml").read_text("utf-8"),
                      policies=("hoc-2024", "saha", "support-trust"))  # fmt: skip
    for rel, text in demo_cases(TODAY):
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    repo = git.Repo.init(root)
    repo.git.add("--all")
    when = dt.datetime(2026, 11, 24, 17, tzinfo=dt.UTC)
    actor = git.Actor("Demo", "demo@example.org")
    repo.index.commit("Import", author=actor, committer=actor, author_date=when, commit_date=when)
    audit = json.loads(complaints(root, "audit", "--today", "2026-11-24", "--format", "json").out)
    assert audit["findings"] == []
    assert len(audit["imported"]) == 72
    shutil.rmtree(root)
