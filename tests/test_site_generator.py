"""The staff dashboard's generator, without MkDocs: which pages, what they say, and that case
text stays inert (rendered here with the same Markdown extensions as mkdocs.yml)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import subprocess
from collections.abc import Callable
from pathlib import Path

import markdown  # type: ignore[import-untyped]
import pytest

from helpers import write_repo
from putright.repository import Repository
from putright.site import charts
from putright.site.audit_view import AuditView, FindingView
from putright.site.internal import build_internal
from putright.site.pages import Page
from putright.site.templating import date_filter, make_env, md_filter
from site_fixtures import CASES, HOSTILE_ID, SETTINGS

TODAY = dt.date(2026, 4, 1)
EXTENSIONS = ["tables", "admonition", "attr_list", "md_in_html", "toc"]
BANNER = "PRIVATE: internal to staff, contains personal data"


def no_audit(repo: Repository, today: dt.date) -> AuditView:
    return AuditView(False, "not a Git repository")


def build(root: Path, **kwargs: Callable[[Repository, dt.date], AuditView]) -> dict[str, Page]:
    repo = Repository.open(str(root))
    pages = build_internal(repo, TODAY, make_env(str(root)), audit=kwargs.get("audit", no_audit))
    by_path = {p.path: p for p in pages}
    assert len(by_path) == len(pages), "two pages with the same path"
    return by_path


def text(page: Page) -> str:
    assert isinstance(page.content, str)
    return page.content


def html(page: Page) -> str:
    return str(markdown.markdown(text(page), extensions=EXTENSIONS))


@pytest.fixture
def repo(make_repo: Callable[..., Path]) -> Path:
    return make_repo(CASES, settings=SETTINGS)


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Page]:
    """Built once for the module: the tests that take it only read it."""
    return build(write_repo(tmp_path_factory.mktemp("site") / "repo", CASES, settings=SETTINGS))


def test_the_pages(pages: dict[str, Page]) -> None:
    markdown_pages = {p for p in pages if p.endswith(".md")}
    assert {
        "index.md",
        "worklists/index.md",
        "worklists/jsmith.md",
        "worklists/mpatel.md",
        "worklists/nobody.md",  # named in complaints.yml: a page even with nothing open
        "cases/index.md",
        "cases/2026/index.md",
        "cases/2025/index.md",
        "cases/2026/2026-0001.md",
        "cases/2026/2026-0002.md",
        "cases/2026/2026-0004.md",
        f"cases/2026/{HOSTILE_ID}.md",
        "cases/2025/2025-0009.md",
        "performance.md",
        "learning.md",
        "procedures.md",
    } <= markdown_pages
    assert "cases/2026/2026-0003.md" not in pages  # unreadable: listed under problems instead
    assert any(p.startswith("assets/charts/") and p.endswith(".svg") for p in pages)


def test_every_page_is_marked_private_at_the_top(pages: dict[str, Page]) -> None:
    for path, page in pages.items():
        if not path.endswith(".md"):
            continue
        lines = text(page).splitlines()
        assert lines[0].startswith("# "), path  # the title comes first (MkDocs takes it)
        head = "\n".join(lines[:4])
        assert BANNER in head and "admonition danger" in head, path
        assert "Never publish it" in head, path


def test_overview(pages: dict[str, Page]) -> None:
    page = text(pages["index.md"])
    overdue = page.split("## Overdue (2)")[1].split("## Due in the next")[0]
    assert "[2026-0002](cases/2026/2026-0002.md)" in overdue
    assert f"(cases/2026/{HOSTILE_ID}.md)" in overdue and "Remedy: repair" in overdue
    due = page.split("## Due in the next 5 working days (1)")[1].split("## ")[0]
    assert "cases/2026/2026-0004.md" in due and "**due soon**" in due
    assert "Due from today up to and including Fri 10 Apr 2026" in page  # Easter: 3 and 6 April
    assert "| Stage 1 | 3 |" in page  # 0002, 0004 and the hostile case are open at stage 1
    assert "| Service request (open) | 1 |" in page
    assert "On time this year (2026-27)" in page


def test_worklists(pages: dict[str, Page]) -> None:
    mpatel = text(pages["worklists/mpatel.md"])
    assert mpatel.index("2026-0002") < mpatel.index("2026-0004")  # overdue before due soon
    assert "Nothing open." in text(pages["worklists/nobody.md"])
    assert "2026-0001" not in text(pages["worklists/jsmith.md"])  # closed: not on a worklist


def test_case_page(pages: dict[str, Page]) -> None:
    page = html(pages["cases/2026/2026-0001.md"])
    assert "<h1" in page and "Case 2026-0001" in page
    assert "Received Mon 5 Jan 2026" in page and "closed Tue 27 Jan 2026" in page
    assert "Name: Jane Example" in page
    assert "Damp in the bedroom." in page
    assert "Working days: 5; Reason: contractor report" in page  # the extension's details
    assert "Acknowledge, define and log" in page and "Stage 1 response" in page
    assert "Financial £75.00" in page
    assert "Audit not available: not a Git repository." in page


def test_hostile_text_is_inert(pages: dict[str, Page]) -> None:
    page = html(pages[f"cases/2026/{HOSTILE_ID}.md"])
    # Nothing from the case became markup...
    assert "<script" not in page and "<iframe" not in page and "<svg" not in page
    assert "<img" not in page and "onerror=" not in page.replace("onerror=alert(2)&gt;", "")
    assert "javascript:" not in re.sub(r">[^<]*<", "><", page)  # only ever in text, never in a tag
    assert "<strong>bold" not in page and "<strong>fix" not in page
    assert "<h1>heading" not in page and '<h1 id="heading' not in page
    assert "<li>list item" not in page and "<ol>" not in page
    assert page.count("<table") == 1  # the deadlines; the pipes made no table
    # ...and the text is all there, as text (a quote may be written as its entity).
    page = page.replace("&#39;", "'").replace("&#x27;", "'")
    for shown in (
        "&lt;script&gt;alert(1)&lt;/script&gt;",
        "&lt;img src=x onerror=alert(2)&gt;",
        "[x](javascript:alert(3))",
        "**bold**",
        "| pipes |",
        "{{ 7*7 }}",
        "{% for x in y %}loop{% endfor %}",
        "# heading x",
        "- list item",
        "1. numbered",
        "&lt;script&gt;alert('name')&lt;/script&gt;",
        "&lt;script&gt;alert('remedy')&lt;/script&gt; **fix**",
        "[click](javascript:alert(7)) {{ config }}",
    ):
        assert shown in page, shown
    assert "49" not in page  # {{ 7*7 }} was never evaluated


def test_hostile_officer_cannot_reach_the_title(pages: dict[str, Page]) -> None:
    # The theme writes the first heading into <title> through striptags, which unescapes.
    worklists = [p for p in pages if p.startswith("worklists/") and "title" in p]
    assert len(worklists) == 1
    title = text(pages[worklists[0]]).splitlines()[0]
    assert not set("<>&\"'") & set(title), title
    assert "/titlescriptalert\\(officer\\)/script" in title


def test_jinja_in_case_text_is_printed_not_run(make_repo: Callable[..., Path]) -> None:
    root = make_repo(
        {
            "cases/2026/2026-0001.yaml": "id: 2026-0001\nreceived: 2026-01-05\nsummary: \"{{ 7*7 }} {{ ''.__class__ }}\"\nevents: []\n"
        },
        settings='organisation: "{{ 6*7 }} Homes"\n',
    )
    page = text(build(root)["cases/2026/2026-0001.md"])
    assert "{{ 7*7 }} {{ &#39;&#39;.__class__ }}" in page
    assert "{{ 6*7 }} Homes" in page
    assert "42" not in page and "49" not in page and "<class" not in page


def test_learning_log(pages: dict[str, Page]) -> None:
    page = text(pages["learning.md"])
    # Partly upheld, no learning; the link as MkDocs would write it (use_directory_urls: false).
    assert '<a href="cases/2026/2026-0001.html">2026-0001</a>' in page
    assert "<strong>not recorded yet</strong>" in page
    hostile = html(pages["learning.md"])
    assert "[click](javascript:alert(7)) {{ config }}" in hostile  # the response's own learning
    assert '<a href="javascript' not in hostile


def test_procedures(pages: dict[str, Page]) -> None:
    page = text(pages["procedures.md"])
    assert "## Housing Ombudsman Complaint Handling Code \\(2024\\)" in page
    assert "Stage 1 response" in page and "10 working days" in page


def test_problem_files_are_listed(pages: dict[str, Page]) -> None:
    page = text(pages["cases/index.md"])
    assert "cases/2026/2026-0003.yaml" in page and "not a date" in page


def test_case_pages_stay_out_of_the_navigation(make_repo: Callable[..., Path]) -> None:
    def in_nav(count: int) -> set[str]:
        cases: dict[str, str | bytes] = {
            f"cases/2026/2026-{n:04d}.yaml": f"id: 2026-{n:04d}\nreceived: 2026-02-02\nevents: []\n"
            for n in range(1, count + 1)
        }
        root = make_repo(cases)
        pages = build(root)
        assert sum(1 for p in pages.values() if not p.in_nav) == count  # one per case
        return {p.path for p in pages.values() if p.in_nav and p.path.endswith(".md")}

    # The navigation (rendered into every page) does not grow with the number of cases.
    assert in_nav(3) == in_nav(40)


def test_audit_findings_on_the_case_page(repo: Path) -> None:
    finding = FindingView(
        "late_logging",
        "first committed <b>9</b> working days after it was received",
        "abc1234",
        TODAY,
    )

    def audit(repo: Repository, today: dt.date) -> AuditView:
        return AuditView(True, "", {"2026-0001": [finding]}, {"2026-0001": dt.date(2026, 1, 20)})

    pages = build(repo, audit=audit)
    page = html(pages["cases/2026/2026-0001.md"])
    assert "first committed &lt;b&gt;9&lt;/b&gt; working days" in page and "abc1234" in page
    assert "first committed Tue 20 Jan 2026" in page
    assert "nothing wrong with how this case was recorded" in html(pages["cases/2026/2026-0002.md"])


def test_the_real_audit_in_a_git_repository(repo: Path) -> None:
    def git(*args: str) -> None:
        subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)

    git("init", "-q")
    git("-c", "user.name=t", "-c", "user.email=t@example.org", "add", "-A")
    git("-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", "cases")
    repo_ = Repository.open(str(repo))
    pages = {p.path: p for p in build_internal(repo_, TODAY, make_env(str(repo)))}
    page = text(pages["cases/2026/2026-0001.md"])
    assert "Audit not available" not in page
    assert "## Record audit" in page


def test_charts_have_alt_text_and_their_numbers(pages: dict[str, Page]) -> None:
    page = text(pages["performance.md"])
    figures = re.findall(r'<figure markdown="span">!\[([^\]]*(?:\\\][^\]]*)*)\]\(([^)]+)\)', page)
    assert len(figures) >= 8
    for alt, src in figures:
        assert len(alt) > 20, alt
        assert src.startswith("assets/charts/") and src in pages
    sections = page.split("\n## ")[1:]
    for section in sections:
        assert "<figure" in section and "\n| " in section, section[:80]  # a table beside each
    rendered = html(pages["performance.md"])
    assert rendered.count("<img alt=") == len(figures) and rendered.count("<table>") == len(figures)


def test_charts_are_self_contained_and_deterministic(repo: Path) -> None:
    first = build(repo)
    second = build(repo)
    svgs = [p for p in first if p.endswith(".svg")]
    assert svgs
    for path in svgs:
        svg = text(first[path])
        assert svg == text(second[path]), path
        assert "<svg" in svg and "<script" not in svg
        links = set(re.findall(r'(?:href|src)="([^"]+)"', svg))
        assert all(link.startswith("#") for link in links), links  # nothing fetched from outside


def test_a_dozen_charts_render_the_same_bytes_every_time() -> None:
    # Was a 5-second wall-clock test, which failed on a loaded machine; speed is the
    # benchmark's (bench/bench_site.py). What a chart must be is the same picture each build,
    # or consecutive builds of the public site would differ.
    labels = [f"M{n}" for n in range(12)]

    def draw(n: int) -> tuple[charts.Chart, charts.Chart]:
        bars = charts.bar_chart(
            "Bars", labels, {"a": [float(n)] * 12, "b": [1.0] * 12}, "alt", stacked=n % 2 == 0
        )
        lines = charts.line_chart("Lines", labels, {"a": [None, *[50.0] * 11]}, "alt", percent=True)
        return bars, lines

    for n in range(6):
        first, again = draw(n), draw(n)
        assert [c.svg for c in first] == [c.svg for c in again]
        for chart in first:
            assert chart.svg.lstrip().startswith(("<svg", "<?xml")), chart.svg[:80]
            assert [row[0] for row in chart.rows] == labels


def test_chart_table_escapes_labels() -> None:
    chart = charts.bar_chart("T", ["<b>x</b> | y"], {"s": [1.0]}, "alt")
    assert "&lt;b&gt;x&lt;/b&gt; \\| y" in chart.table_markdown()


def test_templates_escape_everything(tmp_path: Path) -> None:
    env = make_env(str(tmp_path))
    assert env.autoescape is not False
    template = env.from_string("{{ v }}")
    assert template.render(v="<b>") == "&lt;b&gt;"
    assert str(md_filter("- **x** <i>")) == "\\- \\*\\*x\\*\\* &lt;i&gt;"
    assert str(md_filter("2. x")) == "2\\. x"
    assert date_filter(dt.date(2026, 3, 3)) == "Tue 3 Mar 2026"


def test_a_repository_may_override_a_template(repo: Path) -> None:
    (repo / "site_templates" / "internal").mkdir(parents=True)
    (repo / "site_templates" / "internal" / "learning.md.j2").write_text(
        "# Our own learning page\n", encoding="utf-8"
    )
    assert text(build(repo)["learning.md"]) == "# Our own learning page\n"


def test_an_imported_case_page_says_so_once(repo: Path) -> None:
    def audit(repo: Repository, today: dt.date) -> AuditView:
        return AuditView(True, "", {}, {}, {"2026-0001": dt.date(2026, 3, 2)})

    pages = build(repo, audit=audit)
    page = html(pages["cases/2026/2026-0001.md"])
    assert page.count("Imported on Mon 2 Mar 2026 from an earlier complaints log") == 1
    assert "Imported on" not in html(pages["cases/2026/2026-0002.md"])


def test_the_on_time_and_escalation_charts_say_their_figures(pages: dict[str, Page]) -> None:
    page = text(pages["performance.md"]).replace("\\", "")  # the Markdown escapes
    on_time = next(a for a in re.findall(r"!\[([^\]]*)\]", page) if "met on time" in a)
    escalated = next(a for a in re.findall(r"!\[([^\]]*)\]", page) if "escalated to stage 2" in a)
    shares = re.findall(r"stage (\d+) (\d+) of (\d+) \((\d+\.\d)%\)", on_time)
    assert shares, on_time
    for _stage, part, whole, percent in shares:
        assert f"{100 * int(part) / int(whole):.1f}" == percent, on_time
    assert re.search(r": (\d+) of (\d+) \((\d+\.\d)%\) escalated in all", escalated), escalated


def test_case_pages_rendered_apart_are_the_same_pages(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """From APART_FROM cases the case pages are rendered in a forked process (site.apart)."""
    from putright.site import apart

    here = build(repo)
    monkeypatch.setattr(apart, "APART_FROM", 1)
    forked = build(repo)
    assert list(forked) == list(here)  # same pages, same order
    assert forked == here


def test_a_template_error_in_the_forked_process_is_raised_here(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from putright.errors import PutrightError
    from putright.site import apart

    own = repo / "site_templates" / "internal"
    own.mkdir(parents=True)
    (own / "case.md.j2").write_text("# Case\n\n{{ no_such_thing }}\n", encoding="utf-8")
    messages = []
    for threshold in (10**9, 1):
        monkeypatch.setattr(apart, "APART_FROM", threshold)
        with pytest.raises(PutrightError) as raised:
            build(repo)
        messages.append(str(raised.value))
    assert messages[0] == messages[1]
    assert messages[0].startswith("site_templates/internal/case.md.j2:3: ")


def test_a_long_list_is_split_by_month_and_stays_html(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past SPLIT_FROM rows the year's cases and the learning log get a section a month (here
    from 2 rows: 2026 has cases received in January and March)."""
    from putright.builders.lite_markdown import convert
    from putright.site import internal

    monkeypatch.setattr(internal, "SPLIT_FROM", 2)
    pages = build(repo)
    year = text(pages["cases/2026/index.md"])
    assert year.index("## January 2026") < year.index("## March 2026")
    january = year.split("## January 2026")[1].split("## March 2026")[0]
    assert "2026-0001" in january and "2026-0002" not in january  # received 5 January
    assert "<caption" in january and "Cases received in January 2026" in january
    assert convert(year) is not None  # still headings and HTML blocks
    assert convert(text(pages["learning.md"])) is not None
    monkeypatch.setattr(internal, "SPLIT_FROM", 500)
    assert "## " not in text(build(repo)["cases/2026/index.md"])


def test_by_month_keeps_the_rows_order(monkeypatch: pytest.MonkeyPatch) -> None:
    from putright.site import internal

    @dataclasses.dataclass
    class Row:
        date: dt.date

    rows = [Row(dt.date(2026, 3, d)) for d in (20, 2)] + [Row(dt.date(2026, 1, 9))]
    assert internal.by_month([], "date") == []
    assert internal.by_month(rows, "date") == [(None, rows)]  # up to SPLIT_FROM: one part
    monkeypatch.setattr(internal, "SPLIT_FROM", 1)
    assert (
        internal.by_month(rows, "date")
        == [
            ("March 2026", rows[:2]),  # newest first, as given
            ("January 2026", rows[2:]),
        ]
    )
