"""TSMs CH01 and CH02 on years whose answers are known by construction (known_repo).

Denominators: homes 1000, of which homes_lcho 100, so with lcho_apart the low-cost rental
figure is per 900 homes and the LCHO figure per 100.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

import pytest

from helpers import run
from known_repo import CASES, SETTINGS, write_known_repo
from putright.annual.collect import FactSet, collect_facts
from putright.annual.facts import CaseFacts
from putright.annual.figures import one_decimal
from putright.annual.model import AnnualReport
from putright.annual.report import annual_report
from putright.annual.tsm import Homes
from putright.config import TsmOptions
from putright.repository import Repository

TODAY = dt.date(2026, 6, 30)


@pytest.fixture(scope="module")
def known(tmp_path_factory: pytest.TempPathFactory) -> tuple[Repository, FactSet]:
    root = write_known_repo(tmp_path_factory.mktemp("known") / "repo")
    repo = Repository.open(str(root))
    return repo, collect_facts(repo, TODAY)


def report_for(
    known: tuple[Repository, FactSet], year: int = 2025, **options: bool
) -> AnnualReport:
    repo, facts = known
    settings = dataclasses.replace(repo.settings, tsm=dataclasses.replace(TsmOptions(), **options))
    return annual_report(facts.facts, settings, year, Homes(1000, 100), today=TODAY)


def by_id(known: tuple[Repository, FactSet]) -> dict[str, CaseFacts]:
    # Facts carry no id (by design): the index is the order the files were read in (sorted).
    ids = sorted(c[0] for c in CASES)
    return {ids[f.index]: f for f in known[1].facts}


def test_every_case_is_read(known: tuple[Repository, FactSet]) -> None:
    assert known[1].left_out == ()
    assert len(known[1].facts) == len(CASES)


def test_ch01_defaults(known: tuple[Repository, FactSet]) -> None:
    report = report_for(known)
    # Stage 1, low-cost rental: A B C D D2 E F I J K L P = 12 received in 2025-26 (H refused:
    # out; G was received in 2024-25; M is LCHO). 12 / 900 * 1000 = 13.33 -> 13.3.
    assert report.tsm.group == "lcra"
    assert report.tsm.homes == 900
    assert report.tsm.ch01["1"].count == 12
    assert report.tsm.ch01["1"].value == 13.3
    # Stage 2: K (20 Oct) and L (16 Mar); P's escalation was refused: out. 2 / 900 -> 2.2.
    assert report.tsm.ch01["2"].count == 2
    assert report.tsm.ch01["2"].value == 2.2


def test_ch02_defaults(known: tuple[Repository, FactSet]) -> None:
    report = report_for(known)
    # Stage 1 responses sent in 2025-26 (low-cost rental): A B C D D2 E G J K L P = 11 (F's
    # was sent on 1 Apr 2026). Within: A, B (10 wd from its late ack), C (extension), D2
    # (capped extension), G, J, K, L, P = 9. D (beyond the cap) and E (extension after the
    # deadline) are late. 9/11 = 81.8.
    assert (report.tsm.ch02["1"].part, report.tsm.ch02["1"].whole) == (9, 11)
    assert report.tsm.ch02["1"].percent == 81.8
    # Stage 2: only K's response (18 Nov) falls in the year, within: 100.0.
    assert (report.tsm.ch02["2"].part, report.tsm.ch02["2"].whole) == (1, 1)
    assert report.tsm.ch02["2"].percent == 100.0


def test_lcho_apart(known: tuple[Repository, FactSet]) -> None:
    report = report_for(known)
    assert report.tsm_lcho is not None
    # M: 1 / 100 * 1000 = 10.0; nothing escalated: 0.0; responded within: 100.0; no stage 2: None.
    assert report.tsm_lcho.ch01["1"].value == 10.0
    assert report.tsm_lcho.ch01["2"].value == 0.0
    assert report.tsm_lcho.ch02["1"].percent == 100.0
    assert report.tsm_lcho.ch02["2"].percent is None


def test_lcho_together(known: tuple[Repository, FactSet]) -> None:
    report = report_for(known, lcho_apart=False)
    assert report.tsm_lcho is None
    assert report.tsm.group == "all"
    # 13 / 1000 -> 13.0; 2 / 1000 -> 2.0; CH02 stage 1: 10 of 12 (M added) = 83.3.
    assert report.tsm.ch01["1"].value == 13.0
    assert report.tsm.ch01["2"].value == 2.0
    assert report.tsm.ch02["1"].percent == 83.3


def test_count_refused(known: tuple[Repository, FactSet]) -> None:
    report = report_for(known, count_refused=True)
    # H joins stage 1: 13 / 900 = 14.44 -> 14.4; P's refused escalation joins stage 2: 3/900 -> 3.3.
    assert report.tsm.ch01["1"].count == 13
    assert report.tsm.ch01["1"].value == 14.4
    assert report.tsm.ch01["2"].count == 3
    assert report.tsm.ch01["2"].value == 3.3
    # H was never answered, so CH02 does not change.
    assert report.tsm.ch02["1"].percent == 81.8


def test_count_withdrawn_false(known: tuple[Repository, FactSet]) -> None:
    report = report_for(known, count_withdrawn=False)
    # I and J leave stage 1: 10 / 900 = 11.1; J's response leaves CH02: 8 of 10 = 80.0.
    assert report.tsm.ch01["1"].count == 10
    assert report.tsm.ch01["1"].value == 11.1
    assert (report.tsm.ch02["1"].part, report.tsm.ch02["1"].whole) == (8, 10)
    assert report.tsm.ch02["1"].percent == 80.0


def test_extensions_not_counted(known: tuple[Repository, FactSet]) -> None:
    report = report_for(known, extensions_within_code=False)
    # C (28 Jul > 22 Jul) and D2 (26 Sep > 15 Sep) become late: 7 of 11 = 63.6.
    assert (report.tsm.ch02["1"].part, report.tsm.ch02["1"].whole) == (7, 11)
    assert report.tsm.ch02["1"].percent == 63.6


def test_year_end_crossing(known: tuple[Repository, FactSet]) -> None:
    later = report_for(known, 2026)
    # F's late response (1 Apr 2026) and L's late stage 2 response (20 Apr 2026) are 2026-27's.
    assert (later.tsm.ch02["1"].part, later.tsm.ch02["1"].whole) == (0, 1)
    assert (later.tsm.ch02["2"].part, later.tsm.ch02["2"].whole) == (0, 1)
    assert later.tsm.ch01["1"].count == 0
    earlier = report_for(known, 2024)
    # G: received 17 Mar 2025, so CH01 2024-25: 1 / 900 = 1.1; its response is not 2024-25's.
    assert earlier.tsm.ch01["1"].value == 1.1
    assert earlier.tsm.ch02["1"].whole == 0


def test_case_verdicts(known: tuple[Repository, FactSet]) -> None:
    facts = by_id(known)
    b = facts["ka-b"].stage("1")
    assert b is not None
    assert b.acknowledged_within is False
    # Code 6.3 "within 10 working days of the complaint being acknowledged": from Wed 11 Jun
    # (the same start as the case's own clock): 12, 13, 16-20, 23, 24, 25 Jun -> Wed 25 Jun.
    assert b.respond_due == dt.date(2025, 6, 25)
    assert b.responded_within_extension is True
    d = facts["ka-d"].stage("1")
    assert d is not None and d.extension_beyond_cap
    assert d.respond_due_extended == dt.date(2025, 9, 29)  # 10 + 10 (capped), not 10 + 15
    e = facts["ka-e"].stage("1")
    assert e is not None and e.extension_days == 5 and e.extension_days_counted == 0
    assert facts["ka-k"].different_handlers is True
    assert facts["ka-h"].refusal_reason == "over_12_months"
    assert facts["ka-l"].stage_reached == "2"


def test_facts_hold_no_text(known: tuple[Repository, FactSet]) -> None:
    # Structural anonymisation: no field of CaseFacts (or of what it holds) is free text.
    allowed = {
        "kind",
        "category",
        "channel",
        "tenure",
        "stage_reached",
        "refusal_reason",
        "ombudsman_finding",
        "stage",
        "outcome",
        "type",
        "policy",  # the procedure's id (a file name of policies/), never anyone's words
    }
    for facts in known[1].facts:
        for obj in (facts, *facts.stages, *facts.remedies):
            for field in dataclasses.fields(obj):
                value = getattr(obj, field.name)
                if isinstance(value, str):
                    assert field.name in allowed, field.name


def test_other_figures(known: tuple[Repository, FactSet]) -> None:
    report = report_for(known)
    # Acknowledged on time at stage 1: all but B of the 13 counted = 12 of 13.
    assert (
        report.stages["1"].acknowledged_on_time.part,
        report.stages["1"].acknowledged_on_time.whole,
    ) == (12, 13)
    assert report.refusals.count("over_12_months") == 1
    assert report.escalations_refused == 1
    assert report.withdrawn == 2
    assert report.service_requests == 1 and report.compliments == 1
    assert (
        report.stages["1"].with_extension == 4
    )  # C, D, D2, and E (recorded, if too late to count)
    assert report.stages["1"].extension_beyond_cap == 2  # D, D2
    assert report.previous is not None and report.previous_label == "2024-25"


def test_one_decimal_rounds_half_up() -> None:
    assert one_decimal(12.25) == 12.3
    assert one_decimal(2 / 3 * 100) == 66.7
    assert one_decimal(0.05) == 0.1


def test_report_command_json(tmp_path: Path) -> None:
    root = write_known_repo(tmp_path / "repo")
    result = run(
        "--repo", str(root), "report", "--year", "2025", "--format", "json", "--today", "2026-06-30"
    )
    assert result.exit_code == 0, result.output  # type: ignore[attr-defined]
    body = json.loads(result.output)  # type: ignore[attr-defined]
    assert body["year"] == "2025-26"
    assert body["period"] == {"start": "2025-04-01", "end": "2026-03-31"}
    assert body["tsm"]["CH01"] == {"stage1": 13.3, "stage2": 2.2}
    assert body["tsm"]["CH02"] == {"stage1": 81.8, "stage2": 100.0}
    assert body["tsm_lcho"]["CH01"]["stage1"] == 10.0
    assert body["internal"] is True
    assert body["statement"] == {"file": None, "written": False}


def test_report_command_options_from_settings(tmp_path: Path) -> None:
    settings = SETTINGS + "tsm: {count_refused: true, lcho_apart: false}\n"
    root = write_known_repo(tmp_path / "repo", settings)
    result = run(
        "--repo",
        str(root),
        "report",
        "--year",
        "2025-26",
        "--format",
        "json",
        "--today",
        "2026-06-30",
    )
    body = json.loads(result.output)  # type: ignore[attr-defined]
    # All tenures, refused counted: stage 1 = 14 / 1000 = 14.0; stage 2 = 3 / 1000 = 3.0.
    assert body["tsm"]["CH01"] == {"stage1": 14.0, "stage2": 3.0}
    assert body["tsm_lcho"] is None


def test_report_command_text_says_internal(tmp_path: Path) -> None:
    root = write_known_repo(tmp_path / "repo")
    text = run("--repo", str(root), "report", "--year", "2025", "--today", "2026-06-30").output  # type: ignore[attr-defined]
    assert "FOR STAFF: unsuppressed" in text
    assert "not yet written" in text
    public = run(
        "--repo", str(root), "report", "--year", "2025", "--today", "2026-06-30", "--public"
    ).output  # type: ignore[attr-defined]
    assert "FOR STAFF" not in public and "counts below 5 are hidden" in public
    markdown = run(
        "--repo",
        str(root),
        "report",
        "--year",
        "2025",
        "--format",
        "markdown",
        "--today",
        "2026-06-30",
    ).output  # type: ignore[attr-defined]
    assert markdown.startswith("# Annual complaints report 2025-26")
    assert "## Self-assessment" in markdown


def test_report_command_bad_year(tmp_path: Path) -> None:
    root = write_known_repo(tmp_path / "repo")
    result = run("--repo", str(root), "report", "--year", "2025-27")
    assert result.exit_code == 2  # type: ignore[attr-defined]
