"""Hand-built case repositories whose answers are known by construction (no tests here: the
annual, self-assessment and public-site tests share them).

The calendar is England's: the only bank holidays the dates below go near are Good Friday
(3 Apr 2026) and Easter Monday (6 Apr 2026). Each case's comment works its deadlines out by
hand; tests/test_annual_tsm.py adds them up.
"""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

from helpers import run
from putright.repository import Repository

ROOT = Path(__file__).resolve().parent.parent

SETTINGS = """\
organisation: Known Answers Housing
homes: 1000
homes_lcho: 100
default_policy: hoc-2024
calendar: {nation: ENG}
"""


def case_yaml(case_id: str, received: str, events: Sequence[dict[str, Any]], **extra: Any) -> str:
    data: dict[str, Any] = {"id": case_id, "received": received, **extra, "events": list(events)}
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True)


def ack(date: str, stage: int = 1, by: str = "alice") -> dict[str, Any]:
    return {"date": date, "type": "acknowledged", "stage": stage, "by": by}


def resp(
    date: str, stage: int = 1, by: str = "alice", outcome: str = "upheld", **more: Any
) -> dict[str, Any]:
    return {"date": date, "type": "responded", "stage": stage, "by": by, "outcome": outcome, **more}


def ev(date: str, kind: str, **more: Any) -> dict[str, Any]:
    return {"date": date, "type": kind, **more}


# (id, received, events, extra keys). Year 2025 = 1 Apr 2025 to 31 Mar 2026.
CASES: list[tuple[str, str, list[dict[str, Any]], dict[str, Any]]] = [
    # A: ack due Mon 9 Jun (5 wd from Mon 2 Jun); ack Wed 4 Jun on time. Respond due 10 wd from
    #    Wed 4 Jun = Wed 18 Jun; responded Tue 17 Jun: within.
    ("ka-a", "2025-06-02", [ack("2025-06-04"), resp("2025-06-17")], {}),
    # B: late acknowledgement. Ack due Mon 9 Jun, ack Wed 11 Jun (late: counted late as an
    #    acknowledgement). The response runs "within 10 working days of the complaint being
    #    acknowledged" (Code 6.3; the spec: from the acknowledgement, or from its due date where
    #    there is none): 10 wd from Wed 11 Jun = Wed 25 Jun. Responded Wed 25 Jun: within.
    ("ka-b", "2025-06-02", [ack("2025-06-11"), resp("2025-06-25")], {}),
    # C: extension within the cap. Due 10 wd from Tue 8 Jul = Tue 22 Jul; 5 wd extension agreed
    #    Fri 18 Jul (before the due date): due Tue 29 Jul. Responded Mon 28 Jul: within with the
    #    extension, late without it.
    (
        "ka-c",
        "2025-07-07",
        [
            ack("2025-07-08"),
            ev("2025-07-18", "extended", stage=1, working_days=5, ombudsman_details_given=True),
            resp("2025-07-28"),
        ],
        {},
    ),
    # D: extension beyond the cap. Due 10 wd from Mon 1 Sep = Mon 15 Sep; 15 wd extension agreed
    #    Wed 10 Sep, capped at 10: due Mon 29 Sep. Responded Fri 3 Oct (24 wd): LATE.
    (
        "ka-d",
        "2025-09-01",
        [
            ack("2025-09-01"),
            ev("2025-09-10", "extended", stage=1, working_days=15),
            resp("2025-10-03"),
        ],
        {},
    ),
    # D2: the same extension, responded Fri 26 Sep (19 wd): within the capped date, so within.
    (
        "ka-d2",
        "2025-09-01",
        [
            ack("2025-09-01"),
            ev("2025-09-10", "extended", stage=1, working_days=15),
            resp("2025-09-26"),
        ],
        {},
    ),
    # E: extension agreed after the deadline had passed. Due Mon 17 Nov; extension recorded Wed
    #    19 Nov does not count; responded Fri 21 Nov: LATE.
    (
        "ka-e",
        "2025-11-03",
        [
            ack("2025-11-03"),
            ev("2025-11-19", "extended", stage=1, working_days=5),
            resp("2025-11-21"),
        ],
        {},
    ),
    # F: received in 2025-26 (CH01 there); due Tue 31 Mar 2026; responded Wed 1 Apr 2026: LATE,
    #    and counted in 2026-27's CH02.
    ("ka-f", "2026-03-16", [ack("2026-03-17"), resp("2026-04-01")], {}),
    # G: received in 2024-25; due 10 wd from Tue 18 Mar 2025 = Tue 1 Apr 2025; responded 1 Apr
    #    2025: within, counted in 2025-26's CH02 (CH01 in 2024-25).
    ("ka-g", "2025-03-17", [ack("2025-03-18"), resp("2025-04-01")], {}),
    # H: refused (not accepted): out of CH01 unless count_refused.
    (
        "ka-h",
        "2025-06-02",
        [
            ev("2025-06-04", "refused", reason="over_12_months", incident_date="2024-01-01"),
            ev("2025-06-04", "closed"),
        ],
        {},
    ),
    # I: withdrawn at stage 1 before any response: in CH01 unless count_withdrawn is false.
    (
        "ka-i",
        "2025-06-09",
        [ack("2025-06-10"), ev("2025-06-12", "withdrawn"), ev("2025-06-12", "closed")],
        {},
    ),
    # J: answered at stage 1 (within: due 29 Jul), then withdrawn at stage 1: with count_withdrawn
    #    false it leaves both CH01 and CH02.
    (
        "ka-j",
        "2025-07-14",
        [ack("2025-07-15"), resp("2025-07-22"), ev("2025-07-24", "withdrawn")],
        {},
    ),
    # K: both stages. Stage 1 due Tue 21 Oct, responded Tue 14 Oct: within. Escalated Mon 20 Oct;
    #    stage 2 ack due Mon 27 Oct, ack Wed 22 Oct; response due 20 wd from 22 Oct = Wed 19 Nov;
    #    responded Tue 18 Nov: within. Different people at each stage.
    (
        "ka-k",
        "2025-10-06",
        [
            ack("2025-10-07"),
            resp("2025-10-14"),
            ev("2025-10-20", "escalated", stage=2),
            ack("2025-10-22", 2, "bob"),
            resp("2025-11-18", 2, "bob", "not_upheld"),
        ],
        {},
    ),
    # L: escalated Mon 16 Mar 2026 (CH01 stage 2 in 2025-26); ack Wed 18 Mar; due 20 wd later,
    #    skipping Good Friday and Easter Monday = Fri 17 Apr 2026; responded Mon 20 Apr: LATE, in
    #    2026-27's CH02. Stage 1: due Tue 17 Feb, responded Tue 10 Feb: within.
    (
        "ka-l",
        "2026-02-02",
        [
            ack("2026-02-03"),
            resp("2026-02-10"),
            ev("2026-03-16", "escalated", stage=2),
            ack("2026-03-18", 2, "bob"),
            resp("2026-04-20", 2, "bob"),
        ],
        {},
    ),
    # M: low-cost home ownership: due Tue 23 Sep, responded Tue 16 Sep: within.
    ("ka-m", "2025-09-08", [ack("2025-09-09"), resp("2025-09-16")], {"tenure": "lcho"}),
    # N, O: a service request and a compliment: never in the TSMs.
    ("ka-n", "2025-06-03", [ev("2025-06-05", "closed")], {"kind": "service_request"}),
    ("ka-o", "2025-06-03", [], {"kind": "compliment"}),
    # P: stage 1 due Tue 27 Jan, responded Tue 20 Jan: within. Asked to escalate Mon 26 Jan; the
    #    escalation was refused: out of CH01 stage 2 unless count_refused.
    (
        "ka-p",
        "2026-01-12",
        [
            ack("2026-01-13"),
            resp("2026-01-20"),
            ev("2026-01-26", "escalated", stage=2),
            ev("2026-01-28", "escalation_refused", stage=2, reason="already considered"),
        ],
        {},
    ),
]


