"""The counts every reporter shows; the open deadlines are ``putright.deadlines``'."""

from __future__ import annotations

from ..check import CheckResult
from ..deadlines import open_deadlines


def counts(result: CheckResult) -> dict[str, int]:
    rows = open_deadlines(result.cases, ("overdue", "due_soon"))
    return {
        "files": result.files,
        "valid": result.files - result.invalid_files,
        "invalid": result.invalid_files,
        "errors": len(result.errors),
        "warnings": len(result.problems) - len(result.errors),
        "open": sum(1 for c in result.cases if c.open),
        "overdue": sum(1 for r in rows if r.state == "overdue"),
        "due_soon": sum(1 for r in rows if r.state == "due_soon"),
    }
