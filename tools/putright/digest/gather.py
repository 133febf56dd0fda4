"""Every case read once, for every digest: the same results `check`, `due` and `report` use.

Each usable case carries three things, each from the one place that computes it: its
``CaseResult`` under its own procedure (what `check` and `due` show), its ``CaseFacts`` under
the Code (what `report` counts), and the ``Case`` for what only the record holds (its last
event, who it is about, surveys, restrictions, learning). A digest counts from these and
nothing else, so its numbers cannot drift from the other commands' for the same day.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, replace

from ..annual.collect import code_policy, usable
from ..annual.facts import CaseFacts, facts_of
from ..check import CheckResult, Evaluated, iter_evaluated
from ..config import Settings, Team
from ..engine import CaseResult, evaluate
from ..records import Case
from ..repository import Repository

NO_OFFICER = "(no officer)"  # as `complaints due` shows a case nobody owns
NO_TEAM = "(no team)"  # cases that no team in complaints.yml claims


@dataclass(frozen=True, slots=True)
class Item:
    case: Case
    result: CaseResult
    facts: CaseFacts
    team: str
    officer: str


@dataclass(frozen=True, slots=True)
class Gathered:
    today: dt.date
    settings: Settings
    teams: tuple[Team, ...]  # as configured, or the one implicit team
    items: tuple[Item, ...]
    check: CheckResult  # exactly what `complaints check` computes for the same day
    left_out: tuple[str, ...]  # files with errors: in no figure

    def teams_with_cases(self) -> tuple[Team, ...]:
        """The teams, and "(no team)" when some case belongs to none of them."""
        if any(i.team == NO_TEAM for i in self.items):
            return (*self.teams, Team(NO_TEAM))
        return self.teams

    def only(self, team: str) -> Gathered:
        """The same, for one team's cases."""
        return Gathered(
            self.today,
            self.settings,
            tuple(t for t in self.teams if t.name == team),
            tuple(i for i in self.items if i.team == team),
            self.check,
            self.left_out,
        )


def effective_teams(settings: Settings) -> tuple[Team, ...]:
    """complaints.yml's teams; without any, one team holding every officer and category."""
    return settings.teams or (Team(settings.organisation),)


def team_of(teams: tuple[Team, ...], officer: str | None, category: str | None) -> str:
    """The team of the case's officer, else of its category; one team takes everything."""
    if len(teams) == 1 and not teams[0].officers and not teams[0].categories:
        return teams[0].name
    for team in teams:
        if officer is not None and officer in team.officers:
            return team.name
    for team in teams:
        if category is not None and category in team.categories:
            return team.name
    return NO_TEAM


def find_team(teams: tuple[Team, ...], name: str) -> str | None:
    """A team by name, letter case aside (for --team)."""
    wanted = name.strip().casefold()
    found = next((t.name for t in teams if t.name.casefold() == wanted), None)
    if found is None and wanted == NO_TEAM.casefold():
        return NO_TEAM
    return found


def gather(
    repo: Repository, today: dt.date, outcomes: Iterable[Evaluated] | None = None
) -> Gathered:
    """Read every case (or take ``outcomes`` already read, as the site does) as of ``today``."""
    code = code_policy(repo)
    teams = effective_teams(repo.settings)
    check = CheckResult(today=today, problems=list(repo.policy_problems))
    items: list[Item] = []
    left_out: list[str] = []
    source = iter_evaluated(repo, today) if outcomes is None else outcomes
    for index, outcome in enumerate(source):
        check.add(outcome)
        case, result = outcome.case, outcome.result
        if case is None or result is None or not usable(outcome):
            left_out.append(outcome.rel)
            continue
        if case.received > today:
            continue
        facts = facts_of(
            case, evaluate(case, code, repo.calendar, today), code, repo.calendar, today, index
        )
        officer = result.officer
        # The record's top-level data (the complainant, the summary) is never a digest's
        # business: drop it, so no presenter could show it, and memory stays small.
        slim = replace(case, data={})
        items.append(
            Item(slim, result, facts, team_of(teams, officer, case.category), officer or NO_OFFICER)
        )
    check.problems.sort(key=lambda p: p.sort_key())
    return Gathered(today, repo.settings, teams, tuple(items), check, tuple(left_out))
