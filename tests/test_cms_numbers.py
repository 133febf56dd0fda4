"""`complaints cms numbers`: the pull request's check of the case numbers a branch adds.

Real Git repositories with chosen commit times. The rule (docs/setup/editor.md): a number the
base branch has, now or in its history, or that another branch added first, is taken; of two
branches that chose the same number, the later one moves, to one more than the highest
number anywhere (as `complaints new` counts: ids.next_id).
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import git
import pytest

from helpers import POLICIES, complaints

SCHEMA_LINE = "# yaml-language-server: $schema=../../.schemas/case.schema.json"


def case(case_id: str, received: str = "2026-11-02") -> str:
    return f"{SCHEMA_LINE}\nid: {case_id}\nreceived: {received}\nchannel: email\nevents: []\n"


class Repo:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.git = git.Repo.init(root, initial_branch="main")
        with self.git.config_writer() as config:
            config.set_value("user", "name", "Test Officer")
            config.set_value("user", "email", "officer@example.org")
        (root / "policies").mkdir()
        shutil.copy(POLICIES / "hoc-2024.yaml", root / "policies" / "hoc-2024.yaml")
        (root / "complaints.yml").write_text("organisation: Test Trust\n", "utf-8")
        self.git.index.add(["policies/hoc-2024.yaml", "complaints.yml"])
        self.commit("2026-11-02", "settings")

    def commit(self, day: str, message: str, **cases: str | None) -> None:
        for case_id, text in cases.items():
            rel = f"cases/2026/{case_id.replace('_', '-')}.yaml"
            if text is None:
                self.git.index.remove([rel], working_tree=True)
                continue
            (self.root / rel).parent.mkdir(parents=True, exist_ok=True)
            (self.root / rel).write_text(text, "utf-8")
            self.git.index.add([rel])
        when = dt.datetime.fromisoformat(f"{day}T10:00:00+00:00")
        self.git.index.commit(message, author_date=when, commit_date=when)

    def branch(self, name: str, start: str = "main") -> None:
        self.git.git.checkout("-q", "-b", name, start)

    def checkout(self, name: str) -> None:
        self.git.git.checkout("-q", name)

    def numbers(self, *args: str) -> tuple[int, str]:
        ran = complaints(self.root, "cms", "numbers", "--base", "main", *args)
        return ran.code, ran.out + ran.err


@pytest.fixture
def repo(tmp_path: Path) -> Repo:
    made = Repo(tmp_path / "trust")
    made.commit(
        "2026-11-03", "three cases", **{f"2026_000{n}": case(f"2026-000{n}") for n in (1, 2, 3)}
    )
    return made


def test_a_new_number_no_one_else_has_passes(repo: Repo) -> None:
    repo.branch("cms/cases-2026/2026-0004")
    repo.commit("2026-11-04", "new case", **{"2026_0004": case("2026-0004")})
    code, out = repo.numbers()
    assert code == 0, out
    assert "none of this branch's new cases clashes" in out


def test_the_later_of_two_branches_with_one_number_moves_and_only_it(repo: Repo) -> None:
    # An officer at a terminal opened 2026-0004 on 4 November; on 5 November another typed
    # the same number in the editor on GitHub. Both wait for approval.
    repo.branch("case-2026-0004")
    repo.commit("2026-11-04", "by complaints new", **{"2026_0004": case("2026-0004")})
    repo.branch("cms/cases-2026/2026-0004", "main")
    repo.commit("2026-11-05", "by the editor", **{"2026_0004": case("2026-0004", "2026-11-05")})

    code, out = repo.numbers()
    assert code == 1
    assert (
        "cases/2026/2026-0004.yaml:1: case number 2026-0004 is already taken on case-2026-0004"
        in out
    )
    assert repo.git.head.commit.message == "by the editor"  # the check alone changes nothing

    code, out = repo.numbers("--write")
    assert code == 0, out
    # The highest number anywhere is 0004 (on both branches): the next free one is 0005.
    assert "Renumbered 2026-0004 to 2026-0005" in out
    moved = repo.root / "cases/2026/2026-0005.yaml"
    assert moved.read_text("utf-8") == case("2026-0005", "2026-11-05")
    assert not (repo.root / "cases/2026/2026-0004.yaml").exists()
    head = repo.git.head.commit
    assert head.message.startswith("2026-0005: renumbered from 2026-0004")
    assert sorted(head.stats.files) == ["cases/2026/2026-0004.yaml", "cases/2026/2026-0005.yaml"]
    assert repo.git.is_dirty(untracked_files=True) is False
    assert complaints(repo.root, "check", "--today", "2026-11-06").code == 0
    assert repo.numbers()[0] == 0  # and now it is free

    # From the earlier branch's side there is no clash: it keeps its number.
    repo.checkout("case-2026-0004")
    assert repo.numbers()[0] == 0


def test_a_number_the_base_ever_had_is_taken(repo: Repo) -> None:
    # 2026-0004 was opened by mistake and deleted: its number is not given again.
    repo.commit("2026-11-04", "opened by mistake", **{"2026_0004": case("2026-0004")})
    repo.commit("2026-11-04", "deleted", **{"2026_0004": None})
    repo.branch("cms/cases-2026/2026-0004")
    repo.commit("2026-11-05", "by the editor", **{"2026_0004": case("2026-0004")})
    code, out = repo.numbers()
    assert code == 1 and "2026-0004 is already taken on main" in out
    code, out = repo.numbers("--write")
    assert code == 0 and "Renumbered 2026-0004 to 2026-0005" in out


def test_a_branch_made_from_another_shares_its_case_without_a_clash(repo: Repo) -> None:
    repo.branch("cms/cases-2026/2026-0004")
    repo.commit("2026-11-04", "new case", **{"2026_0004": case("2026-0004")})
    repo.branch("follow-up", "cms/cases-2026/2026-0004")
    repo.commit("2026-11-05", "another", **{"2026_0005": case("2026-0005")})
    code, out = repo.numbers()
    assert code == 0, out


def test_not_a_git_repository_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "cases").mkdir()
    ran = complaints(tmp_path, "cms", "numbers", "--base", "main")
    assert ran.code == 1 and "not in a Git repository" in ran.err


def test_an_unknown_base_is_a_clear_error(repo: Repo) -> None:
    ran = complaints(repo.root, "cms", "numbers", "--base", "no-such-branch")
    assert ran.code == 1 and "cannot compare case numbers with no-such-branch" in ran.err


def test_a_case_renumbered_on_the_branch_is_checked_like_a_new_one(repo: Repo) -> None:
    repo.branch("case-2026-0004")
    repo.commit("2026-11-04", "by complaints new", **{"2026_0004": case("2026-0004")})
    # Later, on another branch, 2026-0003 is moved to 2026-0004 (Git sees a rename).
    repo.branch("renumbering", "main")
    repo.commit("2026-11-05", "renumbered", **{"2026_0003": None, "2026_0004": case("2026-0004")})
    code, out = repo.numbers()
    assert code == 1 and "2026-0004 is already taken on case-2026-0004" in out
