"""Generate, then build: the staged pages built by MkDocs (serial or parallel) and Zensical."""

from __future__ import annotations

import filecmp
import json
import logging
import os
import shutil
from pathlib import Path

import pytest
import yaml

import putright.cli.site_cmd as site_cmd
from helpers import copy_demo, run_in
from putright.site.pages import Page
from putright.site.staging import nav_patterns, stage

ROOT = Path(__file__).resolve().parent.parent
TODAY = "2026-11-24"
INDEX = "search/search_index.json"
BAR = "<strong>PRIVATE</strong>: the staff complaints dashboard"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """This repository's demo cases, procedures, settings and mkdocs.yml (no guides)."""
    return copy_demo(tmp_path_factory.mktemp("demo") / "repo")


def _all_files(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())


def _same_trees(a: Path, b: Path, *, index_order: bool = True) -> None:
    names = _all_files(a)
    assert names == _all_files(b)
    _match, mismatch, errors = filecmp.cmpfiles(a, b, names, shallow=False)
    if not index_order and mismatch == [INDEX]:
        # The same entries; MkDocs lists generated files after docs/ ones, staged ones in order.
        first, second = (json.loads((site / INDEX).read_text(encoding="utf-8")) for site in (a, b))
        assert first["config"] == second["config"]
        key = lambda d: json.dumps(d, sort_keys=True)  # noqa: E731
        assert sorted(first["docs"], key=key) == sorted(second["docs"], key=key)
        mismatch = []
    assert (mismatch, errors) == ([], [])


