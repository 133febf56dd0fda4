"""The public site over time: built on consecutive days, it publishes nothing that moves with
one case.

Built the way the attack was: the demo repository's public site built day after day. Before,
its compensation total stepped £1,000 -> £1,075 -> £1,225 -> £1,475 (each step one payment),
and category counts and CH02 moved the same way. Now every build between two cut-offs is the
same, and what changes between two cut-offs of a year in progress is only the TSMs and the
number of complaints (the Regulator's measures, published whatever their size).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import git
import pytest

import putright.cli.site_cmd  # noqa: F401  (registers `complaints site`)
from helpers import run
from known_repo import case_yaml, write_known_repo
from putright.annual.cutoff import cutoffs, next_cutoff, publication_date
from putright.config import Settings
from putright.repository import Repository
from putright.site.public import build_public
from putright.site.templating import make_env

ROOT = Path(__file__).resolve().parent.parent
DEMO_TODAY = dt.date(2026, 11, 24)  # the shipped demo set is made as of this day (test_demo)


def public_pages(repo: Repository, today: dt.date) -> dict[str, str]:
    return {
        p.path: p.content if isinstance(p.content, str) else p.content.decode()
        for p in build_public(repo, today, make_env(repo.root))
    }


def public_json(today: dt.date, year: str = "2026") -> dict[str, object]:
    result = run(
        "--repo",
        str(ROOT),
        "report",
        "--public",
        "--format",
        "json",
        "--year",
        year,
        "--today",
        today.isoformat(),
    )
    assert result.exit_code == 0, result.output
    body: dict[str, object] = json.loads(result.stdout)
    return body


# --- the cut-offs themselves (counted by hand from an April-to-March year) --------------------


def test_quarter_ends_of_an_april_year() -> None:
    assert cutoffs(Settings("x"), 2026) == (
        dt.date(2026, 6, 30),
        dt.date(2026, 9, 30),
        dt.date(2026, 12, 31),
        dt.date(2027, 3, 31),
    )


def test_the_publication_date_is_the_last_cut_off_passed() -> None:
    settings = Settings("x")
    assert publication_date(settings, dt.date(2026, 11, 24)) == dt.date(2026, 9, 30)
    assert publication_date(settings, dt.date(2026, 9, 30)) == dt.date(2026, 9, 30)
    assert publication_date(settings, dt.date(2026, 9, 29)) == dt.date(2026, 6, 30)
    # In the first quarter only the previous, complete year is published.
    assert publication_date(settings, dt.date(2026, 5, 1)) == dt.date(2026, 3, 31)
    assert next_cutoff(settings, dt.date(2026, 9, 30)) == dt.date(2026, 12, 31)


def test_cut_offs_set_in_complaints_yml() -> None:
    settings = Settings("x", year_start=(1, 1), cutoffs=((6, 30),))
    assert cutoffs(settings, 2026) == (dt.date(2026, 6, 30), dt.date(2026, 12, 31))
    assert publication_date(settings, dt.date(2026, 12, 30)) == dt.date(2026, 6, 30)


# --- the attack -------------------------------------------------------------------------------


def test_consecutive_day_builds_of_the_demo_are_identical_within_a_quarter() -> None:
    repo = Repository.open(str(ROOT))
    days = [DEMO_TODAY - dt.timedelta(days=n) for n in range(6, -1, -1)]  # 18 to 24 Nov 2026
    first = public_pages(repo, days[0])
    for day in days[1:]:
        assert public_pages(repo, day) == first, day
    # The year in progress shows no compensation, category or channel figure at all.
    page = first["annual-report/2026-27.md"]
    assert "£" not in page
    assert "30 Sep 2026" in page and "next updated after" in page


def test_the_real_site_is_byte_identical_on_consecutive_days(tmp_path: Path) -> None:
    built = []
    for day in ("2026-11-23", "2026-11-24"):
        out = tmp_path / day
        result = run(
            "--repo", str(ROOT), "site", "build", "--public", "--out", str(out), "--today", day
        )
        assert result.exit_code == 0, result.output
        built.append(
            {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()}
        )
    assert built[0] == built[1]


def test_a_new_cut_off_changes_the_figures_and_a_day_before_does_not() -> None:
    repo = Repository.open(str(ROOT))
    assert public_pages(repo, dt.date(2026, 9, 29)) != public_pages(repo, dt.date(2026, 9, 30))
    assert public_pages(repo, dt.date(2026, 9, 30)) == public_pages(repo, dt.date(2026, 10, 1))


HELD = (
    "outcomes", "extensions", "acknowledged_on_time", "responded_on_time", "categories",
    "channels", "refusals", "remedies", "ombudsman_findings", "compensation", "actions_on_time",
    "different_handlers", "counts", "self_assessment",
)  # fmt: skip


@pytest.mark.parametrize(
    "earlier,later",
    [(dt.date(2026, 6, 30), dt.date(2026, 9, 30)), (dt.date(2026, 9, 30), dt.date(2026, 10, 1))],
)
def test_consecutive_cut_offs_differ_only_in_the_tsms_and_complaint_counts(
    earlier: dt.date, later: dt.date
) -> None:
    before, after = public_json(earlier), public_json(later)
    for key in HELD:
        assert before[key] == after[key], key
    assert before["held_until_complete"] and after["held_until_complete"]
    # What is published of a held year carries no number but the TSMs' and the volumes'.
    money = after["compensation"]
    assert money == {
        "offered": {"payments": None, "amount_gbp": None},
        "paid": {"payments": None, "amount_gbp": None},
    }
    assessment = after["self_assessment"]
    assert isinstance(assessment, dict)
    for row in assessment["rows"]:
        assert row["contradiction"] == ""
        assert all(not any(ch.isdigit() for ch in line) for line in row["records"]), row


def test_a_complete_year_is_published_whole() -> None:
    report = public_json(DEMO_TODAY, year="2025")
    assert report["complete"] is True and report["held_until_complete"] is False
    # As of its own end: a complete year stays the same from one cut-off to the next.
    assert report["as_of"] == "2026-03-31"
    assert public_json(dt.date(2026, 4, 1), year="2025") == report
    repo = Repository.open(str(ROOT))
    pages = [public_pages(repo, day) for day in (dt.date(2026, 6, 30), DEMO_TODAY)]
    assert pages[0]["annual-report/2025-26.md"] == pages[1]["annual-report/2025-26.md"]
    assert pages[0]["self-assessment/2025-26.md"] == pages[1]["self-assessment/2025-26.md"]


# --- a complete year corrected later ----------------------------------------------------------


def commit_all(repo: git.Repo, message: str, when: str) -> None:
    repo.git.add("--all")
    stamp = f"{when}T12:00:00"
    repo.index.commit(message, author_date=stamp, commit_date=stamp)


def test_a_corrected_complete_year_is_republished_with_a_dated_note(tmp_path: Path) -> None:
    root = write_known_repo(tmp_path / "repo")
    history = git.Repo.init(root)
    commit_all(history, "the year as it ended", "2026-03-20")
    first = public_pages(Repository.open(str(root)), dt.date(2026, 7, 1))
    assert "Revised" not in first["annual-report/2025-26.md"]

    # A complaint from March 2026, logged late in May: the complete year's figures change.
    late = case_yaml("2025-9999", "2026-03-16", [{"date": "2026-03-17", "type": "acknowledged"}])
    (root / "cases" / "2025-9999.yaml").write_text(late, encoding="utf-8")
    commit_all(history, "log a complaint late", "2026-05-10")
    again = public_pages(Repository.open(str(root)), dt.date(2026, 7, 1))
    page = again["annual-report/2025-26.md"]
    assert "Revised 2026-06-30: records of this year were corrected" in page
