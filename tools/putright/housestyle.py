"""The house style of a case file: the one way Putright and the form editor write YAML.

The form editor (Decap CMS) re-serialises a whole file on every save. So that a round trip
through it changes no byte, and a one-field edit changes only that field's lines, the admin page
registers a format (``putright-yaml``, in ``cms/assets/putright-yaml.js``) that writes exactly
what :func:`dump_case` writes. Both follow these rules, and a test runs both over every demo
case:

- the schema line first (``# yaml-language-server: $schema=...``), then the record;
- keys in the order of the case schema's properties at each level (``KEY_PATHS``), keys the
  schema does not name after them in the order they came; empty text, nulls and empty mappings
  are left out (an empty list is kept: ``events: []``);
- a mapping below the top level that holds only one-line values is written on one line,
  ``{date: 2026-01-12, type: closed}``, when that line fits in ``WIDTH`` characters;
- lists indented under their key (``  - ``);
- text plain where YAML 1.1 and 1.2 both read it back as the same text (a letter first, no
  indicators, not a boolean or null word), dates and ids plain, text with line breaks as a
  ``|`` block where one can hold it, anything else in double quotes (a JSON string is a YAML
  double-quoted one); numbers as written by JavaScript (a whole number without ``.0``).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterator, Mapping, Sequence
from functools import cache
from typing import Any

from .schemas import schema

SCHEMA_LINE_PREFIX = "# yaml-language-server: $schema="
WIDTH = 100

# Where in a case each mapping of the schema sits: "" is the case, "[]" an item of a list.
KEY_PATHS = {
    "": ("properties",),
    "complainant": ("properties", "complainant", "properties"),
    "complainant.advocate": ("properties", "complainant", "properties", "advocate", "properties"),
    "events[]": ("$defs", "event", "properties"),
    "events[].remedies[]": ("$defs", "remedy", "properties"),
}

_PLAIN = re.compile(r"[A-Za-z][A-Za-z0-9 .,'/()@+_-]*")
_PLAIN_DIGITS = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{4}-[0-9]{4,9}")  # dates, ids
_RESERVED = frozenset({"y", "n", "yes", "no", "on", "off", "true", "false", "null"})
_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")
# Characters a YAML reader refuses even in quotes (PyYAML's printable set): escape them.
_UNPRINTABLE = re.compile("[\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")
_NOT_IN_BLOCK = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufeff\ufffe\uffff]")


@cache
def key_order() -> dict[str, tuple[str, ...]]:
    """Each mapping's key order, from the case schema (the one source of the field order)."""
    out: dict[str, tuple[str, ...]] = {}
    for where, steps in KEY_PATHS.items():
        node: Any = schema("case")
        for step in steps:
            node = node[step]
        out[where] = tuple(node)
    return out


def dump_case(data: Mapping[str, Any], schema_ref: str) -> str:
    """The file's text in the house style, the schema line first."""
    return f"{SCHEMA_LINE_PREFIX}{schema_ref}\n" + dump(data, key_order())


def dump(data: Mapping[str, Any], order: Mapping[str, Sequence[str]]) -> str:
    out: list[str] = []
    _block_map(data, "", 0, out, order, None)
    return "\n".join(out or ["{}"]) + "\n"


def _skipped(value: Any) -> bool:
    # A mapping whose every value is left out is left out too: the editor's empty sub-form
    # (an advocate with no name) writes nothing rather than ``advocate: {}``.
    if isinstance(value, dict):
        return all(_skipped(v) for v in value.values())
    return value is None or value == ""


def _ordered(
    mapping: Mapping[str, Any], path: str, order: Mapping[str, Sequence[str]]
) -> Iterator[tuple[str, Any]]:
    known = order.get(path, ())
    for key in known:
        if key in mapping and not _skipped(mapping[key]):
            yield key, mapping[key]
    for key, value in mapping.items():
        if key not in known and not _skipped(value):
            yield key, value


def _key(key: object) -> str:
    text = str(key)
    # A bare `on:` or `no:` is a boolean key to a YAML 1.1 reader (PyYAML): quote it.
    return text if _KEY.fullmatch(text) and text.lower() not in _RESERVED else _quoted(text)


