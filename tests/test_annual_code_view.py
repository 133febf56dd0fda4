"""CH02 as the Code sees a case: one start rule, informal stages, tenure on its own line.

Dates are England's 2026 calendar, counted by hand (no bank holiday falls in March 2026).
The Code: acknowledge "within 5 working days of the complaint being received" (6.2); respond
"within 10 working days of the complaint being acknowledged" (6.3); the spec: the response runs
from the acknowledgement, or from the acknowledgement's due date where there is none.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from click.testing import Result

SETTINGS = "organisation: T\nhomes: 1000\nhomes_lcho: 100\ncalendar: {nation: ENG}\n"
TODAY = "2026-06-30"

CASES = {
    # Ended at croft-ha's informal stage: the informal reply, Fri 13 Mar, is the Code's stage 1
    # response. No acknowledgement: due 5 wd from Mon 2 Mar = Mon 9 Mar; the response 10 wd from
    # then = 10, 11, 12, 13, 16, 17, 18, 19, 20, 23 Mar -> Mon 23 Mar. 13 Mar: within.
    "cases/i1.yaml": """id: i1
received: 2026-03-02
policy: croft-ha
tenure: lcra
events:
  - {date: 2026-03-13, type: responded, stage: 0, by: w, outcome: upheld}
  - {date: 2026-03-13, type: closed}
""",
    # The same, answered informally Tue 24 Mar: one working day after Mon 23 Mar: late.
    "cases/i2.yaml": """id: i2
received: 2026-03-02
policy: croft-ha
tenure: lcra
events:
  - {date: 2026-03-24, type: responded, stage: 0, by: w, outcome: upheld}
  - {date: 2026-03-24, type: closed}
""",
    # Not resolved informally: entered stage 1 Mon 16 Mar, acknowledged Tue 17 Mar, answered
    # Fri 27 Mar. Under the Code it was stage 1 from receipt; the response runs 10 wd from the
    # acknowledgement, Tue 17 Mar: 18-20, 23-27, 30, 31 Mar -> Tue 31 Mar. 27 Mar: within.
    "cases/i3.yaml": """id: i3
received: 2026-03-02
policy: croft-ha
tenure: lcra
events:
  - {date: 2026-03-16, type: escalated, stage: 1, by: pa}
  - {date: 2026-03-17, type: acknowledged, stage: 1, by: pa}
  - {date: 2026-03-27, type: responded, stage: 1, by: m, outcome: upheld}
""",
    # Tenure not recorded, under the Code: answered Mon 2 Mar with no acknowledgement; a
    # response before any acknowledgement ends the response clock: within.
    "cases/u1.yaml": """id: u1
received: 2026-02-27
events:
  - {date: 2026-03-02, type: responded, stage: 1, by: a, outcome: upheld}
""",
    "cases/u2.yaml": """id: u2
received: 2026-02-27
tenure: other
events:
  - {date: 2026-03-02, type: acknowledged, stage: 1, by: a}
""",
}


def _repo(make_repo: Callable[..., Path]) -> Path:
    return make_repo(CASES, settings=SETTINGS, policies=("hoc-2024", "croft-ha"))


def _report(run: Callable[..., Result], repo: Path) -> dict:
    result = run(
        "--repo", str(repo), "report", "--year", "2025", "--format", "json", "--today", TODAY
    )
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_informal_stage_complaints_count_in_ch02(
    make_repo: Callable[..., Path], run: Callable[..., Result]
) -> None:
    body = _report(run, _repo(make_repo))
    counts = body["tsm"]["counts"]
    # CH01 low-cost rental stage 1: i1, i2, i3 received in the year.
    assert counts["CH01"]["stage1"]["count"] == 3
    # CH02: i1 and i3 within, i2 late: 2 of 3 = 66.7.
    assert (counts["CH02"]["stage1"]["part"], counts["CH02"]["stage1"]["whole"]) == (2, 3)
    assert body["tsm"]["CH02"]["stage1"] == 66.7


def test_unknown_tenure_is_its_own_line(
    make_repo: Callable[..., Path], run: Callable[..., Result]
) -> None:
    body = _report(run, _repo(make_repo))
    unknown = body["tsm_tenure_unknown"]
    assert unknown is not None and unknown["group"] == "unknown"
    # u1 (no tenure) and u2 (other), both received in the year; none in the rental line.
    assert unknown["counts"]["CH01"]["stage1"]["count"] == 2
    assert unknown["CH01"]["stage1"] is None  # no group of homes to divide by
    # u1 answered Mon 2 Mar (ack due Fri 6 Mar; response due 10 wd later): 1 of 1 within.
    assert (
        unknown["counts"]["CH02"]["stage1"]["part"],
        unknown["counts"]["CH02"]["stage1"]["whole"],
    ) == (1, 1)
    assert body["tsm"]["counts"]["CH01"]["stage1"]["count"] == 3


def test_check_names_the_cases_that_need_a_tenure(
    make_repo: Callable[..., Path], run: Callable[..., Result]
) -> None:
    repo = _repo(make_repo)
    result = run("--repo", str(repo), "check", "--format", "json", "--today", TODAY)
    assert result.exit_code == 0, result.output
    needing = {
        (p["file"], p["line"])
        for p in json.loads(result.stdout)["problems"]
        if p.get("rule") == "tenure_needed"
    }
    assert needing == {("cases/u1.yaml", 1), ("cases/u2.yaml", 3)}


def test_a_response_before_any_acknowledgement_ends_the_response_clock(
    make_repo: Callable[..., Path], run: Callable[..., Result]
) -> None:
    repo = _repo(make_repo)
    result = run("--repo", str(repo), "check", "--format", "json", "--today", TODAY)
    case = next(c for c in json.loads(result.stdout)["cases"] if c["id"] == "u1")
    respond = next(d for d in case["deadlines"] if d["clock"] == "respond")
    # Received Fri 27 Feb: acknowledgement due 2, 3, 4, 5, 6 Mar -> Fri 6 Mar; response due
    # 10 wd from then -> Fri 20 Mar; answered Mon 2 Mar.
    assert (respond["start"], respond["due"], respond["done"], respond["state"]) == (
        "2026-03-06",
        "2026-03-20",
        "2026-03-02",
        "met",
    )
