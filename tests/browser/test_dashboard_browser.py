"""The staff dashboard as a person sees it: headless Chromium over the built site.

Builds the internal site for the demo cases plus one hostile case, serves it on 127.0.0.1
and checks the overview, a case page full of attacks (nothing runs, the text shows), a
chart, and Material's search; screenshots go to the test's tmp_path.
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the shared test data

from browser_support import MARKS, Site, serve

from helpers import run, write_repo
from site_fixtures import CASES, HOSTILE_ID

ROOT = Path(__file__).resolve().parent.parent.parent
TODAY = "2026-11-24"

pytestmark = MARKS


@pytest.fixture(scope="module", params=["mkdocs", "zensical"])
def site(
    tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest
) -> Iterator[Site]:
    import putright.cli.site_cmd  # noqa: F401  (registers `complaints site`)

    base = tmp_path_factory.mktemp("dashboard")
    repo = write_repo(base / "repo", CASES)
    demo = sorted((ROOT / "cases").rglob("*.yaml"))
    for path in demo:  # the demo cases too, when this checkout has them
        target = repo / path.relative_to(ROOT)
        target.parent.mkdir(parents=True, exist_ok=True)
        if not target.exists():
            shutil.copy(path, target)
    shutil.copy(ROOT / "complaints.yml", repo / "complaints.yml") if demo else None
    for policy in (ROOT / "policies").glob("*.yaml"):
        shutil.copy(policy, repo / "policies" / policy.name)
    out = base / "site"
    result = run(
        *("--repo", str(repo), "site", "build", "--today", TODAY, "--out", str(out)),
        *("--builder", request.param),
    )
    assert result.exit_code == 0, result.output
    with serve(out) as url:
        yield Site(url, out, demo[0].stem if demo else "2026-0001", request.param)


@pytest.fixture
def page(browser: object) -> Iterator[object]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
    tab = context.new_page()
    try:
        yield tab
    finally:
        context.close()


class Watch:
    """Dialogs (alert/confirm/prompt) and script errors: none may happen."""

    def __init__(self, tab: object) -> None:
        self.dialogs: list[str] = []
        self.errors: list[str] = []

        def on_dialog(dialog: object) -> None:
            self.dialogs.append(dialog.message)  # type: ignore[attr-defined]
            dialog.dismiss()  # type: ignore[attr-defined]

        tab.on("dialog", on_dialog)  # type: ignore[attr-defined]
        tab.on("pageerror", lambda error: self.errors.append(str(error)))  # type: ignore[attr-defined]


def test_overview(site: Site, page: object, tmp_path: Path) -> None:
    watch = Watch(page)
    page.goto(f"{site.url}/")  # type: ignore[attr-defined]
    assert page.locator("h1").inner_text().startswith("Complaints overview")  # type: ignore[attr-defined]
    banner = page.locator(".admonition.danger").first  # type: ignore[attr-defined]
    assert banner.is_visible() and "PRIVATE" in banner.inner_text()
    assert page.get_by_role("heading", name="Overdue").is_visible()  # type: ignore[attr-defined]
    page.screenshot(path=str(tmp_path / "overview.png"), full_page=True)  # type: ignore[attr-defined]
    assert watch.dialogs == [] and watch.errors == []


def test_hostile_case_page_shows_text_and_runs_nothing(
    site: Site, page: object, tmp_path: Path
) -> None:
    watch = Watch(page)
    page.goto(site.page(f"cases/2026/{HOSTILE_ID}"))  # type: ignore[attr-defined]
    page.wait_for_load_state("load")  # type: ignore[attr-defined]
    page.wait_for_timeout(500)  # type: ignore[attr-defined]  (time for anything that would fire)
    content = page.locator("article")  # type: ignore[attr-defined]
    text = content.inner_text()
    assert "<script>alert(1)</script>" in text
    assert "<img src=x onerror=alert(2)>" in text
    assert "[x](javascript:alert(3))" in text and "**bold**" in text and "{{ 7*7 }}" in text
    assert page.get_by_text("<script>alert(1)</script>", exact=False).first.is_visible()  # type: ignore[attr-defined]
    assert content.locator("script, iframe, img, svg[onload]").count() == 0
    assert content.locator("a[href^='javascript']").count() == 0
    assert "PRIVATE" in content.locator(".admonition.danger").inner_text()
    assert "<" not in page.title()  # type: ignore[attr-defined]
    page.screenshot(path=str(tmp_path / "hostile-case.png"), full_page=True)  # type: ignore[attr-defined]
    assert watch.dialogs == [], watch.dialogs
    assert watch.errors == [], watch.errors


def test_hostile_officer_worklist(site: Site, page: object) -> None:
    watch = Watch(page)
    worklist = next(p for p in (site.root / "worklists").iterdir() if "title" in p.name)
    page.goto(site.page(f"worklists/{worklist.name.removesuffix('.html')}"))  # type: ignore[attr-defined]
    page.wait_for_timeout(300)  # type: ignore[attr-defined]
    assert page.locator("h1").inner_text().startswith("Worklist: ")  # type: ignore[attr-defined]
    assert watch.dialogs == [] and watch.errors == []


def test_a_chart(site: Site, page: object, tmp_path: Path) -> None:
    page.goto(site.page("performance"))  # type: ignore[attr-defined]
    figure = page.locator("article figure").first  # type: ignore[attr-defined]
    image = figure.locator("img")
    image.scroll_into_view_if_needed()
    assert image.is_visible()
    assert len(image.get_attribute("alt") or "") > 20
    assert image.evaluate("img => img.complete && img.naturalWidth > 0")
    assert figure.locator("figcaption").inner_text()
    # The numbers beside it.
    assert page.locator("article table").count() >= page.locator("article figure").count() >= 8  # type: ignore[attr-defined]
    figure.screenshot(path=str(tmp_path / "chart.png"))


def test_search_finds_a_case(site: Site, page: object, tmp_path: Path) -> None:
    watch = Watch(page)
    page.goto(f"{site.url}/")  # type: ignore[attr-defined]
    if site.builder == "zensical":
        # Zensical's search: a button opens a dialog in a shadow DOM (Playwright's CSS
        # locators pierce it); results are a listbox of links.
        page.locator(".md-search__button").click()  # type: ignore[attr-defined]
        box = page.locator("dialog input[role=combobox]")  # type: ignore[attr-defined]
        results = page.locator("dialog [role=listbox] a")  # type: ignore[attr-defined]
    else:
        page.locator("label.md-search__icon, .md-search__input").first.click()  # type: ignore[attr-defined]
        box = page.locator("input.md-search__input")  # type: ignore[attr-defined]
        results = page.locator(".md-search-result__item a")  # type: ignore[attr-defined]
    # Typed key by key, as a person does: Material searches on key events, and a value set
    # with fill() alone is sometimes never searched for.
    box.press_sequentially(site.case_id, delay=50)
    results.first.wait_for(timeout=15_000)
    links = [results.nth(i).get_attribute("href") or "" for i in range(results.count())]
    assert any(site.case_id in link for link in links), links
    page.screenshot(path=str(tmp_path / "search.png"))  # type: ignore[attr-defined]
    assert watch.errors == []
