"""`complaints site build`: a real MkDocs build (strict) into tmp_path, read back as HTML."""

from __future__ import annotations

import json
import re
import urllib.parse
from collections.abc import Callable
from pathlib import Path

import docx
import pytest

import putright.cli.site_cmd  # noqa: F401  (registers `complaints site`)
from helpers import built_html, copy_demo, run, run_in
from putright.records import load_case
from site_fixtures import CASES, HOSTILE_ID, SETTINGS

ROOT = Path(__file__).resolve().parent.parent
BANNER = "PRIVATE: internal to staff, contains personal data"

pytestmark = pytest.mark.slow


def html_pages(site: Path) -> dict[str, str]:
    """Every built page by its file (directory URLs or not), the 404 page aside."""
    return {
        p.relative_to(site).as_posix(): p.read_text(encoding="utf-8")
        for p in site.rglob("*.html")
        if p.relative_to(site).as_posix() != "404.html"
    }


def article(page: str) -> str:
    return page[page.index("<article") : page.index("</article>")]


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from helpers import write_repo

    base = tmp_path_factory.mktemp("site")
    repo = write_repo(base / "repo", CASES, settings=SETTINGS)
    out = base / "site"
    result = run_in(repo, "site", "build", "--today", "2026-04-01", "--out", str(out))
    assert result.exit_code == 0, result.output
    assert f"Built the staff dashboard in {out}" in result.output and "PRIVATE" in result.output
    return out


def test_every_page_is_built_and_marked_private(hostile_site: Path) -> None:
    for name in (
        "index",
        "worklists/index",
        "cases/index",
        "cases/2026/index",
        f"cases/2026/{HOSTILE_ID}",
        "performance",
        "learning",
        "procedures",
    ):
        built_html(hostile_site, name)
    for name, page in html_pages(hostile_site).items():
        assert "<strong>PRIVATE</strong>: the staff complaints dashboard" in page, name  # the bar
        body = article(page)
        assert BANNER in body, name
        # Straight after the title.
        assert body.index(BANNER) < body.index("</h1>") + 200, name


def test_even_the_404_page_says_private(hostile_site: Path) -> None:
    assert "<strong>PRIVATE</strong>" in (hostile_site / "404.html").read_text(encoding="utf-8")


def test_hostile_case_text_shows_as_text(hostile_site: Path) -> None:
    page = built_html(hostile_site, f"cases/2026/{HOSTILE_ID}")
    body = article(page)
    assert "<script" not in body and "<iframe" not in body and "<img" not in body
    assert 'href="javascript' not in page and "onerror=alert" not in body.replace(
        "onerror=alert(2)&gt;", ""
    )
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body
    assert "**bold**" in body and "{{ 7*7 }}" in body and "{% for x in y %}" in body
    # Only the theme's own scripts on the page.
    scripts = re.findall(r"<script[^>]*>", page)
    assert all("alert" not in s for s in scripts)
    assert "alert(" not in "".join(re.findall(r"<script[^>]*>(.*?)</script>", page, re.S))


def test_titles_cannot_be_escaped(hostile_site: Path) -> None:
    for name, page in html_pages(hostile_site).items():
        title = re.search(r"<title>(.*?)</title>", page, re.S)
        assert title is not None, name
        assert "<" not in title.group(1), (name, title.group(1))
        assert page.count("</title>") == 1, name


def test_charts_are_images_with_alt_text(hostile_site: Path) -> None:
    page = article(built_html(hostile_site, "performance"))
    images = re.findall(r'<img alt="([^"]+)" src="([^"]+)"', page)
    assert len(images) >= 8
    for alt, src in images:
        assert alt and src.endswith(".svg") and "assets/charts/" in src, src
        assert (hostile_site / "assets" / "charts" / src.rsplit("/", 1)[1]).is_file(), src
    tables = re.findall(r"<table[ >]", page)  # the tables carry a class (markdown_tables)
    assert page.count("<figure>") == len(images) and len(tables) == len(images)


