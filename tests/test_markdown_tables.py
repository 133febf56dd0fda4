"""putright.markdown_tables: captions, row and column headers, focusable named scroll regions."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import markdown

from putright.markdown_tables import AccessibleTables, html_table


def render(text: str) -> ET.Element:
    html = markdown.markdown(text, extensions=["tables", "md_in_html", AccessibleTables()])
    return ET.fromstring(f"<root>{html}</root>")


TABLE = """\
| Stage | Received |
| --- | ---: |
| Stage 1 | 10 |
| Stage 2 | 3 |
"""


def test_a_caption_paragraph_becomes_the_tables_caption() -> None:
    root = render(f"## Volumes\n\nTable: Complaints by *stage*\n\n{TABLE}")
    table = root.find(".//table")
    assert table is not None and table.get("class") == "putright-table"
    caption = table.find("caption")
    assert caption is not None and "".join(caption.itertext()) == "Complaints by stage"
    assert caption.find("em") is not None  # its Markdown is kept
    assert table[0] is caption  # first child, as HTML requires
    assert not [p for p in root.iter("p") if "Table:" in "".join(p.itertext())]


def test_headers_have_scopes_and_each_row_a_row_header() -> None:
    table = render(TABLE).find(".//table")
    assert table is not None
    assert [th.get("scope") for th in table.iterfind("thead/tr/th")] == ["col", "col"]
    rows = table.findall("tbody/tr")
    assert [(r[0].tag, r[0].get("scope"), r[0].text) for r in rows] == [
        ("th", "row", "Stage 1"),
        ("th", "row", "Stage 2"),
    ]
    assert [r[1].tag for r in rows] == ["td", "td"]  # the figures stay data cells


def test_an_empty_first_cell_is_not_made_a_header() -> None:
    table = render("| A | B |\n| --- | --- |\n|  | x |\n").find(".//table")
    assert table is not None
    row = table.find("tbody/tr")
    assert row is not None and row[0].tag == "td"


def test_the_scroll_region_takes_focus_and_is_named() -> None:
    captioned = render(f"Table: Complaints by stage\n\n{TABLE}").find("div")
    assert captioned is not None
    assert captioned.get("role") == "region" and captioned.get("tabindex") == "0"
    assert captioned.get("aria-label") == "Complaints by stage"
    # Without a caption, the heading above names it.
    plain = render(f"## Open now\n\nSome words.\n\n{TABLE}").find("div")
    assert plain is not None and plain.get("aria-label") == "Open now (table)"


def test_tables_inside_other_blocks_and_text_around_them_are_kept() -> None:
    root = render(f'Before.\n\n<div markdown="1">\n\n{TABLE}\n</div>\n\nAfter.')
    regions = [d for d in root.iter("div") if d.get("role") == "region"]
    assert len(regions) == 1
    texts = ["".join(p.itertext()) for p in root.iter("p")]
    assert texts[0] == "Before." and texts[-1] == "After."


def test_a_paragraph_that_is_not_a_caption_stays() -> None:
    root = render(f"Tables: not a caption\n\n{TABLE}")
    table = root.find(".//table")
    assert table is not None and table.find("caption") is None
    assert "Tables: not a caption" in "".join(root.itertext())


# html_table writes the same markup directly (the case page is HTML): held to the extension.
def _through_markdown(text: str) -> str:
    return markdown.markdown(text, extensions=["tables", "attr_list", AccessibleTables()])


def test_html_table_with_a_caption_is_what_the_extension_writes() -> None:
    text = (
        "Table: Deadlines for 2026-0001\n\n| Stage | Due |\n| --- | --- |\n| 1 | Tue 3 Mar 2026 |\n"
    )
    expected = _through_markdown(text)
    made = html_table(
        ["Stage", "Due"], [["1", "Tue 3 Mar 2026"]], heading="x", caption="Deadlines for 2026-0001"
    )
    assert made == expected


def test_html_table_named_by_its_heading_right_aligned_and_escaped() -> None:
    # The heading's attribute list is not part of the table's name (it used to be).
    text = (
        "## Problems { data-search-exclude }\n\n| Line | Problem |\n| ---: | --- |\n"
        "| 3 | a &lt;b&gt; &amp; c |\n|  | no line |\n"
    )
    expected = _through_markdown(text).split("</h2>\n", 1)[1]
    made = html_table(
        ["Line", "Problem"], [[3, "a <b> & c"], ["", "no line"]], heading="Problems", right=[0]
    )
    assert made == expected
    assert 'aria-label="Problems (table)"' in made
