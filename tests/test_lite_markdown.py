"""putright.builders.lite_markdown: a case page's headings and HTML blocks, converted as MkDocs
converts them (Python-Markdown with mkdocs.yml's extensions), or refused.

The reference is MkDocs itself: each page is rendered by ``mkdocs.structure.pages.Page.render``
with the repository's own mkdocs.yml, and the converter must give the same HTML, table of
contents, title and anchors, for the demo's case pages, pages written to attack the site, and
synthetic cases of every shape.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page as MkPage

from helpers import ROOT, copy_demo, write_repo
from putright.builders.lite_markdown import convert
from putright.demo import synthetic_cases
from putright.markdown_tables import AccessibleTables
from putright.site.pages import Page
from putright.site.staging import case_page, generate
from site_fixtures import CASES, HOSTILE_ID, SETTINGS


@pytest.fixture(scope="module")
def config(tmp_path_factory: pytest.TempPathFactory) -> MkDocsConfig:
    site = tmp_path_factory.mktemp("site")
    cfg = load_config(config_file=str(ROOT / "mkdocs.yml"), site_dir=str(site))
    cfg.markdown_extensions.append(AccessibleTables())  # as the plugin's on_config does
    return cfg


def _case_pages(root: Path, today: dt.date) -> list[Page]:
    return [p for p in generate(str(root), False, today, use_cache=False) if case_page(p)]


def _other_pages(root: Path, today: dt.date) -> list[Page]:
    return [
        p
        for p in generate(str(root), False, today, use_cache=False)
        if p.path.endswith(".md") and not case_page(p)
    ]


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> list[Page]:
    base = tmp_path_factory.mktemp("repos")
    demo = _case_pages(copy_demo(base / "demo"), dt.date(2026, 11, 24))
    attacks = _case_pages(write_repo(base / "attacks", CASES, SETTINGS), dt.date(2026, 4, 1))
    synthetic = write_repo(
        base / "synthetic", dict(synthetic_cases(300, dt.date(2026, 11, 24), seed=7))
    )
    return demo + attacks + _case_pages(synthetic, dt.date(2026, 11, 24))


def _by_mkdocs(page: Page, config: MkDocsConfig) -> MkPage:
    assert isinstance(page.content, str)
    file = File(page.path, None, config.site_dir, config.use_directory_urls)
    file.content_string = page.content
    mk = MkPage(None, file, config)
    mk.read_source(config)
    mk.render(config, Files([file]))
    return mk


def _toc(items: Any) -> list[Any]:
    return [(t.level, t.id, t.title, _toc(t.children)) for t in items]


def test_every_case_page_converts_as_mkdocs_converts_it(
    pages: list[Page], config: MkDocsConfig
) -> None:
    from mkdocs.structure.toc import get_toc

    assert len(pages) > 350  # the demo's 72, the attacks' 6 and 300 synthetic
    assert any(p.path.endswith(f"{HOSTILE_ID}.md") for p in pages)
    for page in pages:
        assert isinstance(page.content, str)
        mine = convert(page.content)
        assert mine is not None, page.path
        theirs = _by_mkdocs(page, config)
        assert mine.html == theirs.content, page.path
        assert _toc(get_toc(mine.toc_tokens)) == _toc(theirs.toc), page.path
        assert mine.title == theirs.title, page.path
        assert set(mine.anchors) == theirs.present_anchor_ids, page.path


@pytest.mark.parametrize(
    "text",
    [
        "# Case 1\n\nA paragraph in Markdown.\n",  # Markdown text: Python-Markdown's job
        "# Case 1\n\n<p>one</p>\n<p>two</p>\n",  # two elements in one block
        "# Case 1\n\n<p>unclosed\n",
        "# Case 1\n\n<span>inline</span>\n",  # not a block element
        "# Case *1*\n",  # emphasis in a heading
        "# Case a-_b_\n",  # an unescaped "_" that Python-Markdown takes as emphasis
        "# Case 1 {: #own-id }\n",  # an attribute list other than data-search-exclude
        "# Case 1\n\n<p>a\tb</p>\n",  # a tab: Python-Markdown would expand it
        "    # indented\n",
        "#Case 1\n",
    ],
)
def test_what_is_not_headings_and_html_blocks_is_refused(text: str) -> None:
    assert convert(text) is None


def test_a_refused_page_is_still_built_right(config: MkDocsConfig) -> None:
    """A landlord's own case template in Markdown: MkDocs converts it (tested for the whole
    site in test_site_builders); the converter only says no."""
    page = Page("cases/2026/2026-0001.md", "# Case 2026-0001\n\nReceived **today**.\n", False)
    assert convert(str(page.content)) is None
    assert "<strong>today</strong>" in str(_by_mkdocs(page, config).content)


@pytest.mark.parametrize("split_from", [500, 2])
def test_the_other_pages_it_takes_convert_as_mkdocs_converts_them(
    tmp_path: Path, config: MkDocsConfig, monkeypatch: pytest.MonkeyPatch, split_from: int
) -> None:
    """The staff site's pages that grow with the cases (a year's cases, the learning log) are
    written as HTML too, whole or (past SPLIT_FROM rows) a section a month; the converter
    takes those, and gives what MkDocs gives."""
    from mkdocs.structure.toc import get_toc

    from putright.site import internal

    monkeypatch.setattr(internal, "SPLIT_FROM", split_from)

    taken = set()
    pages = _other_pages(copy_demo(tmp_path / "demo"), dt.date(2026, 11, 24))
    for page in pages:
        mine = convert(str(page.content))
        if mine is None:
            continue
        taken.add(page.path)
        theirs = _by_mkdocs(page, config)
        assert mine.html == theirs.content, page.path
        assert _toc(get_toc(mine.toc_tokens)) == _toc(theirs.toc), page.path
        assert mine.title == theirs.title, page.path
        assert set(mine.anchors) == theirs.present_anchor_ids, page.path
    assert {"learning.md", "cases/2025/index.md", "cases/2026/index.md"} <= taken
    months = str(next(p for p in pages if p.path == "cases/2026/index.md").content).count("\n## ")
    assert months == (0 if split_from == 500 else 11)  # the demo's 2026: January to November
