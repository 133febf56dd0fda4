"""The staff site's Reports pages as a manager sees them, over the demo repository.

Builds the internal site for the shipped demo (teams, surveys, contractor complaints, a
restriction and Ombudsman orders), serves it on 127.0.0.1 and opens each digest in Chromium.
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from browser_support import MARKS, page_url, serve

from helpers import run

ROOT = Path(__file__).resolve().parent.parent.parent
TODAY = "2026-11-24"  # the day the shipped demo set is made as of

pytestmark = MARKS


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    import putright.cli.site_cmd  # noqa: F401  (registers `complaints site`)

    base = tmp_path_factory.mktemp("reports")
    repo = base / "repo"
    shutil.copytree(ROOT / "cases", repo / "cases")
    shutil.copytree(ROOT / "policies", repo / "policies")
    shutil.copy(ROOT / "complaints.yml", repo / "complaints.yml")
    out = base / "site"
    result = run("--repo", str(repo), "site", "build", "--today", TODAY, "--out", str(out))
    assert result.exit_code == 0, result.output
    with serve(out) as url:
        yield url, out


@pytest.fixture
def page(browser: object) -> Iterator[object]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    try:
        yield tab
    finally:
        context.close()
    assert errors == []


def test_reports_index_links_every_digest(
    site: tuple[str, Path], page: object, tmp_path: Path
) -> None:
    url, root = site
    page.goto(page_url(url, root, "reports/index"))  # type: ignore[attr-defined]
    assert page.locator("h1").inner_text().startswith("Reports")  # type: ignore[attr-defined]
    assert "PRIVATE" in page.locator(".admonition.danger").first.inner_text()  # type: ignore[attr-defined]
    links = page.locator("article table a")  # type: ignore[attr-defined]
    assert links.count() == 5
    # The section is in the navigation, and its links lead to the pages.
    assert page.locator("nav.md-nav >> text=Reports").first.count() == 1  # type: ignore[attr-defined]
    page.get_by_role("link", name="Weekly complaints digest, week of 2026-11-23").first.click()  # type: ignore[attr-defined]
    page.wait_for_load_state("load")  # type: ignore[attr-defined]
    assert page.locator("h1").inner_text().startswith("Weekly complaints digest")  # type: ignore[attr-defined]
    page.screenshot(path=str(tmp_path / "week.png"), full_page=True)  # type: ignore[attr-defined]


def test_week_shows_each_team_and_its_officers(site: tuple[str, Path], page: object) -> None:
    url, root = site
    page.goto(page_url(url, root, "reports/week"))  # type: ignore[attr-defined]
    article = page.locator("article")  # type: ignore[attr-defined]
    for team in ("Repairs and estates", "Tenancy and customer services"):
        assert article.get_by_role("heading", name=team).is_visible()
    text = article.inner_text()
    assert "Grace Okoye (fictional)" in text and "aokafor" in text and "dwright" in text
    assert "stalled" in text


def test_quarter_pack_shows_restriction_surveys_and_contractors(
    site: tuple[str, Path], page: object, tmp_path: Path
) -> None:
    url, root = site
    page.goto(page_url(url, root, "reports/quarter"))  # type: ignore[attr-defined]
    article = page.locator("article")  # type: ignore[attr-defined]
    text = article.inner_text()
    assert "Trend over the last four quarters" in text
    assert "phone calls to the case officer only" in text  # the restriction
    assert "Surveys this quarter:" in text and "No survey recorded" not in text
    assert "Brookfield Building Services (fictional)" in text
    assert article.locator("table").count() >= 6
    page.screenshot(path=str(tmp_path / "quarter.png"), full_page=True)  # type: ignore[attr-defined]


def test_quarter_to_date_shows_the_ombudsman_order(site: tuple[str, Path], page: object) -> None:
    url, root = site
    page.goto(page_url(url, root, "reports/quarter-to-date"))  # type: ignore[attr-defined]
    row = page.locator("article tr", has_text="review how the agent passes on repair reports")  # type: ignore[attr-defined]
    assert row.count() == 1 and "not yet due" in row.inner_text()
    determination = page.locator("article tr", has_text="service failure")  # type: ignore[attr-defined]
    assert determination.count() == 1
