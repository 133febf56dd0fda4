"""The public site's facts, gathered in one pass, are the facts the report's own path gives.

``collect_fact_table`` reads every file once and screens it (``check.screen_loaded``: no
evaluation against its own procedure, no lines) instead of evaluating it for each cut-off.
These tests hold it to the slow path it replaced, written out here as it was: every file
fully evaluated for the day, a file with any error left out, the rest evaluated against the
Code as of the day.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from known_repo import ack, case_yaml, resp, write_known_repo
from putright.annual.collect import FactSet, code_policy, collect_fact_table, usable
from putright.annual.facts import facts_of
from putright.check import evaluate_loaded, iter_evaluated, screen_loaded
from putright.engine import evaluate
from putright.records import load_case
from putright.repository import Repository

ROOT = Path(__file__).resolve().parent.parent
DEMO_TODAY = dt.date(2026, 11, 24)


def reference(repo: Repository, day: dt.date) -> FactSet:
    """collect_facts_at(repo, [day]) as it was before the one-pass table."""
    code = code_policy(repo)
    facts, left_out = [], []
    for index, outcome in enumerate(iter_evaluated(repo, day)):
        case = outcome.case
        if case is None or not usable(outcome):
            left_out.append(outcome.rel)
            continue
        if case.received <= day:
            under = evaluate(case, code, repo.calendar, day)
            facts.append(facts_of(case, under, code, repo.calendar, day, index))
    return FactSet(tuple(facts), tuple(left_out), day)


def year_ends_before(repo: Repository, day: dt.date, back_to: int) -> list[dt.date]:
    years = range(back_to, repo.settings.year_of(day) + 1)
    return [end for y in years if (end := repo.settings.year_period(y)[1]) < day]


def test_the_demo_at_every_cut_off_and_year_end() -> None:
    repo = Repository.open(str(ROOT))
    # The demo's cases start in 2023 (its first reporting year is 2023-24).
    for as_of in (dt.date(2026, 9, 30), dt.date(2026, 3, 31), dt.date(2025, 12, 31)):
        table = collect_fact_table(repo, as_of)
        days = [*year_ends_before(repo, as_of, 2021), as_of]
        assert len(days) >= 4
        for day in days:
            assert table.covers(day)
            assert table.at(day) == reference(repo, day), day
    assert not collect_fact_table(repo, DEMO_TODAY).covers(dt.date(2025, 12, 31))


BROKEN = {
    # Not valid against the schema: no received date.
    "cases/kb-1.yaml": "id: kb-1\nevents: []\n",
    # An unknown procedure.
    "cases/kb-2.yaml": case_yaml(
        "kb-2", "2025-06-02", [ack("2025-06-04")], policy="nowhere", tenure="lcra"
    ),
    # A response at a stage the case never reached (no escalation to stage 2).
    "cases/kb-3.yaml": case_yaml(
        "kb-3", "2025-06-02", [ack("2025-06-04"), resp("2025-06-17", stage=2)], tenure="lcra"
    ),
    # The same id as kb-4: the second file in order is left out.
    "cases/kb-4.yaml": case_yaml("kb-4", "2025-06-02", [ack("2025-06-04")], tenure="lcra"),
    "cases/kb-5.yaml": case_yaml("kb-4", "2025-06-02", [ack("2025-06-04")], tenure="lcra"),
    # Valid, with warnings only (a late acknowledgement): it counts.
    "cases/kb-6.yaml": case_yaml("kb-6", "2025-06-02", [ack("2025-06-20")], tenure="lcra"),
}


def test_broken_files_are_left_out_as_before(tmp_path: Path) -> None:
    root = write_known_repo(tmp_path / "repo", extra_files=BROKEN)
    repo = Repository.open(str(root))
    as_of = dt.date(2026, 6, 30)
    table = collect_fact_table(repo, as_of)
    assert table.left_out == ("cases/kb-1.yaml", "cases/kb-2.yaml", "cases/kb-3.yaml",
                              "cases/kb-5.yaml")  # fmt: skip
    for day in (dt.date(2026, 3, 31), as_of):
        assert table.at(day) == reference(repo, day)


def test_screening_finds_the_errors_evaluation_finds(tmp_path: Path) -> None:
    """Every error a file has, screening finds without evaluating (and finds no more)."""
    root = write_known_repo(tmp_path / "repo", extra_files=BROKEN)
    repo = Repository.open(str(root))
    for path, rel in repo.case_files():
        raw = Path(path).read_bytes()
        case, problems, text = load_case(raw, rel)
        full = evaluate_loaded(repo, rel, case, problems, text, dt.date(2026, 6, 30))
        screened = screen_loaded(repo, rel, case, list(problems))
        errors = [(p.message, p.severity) for p in full.problems if p.severity == "error"]
        found = [(p.message, p.severity) for p in screened.problems if p.severity == "error"]
        assert found == errors, rel
        assert screened.result is None
