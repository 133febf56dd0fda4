"""The checks every edit passes before it is written; a refused edit writes nothing.

In order: the new bytes read back as exactly the data intended (a guard against any bug in
the text insertion), the record is valid by the schema, and, where the check pipeline is
there, the case holds up in its repository (known procedure, stages, categories). Warnings
(a late response, say) do not stop an edit: they record what happened.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from .. import validation, yamlfile
from ..check import check_case_bytes
from ..errors import EditRefused
from ..problems import Problem

# Maps a line of the new text to (line in the file on disk, whether it is in the new part).
LineMap = Callable[[int], tuple[int, bool]]


def _same_line(line: int) -> tuple[int, bool]:
    return line, False


def _refuse(found: list[Problem], rel: str, line_map: LineMap) -> EditRefused:
    first = found[0]
    line, in_new = line_map(first.line or 1)
    message = first.message
    if in_new:
        message = f"the new entry would not be valid: {message}"
    more = len(found) - 1
    if more:
        message += f" (and {more} more problem{'s' if more > 1 else ''}: run complaints check)"
    return EditRefused(f"{message}; the file was not changed", file=rel, line=line)


def verify(
    root: str,
    rel: str,
    raw: bytes,
    expected: Any,
    today: dt.date,
    *,
    line_map: LineMap = _same_line,
) -> list[Problem]:
    """Refuse (EditRefused) unless ``raw`` is a valid case equal to ``expected``; the warnings."""
    loaded = yamlfile.load(raw, rel)
    if loaded.problems or loaded.text is None:
        raise _refuse(loaded.problems or [Problem(rel, 1, "cannot read")], rel, line_map)
    if loaded.data != expected:
        raise EditRefused(
            "the edit would change more than the new entry, so it was stopped and the file was "
            "not changed (this is a bug in complaints: please report it with the file)",
            file=rel,
        )
    problems = validation.problems("case", loaded.data, loaded.text, rel)
    if problems:
        raise _refuse(problems, rel, line_map)
    found = _repository_problems(root, rel, raw, today)
    errors = [p for p in found if p.severity == "error"]
    if errors:
        raise _refuse(errors, rel, line_map)
    return [p for p in found if p.severity != "error"]


def _repository_problems(root: str, rel: str, raw: bytes, today: dt.date) -> list[Problem]:
    # The repository-wide check (procedures, stages, categories, ids used twice) is
    # putright.check's, so an edit is refused for exactly what `complaints check` reports.
    return check_case_bytes(root, rel, raw, today)
