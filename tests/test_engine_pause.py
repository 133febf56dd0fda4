"""Pauses move a clock only where the procedure's own text provides for pausing.

The Code has no pause: a stage 1 response later than 10 working days from acknowledgement is
allowed only by an extension (Code 6.4), with the Ombudsman's details (6.5). Every expected date
below is counted by hand on England's 2026 calendar (Spring bank holiday: Monday 25 May 2026).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from click.testing import Result

TODAY = "2026-07-01"

# The demo's case 2026-0015, as the issue tells it: acknowledged Monday 18 May 2026, paused
# Thursday 21 May, resumed Wednesday 3 June, answered Wednesday 10 June.
CASE = """id: c1
received: 2026-05-12
{policy}events:
  - {{date: 2026-05-18, type: acknowledged, stage: 1, by: a}}
  - {{date: 2026-05-21, type: paused, stage: 1, by: a, reason: resident in hospital}}
  - {{date: 2026-06-03, type: resumed, stage: 1, by: a}}
  - {{date: 2026-06-10, type: responded, stage: 1, by: a, outcome: not_upheld}}
"""

# A fictional procedure whose own text provides for pausing its stage 1 response.
PAUSING = """id: pause-ha
name: Pause Housing test procedure
stages:
  - id: "1"
    clocks:
      - id: acknowledge
        from: received
        within: {working_days: 5}
        until: [acknowledged]
        cite: "We will acknowledge your complaint within 5 working days."
      - id: respond
        from: acknowledged
        or_due_of: acknowledge
        within: {working_days: 10}
        until: [responded]
        pause:
          cite: "If you ask us to wait, the 10 working days stop until you tell us to carry on."
        cite: "We will respond within 10 working days of acknowledging your complaint."
  - id: "2"
    clocks:
      - id: respond
        from: escalated
        within: {working_days: 20}
        until: [responded]
        cite: "We will respond within 20 working days of your request."
"""


def _check(run: Callable[..., Result], repo: Path) -> dict:
    result = run("--repo", str(repo), "check", "--format", "json", "--today", TODAY)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _respond(report: dict) -> dict:
    [case] = report["cases"]
    return next(d for d in case["deadlines"] if d["stage"] == "1" and d["clock"] == "respond")


def test_a_pause_does_not_move_the_codes_clock(
    make_repo: Callable[..., Path], run: Callable[..., Result]
) -> None:
    repo = make_repo({"cases/c1.yaml": CASE.format(policy="")})
    report = _check(run, repo)
    respond = _respond(report)
    # Code 6.3: "within 10 working days of the complaint being acknowledged". From Monday 18 May:
    # 19, 20, 21, 22 May; (25 May bank holiday) 26, 27, 28, 29 May; 1, 2 June -> Tuesday 2 June.
    assert (respond["due"], respond["done"], respond["state"]) == (
        "2026-06-02",
        "2026-06-10",
        "late",
    )
    [warning] = [p for p in report["problems"] if p["rule"] == "pause_not_provided"]
    assert warning["severity"] == "warning"
    assert warning["line"] == 5  # the paused event
    assert warning["provision"] == "6.4"
    assert "moves no deadline" in warning["message"]
    assert "Code 6.4" in warning["message"] and "Code 6.5" in warning["message"]


def test_a_pause_moves_a_clock_whose_procedure_provides_for_it(
    make_repo: Callable[..., Path], run: Callable[..., Result]
) -> None:
    repo = make_repo({"cases/c1.yaml": CASE.format(policy="policy: pause-ha\n")}, policies=())
    (repo / "policies" / "pause-ha.yaml").write_text(PAUSING, encoding="utf-8")
    report = _check(run, repo)
    respond = _respond(report)
    # Unpaused, due Tuesday 2 June (as above). Paused from Thursday 21 May to Wednesday 3 June:
    # the working days after 21 May up to 3 June are 22 May, 26-29 May, 1, 2, 3 June = 8.
    # "the 10 working days stop until you tell us to carry on": 2 June + 8 working days =
    # 3, 4, 5, 8, 9, 10, 11, 12 June -> Friday 12 June; answered 10 June, on time.
    assert (respond["due"], respond["state"]) == ("2026-06-12", "met")
    assert not [p for p in report["problems"] if p["rule"] == "pause_not_provided"]


def test_a_pause_at_a_stage_without_the_provision_moves_nothing(
    make_repo: Callable[..., Path], run: Callable[..., Result]
) -> None:
    # pause-ha's stage 2 has no pause: a pause there is recorded, moves nothing, and is named.
    case = """id: c2
received: 2026-05-12
policy: pause-ha
events:
  - {date: 2026-05-13, type: acknowledged, stage: 1, by: a}
  - {date: 2026-05-14, type: responded, stage: 1, by: a, outcome: not_upheld}
  - {date: 2026-05-15, type: escalated, stage: 2}
  - {date: 2026-05-18, type: paused, stage: 2, by: b}
  - {date: 2026-05-20, type: resumed, stage: 2, by: b}
"""
    repo = make_repo({"cases/c2.yaml": case}, policies=())
    (repo / "policies" / "pause-ha.yaml").write_text(PAUSING, encoding="utf-8")
    report = _check(run, repo)
    [case_result] = report["cases"]
    stage2 = next(d for d in case_result["deadlines"] if d["stage"] == "2")
    # "within 20 working days of your request", from Friday 15 May: 18-22 May (5), 26-29 May
    # (9), 1-5 June (14), 8-12 June (19), 15 June (20) -> Monday 15 June, the pause ignored.
    assert stage2["due"] == "2026-06-15"
    [warning] = [p for p in report["problems"] if p["rule"] == "pause_not_provided"]
    assert warning["provision"] == "6.15"
    assert warning["line"] == 8
