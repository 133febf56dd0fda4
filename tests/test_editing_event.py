"""`complaints event`: typed values, refusals that change nothing, atomic writes."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
from pathlib import Path

import pytest

import putright.cli.edit_cmd  # noqa: F401 - registers the commands on `cli`
from helpers import CASE, REL, complaints, trust_repo
from putright import yamlfile
from putright.editing import append
from putright.editing.atomic import create_file, replace_file
from putright.editing.insert import Inserted
from putright.errors import EditRefused


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return trust_repo(tmp_path / "repo", {REL: CASE})


def snapshot(path: Path) -> tuple[bytes, int]:
    return path.read_bytes(), path.stat().st_mtime_ns


def test_adds_a_typed_event(repo: Path) -> None:
    ran = complaints(
        repo, "event", "2026-0001", "extended", "--date", "2026-03-12", "--stage", "1",
        "--set", "working_days=5", "--set", "agreed=yes", "--set", "reason=awaiting: the contractor's report",
        "--today", "2026-03-13",
    )  # fmt: skip
    assert ran.code == 0, ran.err
    assert f"{REL}:9" in ran.out
    text = (repo / REL).read_text(encoding="utf-8")
    assert text == CASE.replace(
        "notes: keep this",
        "  - {date: 2026-03-12, type: extended, stage: 1, working_days: 5, agreed: true, "
        "reason: 'awaiting: the contractor''s report'}\nnotes: keep this",
    )
    event = yamlfile.load(text.encode(), REL).data["events"][-1]
    assert event["working_days"] == 5 and event["agreed"] is True and event["stage"] == 1


def test_same_date_as_the_last_event_is_fine(repo: Path) -> None:
    ran = complaints(repo, "event", "2026-0001", "note", "--date", "2026-03-10", "--note", "x")
    assert ran.code == 0, ran.err


@pytest.mark.parametrize(
    ("args", "line", "words"),
    [
        (["closed", "--date", "2026-02-30"], 6, "not a real date"),
        (["closed", "--date", "10/03/2026"], 6, "not a date in the form YYYY-MM-DD"),
        (["closed", "--date", "2026-03-09"], 8, "before the last event (2026-03-10, contacted)"),
        (["closed", "--date", "2026-03-01"], 3, "before the complaint was received"),
        (["extended", "--date", "2026-03-12", "--set", "working_days=ten"], 6, "whole number"),
        (["extended", "--date", "2026-03-12", "--set", "working_days=0"], 6, "at least 1"),
        (["extended", "--date", "2026-03-12"], 6, "needs working_days: add --set working_days=..."),
        (["extended", "--date", "2026-03-12", "--set", "working_days=2", "--set", "agreed=maybe"], 6, "true or false"),
        (["responded", "--date", "2026-03-12", "--set", "outcome=won"], 6, "not one of: upheld, partially_upheld"),
        (["responded", "--date", "2026-03-12", "--set", "outcome=upheld", "--set", "colour=red"], 6,
         "has no key 'colour'; keys it may have: stage, by, note, letter, outcome, remedies, points, learning"),
        (["responded", "--date", "2026-03-12", "--set", "remedies=apology"], 6, "remedies cannot be given with --set"),
        (["closed", "--date", "2026-03-12", "--set", "working_days"], 6, "is not KEY=VALUE"),
        (["closed", "--date", "2026-03-12", "--stage", "1", "--set", "stage=2"], 6, "give stage once"),
        (["closed", "--date", "2026-03-12", "--stage", "two words"], 6, "stage"),
        (["resolved", "--date", "2026-03-12"], 6, "'resolved' is not an event type; the types are: acknowledged"),
        (["escalated", "--date", "2026-03-12", "--stage", "7"], 9, "the new entry would not be valid"),
    ],
)  # fmt: skip
def test_refused_edits_change_nothing(repo: Path, args: list[str], line: int, words: str) -> None:
    before = snapshot(repo / REL)
    ran = complaints(repo, "event", "2026-0001", *args, "--today", "2026-03-20")
    assert ran.code == 1
    assert ran.err.startswith(f"complaints: {REL}:{line}: "), ran.err
    assert words in ran.err
    assert snapshot(repo / REL) == before
    assert sorted(os.listdir(repo / "cases" / "2026")) == ["2026-0001.yaml"]  # no temp files


def test_unknown_case_id(repo: Path) -> None:
    before = snapshot(repo / REL)
    ran = complaints(repo, "event", "2026-0099", "closed", "--date", "2026-03-12")
    assert ran.code == 1
    assert ran.err.startswith("complaints: cases/: no case 2026-0099")
    assert snapshot(repo / REL) == before
    ran = complaints(repo, "event", "../../etc/passwd", "closed", "--date", "2026-03-12")
    assert ran.code == 1 and "is not a case id" in ran.err


def test_an_id_in_two_files_is_refused_naming_both(repo: Path) -> None:
    (repo / "cases" / "old").mkdir()
    (repo / "cases" / "old" / "2026-0001.yaml").write_text(CASE, encoding="utf-8")
    ran = complaints(repo, "event", "2026-0001", "closed", "--date", "2026-03-12")
    assert ran.code == 1
    assert "cases/2026/2026-0001.yaml, cases/old/2026-0001.yaml" in ran.err
    assert "complaints renumber 2026-0001 --file" in ran.err


def test_an_invalid_file_is_not_edited(tmp_path: Path) -> None:
    broken = CASE.replace("channel: phone", "channel: phone\nchannel: email")
    root = trust_repo(tmp_path / "r", {REL: broken})
    before = snapshot(root / REL)
    ran = complaints(root, "event", "2026-0001", "closed", "--date", "2026-03-12")
    assert ran.code == 1
    assert ran.err.startswith(f"complaints: {REL}:5: duplicate key 'channel'")
    assert snapshot(root / REL) == before


def test_a_problem_elsewhere_in_the_file_is_located_where_it_is(tmp_path: Path) -> None:
    bad = CASE.replace("notes: keep this", "notes: keep this\ntenure: council")
    root = trust_repo(tmp_path / "r", {REL: bad})
    ran = complaints(root, "event", "2026-0001", "closed", "--date", "2026-03-12")
    assert ran.code == 1
    # Line 10 of the file as it is on disk (the new event would have pushed it to 11).
    assert ran.err.startswith(f"complaints: {REL}:10: tenure: 'council' is not one of"), ran.err


def test_the_guard_stops_an_insertion_that_changes_other_data(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(text: str, event: object, rel: str) -> Inserted:
        return Inserted(text.replace("keep this", "lost this") + "  \n", 9)

    monkeypatch.setattr(append, "insert_event", broken)
    before = snapshot(repo / REL)
    ran = complaints(repo, "event", "2026-0001", "closed", "--date", "2026-03-12")
    assert ran.code == 1
    assert "would change more than the new entry" in ran.err
    assert snapshot(repo / REL) == before


def test_a_file_changed_meanwhile_is_not_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "f.yaml"
    path.write_bytes(b"theirs\n")
    with pytest.raises(EditRefused, match="changed while it was being edited"):
        replace_file(str(path), b"mine\n", expected=b"what I read\n")
    assert path.read_bytes() == b"theirs\n"
    assert os.listdir(tmp_path) == ["f.yaml"]


def test_writes_keep_the_mode_and_leave_no_temporary_files(repo: Path) -> None:
    os.chmod(repo / REL, 0o640)
    ran = complaints(repo, "event", "2026-0001", "closed", "--date", "2026-03-12")
    assert ran.code == 0, ran.err
    assert stat.S_IMODE((repo / REL).stat().st_mode) == 0o640
    assert sorted(os.listdir(repo / "cases" / "2026")) == ["2026-0001.yaml"]


def test_create_never_overwrites(tmp_path: Path) -> None:
    path = tmp_path / "new.yaml"
    create_file(str(path), b"one\n")
    with pytest.raises(EditRefused, match="already exists"):
        create_file(str(path), b"two\n")
    assert path.read_bytes() == b"one\n"
    assert os.listdir(tmp_path) == ["new.yaml"]


def test_hostile_note_round_trips(repo: Path) -> None:
    note = "Said: \"fix it\" # now\n- and: {this}\r\n'quoted' \u2028 ✓"
    ran = complaints(repo, "event", "2026-0001", "note", "--date", "2026-03-12", "--note", note)
    assert ran.code == 0, ran.err
    data = yamlfile.load((repo / REL).read_bytes(), REL).data
    assert data["events"][-1] == {"date": "2026-03-12", "type": "note", "note": note}
    assert (repo / REL).read_text(encoding="utf-8").count("\n") == CASE.count("\n") + 1


def test_the_console_script_prints_file_and_line(repo: Path) -> None:
    exe = shutil.which("complaints")
    if exe is None:
        pytest.skip("the complaints script is not installed")
    before = snapshot(repo / REL)
    proc = subprocess.run(
        [exe, "--repo", str(repo), "event", "2026-0001", "extended", "--date", "2026-03-12",
         "--set", "working_days=ten"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert proc.returncode == 1
    assert proc.stderr.startswith(f"complaints: {REL}:6: working_days='ten'"), proc.stderr
    assert snapshot(repo / REL) == before


def test_help_lists_the_event_types(repo: Path) -> None:
    ran = complaints(repo, "event", "--help")
    assert ran.code == 0
    assert "acknowledged" in ran.out and "--set KEY=VALUE" in ran.out
