"""Adding an event to a case file as text, so that every byte of the file outside it is kept.

A case file is written by people: comments, quoting, key order, the style of each event and the
file's own line endings all carry meaning for whoever reads it next, and a re-dumped document
would lose them. So the file is never re-dumped: the node tree (``yaml.compose`` with the
pure-Python loader, whose marks are exact character offsets) tells where the ``events:`` list
and its last item are, and the new event is written as new text at that place, in the style
of the items already there. Whoever calls this checks the result reads back as the old data
plus exactly the new event.
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping
from dataclasses import dataclass

import yaml

from ..errors import EditRefused
from .scalars import Scalar, render, render_key

_BLANK = " \t\r\n"


@dataclass(frozen=True, slots=True)
class Inserted:
    """The new text of the file, and the 1-based line where the new event starts."""

    text: str
    line: int


def newline_of(text: str) -> str:
    """The file's own line ending: CRLF files stay CRLF."""
    return "\r\n" if "\r\n" in text else "\n"


def flow_item(event: Mapping[str, Scalar]) -> str:
    """``{date: 2026-03-04, type: acknowledged}``: one line, safe in block and flow context."""
    return "{" + ", ".join(f"{render_key(k)}: {render(v)}" for k, v in event.items()) + "}"


def block_item(event: Mapping[str, Scalar], first: str, rest: str, nl: str) -> str:
    """The event as a block mapping: ``first`` before the first key, ``rest`` before the others."""
    lines = [f"{render_key(k)}: {render(v)}" for k, v in event.items()]
    return nl.join([first + lines[0], *(rest + line for line in lines[1:])])


