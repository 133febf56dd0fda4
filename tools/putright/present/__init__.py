"""The presentation layer: every output format of every command, from result objects.

One module per result type (``check``, ``case``, ``due``, ``policy``, ``annual``, ``audit``,
``overdue``, ``digest``, ``importing``); each holds that type's presenters, pure functions
from the result to the exact text a command prints. ``present(result, fmt)`` chooses one by
the result's type and the format's name, so the CLI never builds output: it computes a result,
presents it and echoes it. ``formats(kind)`` lists a type's formats for the --format option.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Iterator
from typing import Any

# A presenter returns the whole text, or (a large JSON report) the text in pieces.
Presenter = Callable[[Any], str | Iterable[str]]

_DIGEST = {
    "text": "digest:digest_text",
    "markdown": "digest:digest_markdown",
    "html": "digest:digest_html",
    "json": "digest:digest_json",
}

# Result type -> format -> presenter ("module:function" in this package); the first format is
# the command's default. Named, not imported: a command imports only its own result's
# presenters, so `check` does not load GitPython (the audit's) or openpyxl (the import's).
# tests/test_present.py resolves every name here.
PRESENTERS: dict[str, dict[str, str]] = {
    "putright.check.CheckResult": {
        "text": "check:check_text",
        "json": "check:check_json",
        "github": "check:check_github",
        "markdown": "check:check_markdown",
    },
    "putright.caseview.CaseView": {"text": "case:case_text", "json": "case:case_json"},
    "putright.deadlines.DueReport": {"text": "due:due_text", "json": "due:due_json"},
    "putright.policy.model.Policy": {
        "text": "policy:policy_text",
        "json": "policy:policy_json",
        "markdown": "policy:policy_markdown",
    },
    "putright.policy.code_check.CodeCheckReport": {
        "text": "policy:code_check_text",
        "json": "policy:code_check_json",
    },
    "putright.annual.assemble.ReportView": {
        "text": "annual:annual_text",
        "json": "annual:annual_json",
        "markdown": "annual:annual_markdown",
    },
    "putright.history.model.AuditResult": {"text": "audit:audit_text", "json": "audit:audit_json"},
    "putright.history.retention.RetentionResult": {
        "text": "audit:retention_text",
        "json": "audit:retention_json",
    },
    "putright.ci.overdue.OverdueReport": {
        "markdown": "overdue:overdue_markdown",
        "json": "overdue:overdue_json",
    },
    "putright.digest.week.WeekDigest": _DIGEST,
    "putright.digest.month.MonthDigest": _DIGEST,
    "putright.digest.quarter.QuarterDigest": _DIGEST,
    "putright.digest.issue.DigestIssue": {
        "markdown": "digest:issue_markdown",
        "json": "digest:issue_json",
    },
    "putright.importing.importer.ImportResult": {"text": "importing:import_text"},
}


def type_name(kind: type) -> str:
    return f"{kind.__module__}.{kind.__qualname__}"


def presenter(kind: type, fmt: str) -> Presenter:
    """The function that shows a ``kind`` in format ``fmt`` (its module imported now)."""
    module, _, function = PRESENTERS[type_name(kind)][fmt].partition(":")
    found: Presenter = getattr(importlib.import_module(f"{__name__}.{module}"), function)
    return found


def formats(kind: type) -> tuple[str, ...]:
    """The formats a result type can be shown in, the default first."""
    return tuple(PRESENTERS[type_name(kind)])


def pieces(result: object, fmt: str) -> Iterator[str]:
    """``result`` in format ``fmt``, in pieces (a large report is never built whole)."""
    out = presenter(type(result), fmt)(result)
    if isinstance(out, str):
        yield out
    else:
        yield from out


def present(result: object, fmt: str = "text") -> str:
    """``result`` in format ``fmt``: exactly what the command prints, final newline included."""
    return "".join(pieces(result, fmt))
