"""The presentation layer: every output format of every command, from result objects.

One module per result type (``check``, ``case``, ``due``, ``policy``, ``annual``, ``audit``,
``overdue``, ``digest``, ``importing``); each holds that type's presenters, pure functions
from the result to the exact text a command prints. ``present(result, fmt)`` chooses one by
the result's type and the format's name, so the CLI never builds output: it computes a result,
presents it and echoes it. ``formats(kind)`` lists a type's formats for the --format option.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from ..annual.assemble import ReportView
from ..caseview import CaseView
from ..check import CheckResult
from ..ci.overdue import OverdueReport
from ..deadlines import DueReport
from ..digest.issue import DigestIssue
from ..digest.month import MonthDigest
from ..digest.quarter import QuarterDigest
from ..digest.week import WeekDigest
from ..history.model import AuditResult
from ..history.retention import RetentionResult
from ..importing.importer import ImportResult
from ..policy.code_check import CodeCheckReport
from ..policy.model import Policy
from . import annual, audit, case, check, digest, due, importing, overdue, policy

# A presenter returns the whole text, or (a large JSON report) the text in pieces.
Presenter = Callable[[Any], str | Iterable[str]]

_DIGEST: dict[str, Presenter] = {
    "text": digest.digest_text,
    "markdown": digest.digest_markdown,
    "html": digest.digest_html,
    "json": digest.digest_json,
}

# Result type -> format -> presenter; the first format is the command's default.
PRESENTERS: dict[type, dict[str, Presenter]] = {
    CheckResult: {
        "text": check.check_text,
        "json": check.check_json,
        "github": check.check_github,
        "markdown": check.check_markdown,
    },
    CaseView: {"text": case.case_text, "json": case.case_json},
    DueReport: {"text": due.due_text, "json": due.due_json},
    Policy: {
        "text": policy.policy_text,
        "json": policy.policy_json,
        "markdown": policy.policy_markdown,
    },
    CodeCheckReport: {"text": policy.code_check_text, "json": policy.code_check_json},
    ReportView: {
        "text": annual.annual_text,
        "json": annual.annual_json,
        "markdown": annual.annual_markdown,
    },
    AuditResult: {"text": audit.audit_text, "json": audit.audit_json},
    RetentionResult: {"text": audit.retention_text, "json": audit.retention_json},
    OverdueReport: {"markdown": overdue.overdue_markdown, "json": overdue.overdue_json},
    WeekDigest: _DIGEST,
    MonthDigest: _DIGEST,
    QuarterDigest: _DIGEST,
    DigestIssue: {"markdown": digest.issue_markdown, "json": digest.issue_json},
    ImportResult: {"text": importing.import_text},
}


def formats(kind: type) -> tuple[str, ...]:
    """The formats a result type can be shown in, the default first."""
    return tuple(PRESENTERS[kind])


def pieces(result: object, fmt: str) -> Iterator[str]:
    """``result`` in format ``fmt``, in pieces (a large report is never built whole)."""
    out = PRESENTERS[type(result)][fmt](result)
    if isinstance(out, str):
        yield out
    else:
        yield from out


def present(result: object, fmt: str = "text") -> str:
    """``result`` in format ``fmt``: exactly what the command prints, final newline included."""
    return "".join(pieces(result, fmt))
