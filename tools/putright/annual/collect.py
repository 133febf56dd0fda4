"""Every case file read once and turned into ``CaseFacts``: the only input the report takes.

A file that is invalid (an error, not a warning) is left out of every figure and counted, so
the report can say how many were left out: a figure built on a broken record would be wrong in
a way nobody could see.
"""

from __future__ import annotations

import datetime as dt
import os
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..check import Evaluated, iter_evaluated
from ..config import Settings
from ..engine import evaluate
from ..errors import PolicyError
from ..packagedata import data_dir
from ..policy.loading import load_policy
from ..policy.model import Policy
from ..repository import Repository
from .facts import CaseFacts, as_code_case, facts_of

CODE_POLICY = "hoc-2024"
# The Code's procedure shipped with the package (packagedata: a wheel's copy or policies/).
_BUILTIN_POLICIES = str(data_dir("policies"))


@dataclass(frozen=True, slots=True)
class FactSet:
    """The facts of every readable case, and the files left out (paths only: for staff)."""

    facts: tuple[CaseFacts, ...]
    left_out: tuple[str, ...]
    today: dt.date


def code_policy(repo: Repository) -> Policy:
    """The Code as a procedure: the repository's policies/hoc-2024.yaml, else the package's."""
    found = repo.policies.get(CODE_POLICY)
    if found is not None:
        return found
    path = os.path.join(_BUILTIN_POLICIES, f"{CODE_POLICY}.yaml")
    if os.path.isfile(path):
        policy, problems = load_policy(path, f"policies/{CODE_POLICY}.yaml")
        if policy is not None and not problems:
            return policy
    raise PolicyError(
        f"the TSMs are measured against the Code's own timescales, but there is no "
        f"policies/{CODE_POLICY}.yaml (copy it from the Putright repository)"
    )


def usable(outcome: Evaluated) -> bool:
    """Does a file count in the figures? Not when it has an error (it is left out, and said so)."""
    return outcome.case is not None and not any(p.severity == "error" for p in outcome.problems)


def collect_facts(repo: Repository, today: dt.date) -> FactSet:
    code = code_policy(repo)
    facts: list[CaseFacts] = []
    left_out: list[str] = []
    for index, outcome in enumerate(iter_evaluated(repo, today)):
        case = outcome.case
        if case is None or not usable(outcome):
            left_out.append(outcome.rel)
            continue
        if case.received > today:
            continue  # not yet received as of today: no figure can include it
        # The Code's view: a procedure's informal stage is the Code's stage 1 from receipt.
        own = repo.policies.get(outcome.result.policy) if outcome.result is not None else None
        case = as_code_case(case, own)
        under_code = evaluate(case, code, repo.calendar, today)
        facts.append(
            facts_of(case, under_code, code, repo.calendar, today, index, own.id if own else None)
        )
    return FactSet(tuple(facts), tuple(left_out), today)


def collect_facts_at(repo: Repository, days: Sequence[dt.date]) -> dict[dt.date, FactSet]:
    """``collect_facts`` as of each of ``days`` (the public cut-offs), reading each file once.

    Each day's facts are what they would have been on that day: cases received later are
    left out and every case is evaluated with the events it had by then.
    """
    wanted = sorted(set(days))
    if not wanted:
        return {}
    code = code_policy(repo)
    facts: dict[dt.date, list[CaseFacts]] = {day: [] for day in wanted}
    left_out: list[str] = []
    # Screened, not evaluated: whether a file counts never depends on the day.
    for index, outcome in enumerate(iter_evaluated(repo, wanted[-1], screen=True)):
        case = outcome.case
        if case is None or not usable(outcome):
            left_out.append(outcome.rel)
            continue
        for day in wanted:
            if case.received > day:
                continue
            under_code = evaluate(case, code, repo.calendar, day)
            facts[day].append(facts_of(case, under_code, code, repo.calendar, day, index))
    return {day: FactSet(tuple(facts[day]), tuple(left_out), day) for day in wanted}


@dataclass(frozen=True, slots=True)
class FactTable:
    """Facts as of a public cut-off and as of the end of every reporting year before it: all
    the public site is built from, gathered in one pass over the files."""

    as_of: dt.date
    year_start: tuple[int, int]  # (month, day) a reporting year starts on
    facts: Mapping[dt.date, tuple[CaseFacts, ...]]
    left_out: tuple[str, ...]

    def covers(self, day: dt.date) -> bool:
        after = day + dt.timedelta(days=1)
        return day == self.as_of or (
            day < self.as_of and (after.month, after.day) == self.year_start
        )

    def at(self, day: dt.date) -> FactSet:
        """The same FactSet ``collect_facts_at(repo, [day])`` gives, for a day it covers."""
        if not self.covers(day):
            raise ValueError(f"{day} is neither {self.as_of} nor the end of a year before it")
        return FactSet(self.facts.get(day, ()), self.left_out, day)


def _year_ends(settings: Settings, received: dt.date, before: dt.date) -> list[dt.date]:
    """The ends of the reporting years from the one ``received`` falls in, before ``before``."""
    ends = []
    year = settings.year_of(received)
    while (end := settings.year_period(year)[1]) < before:
        ends.append(end)
        year += 1
    return ends


def collect_fact_table(repo: Repository, as_of: dt.date) -> FactTable:
    """Every case's facts as of ``as_of`` and as of each year end between its receipt and
    ``as_of``: what ``collect_facts_at`` gives for those days, with each file read once.

    In one process: at 10,000 cases on the 2-core machine, working out half the facts in a
    forked worker (or each case's in a pool of them) took more processor time than it saved
    in wall time, even on an idle machine (every page of the records it touched was copied).
    """
    code = code_policy(repo)
    settings, calendar = repo.settings, repo.calendar
    facts: dict[dt.date, list[CaseFacts]] = defaultdict(list)
    left_out: list[str] = []
    for index, outcome in enumerate(iter_evaluated(repo, as_of, screen=True)):
        case = outcome.case
        if case is None or not usable(outcome):
            left_out.append(outcome.rel)
            continue
        if case.received > as_of:
            continue
        for day in (*_year_ends(settings, case.received, as_of), as_of):
            under_code = evaluate(case, code, calendar, day)
            facts[day].append(facts_of(case, under_code, code, calendar, day, index))
    return FactTable(
        as_of,
        settings.year_start,
        {day: tuple(found) for day, found in facts.items()},
        tuple(left_out),
    )
