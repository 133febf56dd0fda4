"""The history audit's findings per case, when the history can be read.

``putright.history.audit`` reads the Git history; the site works without one (no Git, a copy
of the records outside a clone) and then says so on each page.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from ..errors import PutrightError
from ..history.audit import audit_repository
from ..repository import Repository


@dataclass(frozen=True, slots=True)
class FindingView:
    kind: str
    message: str
    commit: str
    committed: dt.date | None


@dataclass(frozen=True, slots=True)
class AuditView:
    available: bool
    reason: str = ""
    findings: dict[str, list[FindingView]] = field(default_factory=dict)
    logged: dict[str, dt.date] = field(default_factory=dict)  # case id -> first committed
    imported: dict[str, dt.date] = field(default_factory=dict)  # case id -> imported.on

    def for_case(self, case_id: str) -> list[FindingView]:
        return self.findings.get(case_id, [])


def audit_view(repo: Repository, today: dt.date) -> AuditView:
    try:
        result = audit_repository(repo.root, repo.settings, repo.calendar, until=today)
    except PutrightError as exc:  # GitError: not a clone, no git, unreadable history
        return AuditView(False, str(exc).rstrip("."))
    # Grouped once: asking the result per case would scan every finding for every case.
    grouped: dict[str, list[FindingView]] = defaultdict(list)
    for finding in result.findings:
        commit = finding.commit
        grouped[finding.case].append(
            FindingView(str(finding.kind), str(finding.message), str(commit.short), commit.date)
        )
    logged = {str(c.id): c.logged for c in result.cases}
    imported = {str(i.case): i.on for i in result.imported}
    return AuditView(True, "", dict(grouped), logged, imported)
