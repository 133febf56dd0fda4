"""One case read for a letter or a bundle: valid, with its procedure, or a clear error."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import RecordError
from ..policy.model import Policy
from ..records import Case, load_case
from ..repository import Repository

_CASE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")


@dataclass(frozen=True, slots=True)
class CaseSource:
    case: Case
    policy: Policy
    path: str  # absolute
    rel: str  # relative to the repository
    raw: bytes


def open_case(repo: Repository, case_id: str) -> CaseSource:
    """The case ``case_id``; RecordError (with file and line) when it cannot be used."""
    if not _CASE_ID.fullmatch(case_id):
        raise RecordError(f"{case_id!r} is not a case id (ids look like 2026-0042)")
    found = repo.find_case_file(case_id)
    if found is None:
        raise RecordError(f"no case {case_id} under cases/", file="cases/")
    path, rel = found
    with open(path, "rb") as handle:
        raw = handle.read()
    case, problems, _text = load_case(raw, rel)
    errors = [p for p in problems if p.severity == "error"]
    if case is None or errors:
        first = (errors or problems)[0]
        raise RecordError(f"{first.message} (fix the record first)", file=rel, line=first.line)
    policy_id = case.policy or repo.settings.default_policy
    policy = repo.policies.get(policy_id)
    if policy is None:
        raise RecordError(f"unknown policy {policy_id!r}", file=rel)
    return CaseSource(case, policy, path, rel, raw)
