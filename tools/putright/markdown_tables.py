"""A Markdown extension for accessible tables (the MkDocs plugin adds it to both sites).

Python-Markdown's tables have no caption and no row headers, and the theme wraps a wide table
in a scroll box a keyboard cannot reach. After the tables extension has run, this:

* makes a paragraph ``Table: <text>`` just before a table that table's ``<caption>``;
* gives every column header ``scope="col"`` and turns the first cell of each body row into
  its row header (``<th scope="row">``), unless it is empty: in every table of both sites the
  first column names the row (a measure, a stage, a case, a provision);
* wraps the table in a scroll region that takes focus (``tabindex="0"``) and is named by the
  caption (or, without one, by the heading above it), so a table wider than a phone can be
  scrolled from the keyboard (WCAG 2.1.1) and a screen reader says what it holds. The table
  gets a class, so the theme's script leaves it alone (it wraps only ``table:not([class])``).

``html_table`` writes the same markup directly, for pages written as HTML (the case pages: ten
thousand of them, where Python-Markdown's table parsing is too slow); a test holds the two to
the same output.
"""

from __future__ import annotations

import itertools
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Sequence

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup, escape

CAPTION_PREFIX = "Table: "
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
REGION_CLASS = "md-typeset__scrollwrap putright-scroll"
INNER_CLASS = "md-typeset__table"
TABLE_CLASS = "putright-table"
# A heading's attribute list ("## Problems { data-search-exclude }") is still in its text when
# this runs (attr_list comes later): it is not part of the name a table takes from it.
_ATTR_LIST = re.compile(r"\s*\{[^}]*\}\s*$")


def _text(element: ET.Element) -> str:
    return " ".join("".join(element.itertext()).split())


class _Tables(Treeprocessor):
    def run(self, root: ET.Element) -> None:
        self._ids = itertools.count(1)
        self._walk(root, "")

    def _walk(self, parent: ET.Element, heading: str) -> str:
        """Tables among parent's children (and deeper); returns the last heading seen."""
        children = list(parent)
        index = 0
        while index < len(children):
            child = children[index]
            if child.tag in HEADINGS:
                heading = _ATTR_LIST.sub("", _text(child).removesuffix("¶").strip())
            elif child.tag == "table" and not child.get("class"):
                caption = None
                before = children[index - 1] if index else None
                if before is not None and before.tag == "p" and _starts_caption(before):
                    caption = before
                self._fix(parent, child, caption, heading)
            else:
                heading = self._walk(child, heading)
            index += 1
        return heading

    def _fix(
        self, parent: ET.Element, table: ET.Element, para: ET.Element | None, heading: str
    ) -> None:
        number = next(self._ids)
        label = heading or "Table"
        table.set("class", TABLE_CLASS)
        if para is not None:
            caption = ET.Element("caption", {"id": f"table-caption-{number}"})
            caption.text = (para.text or "").removeprefix(CAPTION_PREFIX)
            caption.extend(list(para))
            parent.remove(para)
            table.insert(0, caption)
            label = _text(caption)
        for row in table.iter("tr"):
            cells = list(row)
            # An empty first cell stays a data cell: a header with no text names nothing.
            if cells and cells[0].tag == "td" and _text(cells[0]):
                cells[0].tag = "th"
                cells[0].set("scope", "row")
            for cell in cells:
                if cell.tag == "th" and "scope" not in cell.attrib:
                    cell.set("scope", "col")
        position = list(parent).index(table)
        parent.remove(table)
        region = ET.Element(
            "div",
            {
                "class": REGION_CLASS,
                "role": "region",
                "tabindex": "0",
                "aria-label": label if para is not None else f"{label} (table)",
            },
        )
        inner = ET.SubElement(region, "div", {"class": INNER_CLASS})
        inner.append(table)
        region.tail, table.tail = table.tail, None
        parent.insert(position, region)


def html_table(
    header: Sequence[object],
    rows: Iterable[Sequence[object]],
    *,
    heading: str,
    caption: object = None,
    number: int = 1,
    right: Sequence[int] = (),
) -> Markup:
    """A table as the tables extension and ``_Tables`` together write it, from its cells.

    Cells are escaped unless already Markup, and text is put on one line as a Markdown table
    cell is (a blank line would end the HTML block it is written in). ``number`` is the table's place on its page (the
    caption's id), ``heading`` the heading above it (its name without a caption), ``right``
    the columns aligned right (``---:``).
    """
    label = escape(caption) if caption is not None else escape(f"{heading} (table)")
    aligned = [' style="text-align: right;"' if i in right else "" for i in range(len(header))]
    out = [
        f'<div aria-label="{label}" class="{REGION_CLASS}" role="region" tabindex="0">\n'
        f'<div class="{INNER_CLASS}">\n<table class="{TABLE_CLASS}">'
    ]
    if caption is not None:
        out.append(f'<caption id="table-caption-{number}">{escape(caption)}</caption>')
    out.append("<thead>\n<tr>\n" if caption is not None else "\n<thead>\n<tr>\n")
    out.extend(
        f'<th scope="col"{a}>{escape(h)}</th>\n' for h, a in zip(header, aligned, strict=True)
    )
    out.append("</tr>\n</thead>\n<tbody>\n")
    for row in rows:
        out.append("<tr>\n")
        for i, (cell, a) in enumerate(zip(row, aligned, strict=True)):
            if cell is None:
                cell = ""
            text = escape(cell if isinstance(cell, Markup) else " ".join(str(cell).split()))
            # The first cell names its row, unless it is empty (as _Tables decides).
            tag = "th" if i == 0 and " ".join(text.striptags().split()) else "td"
            scope = ' scope="row"' if tag == "th" else ""
            out.append(f"<{tag}{scope}{a}>{text}</{tag}>\n")
        out.append("</tr>\n")
    out.append("</tbody>\n</table>\n</div>\n</div>")
    return Markup("".join(out))


def _starts_caption(para: ET.Element) -> bool:
    return (para.text or "").startswith(CAPTION_PREFIX)


class AccessibleTables(Extension):
    """Captions, row and column headers, and a focusable named scroll region for tables."""

    def extendMarkdown(self, md: Markdown) -> None:
        # After "inline" (20): the caption's links and emphasis are elements by then; before
        # "prettify" (10), which lays out the new elements' whitespace like the rest.
        md.treeprocessors.register(_Tables(md), "putright_tables", 15)
