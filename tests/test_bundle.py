"""`complaints bundle`: the Ombudsman's evidence pack from a real Git history with set dates."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import shutil
import zipfile
from pathlib import Path

import pytest

from bundle_cases import OTHER_NAME, OWN_NAME, case_text
from helpers import History, at, complaints

POLICY = Path(__file__).resolve().parents[1] / "policies" / "hoc-2024.yaml"
UTC = dt.UTC
ACK = "{date: 2026-03-04, type: acknowledged, stage: 1, by: jsmith}"
RESP = (
    "{date: 2026-03-16, type: responded, stage: 1, by: jsmith, outcome: upheld, "
    "letter: letters/2026-0001/2026-03-16-response-stage1.docx, "
    "points: [{point: damp, decision: upheld, reasons: survey found it}]}"
)
REQ = "{date: 2026-05-05, type: ombudsman_evidence_requested, due: 2026-05-20}"


@pytest.fixture
def history(tmp_path: Path) -> tuple[History, list[tuple[str, str, str]]]:
    """Case 2026-0001 in three commits by two officers, a letter, and another case."""
    repo = History(tmp_path / "repo")
    own = "cases/2026/2026-0001.yaml"
    other = "cases/2026/2026-0002.yaml"
    commits = []
    first = case_text("2026-0001")
    sha = repo.commit(at("2026-03-02"), author="Jo Smith", files={
        own: first, "complaints.yml": "organisation: Test Trust\n",
        "policies/hoc-2024.yaml": POLICY.read_text(encoding="utf-8"),
        other: case_text("2026-0002", name=OTHER_NAME),
    })  # fmt: skip
    commits.append((sha, "Jo Smith", first))
    second = case_text("2026-0001", ACK)
    commits.append(
        (repo.commit(at("2026-03-04"), author="Jo Smith", files={own: second}), "Jo Smith", second)
    )
    (repo.root / "letters/2026-0001").mkdir(parents=True)
    ran = complaints(repo.root, "letter", "2026-0001", "acknowledgement", "--today", "2026-03-04")
    assert ran.code == 0, ran.err
    third = case_text("2026-0001", ACK, RESP, REQ)
    letter = b"PK-not-really-a-docx: the response as sent"
    sha = repo.commit(at("2026-03-16", 15), author="Mo Patel", files={
        own: third, "letters/2026-0001/2026-03-16-response-stage1.docx": letter,
        "letters/2026-0001/2026-03-04-acknowledgement-stage1.docx":
            (repo.root / "letters/2026-0001/2026-03-04-acknowledgement-stage1.docx").read_bytes(),
    })  # fmt: skip
    commits.append((sha, "Mo Patel", third))
    # the other case moves on too, with its own letter: neither may reach the pack
    repo.commit(at("2026-03-17"), author="Jo Smith", files={
        other: case_text("2026-0002", ACK, name=OTHER_NAME),
        "letters/2026-0002/note.md": f"Dear {OTHER_NAME}\n",
    })  # fmt: skip
    return repo, commits


def read_zip(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def test_the_pack_holds_every_version_letter_and_hash(
    history: tuple[History, list[tuple[str, str, str]]], tmp_path: Path
) -> None:
    repo, commits = history
    out = tmp_path / "pack.zip"
    ran = complaints(repo.root, "bundle", "2026-0001", "--out", str(out), "--today", "2026-06-01")
    assert ran.code == 0, ran.err
    members = read_zip(out)
    names = sorted(n.removeprefix("2026-0001/") for n in members)
    assert names == sorted([
        "audit.json", "case/2026-0001.yaml", "chronology.html", "deadlines.json",
        "letters/2026-0001/2026-03-04-acknowledgement-stage1.docx",
        "letters/2026-0001/2026-03-16-response-stage1.docx",
        "manifest.json", "procedure/hoc-2024.yaml",
        *(f"versions/{n:02d}-{sha[:12]}.yaml" for n, (sha, _a, _t) in enumerate(commits, 1)),
        "versions/versions.json",
    ])  # fmt: skip

    # manifest: the SHA-256 and size of every other member, each checked here
    manifest = json.loads(members["2026-0001/manifest.json"])
    listed = {f["path"]: f for f in manifest["files"]}
    assert set(listed) == {n for n in names if n != "manifest.json"}
    for name, entry in listed.items():
        data = members[f"2026-0001/{name}"]
        assert entry["sha256"] == hashlib.sha256(data).hexdigest(), name
        assert entry["bytes"] == len(data)

    # every committed version, byte for byte, with its commit, author and date
    index = json.loads(members["2026-0001/versions/versions.json"])
    assert [v["commit"] for v in index] == [sha for sha, _a, _t in commits]
    assert [v["author"] for v in index] == ["Jo Smith", "Jo Smith", "Mo Patel"]
    # 10:00 UTC in March is 10:00 UK time (GMT); 15:00 likewise
    assert [v["date"][:16] for v in index] == [
        "2026-03-02T10:00", "2026-03-04T10:00", "2026-03-16T15:00",
    ]  # fmt: skip
    for version, (_sha, _author, text) in zip(index, commits, strict=True):
        assert members[f"2026-0001/{version['file']}"] == text.encode("utf-8")
    assert members["2026-0001/case/2026-0001.yaml"] == commits[-1][2].encode("utf-8")
    assert (
        members["2026-0001/letters/2026-0001/2026-03-16-response-stage1.docx"]
        == b"PK-not-really-a-docx: the response as sent"
    )

    # no other case: not its name, not its letter, not its file
    for name, data in members.items():
        assert OTHER_NAME.encode() not in data, name
        assert b"2026-0002" not in data, name


def test_the_chronology_and_deadlines_are_readable(
    history: tuple[History, list[tuple[str, str, str]]], tmp_path: Path
) -> None:
    repo, commits = history
    out = tmp_path / "pack.zip"
    assert complaints(repo.root, "bundle", "2026-0001", "--out", str(out),
                      "--today", "2026-06-01").code == 0  # fmt: skip
    members = read_zip(out)
    html = members["2026-0001/chronology.html"].decode("utf-8")
    assert '<html lang="en-GB">' in html and "@media print" in html
    assert "The &lt;kitchen&gt; &amp; the damp." in html and "<kitchen>" not in html
    assert OWN_NAME in html
    assert "2026-03-16" in html and "jsmith" in html
    assert 'href="letters/2026-0001/2026-03-16-response-stage1.docx"' in html
    assert "point: damp (upheld): survey found it" in html
    for sha, _a, _t in commits:
        assert sha in html
    deadlines = json.loads(members["2026-0001/deadlines.json"])
    assert deadlines["procedure"]["id"] == "hoc-2024"
    by_clock = {(d["stage"], d["clock"]): d for d in deadlines["deadlines"]}
    # received Mon 2 March; acknowledged Wed 4 March: within 5 working days (Code 6.2)
    assert by_clock[("1", "acknowledge")]["state"] == "met"
    # the request's own due date (hoc-2024 sets no time): 20 May, nothing sent by 1 June
    evidence = by_clock[("ombudsman", "ombudsman_evidence")]
    assert evidence["due"] == "2026-05-20" and evidence["state"] == "overdue"


def test_the_pack_follows_a_renumbered_case(
    history: tuple[History, list[tuple[str, str, str]]], tmp_path: Path
) -> None:
    repo, commits = history
    ran = complaints(repo.root, "renumber", "2026-0001", "--to", "2026-0009", "--commit",
                     "--today", "2026-03-18")  # fmt: skip
    assert ran.code == 0, ran.err
    assert (repo.root / "letters/2026-0009/2026-03-16-response-stage1.docx").is_file()
    assert not (repo.root / "letters/2026-0001").exists()
    text = (repo.root / "cases/2026/2026-0009.yaml").read_text(encoding="utf-8")
    assert "letter: letters/2026-0009/2026-03-16-response-stage1.docx" in text
    assert not repo.repo.is_dirty(untracked_files=True)  # the letters moved in the same commit

    out = tmp_path / "pack.zip"
    ran = complaints(repo.root, "bundle", "2026-0009", "--out", str(out), "--today", "2026-06-01")
    assert ran.code == 0, ran.err
    members = read_zip(out)
    index = json.loads(members["2026-0009/versions/versions.json"])
    assert [v["commit"] for v in index][:3] == [sha for sha, _a, _t in commits]
    assert len(index) == 4 and index[0]["path"] == "cases/2026/2026-0001.yaml"
    assert index[-1]["path"] == "cases/2026/2026-0009.yaml"
    assert "2026-0009/letters/2026-0009/2026-03-16-response-stage1.docx" in members


def test_bundle_outside_git_is_a_clear_error(tmp_path: Path) -> None:
    root = tmp_path / "plain"
    (root / "cases").mkdir(parents=True)
    (root / "policies").mkdir()
    shutil.copy(POLICY, root / "policies" / "hoc-2024.yaml")
    (root / "complaints.yml").write_text("organisation: T\n", encoding="utf-8")
    (root / "cases/2026-0001.yaml").write_text(case_text("2026-0001"), encoding="utf-8")
    ran = complaints(root, "bundle", "2026-0001", "--out", str(tmp_path / "x.zip"))
    assert ran.code == 1 and "not in a Git repository" in ran.err
    assert not (tmp_path / "x.zip").exists()


def test_an_unknown_case_is_a_clear_error(
    history: tuple[History, list[tuple[str, str, str]]], tmp_path: Path
) -> None:
    repo, _commits = history
    ran = complaints(repo.root, "bundle", "2026-0404", "--out", str(tmp_path / "x.zip"))
    assert ran.code == 1 and "no case 2026-0404" in ran.err


def test_zip_members_are_dated_the_day_it_was_prepared(
    history: tuple[History, list[tuple[str, str, str]]], tmp_path: Path
) -> None:
    repo, _commits = history
    out = tmp_path / "pack.zip"
    complaints(repo.root, "bundle", "2026-0001", "--out", str(out), "--today", "2026-06-01")
    with zipfile.ZipFile(io.BytesIO(out.read_bytes())) as archive:
        assert {i.date_time[:3] for i in archive.infolist()} == {(2026, 6, 1)}
