"""Duties the procedures and the Code state in prose, checked on cases as warnings.

Each test quotes the rule beside its expected dates; dates are England's 2026 calendar, counted
by hand (no bank holiday falls between 2 March and 2 April 2026).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from click.testing import Result

TODAY = "2026-06-30"


def _problems(run: Callable[..., Result], repo: Path, today: str = TODAY) -> list[dict]:
    result = run("--repo", str(repo), "check", "--format", "json", "--today", today)
    assert result.exit_code == 0, result.output
    return [
        p
        for p in json.loads(result.stdout)["problems"]
        if p["severity"] == "warning" and p.get("rule") != "tenure_needed"
    ]


def _rules(problems: list[dict], file: str) -> set[tuple[int, str]]:
    return {(p["line"], p["rule"]) for p in problems if p["file"] == file}


# --- support-trust's own extension cap, and its agreement rule ---------------------------------

SUPPORT = """id: {id}
received: 2026-03-02
policy: support-trust
events:
  - {{date: 2026-03-03, type: acknowledged, stage: 1, by: a}}
  - {{date: 2026-03-04, type: responded, stage: 1, by: a, outcome: not_upheld}}
  - {{date: 2026-03-05, type: escalated, stage: 2}}
  - {{date: 2026-03-06, type: acknowledged, stage: 2, by: b}}
  - {{date: 2026-03-09, type: extended, stage: 2, working_days: 8, ombudsman_details_given: true}}
  - {{date: 2026-03-20, type: extended, stage: 2, working_days: 4{extra}}}
"""


def test_a_procedures_own_cap_names_the_procedure_not_the_code(
    make_repo: Callable[..., Path], run: Callable[..., Result]
) -> None:
    # "Where a complaint is complex ... we may extend by up to a further 10 working days" (stage
    # 2): 8 + 4 = 12 > 10, crossed at the second extension (line 10). The Code's own stage 2 cap
    # (6.15) is 20: the warning is the procedure's, not the Code's.
    case = SUPPORT.format(id="s1", extra=", ombudsman_details_given: true, agreed: true")
    repo = make_repo({"cases/s1.yaml": case}, policies=("hoc-2024", "support-trust"))
    [cap] = [p for p in _problems(run, repo) if p["rule"] == "extension_cap"]
    assert cap["line"] == 10
    assert "above the cap of 10 (Support Trust complaints procedure (2025)" in cap["message"]
    assert "Code 6.15" not in cap["message"] and "provision" not in cap


def test_extensions_past_the_cap_need_the_clients_agreement(
    make_repo: Callable[..., Path], run: Callable[..., Result]
) -> None:
    # "Further extensions will only be made in exceptional circumstances and in agreement with
    # the client. If the client is not in agreement, they will be provided with the contact
    # information for the Housing Ombudsman."
    cases = {
        "cases/a1.yaml": SUPPORT.format(id="a1", extra=", ombudsman_details_given: true"),
        "cases/a2.yaml": SUPPORT.format(
            id="a2", extra=", ombudsman_details_given: true, agreed: true"
        ),
        "cases/a3.yaml": SUPPORT.format(
            id="a3", extra=", ombudsman_details_given: true, agreed: false"
        ),
        "cases/a4.yaml": SUPPORT.format(
            id="a4", extra=", ombudsman_details_given: false, agreed: false"
        ),
    }
    repo = make_repo(cases, policies=("hoc-2024", "support-trust"))
    problems = [p for p in _problems(run, repo) if p["rule"] == "extension_agreement"]
    found = {p["file"]: p for p in problems}
    assert set(found) == {"cases/a1.yaml", "cases/a4.yaml"}
    assert "no record of the complainant's agreement" in found["cases/a1.yaml"]["message"]
    assert "Ombudsman's contact details" in found["cases/a4.yaml"]["message"]
    assert found["cases/a1.yaml"]["line"] == 10


def test_the_code_asks_whether_the_ombudsmans_details_were_given(
    make_repo: Callable[..., Path], run: Callable[..., Result]
) -> None:
    # Code 6.5: the Ombudsman's details with any extension; an extension that does not say
    # whether they were given is asked about (unknown is not "given").
    case = """id: o1
received: 2026-03-02
events:
  - {date: 2026-03-03, type: acknowledged, stage: 1, by: a}
  - {date: 2026-03-10, type: extended, stage: 1, working_days: 3, reason: survey}
  - {date: 2026-03-20, type: responded, stage: 1, by: a, outcome: upheld}
"""
    repo = make_repo({"cases/o1.yaml": case})
    [asked] = [p for p in _problems(run, repo) if p["rule"] == "extension_notice_unrecorded"]
    assert (asked["line"], asked["provision"]) == (5, "6.5")


# --- herefordshire-housing's third-party confirmation -----------------------------------------

THIRD = """id: {id}
received: 2026-03-02
policy: herefordshire-housing
complainant:
  name: A Resident
  advocate: {{name: A Friend, relationship: friend{extra}}}
events:
  - {{date: 2026-03-02, type: logged, stage: 0, by: f}}
