"""`complaints cms numbers`: the pull request's check of the case numbers a branch adds.

Real Git repositories with chosen commit times (helpers.History). The rule
(docs/setup/editor.md): a number the base branch has, now or in its history, or that another
branch added first, is taken; of two branches that chose the same number, the later one moves,
to one more than the highest number anywhere (as `complaints new` counts: ids.next_id).
"""

from __future__ import annotations

from pathlib import Path

import git
import pytest

from helpers import History, at, case_text, complaints, write_repo


def rel(case_id: str) -> str:
    return f"cases/2026/{case_id}.yaml"


class Branches(History):
    """A History whose first branch is main, with branches made and checked out by name."""

    def __init__(self, root: Path) -> None:
        super().__init__(root)
        self.repo.git.branch("-M", "main")
        cases = {rel(f"2026-000{n}"): case_text(f"2026-000{n}", "2026-11-02") for n in (1, 2, 3)}
        self.commit(at("2026-11-03"), cases, "three cases")

    def branch(self, name: str, start: str = "main") -> None:
        self.repo.git.checkout("-q", "-b", name, start)

    def numbers(self, *args: str) -> tuple[int, str]:
        ran = complaints(self.root, "cms", "numbers", "--base", "main", *args)
        return ran.code, ran.out + ran.err


@pytest.fixture
def repo(tmp_path: Path) -> Branches:
    return Branches(tmp_path / "trust")


def test_a_new_number_no_one_else_has_passes(repo: Branches) -> None:
    repo.branch("cms/cases-2026/2026-0004")
    repo.commit(at("2026-11-04"), {rel("2026-0004"): case_text("2026-0004", "2026-11-02")})
    code, out = repo.numbers()
    assert code == 0, out
    assert "none of this branch's new cases clashes" in out


def test_the_later_of_two_branches_with_one_number_moves_and_only_it(repo: Branches) -> None:
    # An officer at a terminal opened 2026-0004 on 4 November; on 5 November another typed
    # the same number in the editor on GitHub. Both wait for approval.
    repo.branch("case-2026-0004")
    repo.commit(at("2026-11-04"), {rel("2026-0004"): case_text("2026-0004", "2026-11-04")})
    repo.branch("cms/cases-2026/2026-0004")
    mine = case_text("2026-0004", "2026-11-05")
    repo.commit(at("2026-11-05"), {rel("2026-0004"): mine}, "by the editor")

    code, out = repo.numbers()
    assert code == 1
    assert f"{rel('2026-0004')}:1: case number 2026-0004 is already taken on case-2026-0004" in out
    assert repo.repo.head.commit.message == "by the editor"  # the check alone changes nothing

    code, out = repo.numbers("--write")
    assert code == 0, out
    # The highest number anywhere is 0004 (on both branches): the next free one is 0005.
    assert "Renumbered 2026-0004 to 2026-0005" in out
    moved = repo.root / rel("2026-0005")
    assert moved.read_text("utf-8") == mine.replace("id: 2026-0004", "id: 2026-0005")
    assert not (repo.root / rel("2026-0004")).exists()
    head = repo.repo.head.commit
    assert str(head.message).startswith("2026-0005: renumbered from 2026-0004")
    assert sorted(head.stats.files) == [rel("2026-0004"), rel("2026-0005")]
    assert repo.repo.is_dirty(untracked_files=True) is False
    assert complaints(repo.root, "check", "--today", "2026-11-06").code == 0
    assert repo.numbers()[0] == 0  # and now it is free

    # From the earlier branch's side there is no clash: it keeps its number.
    repo.repo.git.checkout("-q", "case-2026-0004")
    assert repo.numbers()[0] == 0


def test_a_number_the_base_ever_had_is_taken(repo: Branches) -> None:
    # 2026-0004 was opened by mistake and deleted: its number is not given again.
    repo.commit(at("2026-11-04"), {rel("2026-0004"): case_text("2026-0004", "2026-11-02")})
    repo.commit(at("2026-11-04", 11), {rel("2026-0004"): None}, "deleted")
    repo.branch("cms/cases-2026/2026-0004")
    repo.commit(at("2026-11-05"), {rel("2026-0004"): case_text("2026-0004", "2026-11-05")})
    code, out = repo.numbers()
    assert code == 1 and "2026-0004 is already taken on main" in out
    code, out = repo.numbers("--write")
    assert code == 0 and "Renumbered 2026-0004 to 2026-0005" in out


def test_a_branch_made_from_another_shares_its_case_without_a_clash(repo: Branches) -> None:
    repo.branch("cms/cases-2026/2026-0004")
    repo.commit(at("2026-11-04"), {rel("2026-0004"): case_text("2026-0004", "2026-11-02")})
    repo.branch("follow-up", "cms/cases-2026/2026-0004")
    repo.commit(at("2026-11-05"), {rel("2026-0005"): case_text("2026-0005", "2026-11-02")})
    code, out = repo.numbers()
    assert code == 0, out


def test_a_case_renumbered_on_the_branch_is_checked_like_a_new_one(repo: Branches) -> None:
    repo.branch("case-2026-0004")
    repo.commit(at("2026-11-04"), {rel("2026-0004"): case_text("2026-0004", "2026-11-02")})
    # Later, on another branch, 2026-0003 is moved to 2026-0004 (Git sees a rename).
    repo.branch("renumbering")
    moved = {rel("2026-0003"): None, rel("2026-0004"): case_text("2026-0004", "2026-11-02")}
    repo.commit(at("2026-11-05"), moved, "renumbered")
    code, out = repo.numbers()
    assert code == 1 and "2026-0004 is already taken on case-2026-0004" in out


def test_a_case_repository_inside_a_larger_git_repository(tmp_path: Path) -> None:
    # The trust keeps its cases in complaints/ of a bigger repository: the same rule holds,
    # and the renumbered file is named from the case repository's root.
    root = write_repo(tmp_path / "complaints")
    big = git.Repo.init(tmp_path, initial_branch="main")

    def commit(day: str, case_id: str = "", received: str = "") -> None:
        if case_id:
            (root / rel(case_id)).parent.mkdir(parents=True, exist_ok=True)
            (root / rel(case_id)).write_text(case_text(case_id, received), "utf-8")
        big.git.add("-A")
        actor = git.Actor("Test Officer", "officer@example.org")
        big.index.commit(
            day, author=actor, committer=actor, author_date=at(day), commit_date=at(day)
        )

    commit("2026-11-02", "2026-0001", "2026-11-02")
    big.git.checkout("-qb", "case-2026-0002")
    commit("2026-11-03", "2026-0002", "2026-11-03")
    big.git.checkout("-qb", "cms/cases-2026/2026-0002", "main")
    commit("2026-11-04", "2026-0002", "2026-11-04")

    ran = complaints(root, "cms", "numbers", "--base", "main")
    taken = f"{rel('2026-0002')}:1: case number 2026-0002 is already taken on case-2026-0002"
    assert ran.code == 1 and taken in ran.out
    ran = complaints(root, "cms", "numbers", "--base", "main", "--write")
    assert ran.code == 0 and "Renumbered 2026-0002 to 2026-0003" in ran.out
    assert (root / rel("2026-0003")).is_file()


def test_not_a_git_repository_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "cases").mkdir()
    ran = complaints(tmp_path, "cms", "numbers", "--base", "main")
    assert ran.code == 1 and "not in a Git repository" in ran.err


def test_an_unknown_base_is_a_clear_error(repo: Branches) -> None:
    ran = complaints(repo.root, "cms", "numbers", "--base", "no-such-branch")
    assert ran.code == 1 and "cannot compare case numbers with no-such-branch" in ran.err
