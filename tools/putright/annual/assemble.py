"""One reporting year put together: the report, the year file and the self-assessment."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..repository import Repository
from .collect import FactSet, code_policy
from .model import AnnualReport
from .public_assessment import PublicAssessment
from .published import PublishedReport
from .report import annual_report
from .selfassess import SelfAssessment, procedure_breaches, self_assessment
from .tsm import Homes
from .yearfile import YearStatement, load_year, require_year, years_written


@dataclass(frozen=True, slots=True)
class YearBundle:
    report: AnnualReport
    statement: YearStatement | None
    assessment: SelfAssessment


@dataclass(frozen=True, slots=True)
class ReportView:
    """What `complaints report` shows of a year: the staff view (every figure, ``shown`` made
    by ``publish(report, 1)``) or the public one (suppressed, as of the latest cut-off)."""

    bundle: YearBundle
    shown: PublishedReport
    assessment: SelfAssessment | PublicAssessment
    internal: bool
    left_out: Sequence[str] = ()


def homes_for(repo: Repository, statement: YearStatement | None) -> Homes:
    """The year file's homes where it states them, else complaints.yml's."""
    settings = repo.settings
    total = (
        statement.homes if statement is not None and statement.homes is not None else settings.homes
    )
    lcho = (
        statement.homes_lcho
        if statement is not None and statement.homes_lcho is not None
        else settings.homes_lcho
    )
    return Homes(total, lcho)


def report_years(repo: Repository, facts: FactSet) -> list[int]:
    """Years with anything recorded (a complaint received, escalated or answered) or a year
    file, up to the year ``facts.today`` falls in."""
    settings = repo.settings
    current = settings.year_of(facts.today)
    days = [f.received for f in facts.facts]
    days += [d for f in facts.facts for st in f.stages for d in (st.escalated, st.responded) if d]
    years = {settings.year_of(day) for day in days}
    years |= set(years_written(repo.root, settings))
    return sorted(y for y in years if y <= current)


def build_year(repo: Repository, facts: FactSet, year: int) -> YearBundle:
    """Raises YearFileError (every problem, with file and line) if the year file is invalid."""
    statement = require_year(repo.root, repo.settings, year)
    previous, problems = load_year(repo.root, repo.settings, year - 1)
    # A broken previous year's file only loses its homes count here; its own build reports it.
    previous_homes = homes_for(repo, None if problems else previous)
    report = annual_report(
        facts.facts,
        repo.settings,
        year,
        homes_for(repo, statement),
        today=facts.today,
        previous_homes=previous_homes,
        left_out=len(facts.left_out),
    )
    code = code_policy(repo)
    # Every procedure a complaint of the year followed (the default one when none did).
    ids = report.procedures or (repo.settings.default_policy,)
    followed = [repo.policies[i] for i in ids if i in repo.policies]
    breaches = procedure_breaches(followed, code)
    names = tuple(p.id for p in followed)
    return YearBundle(report, statement, self_assessment(report, statement, breaches, names))
