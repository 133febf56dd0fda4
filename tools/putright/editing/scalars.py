"""Writing one value as YAML text that stays on its line and reads back exactly.

Values typed by officers are untrusted: a reason may hold ``: ``, ``#``, ``{``, quotes, a
leading ``-`` or a line break, and written as-is any of these would change the document's
structure. PyYAML's emitter already knows when a plain scalar is ambiguous, so it decides the
quoting; we only forbid the styles that span lines, and read every result back to be sure.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import yaml

from ..errors import EditRefused

Scalar = str | int | float | bool | dt.date

_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")

# Wide enough that the emitter never folds a scalar over two lines.
_NO_WRAP = 1 << 30


class _OneLineDumper(yaml.SafeDumper):
    """SafeDumper that never starts a document with ``---`` for a bare scalar."""


def _emit_in_flow(value: Any, style: str | None) -> str:
    # Emitted as the only item of a flow sequence so the emitter applies the stricter
    # flow-context rules (no , [ ] { } in plain scalars): the text is then safe both in a
    # block mapping and inside an event written as ``{date: ..., type: ...}``.
    out = yaml.dump(
        [value],
        Dumper=_OneLineDumper,
        default_flow_style=True,
        default_style=style,
        allow_unicode=True,
        width=_NO_WRAP,
    )
    text = out.rstrip("\n")
    if text.endswith("\n..."):  # pragma: no cover - only bare scalars get an end marker
        text = text[: -len("\n...")]
    if not (text.startswith("[") and text.endswith("]")):  # pragma: no cover - defensive
        raise EditRefused(f"cannot write the value {value!r} safely")
    return text[1:-1]


def _reads_back(text: str) -> Any:
    # The same resolution rules as putright.yamlfile: timestamps stay text.
    from ..yamlfile import parse

    data, problems = parse(f"[{text}]", "<value>")
    if problems or not isinstance(data, list) or len(data) != 1:
        return _Unreadable
    return data[0]


def _is_date(text: str) -> bool:
    if not _DATE.fullmatch(text):
        return False
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True


class _Unreadable:
    pass


# What YAML, Python's splitlines or an editor may take for the end of a line: none of these
# may appear raw in the text we insert (double quotes write them as escapes).
_LINE_BREAKS = frozenset("\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")


def _breaks_line(text: str) -> bool:
    return any(ch in _LINE_BREAKS for ch in text)


def render(value: Scalar) -> str:
    """``value`` as one line of YAML that loads back as exactly ``value``.

    Dates are written plain (``2026-03-04``), as people write them; records read them as text.
    """
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str) and _is_date(value):
        # Records read a plain date as its text, so ``2026-03-04`` and ``'2026-03-04'`` are
        # the same value; plain is how the contract and people write dates.
        return value
    expected: Any = value
    text = _emit_in_flow(value, None)
    if _breaks_line(text):
        # A plain or single-quoted scalar with a line break spans lines; double quotes
        # escape every break as \n, keeping the value on one line.
        text = _emit_in_flow(value, '"')
    back = _reads_back(text)
    if _breaks_line(text) or type(back) is not type(expected) or back != expected:
        raise EditRefused(f"cannot write the value {value!r} safely on one line")
    return text


def render_key(key: str) -> str:
    """A mapping key; the same rules as a value (keys are names, so almost always plain)."""
    return render(key)
