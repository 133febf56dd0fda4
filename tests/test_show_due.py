"""`complaints show` and `complaints due`: what an officer asks every morning.

Every date below is counted by hand on a calendar of England's working days (Good Friday,
3 April 2026, and Easter Monday, 6 April 2026, are bank holidays), from the Code's words:
6.2, acknowledge "within 5 working days of the complaint being received"; 6.3, respond
"within 10 working days of the complaint being acknowledged" (or of when the
acknowledgement was due, when it has not been made). hoc-2024 calls a deadline due soon
"within 2 working days of the due date".
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers import complaints, write_repo

TODAY = ("--today", "2026-03-19")  # a Thursday

CASES = {
    # Received Mon 2 Mar, acknowledged Wed 4 Mar: acknowledge due Mon 9 Mar (5 wd: 3, 4, 5,
    # 6, 9), met; respond due Wed 18 Mar (10 wd from 4 Mar: 5, 6, 9-13, 16, 17, 18): overdue.
    "cases/2026/2026-0001.yaml": (
        "id: 2026-0001\nreceived: 2026-03-02\nchannel: phone\nofficer: a.patel\n"
        'summary: "Damp in the \\e[31mbedroom"\n'
        "events:\n  - {date: 2026-03-04, type: acknowledged, stage: 1, by: a.patel}\n"
    ),
    # Received Thu 12 Mar, not acknowledged: acknowledge due Thu 19 Mar (13, 16, 17, 18, 19),
    # today: due soon; respond due Thu 2 Apr (10 wd from 19 Mar: 20, 23-27, 30, 31, 1, 2).
    "cases/2026/2026-0002.yaml": (
        "id: 2026-0002\nreceived: 2026-03-12\nchannel: email\nofficer: j.smith\nevents: []\n"
    ),
    # Received Wed 18 Mar, no officer: acknowledge due Wed 25 Mar (19, 20, 23, 24, 25);
    # respond due Fri 10 Apr (26, 27, 30, 31, 1, 2, then 7, 8, 9, 10 past Easter).
    "cases/2026/2026-0003.yaml": "id: 2026-0003\nreceived: 2026-03-18\nchannel: letter\nevents: []\n",
}


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return write_repo(tmp_path / "repo", dict(CASES))


def test_show_lists_the_timeline_and_every_clock(repo: Path) -> None:
    ran = complaints(repo, "show", "2026-0001", *TODAY)
    assert ran.code == 0, ran.err
    lines = ran.out.splitlines()
    assert lines[0] == "2026-0001  (cases/2026/2026-0001.yaml)"
    assert "  officer   a.patel" in lines and "  status    open" in lines
    assert "  2026-03-04  stage 1  acknowledged by a.patel" in lines
    clocks = lines[lines.index("Clocks (as of 2026-03-19)") + 1 :][:2]
    assert clocks[0].split()[-5:] == ["due", "2026-03-09", "done", "2026-03-04", "MET"]
    assert clocks[1].split()[-5:] == ["due", "2026-03-18", "not", "done", "OVERDUE"]
    # The complainant's words are shown, never obeyed: the escape is printed as text.
    assert "  summary: Damp in the \\x1b[31mbedroom" in lines and "\x1b" not in ran.out


def test_show_as_json_gives_each_deadline(repo: Path) -> None:
    ran = complaints(repo, "show", "2026-0002", *TODAY, "--format", "json")
    assert ran.code == 0, ran.err
    body = json.loads(ran.out)
    assert (body["id"], body["officer"], body["open"]) == ("2026-0002", "j.smith", True)
    assert [(d["clock"], d["start"], d["due"], d["state"]) for d in body["deadlines"]] == [
        ("acknowledge", "2026-03-12", "2026-03-19", "due_soon"),
        ("respond", "2026-03-19", "2026-04-02", "pending"),
    ]


def test_show_counts_past_easter(repo: Path) -> None:
    body = json.loads(complaints(repo, "show", "2026-0003", *TODAY, "--format", "json").out)
    assert [(d["clock"], d["due"]) for d in body["deadlines"]] == [
        ("acknowledge", "2026-03-25"),
        ("respond", "2026-04-10"),
    ]


def test_show_of_an_unknown_case_says_so(repo: Path) -> None:
    ran = complaints(repo, "show", "2026-0099", *TODAY)
    assert ran.code != 0 and ran.out == ""
    assert "no case '2026-0099' under cases/" in ran.err


def test_due_lists_what_falls_due_by_officer(repo: Path) -> None:
    ran = complaints(repo, "due", *TODAY)
    assert ran.code == 0, ran.err
    # Five working days from Thu 19 Mar: 20, 23, 24, 25, 26.
    assert ran.out.splitlines() == [
        "Due by 2026-03-26 (as of 2026-03-19), by officer",
        "",
        "(no officer) (1)",
        "  2026-03-25  2026-0003  stage 1  Acknowledge, define and log pending",
        "",
        "a.patel (1)",
        "  2026-03-18  2026-0001  stage 1  Stage 1 response     overdue",
        "",
        "j.smith (1)",
        "  2026-03-19  2026-0002  stage 1  Acknowledge, define and log due soon",
    ]


def test_due_within_more_days_reaches_past_easter(repo: Path) -> None:
    # Fifteen working days from Thu 19 Mar: to 2 Apr (10), then 7, 8, 9, 10, 13 Apr.
    ran = complaints(repo, "due", *TODAY, "--within", "15", "--format", "json")
    body = json.loads(ran.out)
    assert (body["today"], body["until"]) == ("2026-03-19", "2026-04-13")
    # Most urgent first: overdue, due soon, then pending by date.
    assert [(i["case"], i["deadline"], i["due"], i["state"]) for i in body["items"]] == [
        ("2026-0001", "Stage 1 response", "2026-03-18", "overdue"),
        ("2026-0002", "Acknowledge, define and log", "2026-03-19", "due_soon"),
        ("2026-0003", "Acknowledge, define and log", "2026-03-25", "pending"),
        ("2026-0002", "Stage 1 response", "2026-04-02", "pending"),
        ("2026-0003", "Stage 1 response", "2026-04-10", "pending"),
    ]
    assert {i["officer"] for i in body["items"]} == {"a.patel", "j.smith", "(no officer)"}


def test_due_with_nothing_open_says_so(tmp_path: Path) -> None:
    ran = complaints(write_repo(tmp_path / "empty"), "due", *TODAY, "--within", "1")
    assert ran.code == 0
    assert ran.out == (
        "Nothing falls due between 2026-03-19 and 2026-03-20, and nothing is overdue.\n"
    )


def test_due_points_to_the_check_when_a_file_is_broken(repo: Path) -> None:
    (repo / "cases" / "2026" / "2026-0004.yaml").write_text("id: [\n", encoding="utf-8")
    ran = complaints(repo, "due", *TODAY)
    assert ran.code == 0
    assert "1 problem(s) in case files: run `complaints check`." in ran.err