def _quoted(text: str) -> str:
    dumped = json.dumps(text, ensure_ascii=False)
    return _UNPRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", dumped)


def _number(value: int | float) -> str:
    if isinstance(value, float):
        if math.isfinite(value) and value.is_integer() and abs(value) < 1e21:
            return str(int(value))
        return repr(value)
    return str(value)


def scalar(value: Any, *, flow: bool = False) -> str | None:
    """A value on one line, or None for text that goes in a ``|`` block."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return _number(value)
    text = str(value)
    if _PLAIN_DIGITS.fullmatch(text):
        return text
    if (
        _PLAIN.fullmatch(text)
        and not text.endswith(" ")
        and text.lower() not in _RESERVED
        and not (flow and "," in text)  # a comma ends a plain scalar inside { }
    ):
        return text
    if not flow and _blockable(text):
        return None
    return _quoted(text)


def _blockable(text: str) -> bool:
    """Text a ``|`` (or ``|-``) block holds exactly: line breaks, no odd characters."""
    if "\n" not in text or text.endswith("\n\n") or text.startswith((" ", "\n")):
        return False
    if _NOT_IN_BLOCK.search(text):
        return False
    return all(line == line.rstrip(" ") for line in text.split("\n"))


def _block(lead: str, text: str, indent: int, out: list[str]) -> None:
    out.append(f"{lead}{'|' if text.endswith(chr(10)) else '|-'}")
    pad = " " * indent
    body = text[:-1] if text.endswith("\n") else text
    out.extend(f"{pad}{line}" if line else "" for line in body.split("\n"))


def _flow(mapping: Mapping[str, Any], path: str, order: Mapping[str, Sequence[str]]) -> str | None:
    parts = []
    for key, value in _ordered(mapping, path, order):
        if isinstance(value, (dict, list)):
            return None
        if scalar(value) is None:
            return None  # text over several lines: a | block, so the mapping is not on one line
        shown = scalar(value, flow=True)
        assert shown is not None
        parts.append(f"{_key(key)}: {shown}")
    return "{" + ", ".join(parts) + "}"


def _block_map(
    mapping: Mapping[str, Any],
    path: str,
    indent: int,
    out: list[str],
    order: Mapping[str, Sequence[str]],
    first_lead: str | None,
) -> None:
    pad = " " * indent
    for number, (key, value) in enumerate(_ordered(mapping, path, order)):
        lead = (first_lead if number == 0 and first_lead is not None else pad) + _key(key) + ":"
        here = f"{path}.{key}" if path else str(key)
        if isinstance(value, dict):
            line = _flow(value, here, order) if indent > 0 else None
            if not any(True for _ in _ordered(value, here, order)):
                out.append(f"{lead} {{}}")
            elif line is not None and len(f"{lead} {line}") <= WIDTH:
                out.append(f"{lead} {line}")
            else:
                out.append(lead)
                _block_map(value, here, indent + 2, out, order, None)
        elif isinstance(value, list):
            if not value:
                out.append(f"{lead} []")
            else:
                out.append(lead)
                _sequence(value, here, indent + 2, out, order)
        else:
            shown = scalar(value)
            if shown is None:
                _block(f"{lead} ", str(value), indent + 2, out)
            else:
                out.append(f"{lead} {shown}")


def _sequence(
    items: Sequence[Any], path: str, indent: int, out: list[str], order: Mapping[str, Sequence[str]]
) -> None:
    pad = " " * indent
    here = f"{path}[]"
    for item in items:
        if isinstance(item, dict):
            line = _flow(item, here, order)
            if line is not None and len(f"{pad}- {line}") <= WIDTH:
                out.append(f"{pad}- {line}")
            else:
                _block_map(item, here, indent + 2, out, order, f"{pad}- ")
        elif isinstance(item, list):
            if not item:
                out.append(f"{pad}- []")
            else:
                out.append(f"{pad}-")
                _sequence(item, here, indent + 2, out, order)
        elif item is None:
            out.append(f"{pad}- null")
        else:
            shown = scalar(item)
            if shown is None:
                _block(f"{pad}- ", str(item), indent + 2, out)
            else:
                out.append(f"{pad}- {shown}")
