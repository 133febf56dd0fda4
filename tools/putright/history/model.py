"""What the audit finds, as data: commits, findings, notes and per-case history.

``present.audit`` and the staff site only present these; nothing here prints.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal
from zoneinfo import ZoneInfo

# Officers work, and the Ombudsman reads dates, in UK time: a commit at 00:30 BST on
# 30 March is a record made on 30 March, although it is still 29 March in UTC.
UK = ZoneInfo("Europe/London")

FindingKind = Literal["late_event", "date_rewritten", "late_logging"]
KINDS: tuple[FindingKind, ...] = ("late_logging", "date_rewritten", "late_event")


@dataclass(frozen=True, slots=True)
class CommitRef:
    """One commit: its full sha and its committer time in UK time (never naive)."""

    sha: str
    when: dt.datetime

    @classmethod
    def from_epoch(cls, sha: str, seconds: int) -> CommitRef:
        return cls(sha, dt.datetime.fromtimestamp(seconds, tz=UK))

    @property
    def short(self) -> str:
        return self.sha[:7]

    @property
    def date(self) -> dt.date:
        """The UK calendar date of the commit: the day the record was made."""
        return self.when.date()

    def to_json(self) -> dict[str, str]:
        return {"sha": self.short, "committed": self.date.isoformat()}

    def __str__(self) -> str:
        return f"{self.short} on {self.date.isoformat()}"


@dataclass(frozen=True, slots=True)
class Finding:
    """One piece of evidence about how a case was recorded.

    ``commit`` is the commit the finding is about: the first commit of a case or an event,
    or the commit that rewrote a date (then ``old_commit`` recorded the old value).
    """

    case: str
    kind: FindingKind
    file: str
    message: str
    commit: CommitRef
    event_index: int | None = None
    field: str | None = None
    old: str | None = None
    new: str | None = None
    old_commit: CommitRef | None = None
    working_days: int | None = None
    limit: int | None = None

    def sort_key(self) -> tuple[str, int, int, str]:
        index = -1 if self.event_index is None else self.event_index
        return (self.case, KINDS.index(self.kind), index, self.commit.when.isoformat())

    def to_json(self) -> dict[str, object]:
        rewritten = self.kind == "date_rewritten"
        return {
            "case": self.case,
            "kind": self.kind,
            "file": self.file,
            "message": self.message,
            "commit": self.commit.short,
            "committed": self.commit.date.isoformat(),
            "event_index": self.event_index,
            "field": self.field,
            "old": self.old,
            "new": self.new,
            "old_commit": self.old_commit.to_json() if self.old_commit else None,
            "new_commit": self.commit.to_json() if rewritten else None,
            "working_days": self.working_days,
            "limit": self.limit,
        }


@dataclass(frozen=True, slots=True)
class Note:
    """Something the audit could not use (a version that does not parse), and where."""

    case: str
    file: str
    commit: CommitRef
    message: str

    def to_json(self) -> dict[str, object]:
        return {
            "case": self.case,
            "file": self.file,
            "commit": self.commit.short,
            "committed": self.commit.date.isoformat(),
            "message": self.message,
        }


@dataclass(frozen=True, slots=True)
class Imported:
    """A case that came from an earlier log (complaints import): its history before ``on``
    was not recorded in this repository, so it is reported once here and not judged late."""

    case: str
    file: str
    on: dt.date
    events_before: int  # events dated before the import

    @property
    def message(self) -> str:
        return f"imported on {self.on.isoformat()} ({self.events_before} earlier event(s) from the log)"

    def to_json(self) -> dict[str, object]:
        return {
            "case": self.case,
            "file": self.file,
            "on": self.on.isoformat(),
            "events_before": self.events_before,
        }


@dataclass(frozen=True, slots=True)
class CaseHistory:
    """A case as the history shows it: when it was first committed (logged) and where it is."""

    id: str
    file: str
    first_commit: CommitRef
    received: dt.date | None  # from the latest readable version; None if none was readable
    deleted: bool  # no longer in the tree (deleted, or its last move was out of cases/)
    versions: int  # versions committed, readable or not
    previous_ids: tuple[str, ...] = ()  # ids it had before `complaints renumber`

    @property
    def logged(self) -> dt.date:
        return self.first_commit.date

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "file": self.file,
            "first_commit": self.first_commit.short,
            "first_committed": self.logged.isoformat(),
            "received": self.received.isoformat() if self.received else None,
            "deleted": self.deleted,
            "versions": self.versions,
            "previous_ids": list(self.previous_ids),
        }


@dataclass(frozen=True, slots=True)
class AuditResult:
    findings: tuple[Finding, ...]
    cases: tuple[CaseHistory, ...]
    notes: tuple[Note, ...]
    commits: int  # commits read that touched cases/
    imported: tuple[Imported, ...] = ()  # cases from an earlier log, each reported once

    def findings_for(self, case_id: str) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.case == case_id)

    def case(self, case_id: str) -> CaseHistory | None:
        return next((c for c in self.cases if c.id == case_id), None)

    def to_json(self) -> dict[str, object]:
        return {
            "findings": [f.to_json() for f in self.findings],
            "notes": [n.to_json() for n in self.notes],
            "cases": [c.to_json() for c in self.cases],
            "commits": self.commits,
            "imported": [i.to_json() for i in self.imported],
        }
