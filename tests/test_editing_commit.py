"""`--commit`: exactly the case file, on the current branch, never the officer's other staged work."""

from __future__ import annotations

from pathlib import Path

import git
import pytest

from helpers import complaints, git_init, trust_repo

REL = "cases/2026/2026-0001.yaml"
CASE = "id: 2026-0001\nreceived: 2026-03-02\nchannel: phone\nevents: []\n"


@pytest.fixture
def repo(tmp_path: Path) -> git.Repo:
    root = trust_repo(tmp_path / "repo", {REL: CASE})
    (root / "notes.txt").write_text("draft\n", encoding="utf-8")
    return git_init(root)


def root_of(repo: git.Repo) -> Path:
    return Path(repo.working_tree_dir or "")


def stage_other_work(repo: git.Repo) -> None:
    """The officer has staged an unrelated change and left another unstaged."""
    root = root_of(repo)
    (root / "notes.txt").write_text("staged change\n", encoding="utf-8")
    repo.git.add("notes.txt")
    (root / "complaints.yml").write_text("organisation: Test Trust\nhomes: 10\n", encoding="utf-8")


def test_event_commit_holds_only_the_case_file(repo: git.Repo) -> None:
    stage_other_work(repo)
    start = repo.head.commit
    ran = complaints(root_of(repo), "event", "2026-0001", "acknowledged", "--date", "2026-03-04",
                     "--stage", "1", "--by", "jsmith", "--commit")  # fmt: skip
    assert ran.code == 0, ran.err
    head = repo.head.commit
    assert head.parents == (start,)
    assert head.message.strip() == "2026-0001: add acknowledged (stage 1, 2026-03-04)"
    assert list(head.stats.files) == [REL]
    assert repo.active_branch.name == "main"
    # The other work is exactly as it was: still staged, still unstaged.
    assert [d.a_path for d in repo.index.diff("HEAD")] == ["notes.txt"]
    assert [d.a_path for d in repo.index.diff(None)] == ["complaints.yml"]
    assert "Committed" in ran.out


def test_event_without_stage_names_the_date(repo: git.Repo) -> None:
    ran = complaints(
        root_of(repo), "event", "2026-0001", "closed", "--date", "2026-03-20", "--commit"
    )
    assert ran.code == 0, ran.err
    assert repo.head.commit.message.strip() == "2026-0001: add closed (2026-03-20)"


def test_new_commit_holds_only_the_new_file(repo: git.Repo) -> None:
    stage_other_work(repo)
    ran = complaints(root_of(repo), "new", "--received", "2026-03-02", "--channel", "email",
                     "--category", "repairs", "--name", "J", "--summary", "s", "--no-input",
                     "--commit")  # fmt: skip
    assert ran.code == 0, ran.err
    head = repo.head.commit
    assert head.message.strip() == "2026-0002: open case (received 2026-03-02)"
    assert list(head.stats.files) == ["cases/2026/2026-0002.yaml"]
    assert [d.a_path for d in repo.index.diff("HEAD")] == ["notes.txt"]


def test_commit_on_the_current_branch(repo: git.Repo) -> None:
    repo.git.checkout("-b", "case-work")
    ran = complaints(
        root_of(repo), "event", "2026-0001", "closed", "--date", "2026-03-20", "--commit"
    )
    assert ran.code == 0, ran.err
    assert "on case-work" in ran.out
    assert repo.heads["case-work"].commit != repo.heads["main"].commit


def test_commit_outside_git_is_refused_before_writing(tmp_path: Path) -> None:
    root = trust_repo(tmp_path / "plain", {REL: CASE})
    before = (root / REL).read_bytes(), (root / REL).stat().st_mtime_ns
    ran = complaints(root, "event", "2026-0001", "closed", "--date", "2026-03-20", "--commit")
    assert ran.code == 1
    assert "--commit needs a Git repository" in ran.err and "nothing was written" in ran.err
    assert ((root / REL).read_bytes(), (root / REL).stat().st_mtime_ns) == before
    ran = complaints(root, "new", "--received", "2026-03-02", "--channel", "email", "--category",
                     "r", "--name", "J", "--summary", "s", "--no-input", "--commit")  # fmt: skip
    assert ran.code == 1
    assert sorted(p.name for p in (root / "cases" / "2026").iterdir()) == ["2026-0001.yaml"]


def test_a_refused_edit_makes_no_commit(repo: git.Repo) -> None:
    start = repo.head.commit
    ran = complaints(root_of(repo), "event", "2026-0001", "extended", "--date", "2026-03-20",
                     "--set", "working_days=ten", "--commit")  # fmt: skip
    assert ran.code == 1
    assert repo.head.commit == start
    assert not repo.is_dirty()
