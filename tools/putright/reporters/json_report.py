"""The JSON contract of `complaints check` (spec: case-records-v1)."""

from __future__ import annotations

import json

from ..check import CheckResult
from .rows import counts


def render_json(result: CheckResult) -> str:
    # One case or problem per line: readable and diffable, and json.dumps without `indent`
    # uses the C encoder (with `indent` it falls back to Python, a third of check's time).
    def rows(items: list[dict[str, object]]) -> str:
        if not items:
            return "[]"
        return (
            "[\n  " + ",\n  ".join(json.dumps(item, ensure_ascii=False) for item in items) + "\n ]"
        )

    return (
        "{\n"
        f' "today": {json.dumps(result.today.isoformat())},\n'
        f' "cases": {rows([case.to_json() for case in result.cases])},\n'
        f' "problems": {rows([problem.to_json() for problem in result.problems])},\n'
        f' "summary": {json.dumps(counts(result))}\n'
        "}"
    )