def test_case_pages_are_searchable_but_stay_out_of_the_navigation(hostile_site: Path) -> None:
    index = json.loads((hostile_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = {d["location"] for d in index["docs"]}
    assert any(f"cases/2026/{HOSTILE_ID}" in location for location in locations)
    # Free text is not indexed (the index would be tens of MB at 10,000 cases); the facts are.
    assert not any("heading x" in d["text"] for d in index["docs"])
    assert not any(BANNER in d["text"] for d in index["docs"])
    overview = built_html(hostile_site, "index")
    nav = overview[overview.index("md-sidebar--primary") : overview.index("md-sidebar--secondary")]
    assert 'href="cases/2026/' in nav and HOSTILE_ID not in nav


def test_the_demo_data_builds_strictly(tmp_path: Path) -> None:
    """This repository's demo cases and mkdocs.yml (its docs/ left out: other pages, other tests)."""
    if not any((ROOT / "cases").rglob("*.yaml")):
        pytest.skip("no demo cases in this checkout")
    repo = copy_demo(tmp_path / "repo")
    out = tmp_path / "site"
    result = run_in(repo, "site", "build", "--today", "2026-11-24", "--out", str(out), "--strict")
    assert result.exit_code == 0, result.output
    for case in (ROOT / "cases").rglob("*.yaml"):
        loaded, _problems, _text = load_case(case.read_bytes(), case.name)
        if loaded is not None:
            assert f"Case {loaded.id}" in built_html(
                out, f"cases/{loaded.received.year}/{loaded.id}"
            )
    overview = article(built_html(out, "index"))
    assert "Complaints overview" in overview and "Overdue (" in overview
    assert re.search(r"\d+ pages\.", result.output)


def test_the_toolkit_repository_builds_strictly(tmp_path: Path) -> None:
    """The real thing: /work/main's mkdocs.yml with its guides under docs/."""
    if not (ROOT / "mkdocs.yml").is_file() or not any((ROOT / "cases").rglob("*.yaml")):
        pytest.skip("no mkdocs.yml or no demo cases in this checkout")
    result = run_in(ROOT, "site", "build", "--today", "2026-11-24", "--out", str(tmp_path / "site"))
    assert result.exit_code == 0, result.output


def test_a_repository_without_mkdocs_yml_gets_the_built_in_config(
    make_repo: Callable[..., Path], tmp_path: Path
) -> None:
    repo = make_repo(
        {"cases/2026/2026-0001.yaml": "id: 2026-0001\nreceived: 2026-01-05\nevents: []\n"}
    )
    result = run_in(repo, "site", "build", "--today", "2026-02-01", "--out", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    assert "Case 2026-0001" in built_html(tmp_path / "out", "cases/2026/2026-0001")
    assert "Test Housing Trust: complaints, staff only" in (
        tmp_path / "out" / "index.html"
    ).read_text(encoding="utf-8")


def test_errors_are_messages(make_repo: Callable[..., Path], tmp_path: Path) -> None:
    repo = make_repo()
    (repo / "docs").mkdir()
    (repo / "mkdocs.yml").write_text("site_name: x\nplugins: [search]\n", encoding="utf-8")
    result = run_in(repo, "site", "build", "--out", str(tmp_path / "o"))
    assert result.exit_code == 1 and "does not enable the putright plugin" in result.output

    (repo / "mkdocs.yml").write_text("site_name: x\nplugins: [putright]\n", encoding="utf-8")
    (repo / "mkdocs.public.yml").write_text("site_name: x\nplugins: [putright]\n", encoding="utf-8")
    result = run_in(repo, "site", "build", "--public", "--out", str(tmp_path / "o"))
    assert (
        result.exit_code == 1 and "public: true" in result.output
    )  # never the private site as public

    (repo / "mkdocs.yml").write_text(
        "site_name: x\nplugins: [{putright: {today: nonsense}}]\n", encoding="utf-8"
    )
    result = run_in(repo, "site", "build", "--out", str(tmp_path / "o"))
    assert result.exit_code == 1 and "not a date" in result.output

    (repo / "mkdocs.yml").write_text(
        "site_name: x\ntheme: {name: no-such-theme}\nplugins: [putright]\n", encoding="utf-8"
    )
    result = run_in(repo, "site", "build", "--out", str(tmp_path / "o"))
    assert result.exit_code == 1 and "the site was not built" in result.output


def test_a_bad_complaints_yml_is_reported_before_mkdocs_starts(
    make_repo: Callable[..., Path],
) -> None:
    repo = make_repo(settings="homes: 3\n")  # no organisation
    result = run("--repo", str(repo), "site", "build")
    assert result.exit_code == 1 and "complaints.yml" in result.output, result.output
    assert not (repo / "site").exists()


@pytest.mark.parametrize("directory_urls", [False, True])
def test_a_letter_named_by_an_event_is_in_the_staff_site_and_linked(
    tmp_path: Path, directory_urls: bool
) -> None:
    """The link is HTML (no builder rewrites it), made for the site's URL style."""
    from helpers import ROOT, write_repo

    case = (
        "id: 2026-0001\nreceived: 2026-03-02\ncomplainant: {name: Ann Letter}\nevents:\n"
        "  - {date: 2026-03-04, type: acknowledged, stage: 1, by: jsmith,"
        " letter: letters/2026-0001/2026-03-04 acknowledgement (final).docx}\n"
    )
    repo = write_repo(tmp_path / "repo", {"cases/2026/2026-0001.yaml": case})
    if directory_urls:  # the repository's own mkdocs.yml, serving x.md as x/
        config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
        assert "use_directory_urls: false" in config
        config = config.replace("use_directory_urls: false", "use_directory_urls: true")
        (repo / "mkdocs.yml").write_text(config, encoding="utf-8")
        (repo / "docs").mkdir()
    document = docx.Document()
    document.add_paragraph("Dear Ann Letter")
    (repo / "letters/2026-0001").mkdir(parents=True)
    document.save(str(repo / "letters/2026-0001/2026-03-04 acknowledgement (final).docx"))
    out = tmp_path / "site"
    result = run_in(repo, "site", "build", "--today", "2026-04-01", "--out", str(out))
    assert result.exit_code == 0, result.output
    copied = out / "letters/2026-0001/2026-03-04 acknowledgement (final).docx"
    assert docx.Document(str(copied)).paragraphs[0].text == "Dear Ann Letter"
    page_file = next(
        p for p in (out / "cases/2026/2026-0001.html", out / "cases/2026/2026-0001/index.html")
        if p.is_file()
    )  # fmt: skip
    (href,) = re.findall(r'<a href="([^"]+)">letter sent</a>', page_file.read_text("utf-8"))
    target = (page_file.parent / urllib.parse.unquote(href)).resolve()
    assert target == copied.resolve()


def test_the_built_in_config_gives_two_different_accessible_sites(
    make_repo: Callable[..., Path], tmp_path: Path
) -> None:
    """Without a mkdocs.yml: British English, and the staff site's dark red, the public's indigo
    (colours whose contrast tests/browser/test_accessibility measures on the repository's own)."""
    repo = make_repo()
    for flags, primary in (((), "custom"), (("--public",), "indigo")):
        out = tmp_path / (flags[0].strip("-") if flags else "staff")
        result = run_in(repo, "site", "build", *flags, "--today", "2026-02-01", "--out", str(out))
        assert result.exit_code == 0, result.output
        for name in ("index.html", "404.html"):
            page = (out / name).read_text(encoding="utf-8")
            assert '<html lang="en-GB"' in page, (flags, name)
            assert f'data-md-color-primary="{primary}"' in page, (flags, name)
            assert "assets/stylesheets/putright.css" in page, (flags, name)
        assert ("<strong>PRIVATE</strong>" in (out / "index.html").read_text("utf-8")) == (
            not flags
        )