def test_case_pages_rendered_in_workers_give_the_same_site_byte_for_byte(
    demo: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """The reference: MkDocs converts and builds every page itself (`fast: false`, one
    process). The default: workers build the case pages, most of them filled into the shell
    of their shape (putright.builders.fastpages), and pages of headings and HTML blocks are
    converted by lite_markdown."""
    serial, one, parallel = tmp_path / "serial", tmp_path / "one", tmp_path / "parallel"
    config = (demo / "mkdocs.yml").read_text(encoding="utf-8")
    assert "  - putright " in config
    reference = config.replace("  - putright ", "  - putright: {fast: false} ", 1)
    # --jobs 1: shells, in this one process; --jobs 2: shells, in two workers.
    for text, out, jobs in ((reference, serial, "1"), (config, one, "1"), (config, parallel, "2")):
        (demo / "mkdocs.yml").write_text(text, encoding="utf-8")
        with caplog.at_level(logging.INFO, logger="mkdocs.plugins.putright"):
            ran = run_in(demo, "site", "build", "--today", TODAY, "--out", str(out), "--jobs", jobs)
        assert ran.exit_code == 0, ran.output
    # Every page, the search index (same entries, same order) and the sitemap.
    assert (serial / "search" / "search_index.json").is_file()
    _same_trees(serial, one)
    _same_trees(serial, parallel)
    # The demo's case pages, counted in its cases/ folder.
    cases = sum(1 for _ in (demo / "cases").rglob("*.yaml"))
    both = [r.args for r in caplog.records if "filled into the shell" in r.getMessage()]
    assert len(both) == 2  # none from the reference build
    for filled, usual in both:
        assert filled + usual == cases
        # The first two pages of each shape (a year folder, and which optional sections a
        # page has) in each worker are built the usual way: the rest are filled.
        assert filled > cases / 3, both


def test_a_site_with_its_own_templates_gets_no_shells_and_the_same_pages(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A landlord's templates may use a page's content in any way (here: its length), which a
    shell checked on one page of a shape would not catch: MkDocs builds every case page."""
    repo = copy_demo(tmp_path / "repo")
    (repo / "overrides").mkdir()
    (repo / "overrides" / "main.html").write_text(
        '{% extends "base.html" %}\n'
        "{% block footer %}{{ super() }}<p>{{ page.content | length }} characters</p>{% endblock %}\n",
        encoding="utf-8",
    )
    config = yaml.safe_load((repo / "mkdocs.yml").read_text(encoding="utf-8"))
    config["theme"]["custom_dir"] = "overrides"
    (repo / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    serial, parallel = tmp_path / "serial", tmp_path / "parallel"
    for out, jobs in ((serial, "1"), (parallel, "2")):
        with caplog.at_level(logging.INFO, logger="mkdocs.plugins.putright"):
            ran = run_in(repo, "site", "build", "--today", TODAY, "--out", str(out), "--jobs", jobs)
        assert ran.exit_code == 0, ran.output
    _same_trees(serial, parallel)
    assert "characters</p>" in (parallel / "cases/2026/2026-0001.html").read_text("utf-8")
    both = [r.args for r in caplog.records if "filled into the shell" in r.getMessage()]
    assert len(both) == 2 and all(filled == 0 for filled, _usual in both)
    assert any("own theme templates" in r.getMessage() for r in caplog.records)


def test_mkdocs_build_through_the_plugin_matches_the_staged_build(
    demo: Path, tmp_path: Path
) -> None:
    """`mkdocs build` (the plugin generates in memory) and `complaints site build` agree."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    staged = tmp_path / "staged"
    ran = run_in(demo, "site", "build", "--today", TODAY, "--out", str(staged))
    assert ran.exit_code == 0, ran.output
    config = load_config(config_file=str(demo / "mkdocs.yml"), site_dir=str(tmp_path / "plugin"))
    config.plugins["putright"].config.today = TODAY
    build(config)
    _same_trees(staged, tmp_path / "plugin", index_order=False)


def test_zensical_builds_the_same_pages_with_the_private_bar(demo: Path, tmp_path: Path) -> None:
    mk, zen = tmp_path / "mkdocs", tmp_path / "zensical"
    assert run_in(demo, "site", "build", "--today", TODAY, "--out", str(mk)).exit_code == 0
    before = _all_files(demo)
    ran = run_in(
        demo, "site", "build", "--today", TODAY, "--out", str(zen), "--builder", "zensical"
    )
    assert ran.exit_code == 0, ran.output
    assert "Built the staff dashboard" in ran.output and "PRIVATE" in ran.output
    pages = [n for n in _all_files(mk) if n.endswith(".html")]
    assert pages == [n for n in _all_files(zen) if n.endswith(".html")]
    for name in pages:
        assert BAR in (zen / name).read_text(encoding="utf-8"), name
    # Case pages stay out of the navigation, as with MkDocs.
    overview = (zen / "index.html").read_text(encoding="utf-8")
    assert "cases/2026/2026-0001.html" not in overview.split('<div class="md-content"')[0]
    # Its cache (rendered pages, personal data) is left neither in the repository nor the site.
    assert _all_files(demo) == before
    assert not any(part == ".cache" for n in _all_files(zen) for part in n.split("/"))


@pytest.mark.parametrize(
    ("extra", "said"),
    [
        ("hooks: [hooks.py]\n", "hooks, which Zensical ignores"),
        ("plugins: [search, putright, tags]\n", "silently skip the plugin(s) tags"),
    ],
)
def test_zensical_refuses_what_it_would_silently_drop(
    demo: Path, tmp_path: Path, extra: str, said: str
) -> None:
    repo = tmp_path / "repo"
    shutil.copytree(demo, repo)
    config = yaml.safe_load((repo / "mkdocs.yml").read_text(encoding="utf-8"))
    config.update(yaml.safe_load(extra))
    (repo / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    (repo / "hooks.py").write_text("def on_page_markdown(markdown, **kw):\n    return markdown\n")
    out = tmp_path / "out"
    ran = run_in(
        repo, "site", "build", "--today", TODAY, "--out", str(out), "--builder", "zensical"
    )
    assert ran.exit_code == 1 and "mkdocs.yml: " in ran.output and said in ran.output, ran.output
    assert "--builder mkdocs" in ran.output and not out.exists()


def test_the_public_report_builds_with_zensical(demo: Path, tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    shutil.copytree(demo, repo)
    shutil.copy(ROOT / "mkdocs.public.yml", repo / "mkdocs.public.yml")
    out = tmp_path / "public"
    ran = run_in(
        repo,
        "site",
        "build",
        "--public",
        "--today",
        TODAY,
        "--out",
        str(out),
        "--builder",
        "zensical",
    )
    assert ran.exit_code == 0, ran.output
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "PRIVATE" not in index and "complaint" in index.lower()


@pytest.mark.parametrize(("public", "name"), [(False, "mkdocs.yml"), (True, "mkdocs.public.yml")])
def test_the_built_in_configuration_is_this_repositorys(public: bool, name: str) -> None:
    """A repository without mkdocs.yml (or mkdocs.public.yml) gets the same settings but
    for where its files are and a name with no HTML in it."""
    own = yaml.safe_load((ROOT / name).read_text(encoding="utf-8"))
    with site_cmd._config_file(str(ROOT / "no-such-repo"), public, "<b>Org</b>", None) as path:
        fallback = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    assert set(fallback) == set(own)
    for key in set(own) - {"site_name", "docs_dir", "site_dir", "plugins"}:
        assert fallback[key] == own[key], key
    assert fallback["site_name"] == (
        "bOrg/b: complaints" if public else "bOrg/b: complaints, staff only"
    )
    assert fallback["plugins"][1]["putright"]["public"] is public


def test_not_in_nav_patterns_name_folders_not_cases(tmp_path: Path) -> None:
    pages = [
        Page("index.md", "# Home\n"),
        Page("cases/2026/index.md", "# 2026\n"),
        *(Page(f"cases/2026/2026-{n:04d}.md", f"# {n}\n", in_nav=False) for n in range(1, 40)),
        Page("cases/2025/2025-0001.md", "# one\n", in_nav=False),
        Page("cases/2025/index.md", "# 2025\n"),
        Page("cases/2025/notes.md", "# in the nav\n"),
    ]
    staged = stage(pages, None, str(tmp_path / "docs"))
    assert staged.pages == len(pages)
    assert nav_patterns(staged) == [
        "/cases/2025/2025-0001.md",  # one of two pages there: named, not a wildcard
        "/cases/2026/*.md",
        "!/cases/2026/index.md",
    ]
    assert (tmp_path / "docs" / "cases" / "2026" / "2026-0039.md").read_text() == "# 39\n"
    assert not os.path.exists(tmp_path / "docs" / "cases" / "2024")
