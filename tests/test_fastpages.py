"""putright.builders.fastpages: the pieces a case page's shell is made of.

The whole (a site built with shells equals one built by MkDocs page by page, byte for byte) is
tested in test_site_builders.py; these hold the two claims it rests on.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pytest
from material.plugins.search.plugin import SearchIndex

from putright.builders.fastpages import Shell, plain_name, searchable

PAGE = """\
<h1 id="case-2026-0001">Case 2026-0001<a class="headerlink" href="#case-2026-0001" title="Permanent link">&para;</a></h1>
<div class="admonition danger" data-search-exclude><p>PRIVATE</p></div>

<p>Received Mon 2 Mar 2026 · complaint · open</p>

<h2 id="complainant">Complainant<a class="headerlink" href="#complainant" title="Permanent link">&para;</a></h2>
<p>Name: Ann O&#39;Neill &amp; family</p>

<h2 data-search-exclude id="summary">Summary<a class="headerlink" href="#summary" title="Permanent link">&para;</a></h2>
<p>Damp in the <code>bedroom</code>.</p>

<h2 id="later">Later<a class="headerlink" href="#later" title="Permanent link">&para;</a></h2>
<ul>
<li>indexed again</li>
</ul>

<h2 data-search-exclude id="timeline">Timeline<a class="headerlink" href="#timeline" title="Permanent link">&para;</a></h2>
<ul>
<li>Tue 3 Mar 2026: acknowledged</li>
</ul>"""


@dataclass
class _Page:
    content: str
    url: str = "cases/2026/2026-0001.html"
    title: str = "Case 2026-0001"
    toc: list[Any] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)


def _entries(content: str) -> list[dict[str, Any]]:
    index = SearchIndex(lang=["en"], separator="", pipeline=[], fields={})
    index.add_entry_from_context(_Page(content))
    return index.entries


def test_cutting_the_excluded_sections_leaves_the_search_entries_as_they_were() -> None:
    cut = searchable(PAGE)
    assert "Damp" not in cut and "acknowledged" not in cut
    assert "indexed again" in cut and "PRIVATE" in cut  # only whole excluded sections go
    full = _entries(PAGE)
    assert [e["location"] for e in full] == [
        "cases/2026/2026-0001.html",
        "cases/2026/2026-0001.html#complainant",
        "cases/2026/2026-0001.html#later",
    ]
    assert "O'Neill &amp; family" in full[1]["text"]
    assert _entries(cut) == full


def test_a_shell_puts_another_pages_name_and_content_where_the_first_had_them() -> None:
    def page(name: str, content: str) -> str:
        return (
            f"<title>Case {name} - Staff</title><a href='{name}.html'>x</a>"
            f"<main>{content}</main><footer>{name}</footer>"
        )

    shell = Shell.cut(page("2026-0001", "<p>first</p>"), "<p>first</p>", "2026-0001")
    assert shell is not None
    assert shell.fill("<p>second</p>", "2026-0777") == page("2026-0777", "<p>second</p>")


def test_no_shell_when_the_content_is_not_there_once() -> None:
    twice = "<main>same</main><aside>same</aside>"
    assert Shell.cut(twice, "same", "x") is None
    assert Shell.cut("<main>other</main>", "same", "x") is None


@pytest.mark.parametrize(
    ("name", "plain"),
    [
        ("2026-0042", True),
        ("BR.2026_7", True),
        ("2026-0042<script>", False),  # the name goes into HTML and URLs as it is
        ('a"b', False),
        ("a b", False),
        ("-2026", False),  # as the schema's id pattern: starts with a letter or digit
        ("x" * 65, False),
    ],
)
def test_only_a_plain_id_goes_into_a_shell(name: str, plain: bool) -> None:
    assert plain_name(name) is plain