def write_known_repo(
    root: Path, settings: str = SETTINGS, extra_files: dict[str, str] | None = None
) -> Path:
    (root / "cases").mkdir(parents=True, exist_ok=True)
    (root / "policies").mkdir(exist_ok=True)
    shutil.copy(ROOT / "policies" / "hoc-2024.yaml", root / "policies" / "hoc-2024.yaml")
    (root / "complaints.yml").write_text(settings, encoding="utf-8")
    for case_id, received, events, extra in CASES:
        if extra.get("kind", "complaint") == "complaint" and "tenure" not in extra:
            extra = {"tenure": "lcra", **extra}  # low-cost rental unless the case says otherwise
        path = root / "cases" / f"{case_id}.yaml"
        path.write_text(case_yaml(case_id, received, events, **extra), encoding="utf-8")
    for rel, text in (extra_files or {}).items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


# A year file for 2025-26: 6.2 answered "yes"; the records say otherwise (see test_annual_selfassess).
YEAR_FILE = """\
year: "2025-26"
performance_commentary: |
  A quiet year with a few late responses.
self_assessment:
  "6.2": {comply: yes, evidence: Acknowledged within 5 working days., commentary: Checked daily.}
  "6.3": {comply: no, evidence: Some stage 1 responses were late.}
  "6.13": {comply: yes, evidence: A different manager reviews stage 2.}
service_improvements:
  - title: Daily due list
    detail: Officers now start each day with what falls due.
governing_body_response:
  body: Board
  date: 2026-06-18
  text: The Board accepts this report.
approved: {by: Board, date: 2026-06-18}
"""


def build_public_site(repo_root: str, out: Path, today: str = "2026-06-30") -> None:
    """`complaints site build --public` over a test repository, as a resident's site is made."""

    result = run(
        "--repo", repo_root, "site", "build", "--public", "--out", str(out), "--today", today
    )
    assert result.exit_code == 0, result.output


# Ten stage 1 complaints in June 2025 (no bank holidays): received on a Monday, so the
# acknowledgement is due 5 working days later, the next Monday. Three are acknowledged on the
# Tuesday after that (late): 3 of 10 = 30% late. Every response is 3 working days after the ack.
LATE = {"sa-03", "sa-06", "sa-09"}


def late_repo(root: Path, year_file: str) -> Repository:
    write_known_repo(root, SETTINGS, {"reports/2025-26.yaml": year_file})
    for path in (root / "cases").glob("*.yaml"):
        path.unlink()  # only the ten below
    for n in range(1, 11):
        case_id = f"sa-{n:02d}"
        ack_day = "2025-06-10" if case_id in LATE else "2025-06-04"
        answer = "2025-06-13" if case_id in LATE else "2025-06-09"
        events = [ack(ack_day, by="alice"), resp(answer, by="alice")]
        (root / "cases" / f"{case_id}.yaml").write_text(
            case_yaml(case_id, "2025-06-02", events, tenure="lcra"), encoding="utf-8"
        )
    return Repository.open(str(root))


ANSWERS = """\
year: "2025-26"
self_assessment:
  "6.2": {comply: yes, evidence: We always acknowledge within 5 working days.}
  "6.3": {comply: yes, evidence: Stage 1 responses within 10 working days.}
  "6.11": {comply: no, commentary: We are recruiting.}
"""
