"""The public generator: which pages it makes, what they say, and that they stay inert."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from helpers import built_page
from known_repo import ANSWERS, SETTINGS, YEAR_FILE, build_public_site, late_repo, write_known_repo
from putright.annual.yearfile import YearFileError
from putright.repository import Repository
from putright.site.pages import Page
from putright.site.public import build_public, public_facts, year_views
from putright.site.templating import make_env
from putright.textsafe import md_inline

TODAY = dt.date(2026, 6, 30)


def pages_of(repo: Repository) -> dict[str, str]:
    pages: list[Page] = build_public(repo, TODAY, make_env(repo.root))
    return {p.path: p.content if isinstance(p.content, str) else p.content.decode() for p in pages}


@pytest.fixture(scope="module")
def known(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """Built once for the module: the tests that take it only read it."""
    root = tmp_path_factory.mktemp("public") / "repo"
    extra = {"reports/2025-26.yaml": YEAR_FILE}
    return pages_of(Repository.open(str(write_known_repo(root, SETTINGS, extra))))


def test_only_aggregate_pages(known: dict[str, str]) -> None:
    assert set(known) == {
        "index.md",
        "tsm.md",
        "procedure.md",
        "accessibility.md",
        "annual-report/2024-25.md",
        "annual-report/2025-26.md",
        "annual-report/2026-27.md",
        "self-assessment/2024-25.md",
        "self-assessment/2025-26.md",
        "self-assessment/2026-27.md",
        "assets/charts/2025-26-quarters.svg",
        "assets/charts/tsm-ch01.svg",
        "assets/charts/tsm-ch02.svg",
    }
    assert not any(path.startswith("cases/") or "ka-" in path for path in known)


def test_report_page(known: dict[str, str]) -> None:
    page = known["annual-report/2025-26.md"]
    assert page.startswith("# Annual complaints report 2025-26")
    assert "| CH01: complaints per 1,000 homes | 13.3 | 2.2 |" in page
    # 9 of 11 stage 1 responses within (test_annual_tsm.test_ch02_defaults) = 81.8.
    assert "| CH02: % responded to within the Code's timescales | 81.8 | 100.0 |" in page
    assert "A quiet year with a few late responses." in page
    assert "Daily due list" in page
    assert "The Board accepts this report." in page
    assert "Approved by Board on Thu 18 Jun 2026." in page
    assert "\\*" in page  # small numbers hidden
    # The staff-only figures never appear: no file names, no "FOR STAFF".
    assert "cases/" not in page and "FOR STAFF" not in page


def test_not_yet_written(known: dict[str, str]) -> None:
    page = known["annual-report/2026-27.md"]
    assert page.count("Not yet written.") >= 3
    assert "Year to date" in page
    assessment = known["self-assessment/2026-27.md"]
    assert "Not yet written" in assessment
    assert assessment.count("\n| 6.") == 20  # every provision of section 6 is still listed


def test_tsm_page_lists_every_year(known: dict[str, str]) -> None:
    page = known["tsm.md"]
    for label in ("2024-25", "2025-26", "2026-27"):
        assert f"## {label}" in page
    assert "Low-cost home ownership" in page
    assert "assets/charts/tsm-ch01.svg" in page
    assert "<svg" in known["assets/charts/tsm-ch01.svg"]


def test_procedure_page(known: dict[str, str]) -> None:
    page = known["procedure.md"]
    assert "Housing Ombudsman Complaint Handling Code \\(2024\\)" in page
    assert "| Stage | Clock |" in page


def test_contradiction_is_shown(tmp_path: Path) -> None:
    pages = pages_of(late_repo(tmp_path / "repo", ANSWERS))
    page = pages["self-assessment/2025-26.md"]
    assert "## Where our records do not bear out our answers" in page
    assert '!!! warning "6.2 Acknowledge within 5 working days"' in page
    # 3 of 10 late: the 3 is below min_cell, so the contradiction stands without its numbers.
    assert "stage 1 complaints that were not acknowledged within 5 working days" in page
    assert "3 of 10" not in page and "30.0%" not in page
    assert "Yes (records disagree)" in page
    index = pages["index.md"]
    assert "Our records do not bear out 1 of the answers" in index


def test_landlord_text_is_inert(tmp_path: Path) -> None:
    hostile = YEAR_FILE.replace(
        "A quiet year with a few late responses.",
        "<script>alert(1)</script> [click](javascript:alert(2)) **bold** {{ 7*7 }}",
    )
    pages = pages_of(
        Repository.open(
            str(write_known_repo(tmp_path / "repo", SETTINGS, {"reports/2025-26.yaml": hostile}))
        )
    )
    page = pages["annual-report/2025-26.md"]
    assert "<script>" not in page
    assert "&lt;script&gt;" in page
    assert "\\[click\\]\\(javascript:alert\\(2\\)\\)" in page
    assert "\\*\\*bold\\*\\*" in page
    assert "\\{\\{ 7\\*7 \\}\\}" in page  # printed, not evaluated


def test_a_bad_year_file_stops_the_build(tmp_path: Path) -> None:
    repo = Repository.open(
        str(
            write_known_repo(
                tmp_path / "repo", SETTINGS, {"reports/2025-26.yaml": 'year: "2025-26"\nbad: 1\n'}
            )
        )
    )
    with pytest.raises(YearFileError, match=r"reports/2025-26\.yaml:2: "):
        build_public(repo, TODAY, make_env(repo.root))


def test_the_landlord_can_change_the_wording(tmp_path: Path) -> None:
    root = write_known_repo(tmp_path / "repo")
    (root / "site_templates" / "public").mkdir(parents=True)
    (root / "site_templates" / "public" / "tsm.md.j2").write_text(
        "# Our measures\n\nAs of {{ today|date }}.\n"
    )
    pages = pages_of(Repository.open(str(root)))
    assert pages["tsm.md"] == "# Our measures\n\nAs of Tue 30 Jun 2026.\n"


@pytest.mark.slow
def test_real_mkdocs_build_is_strict_clean(tmp_path: Path) -> None:
    repo = late_repo(tmp_path / "repo", ANSWERS)
    out = tmp_path / "public"
    build_public_site(repo.root, out)

    html = built_page(out, "self-assessment/2025-26").read_text(encoding="utf-8")
    assert "admonition warning" in html
    assert "stage 1 complaints that were not acknowledged within 5 working days" in html


def test_list_items_stay_apart(known: dict[str, str]) -> None:
    # A block tag ending a line of text (with trim_blocks) must not swallow the next item's newline.
    for path, text in known.items():
        if path.endswith(".md"):
            assert not re.search(r"[.)]- [A-Z]", text), path


def test_one_list_of_tables_drives_the_page_the_text_and_the_markdown(
    tmp_path: Path, run: Callable[..., Any]
) -> None:
    """Every breakdown of the published report (``PublishedReport.tables``) is on the public
    page, and in `complaints report --public` as text and as Markdown, once each and in that
    order: a table added to the list shows everywhere, and none is written out by hand."""
    root = write_known_repo(tmp_path / "repo", SETTINGS, {"reports/2025-26.yaml": YEAR_FILE})
    repo = Repository.open(str(root))
    (view,) = [v for v in year_views(repo, public_facts(repo, TODAY)) if v.label == "2025-26"]
    titles = [t.title for t in view.report.tables]
    # 2 extension tables, 2 volume tables, categories, channels, 2 outcome tables, refusals,
    # remedies and Ombudsman findings: the report's eleven breakdowns.
    assert len(titles) == 11 and len(set(titles)) == 11
    page = pages_of(repo)["annual-report/2025-26.md"]
    public = ("--repo", str(root), "report", "--public", "--year", "2025", "--today", str(TODAY))
    text = run(*public)
    markdown = run(*public, "--format", "markdown")
    for shown, wanted in (
        (page, [f"Table: {md_inline(t)}" for t in titles]),
        (text.stdout, titles),
        (markdown.stdout, [f"### {md_inline(t)}" for t in titles]),
    ):
        lines = shown.splitlines()
        places = [lines.index(line) for line in wanted]
        assert places == sorted(places), shown
        assert all(lines.count(line) == 1 for line in wanted)