"""


def test_a_third_partys_complaint_is_confirmed_by_the_complainant(
    make_repo: Callable[..., Path], run: Callable[..., Result]
) -> None:
    # "Where a complaint is being made by a third party on behalf of the complainant, we will
    # ask for the complainant to confirm this is correct."
    cases = {
        "cases/t1.yaml": THIRD.format(id="t1", extra=""),
        "cases/t2.yaml": THIRD.format(id="t2", extra=", authorised: 2026-03-03"),
    }
    repo = make_repo(cases, policies=("hoc-2024", "herefordshire-housing"))
    problems = _problems(run, repo)
    assert _rules(problems, "cases/t1.yaml") >= {(6, "third_party_confirmation")}
    assert not [
        p
        for p in problems
        if p["file"] == "cases/t2.yaml" and p["rule"] == "third_party_confirmation"
    ]


# --- Code 5.9: updates while a response is extended or overdue ---------------------------------

UPDATES = """id: {id}
received: 2026-03-02
events:
  - {{date: 2026-03-03, type: acknowledged, stage: 1, by: a}}
  - {{date: 2026-03-10, type: extended, stage: 1, working_days: 10, ombudsman_details_given: true}}
{more}"""


def test_an_extended_response_gets_updates_within_the_interval(
    make_repo: Callable[..., Path], run: Callable[..., Result]
) -> None:
    # Code 5.9 (agree update intervals when a response will be late); the Code sets no number,
    # so Putright's default interval is 10 working days. Extended Tue 10 Mar: an update is due
    # by 11-13, 16-20, 23, 24 Mar -> Tue 24 Mar.
    cases = {
        # No update, answered Thu 26 Mar (after 24 Mar): warned at the extension (line 5).
        "cases/u1.yaml": UPDATES.format(
            id="u1",
            more="  - {date: 2026-03-26, type: responded, stage: 1, by: a, outcome: upheld}\n",
        ),
        # Answered Tue 24 Mar, the last day of the interval: no update needed.
        "cases/u2.yaml": UPDATES.format(
            id="u2",
            more="  - {date: 2026-03-24, type: responded, stage: 1, by: a, outcome: upheld}\n",
        ),
        # Updated Mon 23 Mar, answered Wed 25 Mar: within the next interval.
        "cases/u3.yaml": UPDATES.format(
            id="u3",
            more="  - {date: 2026-03-23, type: update_sent, stage: 1, by: a}\n"
            "  - {date: 2026-03-25, type: responded, stage: 1, by: a, outcome: upheld}\n",
        ),
    }
    repo = make_repo(cases)
    problems = [p for p in _problems(run, repo) if p["rule"] == "update_interval"]
    assert [(p["file"], p["line"], p["provision"]) for p in problems] == [
        ("cases/u1.yaml", 5, "5.9")
    ]
    assert "no update_sent by 2026-03-24" in problems[0]["message"]


def test_an_overdue_response_gets_updates_too(
    make_repo: Callable[..., Path], run: Callable[..., Result]
) -> None:
    # Received Mon 2 Mar, acknowledged Tue 3 Mar: Code 6.3 due 10 wd later, Tue 17 Mar. Not
    # answered: overdue from Wed 18 Mar; an update is due 10 wd after 17 Mar: 18-20, 23-27,
    # 30, 31 Mar -> Tue 31 Mar. As of Wed 1 Apr there is none: warned.
    case = """id: v1
received: 2026-03-02
events:
  - {date: 2026-03-03, type: acknowledged, stage: 1, by: a}
"""
    repo = make_repo({"cases/v1.yaml": case})
    warned = [p for p in _problems(run, repo, "2026-04-01") if p["rule"] == "update_interval"]
    assert len(warned) == 1 and "no update_sent by 2026-03-31" in warned[0]["message"]
    # As of Tue 31 Mar (the last day of the interval), not yet.
    assert not [p for p in _problems(run, repo, "2026-03-31") if p["rule"] == "update_interval"]


# --- Code 2.3: the 12-month anniversary --------------------------------------------------------


def test_a_complaint_made_on_the_anniversary_is_within_12_months(
    make_repo: Callable[..., Path], run: Callable[..., Result]
) -> None:
    # Code 2.3: complaints must be accepted "within 12 months of the issue occurring". A period
    # of months ends on the corresponding date (Dodds v Walker [1981] 1 WLR 1027), so a matter of
    # Mon 2 Mar 2025 may be complained of up to and including Mon 2 Mar 2026.
    refusal = "events:\n  - {date: 2026-03-03, type: refused, reason: over_12_months}\n"
    cases = {
        # Received on the anniversary: within 12 months, so refusing it as over 12 months is wrong.
        "cases/y1.yaml": f"id: y1\nreceived: 2026-03-02\nincident_date: 2025-03-02\n{refusal}",
        # Received the day after: over 12 months, the refusal stands.
        "cases/y2.yaml": f"id: y2\nreceived: 2026-03-03\nincident_date: 2025-03-02\n{refusal}",
    }
    repo = make_repo(cases)
    flagged = {p["file"] for p in _problems(run, repo) if p["rule"] == "refusal_time_limit"}
    assert flagged == {"cases/y1.yaml"}
