"""Which closed cases have been kept longer than the organisation's retention period.

A case is due for erasure of its personal data the day after the anniversary, N years on
(``retention.years_after_closure``, default 6), of its latest ``closed`` event: its closure is
then "more than N years ago". A complaint refused or withdrawn and never closed ends there: its
period counts from that event (it used to be listed never, so its personal data was kept for
ever), and `check` reminds staff to close it (``retention.close_ended_after_days``). A case
still open is never listed.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass

from .. import yamlfile
from ..casewalk import read_case_bytes
from ..problems import Problem
from ..repository import Repository


@dataclass(frozen=True, slots=True)
class RetentionRow:
    id: str
    file: str
    closed: dt.date
    due: dt.date  # the first day the case is past its retention period
    redacted: dt.date | None
    letters: int = 0  # letter files still in letters/<id>/ (personal: redact deletes them)
    ended_by: str = "closed"  # or "refused" / "withdrawn": never closed, ended by that event

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "file": self.file,
            "closed": self.closed.isoformat(),
            "ended_by": self.ended_by,
            "due": self.due.isoformat(),
            "redacted": self.redacted.isoformat() if self.redacted else None,
            "letters": self.letters,
        }


@dataclass(frozen=True, slots=True)
class RetentionResult:
    today: dt.date
    years: int
    rows: tuple[RetentionRow, ...]
    problems: tuple[Problem, ...]  # files that could not be read (they are not listed)

    @property
    def outstanding(self) -> tuple[RetentionRow, ...]:
        """Due and not yet redacted, or its letters still kept: the work to do."""
        return tuple(r for r in self.rows if r.redacted is None or r.letters)

    def to_json(self) -> dict[str, object]:
        return {
            "today": self.today.isoformat(),
            "years_after_closure": self.years,
            "cases": [r.to_json() for r in self.rows],
            "problems": [p.to_json() for p in self.problems],
        }


def add_years(day: dt.date, years: int) -> dt.date:
    """The same day ``years`` later; 29 February becomes 28 February in a common year."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def due_date(closed: dt.date, years: int) -> dt.date:
    return add_years(closed, years) + dt.timedelta(days=1)


def _as_date(value: object) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return None


def closure_of(data: dict[str, object]) -> dt.date | None:
    """The date of the latest ``closed`` event (a case reopened and closed again counts once)."""
    events = data.get("events")
    dates = [
        _as_date(e.get("date"))
        for e in (events if isinstance(events, list) else [])
        if isinstance(e, dict) and e.get("type") == "closed"
    ]
    real = [d for d in dates if d is not None]
    return max(real) if real else None


def _letter_count(root: str, case_id: str) -> int:
    folder = os.path.join(root, "letters", case_id)
    return sum(len(files) for _base, _dirs, files in os.walk(folder))


ENDING = ("refused", "withdrawn")


def ending_of(data: dict[str, object]) -> tuple[dt.date, str] | None:
    """When and how the case ended: its latest ``closed`` event, else (never closed) its latest
    refusal or withdrawal; None while it is open."""
    closed = closure_of(data)
    if closed is not None:
        return closed, "closed"
    events = data.get("events")
    ended = [
        (day, str(e.get("type")))
        for e in (events if isinstance(events, list) else [])
        if isinstance(e, dict)
        and e.get("type") in ENDING
        and (day := _as_date(e.get("date"))) is not None
    ]
    return max(ended) if ended else None


def retention_due(repo: Repository, today: dt.date) -> RetentionResult:
    """Closed cases whose closure is more than ``retention_years`` before ``today``."""
    years = repo.settings.retention_years
    rows: list[RetentionRow] = []
    problems: list[Problem] = []
    for path, rel in repo.case_files():
        loaded = yamlfile.load(read_case_bytes(repo.root, path, yamlfile.MAX_BYTES), rel)
        if loaded.problems or not isinstance(loaded.data, dict):
            problems.extend(
                loaded.problems or [Problem(rel, 1, "not a mapping of keys and values")]
            )
            continue
        ending = ending_of(loaded.data)
        if ending is None:
            continue
        closed, ended_by = ending
        due = due_date(closed, years)
        if due > today:
            continue
        case_id = str(loaded.data.get("id") or os.path.splitext(os.path.basename(rel))[0])
        letters = _letter_count(repo.root, case_id)
        rows.append(
            RetentionRow(
                case_id,
                rel,
                closed,
                due,
                _as_date(loaded.data.get("redacted")),
                letters,
                ended_by,
            )
        )
    rows.sort(key=lambda r: (r.due, r.id))
    return RetentionResult(today, years, tuple(rows), tuple(problems))
