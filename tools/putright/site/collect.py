"""Every case file read once, as entries the pages share (no page reads a file again)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..check import iter_evaluated
from ..engine import CaseResult
from ..problems import Problem
from ..records import Case
from ..repository import Repository


@dataclass(frozen=True, slots=True)
class Entry:
    """A readable case, its result (None when it could not be evaluated), and its page."""

    case: Case
    result: CaseResult | None
    problems: tuple[Problem, ...]
    page: str  # "cases/2026/2026-0042.md"

    @property
    def officer(self) -> str | None:
        if self.result is not None:
            return self.result.officer
        return self.case.officer or next((e.by for e in reversed(self.case.events) if e.by), None)


@dataclass(frozen=True, slots=True)
class Unreadable:
    """A file with no page: it could not be read, or its id is used by an earlier file."""

    rel: str
    problems: tuple[Problem, ...]


@dataclass(frozen=True, slots=True)
class Collected:
    entries: tuple[Entry, ...]
    unreadable: tuple[Unreadable, ...]
    policy_problems: tuple[Problem, ...]


# Page names the site needs in a year's folder: a case with one of these ids (in any case, for
# Windows and macOS) would replace the year's list of cases. MkDocs reads README.md as index.md.
RESERVED_PAGES = frozenset({"index", "readme"})


def case_page(case: Case) -> str:
    # By the year received rather than the file's folder: cases may sit in any sub-folder,
    # and a year is what staff look for. Ids are unique, so pages cannot collide; a reserved
    # name gets a leading "_", which no id can start with (the schema's pattern), so it cannot
    # collide with another case either.
    stem = f"_{case.id}" if case.id.lower() in RESERVED_PAGES else case.id
    return f"cases/{case.received.year}/{stem}.md"


def collect(repo: Repository, today: dt.date) -> Collected:
    """Every case file, read (by check's workers, when many) and evaluated for today."""
    entries: list[Entry] = []
    unreadable: list[Unreadable] = []
    pages: set[str] = set()
    for outcome in iter_evaluated(repo, today):
        case = outcome.case
        page = case_page(case) if case is not None else ""
        if case is None or page in pages:
            unreadable.append(Unreadable(outcome.rel, tuple(outcome.problems)))
            continue
        pages.add(page)
        entry = Entry(case, outcome.result, tuple(outcome.problems), page)
        entries.append(entry)
    return Collected(tuple(entries), tuple(unreadable), tuple(repo.policy_problems))
