"""A digest as blocks (headings, paragraphs, tables), and those blocks as text, Markdown, HTML.

The presenters decide what a digest says; this module decides only how each format writes it,
and escapes every value on the way out: a case id, a contractor's name or a line of learning
comes from a file, so it is made inert for the format (``md_inline`` for Markdown, HTML
escaping for HTML, non-printing characters shown as escapes in text).
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass

from ..textsafe import md_inline, printable_line


@dataclass(frozen=True, slots=True)
class Heading:
    level: int  # 1 = the digest's title
    text: str


@dataclass(frozen=True, slots=True)
class Para:
    text: str


@dataclass(frozen=True, slots=True)
class Grid:
    headers: tuple[str, ...]
    rows: tuple[tuple[object, ...], ...]
    empty: str = "None."

    @property
    def numeric(self) -> tuple[bool, ...]:
        """Right-align a column whose every value is a number (or empty)."""
        return tuple(
            bool(self.rows)
            and all(isinstance(r[i], int | float) or r[i] in ("", None) for r in self.rows)
            for i in range(len(self.headers))
        )


Block = Heading | Para | Grid


def cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:,.2f}"
    return str(value)


def blocks_text(blocks: Sequence[Block]) -> str:
    out: list[str] = []
    for block in blocks:
        if isinstance(block, Heading):
            text = printable_line(block.text)
            under = "=" if block.level == 1 else "-" if block.level == 2 else ""
            out += ["", text] + ([under * len(text)] if under else [])
        elif isinstance(block, Para):
            out += ["", printable_line(block.text)]
        else:
            out.append("")
            if not block.rows:
                out.append("  " + block.empty)
                continue
            rows = [[printable_line(cell(v)) for v in row] for row in block.rows]
            heads = [printable_line(h) for h in block.headers]
            widths = [max(len(x) for x in col) for col in zip(heads, *rows, strict=True)]
            numeric = block.numeric
            for row in [heads, *rows]:
                parts = [
                    v.rjust(w) if numeric[i] else v.ljust(w)
                    for i, (v, w) in enumerate(zip(row, widths, strict=True))
                ]
                out.append("  " + "  ".join(parts).rstrip())
    return "\n".join(out).strip() + "\n"


def blocks_markdown(blocks: Sequence[Block]) -> str:
    out: list[str] = []
    for block in blocks:
        if isinstance(block, Heading):
            out += ["#" * block.level + " " + md_inline(block.text), ""]
        elif isinstance(block, Para):
            out += [md_inline(block.text), ""]
        elif not block.rows:
            out += [md_inline(block.empty), ""]
        else:
            align = ["---:" if n else "---" for n in block.numeric]
            out.append("| " + " | ".join(md_inline(h) for h in block.headers) + " |")
            out.append("| " + " | ".join(align) + " |")
            for row in block.rows:
                out.append("| " + " | ".join(md_inline(cell(v)) for v in row) + " |")
            out.append("")
    return "\n".join(out)


_STYLE = (
    "body{font-family:system-ui,sans-serif;max-width:60rem;margin:1rem auto;padding:0 1rem}"
    "table{border-collapse:collapse;margin:.5rem 0 1rem}"
    "th,td{border:1px solid #ccc;padding:.2rem .5rem;text-align:left}"
    "td.n{text-align:right}"
)


def blocks_html(blocks: Sequence[Block], title: str) -> str:
    """A whole HTML document (for email): no scripts, no external resources."""
    esc = html.escape
    out = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{esc(title)}</title><style>{_STYLE}</style></head><body>",
    ]
    for block in blocks:
        if isinstance(block, Heading):
            level = min(max(block.level, 1), 6)
            out.append(f"<h{level}>{esc(block.text)}</h{level}>")
        elif isinstance(block, Para):
            out.append(f"<p>{esc(block.text)}</p>")
        elif not block.rows:
            out.append(f"<p>{esc(block.empty)}</p>")
        else:
            numeric = block.numeric
            out.append("<table><thead><tr>")
            out += [f"<th>{esc(h)}</th>" for h in block.headers]
            out.append("</tr></thead><tbody>")
            for row in block.rows:
                cells = (
                    f'<td class="n">{esc(cell(v))}</td>'
                    if numeric[i]
                    else f"<td>{esc(cell(v))}</td>"
                    for i, v in enumerate(row)
                )
                out.append("<tr>" + "".join(cells) + "</tr>")
            out.append("</tbody></table>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"
