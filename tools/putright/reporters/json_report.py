"""The JSON contract of `complaints check` (spec: case-records-v1)."""

from __future__ import annotations

import json

from ..check import CheckResult
from .rows import counts


def render_json(result: CheckResult) -> str:
    document = {
        "today": result.today.isoformat(),
        "cases": [case.to_json() for case in result.cases],
        "problems": [problem.to_json() for problem in result.problems],
        "summary": counts(result),
    }
    return json.dumps(document, indent=1, ensure_ascii=False)
