"""The JSON contract of `complaints check` (spec: case-records-v1)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from ..check import CheckResult
from .rows import counts


def _rows(items: Iterable[dict[str, object]]) -> Iterator[str]:
    # One item per line: readable and diffable; json.dumps without `indent` uses the C encoder.
    yield "["
    separator = "\n  "
    for item in items:
        yield separator + json.dumps(item, ensure_ascii=False)
        separator = ",\n  "
    yield "\n ]" if separator != "\n  " else "]"


def iter_json(result: CheckResult) -> Iterator[str]:
    """The report in pieces, so a large one is written without building it whole."""
    yield "{\n"
    yield f' "today": {json.dumps(result.today.isoformat())},\n "cases": '
    yield from _rows(case.to_json() for case in result.cases)
    yield ',\n "problems": '
    yield from _rows(problem.to_json() for problem in result.problems)
    yield f',\n "summary": {json.dumps(counts(result))}\n}}\n'


def render_json(result: CheckResult) -> str:
    return "".join(iter_json(result))