class _Text:
    """Positions in the document text: line starts and ends, and where sequence dashes are."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._dashes: list[int] | None = None

    def line_start(self, index: int) -> int:
        return self.text.rfind("\n", 0, index) + 1

    def line_end(self, index: int) -> int:
        """Where the line holding ``index`` ends, before its line break (or at the end)."""
        end = self.text.find("\n", index)
        if end < 0:
            return len(self.text)
        return end - 1 if end > 0 and self.text[end - 1] == "\r" else end

    def next_line(self, index: int) -> int | None:
        end = self.text.find("\n", index)
        return None if end < 0 else end + 1

    def line_no(self, index: int) -> int:
        return self.text.count("\n", 0, index) + 1

    def back_over_blanks(self, index: int, floor: int) -> int:
        while index > floor and self.text[index - 1] in _BLANK:
            index -= 1
        return index

    def dash_before(self, index: int) -> int | None:
        """The offset of the ``-`` that opens the block sequence item starting at ``index``."""
        if self._dashes is None:
            self._dashes = [
                token.start_mark.index
                for token in yaml.scan(for_marks(self.text), Loader=yaml.SafeLoader)
                if isinstance(token, yaml.BlockEntryToken)
            ]
        at = bisect.bisect_right(self._dashes, index) - 1
        return self._dashes[at] if at >= 0 else None


def for_marks(text: str) -> str:
    """The text to compose for positions: tabs as spaces, at the same offsets.

    libyaml, which reads the records, takes a tab as the space between things on a line
    (``key:<tab>value``, ``value<tab># comment``); the pure-Python parser, whose marks are
    character offsets, refuses it. A tab is never indentation in a file libyaml read, so a
    space in its place changes no structure and moves nothing.
    """
    return text.replace("\t", " ")


def _content_end(node: yaml.Node, where: _Text) -> int:
    """Just after the last character of ``node`` itself (not trailing blanks or comments)."""
    while isinstance(node, yaml.CollectionNode) and not node.flow_style and node.value:
        last = node.value[-1]
        node = last[1] if isinstance(node, yaml.MappingNode) else last
    if isinstance(node, yaml.ScalarNode) and node.style in ("|", ">"):
        header = where.text[node.start_mark.index : where.line_end(node.start_mark.index)]
        if "+" in header.split("#", 1)[0]:
            # Kept chomping (|+): the blank lines after the text are part of the value, so
            # the new event goes after them, before the line break that ends the last one.
            return where.text.rfind("\n", node.start_mark.index, node.end_mark.index) + 1
    # Block scalars end after their trailing line breaks; step back over those.
    return where.back_over_blanks(node.end_mark.index, node.start_mark.index)


def _events_node(root: yaml.Node, rel: str) -> tuple[yaml.Node, yaml.Node]:
    if not isinstance(root, yaml.MappingNode):
        raise EditRefused(
            "the file is not a mapping of keys (id:, received:, events:...)", file=rel, line=1
        )
    for key, value in root.value:
        if isinstance(key, yaml.ScalarNode) and key.value == "events":
            return key, value
    raise EditRefused("the file has no events: list; add a line `events: []`", file=rel, line=1)


def insert_event(text: str, event: Mapping[str, Scalar], rel: str) -> Inserted:
    """``text`` with ``event`` added at the end of its ``events:`` list."""
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    body = text[len(bom) :]
    try:
        root = yaml.compose(for_marks(body), Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        raise EditRefused(
            f"the file is not valid YAML: {exc.problem}", file=rel, line=line
        ) from None
    except yaml.YAMLError as exc:
        raise EditRefused(f"the file is not valid YAML: {exc}", file=rel, line=1) from None
    if root is None:
        raise EditRefused("the file is empty", file=rel, line=1)
    key, value = _events_node(root, rel)
    where = _Text(body)
    nl = newline_of(body)
    if isinstance(value, yaml.SequenceNode) and value.value:
        if value.flow_style:
            new_text, at = _into_flow(where, value, event, nl)
        else:
            new_text, at = _after_block_item(where, value, event, nl)
    elif isinstance(value, yaml.SequenceNode) or _is_null(value):
        new_text, at = _into_empty(
            where,
            key,
            value,
            event,
            nl,
            flow_parent=isinstance(root, yaml.MappingNode) and bool(root.flow_style),
            rel=rel,
        )
    else:
        raise EditRefused(
            "events: is not a list; it should be `events: []` or a list of `- ` items",
            file=rel,
            line=value.start_mark.line + 1,
        )
    return Inserted(bom + new_text, _Text(new_text).line_no(at))


def _is_null(node: yaml.Node) -> bool:
    return (
        isinstance(node, yaml.ScalarNode)
        and node.tag == "tag:yaml.org,2002:null"
        and node.value in ("", "~", "null", "Null", "NULL")
    )


def _after_block_item(
    where: _Text, seq: yaml.SequenceNode, event: Mapping[str, Scalar], nl: str
) -> tuple[str, int]:
    text = where.text
    last = seq.value[-1]
    dash = where.dash_before(last.start_mark.index)
    if dash is None:  # pragma: no cover - a block sequence item always has its dash
        dash = last.start_mark.index
    dash_col = dash - where.line_start(dash)
    prefix = text[where.line_start(dash) : dash]
    if prefix.strip(" "):  # something other than indentation before the dash
        prefix = " " * dash_col
    if isinstance(last, yaml.MappingNode) and not last.flow_style and last.value:
        # Block items: keys where the last item has them (``-   date:`` keeps its 3 spaces).
        key_col = last.start_mark.index - where.line_start(last.start_mark.index)
        if key_col <= dash_col:
            key_col = dash_col + 2
        first = prefix + "-" + " " * (key_col - dash_col - 1)
        item = block_item(event, first, prefix + " " * (key_col - dash_col), nl)
    else:
        item = prefix + "- " + flow_item(event)
    at = where.line_end(_content_end(last, where) - 1)
    at = _past_own_comments(where, at, dash_col)
    return text[:at] + nl + item + text[at:], at + len(nl)


def _past_own_comments(where: _Text, at: int, dash_col: int) -> int:
    """Past comment lines indented under the last item: they belong to it, not to the next.

    ``# remedies to follow`` written under a block event stays with that event; a comment at
    the dash's column or further left (a note about the list, or the next key) stays after
    the new event.
    """
    text = where.text
    pos = where.next_line(at)
    while pos is not None and pos < len(text):
        end = where.line_end(pos)
        line = text[pos:end]
        stripped = line.lstrip(" \t")
        if stripped.startswith("#") and len(line) - len(stripped) > dash_col:
            at = end
        elif stripped:
            break
        pos = where.next_line(pos)
    return at


def _into_flow(
    where: _Text, seq: yaml.SequenceNode, event: Mapping[str, Scalar], nl: str
) -> tuple[str, int]:
    """A flow list ``[{...}, {...}]``: a new item before ``]``, on its own line if items are."""
    text = where.text
    close = seq.end_mark.index - 1
    last = seq.value[-1]
    last_end = last.end_mark.index
    item = flow_item(event)
    comma = _next_comma(text, last_end, close)
    own_line = text[where.line_start(last.start_mark.index) : last.start_mark.index].strip() == ""
    if "\n" not in text[last_end:close] or not own_line:
        # All on one line (or items share lines): ``, {new}`` straight after the last item.
        return text[:last_end] + ", " + item + text[last_end:], last_end + 2
    indent = text[where.line_start(last.start_mark.index) : last.start_mark.index]
    if comma is not None:  # a trailing comma after every item: the new one gets one too
        at = where.line_end(comma)
        return text[:at] + nl + indent + item + "," + text[at:], at + len(nl)
    at = where.line_end(last_end)
    return (
        text[:last_end] + "," + text[last_end:at] + nl + indent + item + text[at:],
        at + 1 + len(nl),
    )


def _next_comma(text: str, start: int, stop: int) -> int | None:
    """The ``,`` after the last flow item, skipping blanks and comments, if there is one."""
    i = start
    while i < stop:
        ch = text[i]
        if ch == ",":
            return i
        if ch == "#":
            newline = text.find("\n", i)
            i = stop if newline < 0 else newline
        elif ch in _BLANK:
            i += 1
        else:
            return None
    return None


def _into_empty(
    where: _Text,
    key: yaml.Node,
    value: yaml.Node,
    event: Mapping[str, Scalar],
    nl: str,
    *,
    flow_parent: bool,
    rel: str,
) -> tuple[str, int]:
    """``events: []``, ``events:`` or ``events: ~``: the first item, as a block list below.

    Just the ``[]`` (or ``~``) token goes; a comment after it stays on its line.
    """
    text = where.text
    start, end = value.start_mark.index, value.end_mark.index
    if flow_parent:
        # Inside a one-line document ``{id: ..., events: []}``: stay in flow style.
        if isinstance(value, yaml.SequenceNode):
            return text[: end - 1] + flow_item(event) + text[end - 1 :], end - 1
        raise EditRefused(
            "cannot add to an empty events: inside { }; write `events: []`",
            file=rel,
            line=key.start_mark.line + 1,
        )
    cut = start
    if text[end : where.line_end(end)].strip(" \t") == "":
        cut = where.back_over_blanks(start, key.end_mark.index)  # no trailing spaces left
    at = where.line_end(max(end - 1, start))
    indent = " " * (key.start_mark.index - where.line_start(key.start_mark.index) + 2)
    new_text = text[:cut] + text[end:at] + nl + indent + "- " + flow_item(event) + text[at:]
    return new_text, at - (end - cut) + len(nl)
