"""The self-assessment: every provision, the landlord's answers, and the records beside them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from known_repo import ANSWERS, ROOT, late_repo, write_known_repo
from putright.annual.assemble import build_year
from putright.annual.collect import collect_facts
from putright.annual.provisions import provisions, sections
from putright.annual.selfassess import (
    contradiction_text,
    evidence_lines,
    procedure_breaches,
    self_assessment,
)
from putright.policy.loading import load_policy
from putright.repository import Repository

TODAY = dt.date(2026, 6, 30)


def test_every_provision_in_the_forms_order() -> None:
    ids = list(provisions())
    assert ids[0] == "1.2" and ids[-1] == "9.8"
    assert len(ids) == 72
    assert [s.number for s in sections()] == list(range(1, 10))
    stage6 = next(s for s in sections() if s.number == 6).provisions
    assert [p.id for p in stage6 if p.stage == "1"] == [f"6.{n}" for n in range(1, 10)]
    assert [p.id for p in stage6 if p.stage == "2"] == [f"6.{n}" for n in range(10, 21)]
    assert all(p.confidence in ("C", "C-partial", "R", "U") for p in provisions().values())


def test_requirements_are_our_own_words() -> None:
    # The one passage the notes quote verbatim (the Code's definition) is not reproduced.
    assert "however made" not in provisions()["1.2"].requirement
    assert all(len(p.requirement) > 20 for p in provisions().values())


def test_yes_contradicted_by_the_records(tmp_path: Path) -> None:
    repo = late_repo(tmp_path / "repo", ANSWERS)
    bundle = build_year(repo, collect_facts(repo, TODAY), 2025)
    rows = {r.provision.id: r for r in bundle.assessment.rows}
    # 6.2: "yes", but 3 of 10 were acknowledged late: the Code's "must" allows none.
    assert rows["6.2"].contradiction
    text = contradiction_text(rows["6.2"], None)
    assert text == (
        "Answered yes, but our own records show 30.0% of stage 1 complaints (3 of 10) were not "
        "acknowledged within 5 working days."
    )
    # Public, min_cell 5: the 3 late cases are a small count, so neither it nor the share
    # (30% of 10 gives the 3 away) is published; with min_cell 3 they may be.
    public = contradiction_text(rows["6.2"], 5)
    assert "not published" in public and "30.0%" not in public and "3 of 10" not in public
    assert "30.0%" in contradiction_text(rows["6.2"], 3)
    # 6.3: "yes" and every response was within 10 working days: nothing to say.
    assert not rows["6.3"].contradiction
    assert "10 of 10 stage 1 responses (100.0%)" in " ".join(
        evidence_lines(rows["6.3"].evidence, None)
    )
    # 6.11: "no" is never contradicted; 6.13 unanswered: nothing to contradict.
    assert not rows["6.11"].contradiction
    assert rows["6.13"].answer is None and not rows["6.13"].contradiction
    assert [r.provision.id for r in bundle.assessment.contradictions] == ["6.2"]


def test_small_measures_are_withheld_publicly(tmp_path: Path) -> None:
    repo = late_repo(tmp_path / "repo", ANSWERS)
    bundle = build_year(repo, collect_facts(repo, TODAY), 2025)
    row = next(r for r in bundle.assessment.rows if r.provision.id == "6.2")
    # With min_cell 20 the ten cases are too few: the contradiction stands, without numbers.
    text = contradiction_text(row, 20)
    assert text.startswith(
        "Answered yes, but our own records show stage 1 complaints that were not acknowledged"
    )
    assert "3 of 10" not in text and "30.0%" not in text
    assert evidence_lines(row.evidence, 20) == [
        "Fewer than 20 stage 1 complaints to measure: not published.",
        "Held against the Code, the procedure followed (hoc-2024) meets this provision.",
    ]


def test_procedure_breaches_contradict_a_yes(tmp_path: Path) -> None:
    repo = Repository.open(str(write_known_repo(tmp_path / "repo")))
    facts = collect_facts(repo, TODAY)
    bundle = build_year(repo, facts, 2025)
    code = repo.policies["hoc-2024"]
    own, problems = load_policy(
        str(ROOT / "policies" / "herefordshire-housing.yaml"), "policies/herefordshire-housing.yaml"
    )
    assert own is not None and not problems
    breaches = procedure_breaches([own], code)
    assert "5.2" in breaches
    from putright.annual.yearfile import Answer, YearStatement

    statement = YearStatement(
        "2025-26", "reports/2025-26.yaml", answers={"5.2": Answer(True), "5.3": Answer(True)}
    )
    assessment = self_assessment(bundle.report, statement, breaches, ("herefordshire-housing",))
    row = next(r for r in assessment.rows if r.provision.id == "5.2")
    assert row.contradiction == "breach"
    assert "the published procedure itself falls short" in contradiction_text(row, None)
    assert "herefordshire-housing: stage 0" in contradiction_text(row, None)


def test_without_a_year_file_every_provision_is_listed(tmp_path: Path) -> None:
    repo = Repository.open(str(write_known_repo(tmp_path / "repo")))
    bundle = build_year(repo, collect_facts(repo, TODAY), 2025)
    assert len(bundle.assessment.rows) == 72
    assert bundle.assessment.answered == 0
    assert not bundle.assessment.contradictions
    row = next(r for r in bundle.assessment.rows if r.provision.id == "6.13")
    # K is the only stage 2 response in the year, by someone new.
    assert "1 of 1 stage 2 responses (where both handlers are recorded) (100.0%)" in " ".join(
        evidence_lines(row.evidence, None)
    )


@pytest.mark.parametrize("key", sorted({p.evidence for p in provisions().values() if p.evidence}))
def test_every_evidence_key_is_measured(tmp_path_factory: pytest.TempPathFactory, key: str) -> None:
    from putright.annual.selfassess import measured_evidence

    root = tmp_path_factory.mktemp("ev") / "repo"
    repo = Repository.open(str(write_known_repo(root)))
    bundle = build_year(repo, collect_facts(repo, TODAY), 2025)
    assert measured_evidence(key, bundle.report, None, {}) is not None


def test_small_counts_in_the_evidence_are_hidden_publicly(tmp_path: Path) -> None:
    repo = Repository.open(str(write_known_repo(tmp_path / "repo")))
    bundle = build_year(repo, collect_facts(repo, TODAY), 2025)
    row = next(r for r in bundle.assessment.rows if r.provision.id == "2.1")
    # One refusal (H) in the year: shown to staff, hidden on the public page.
    assert evidence_lines(row.evidence, None) == ["Complaints not accepted in the year: 1."]
    assert evidence_lines(row.evidence, 5) == ["Complaints not accepted in the year: fewer than 5."]
