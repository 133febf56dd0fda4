"""The public report as a person sees it: headless Chromium over the built site.

Builds the public site for a repository whose figures are known (tests/known_repo and
test_annual_selfassess), serves it on 127.0.0.1 and checks the headings and key figures on
the report, TSM and self-assessment pages; screenshots go to the test's tmp_path.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the shared test data

from browser_support import MARKS, Site, serve

from known_repo import ANSWERS, build_public_site, late_repo

pytestmark = MARKS


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    base = tmp_path_factory.mktemp("browser")
    repo = late_repo(base / "repo", ANSWERS)
    out = base / "public"
    build_public_site(repo.root, out)
    with serve(out) as url:
        yield Site(url, out)


def _open(browser: object, url: str, shot: Path) -> object:
    page = browser.new_page(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
    response = page.goto(url)
    assert response is not None and response.ok, url
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 0
    return page


def test_report_page(site: Site, browser: object, tmp_path: Path) -> None:
    page = _open(browser, site.page("annual-report/2025-26"), tmp_path / "report.png")
    assert page.locator("h1").inner_text().startswith("Annual complaints report 2025-26")  # type: ignore[attr-defined]
    body = page.locator("article").inner_text()  # type: ignore[attr-defined]
    assert "Tenant Satisfaction Measures" in body
    # Ten stage 1 complaints per 900 low-cost rental homes: 10 / 900 * 1000 = 11.1.
    assert "11.1" in body
    # Stage 1 acknowledgement: 7 of 10 on time; the 3 late are too few to publish the share.
    assert "70.0%" not in body and "not published (fewer than 5 cases on one side)" in body
    figure = page.locator("figure img").first  # type: ignore[attr-defined]
    assert figure.is_visible()
    assert "Line chart" in (figure.get_attribute("alt") or "")
    page.close()  # type: ignore[attr-defined]


def test_tsm_page(site: Site, browser: object, tmp_path: Path) -> None:
    page = _open(browser, site.page("tsm"), tmp_path / "tsm.png")
    assert page.locator("h1").inner_text().startswith("Tenant Satisfaction Measures: complaints")  # type: ignore[attr-defined]
    assert page.get_by_role("heading", name="2025-26").is_visible()  # type: ignore[attr-defined]
    row = page.locator("tr", has_text="CH02").first  # type: ignore[attr-defined]
    assert "100.0" in row.inner_text()  # every response within 10 working days of its ack
    # The charts' alt text gives the figures, not only what is drawn: ten stage 1 complaints
    # per 900 low-cost rental homes is 10 / 900 * 1000 = 11.1; every response on time, 100%.
    alts = [
        img.get_attribute("alt") or ""
        for img in page.locator("figure img").all()  # type: ignore[attr-defined]
    ]
    assert any("2025-26 stage 1 11.1," in alt for alt in alts), alts
    assert any("2025-26 stage 1 100%," in alt for alt in alts), alts
    page.close()  # type: ignore[attr-defined]


def test_self_assessment_page(site: Site, browser: object, tmp_path: Path) -> None:
    page = _open(browser, site.page("self-assessment/2025-26"), tmp_path / "self-assessment.png")
    assert page.locator("h1").inner_text().startswith("Self-assessment 2025-26")  # type: ignore[attr-defined]
    warning = page.locator(".admonition.warning").first  # type: ignore[attr-defined]
    assert warning.is_visible()
    assert "stage 1 complaints that were not acknowledged" in warning.inner_text()
    assert "3 of 10" not in warning.inner_text()
    assert page.get_by_role("heading", name="Section 6: Complaint stages").is_visible()  # type: ignore[attr-defined]
    page.close()  # type: ignore[attr-defined]


def test_index_links_to_every_page(site: Site, browser: object, tmp_path: Path) -> None:
    page = _open(browser, site.page("index"), tmp_path / "index.png")
    for name in (
        "Annual complaints report 2025-26",
        "Self-assessment 2025-26",
        "Our complaints procedure",
    ):
        page.get_by_role("link", name=name).first.click()  # type: ignore[attr-defined]
        page.wait_for_load_state()  # type: ignore[attr-defined]
        assert page.locator("h1").is_visible()  # type: ignore[attr-defined]
        page.go_back()  # type: ignore[attr-defined]
    page.close()  # type: ignore[attr-defined]
