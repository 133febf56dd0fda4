"""`complaints import`: real CSV and Excel logs, made here, become cases (or nothing at all).

Expected values are counted by hand from the logs written in each test; dates are read day
first as the issue asks ("31/03/2026, 31 March 2026, 2026-03-31, Excel date cells").
"""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import yaml

from helpers import complaints, write_repo
from putright.importing.dates import DateRefused, parse_uk_date

TODAY = "2026-05-01"
# The default headings, in the words and order.
DEFAULT_HEADINGS = [
    "Reference", "Received", "Name", "Email", "Phone", "Address", "Tenure", "Channel",
    "Category", "Summary", "Acknowledged", "Stage 1 response", "Stage 1 outcome", "Escalated",
    "Stage 2 acknowledged", "Stage 2 response", "Stage 2 outcome", "Closed",
]  # fmt: skip


def write_csv(path: Path, rows: list[list[str]]) -> Path:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    return path


def case_data(root: Path, case_id: str) -> dict[str, Any]:
    text = (root / "cases" / case_id[:4] / f"{case_id}.yaml").read_text("utf-8")
    data: dict[str, Any] = yaml.load(text, Loader=yaml.BaseLoader)  # every scalar as text
    return data


def case_files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.glob("cases/**/*.yaml"))}


# --- dates ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("31/03/2026", dt.date(2026, 3, 31)),
        ("1/3/2026", dt.date(2026, 3, 1)),  # 1 March, not 3 January
        ("05/04/2026", dt.date(2026, 4, 5)),  # 5 April, not 4 May
        ("05-04-2026", dt.date(2026, 4, 5)),
        ("05.04.2026", dt.date(2026, 4, 5)),
        ("31 March 2026", dt.date(2026, 3, 31)),
        ("31 Mar 2026", dt.date(2026, 3, 31)),
        ("Tuesday 31 March 2026", dt.date(2026, 3, 31)),
        ("1st April 2026", dt.date(2026, 4, 1)),
        ("2026-03-31", dt.date(2026, 3, 31)),
        (dt.datetime(2026, 3, 31, 0, 0), dt.date(2026, 3, 31)),  # an Excel date cell
        (dt.date(2026, 3, 31), dt.date(2026, 3, 31)),
    ],
)
def test_uk_dates_are_read_day_first(text: object, expected: dt.date) -> None:
    assert parse_uk_date(text) == expected


@pytest.mark.parametrize(
    "text",
    ["03/31/2026", "31/02/2026", "29/02/2025", "2026-02-30", "31/03/26", "31 Marchly 2026",
     "next Tuesday", "46112"],
)  # fmt: skip
def test_what_is_not_a_uk_date_is_refused(text: str) -> None:
    with pytest.raises(DateRefused):
        parse_uk_date(text)


# --- a CSV log with the default headings ----------------------------------------------------


def _default_log(path: Path) -> Path:
    # The headings in another order, with other case and spacing.
    return write_csv(
        path,
        [
            ["REFERENCE", "received", "Name", "Phone", "Channel", "Category", "Summary",
             "Acknowledged", "Stage 1 Response", "Stage 1 outcome", "Escalated",
             "Stage 2 acknowledged", "Stage2 response", "Stage 2 outcome", "Closed", "Tenure"],
            ["BC/001", "02/03/2026", "Ann Example", "07700 900123", "Telephone", "repairs",
             "Leak not fixed", "04/03/2026", "16 March 2026", "Partially upheld", "2026-03-20",
             "24/03/2026", "14/04/2026", "not upheld", "14/04/2026", "shared ownership"],
            ["BC/002", "5 Jan 2026", "Bob Example", "", "email", "noise", "Neighbour noise",
             "06/01/2026", "", "", "", "", "", "", "", ""],
            ["", "", "", "", "", "", "", "", "", "", "", "", "", "", "", ""],
            ["BC/003", "31/12/2025", "", "", "letter", "", "", "", "", "", "", "", "", "", "",
             ""],
        ],
    )  # fmt: skip


def test_a_csv_log_with_the_default_headings_becomes_cases(tmp_path: Path) -> None:
    root = write_repo(tmp_path / "repo")
    log = _default_log(tmp_path / "log.csv")
    ran = complaints(root, "import", str(log), "--today", TODAY)
    assert ran.code == 0, ran.err
    # Three rows (row 4 is blank): ids by year, in order of receipt.
    assert sorted(case_files(root)) == [
        "cases/2025/2025-0001.yaml",
        "cases/2026/2026-0001.yaml",
        "cases/2026/2026-0002.yaml",
    ]
    first = case_data(root, "2026-0002")  # BC/001, received after BC/002
    assert first["received"] == "2026-03-02"
    assert first["channel"] == "phone" and first["category"] == "repairs"
    assert first["tenure"] == "lcho"
    assert first["complainant"] == {"name": "Ann Example", "phone": "07700 900123"}
    assert first["summary"] == "Leak not fixed"
    assert first["imported"] == {"from": "log.csv", "row": "2", "ref": "BC/001", "on": TODAY}
    assert first["events"] == [
        {"date": "2026-03-04", "type": "acknowledged", "stage": "1"},
        {"date": "2026-03-16", "type": "responded", "stage": "1", "outcome": "partially_upheld"},
        {"date": "2026-03-20", "type": "escalated", "stage": "2"},
        {"date": "2026-03-24", "type": "acknowledged", "stage": "2"},
        {"date": "2026-04-14", "type": "responded", "stage": "2", "outcome": "not_upheld"},
        {"date": "2026-04-14", "type": "closed"},
    ]
    second = case_data(root, "2026-0001")
    assert second["received"] == "2026-01-05" and second["imported"]["row"] == "3"
    assert second["events"] == [{"date": "2026-01-06", "type": "acknowledged", "stage": "1"}]
    assert case_data(root, "2025-0001")["imported"]["row"] == "5"
    assert "3 case(s) imported" in ran.out
    # Columns the log does not have are named, and left empty.
    assert "left empty): Email, Address" in ran.out
    assert complaints(root, "check", "--today", TODAY).code == 0


def test_importing_the_same_log_again_adds_nothing_and_a_new_row_only_itself(
    tmp_path: Path,
) -> None:
    root = write_repo(tmp_path / "repo")
    log = _default_log(tmp_path / "log.csv")
    assert complaints(root, "import", str(log), "--today", TODAY).code == 0
    before = case_files(root)
    again = complaints(root, "import", str(log), "--today", "2026-05-04")
    assert again.code == 0
    assert case_files(root) == before
    assert "0 case(s) imported, 3 already there" in again.out
    assert "BC/001 is already case 2026-0002" in again.out
    with open(log, "a", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerow(["BC/004", "01/04/2026", "Cy Example"] + [""] * 13)
    third = complaints(root, "import", str(log), "--today", "2026-05-04")
    assert third.code == 0
    assert sorted(set(case_files(root)) - set(before)) == ["cases/2026/2026-0003.yaml"]
    assert case_data(root, "2026-0003")["imported"]["ref"] == "BC/004"


def test_ids_follow_those_already_used(tmp_path: Path) -> None:
    root = write_repo(tmp_path / "repo")
    assert complaints(root, "new", "--received", "2026-02-02", "--channel", "email",
                      "--category", "x", "--name", "N", "--summary", "S", "--no-input",
                      "--today", TODAY).code == 0  # fmt: skip
    log = _default_log(tmp_path / "log.csv")
    assert complaints(root, "import", str(log), "--today", TODAY).code == 0
    assert case_data(root, "2026-0002")["imported"]["ref"] == "BC/002"
    assert case_data(root, "2026-0003")["imported"]["ref"] == "BC/001"


def test_a_dry_run_writes_nothing(tmp_path: Path) -> None:
    root = write_repo(tmp_path / "repo")
    log = _default_log(tmp_path / "log.csv")
    ran = complaints(root, "import", str(log), "--dry-run", "--today", TODAY)
    assert ran.code == 0
    assert "3 case(s) would import (dry run: nothing written)" in ran.out
    assert case_files(root) == {}


# --- bad rows -------------------------------------------------------------------------------


def test_bad_rows_are_named_by_row_and_column_and_nothing_is_written(tmp_path: Path) -> None:
    root = write_repo(tmp_path / "repo")
    log = write_csv(
        tmp_path / "bad.csv",
        [
            ["Reference", "Received", "Channel", "Acknowledged", "Stage 1 outcome"],
            ["R1", "02/03/2026", "email", "03/03/2026", ""],  # good
            ["R2", "02/03/2026", "email", "31/02/2026", ""],  # row 3: no 31 February
            ["R3", "12/25/2026", "email", "", ""],  # row 4: month first, never guessed
            ["R4", "02/03/2026", "pigeon", "01/03/2026", "Upheld"],  # row 5: three problems
            ["", "02/03/2026", "email", "", ""],  # row 6: no reference
            ["R1", "03/03/2026", "email", "", ""],  # row 7: the same reference as row 2
        ],
    )
    ran = complaints(root, "import", str(log), "--today", TODAY)
    assert ran.code == 1
    assert "Traceback" not in ran.err
    lines = ran.err.strip().splitlines()
    assert lines[0] == (
        "complaints: bad.csv: row 3, column D (Acknowledged): '31/02/2026' is not a real "
        "date (read day first, as UK dates are written)"
    )
    assert lines[1].startswith("bad.csv: row 4, column B (Received): '12/25/2026' is not a real")
    assert lines[2].startswith("bad.csv: row 5, column C (Channel): 'pigeon' is not a channel")
    # A row's problems from left to right.
    assert lines[3].startswith("bad.csv: row 5, column D (Acknowledged): 01/03/2026 is before")
    assert lines[4] == (
        "bad.csv: row 5, column E (Stage 1 outcome): an outcome with no Stage 1 response date"
    )
    assert lines[5].startswith("bad.csv: row 6, column A (Reference): empty")
    assert lines[6] == "bad.csv: row 7, column A (Reference): 'R1' is also the reference of row 2"
    assert lines[7] == "bad.csv: 5 row(s) cannot be imported; nothing was written"
    assert case_files(root) == {}


def test_a_log_without_a_received_column_is_refused(tmp_path: Path) -> None:
    root = write_repo(tmp_path / "repo")
    log = write_csv(tmp_path / "log.csv", [["Reference", "Date"], ["R1", "02/03/2026"]])
    ran = complaints(root, "import", str(log), "--today", TODAY)
    assert ran.code == 1
    assert "log.csv: row 1: no column headed 'Received'" in ran.err
    assert case_files(root) == {}


def test_a_csv_that_is_not_utf8_is_refused_with_what_to_do(tmp_path: Path) -> None:
    root = write_repo(tmp_path / "repo")
    log = tmp_path / "log.csv"
    log.write_bytes("Reference,Received,Summary\nR1,02/03/2026,Owed £50\n".encode("cp1252"))
    ran = complaints(root, "import", str(log), "--today", TODAY)
    assert ran.code == 1 and "CSV UTF-8" in ran.err


# --- an Excel log with a map ----------------------------------------------------------------


def test_an_excel_log_with_a_map(tmp_path: Path) -> None:
    root = write_repo(tmp_path / "repo")
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Ref", "Date received", "Tel", "E-mail", "How", "Acknowledged",
                  "Stage 1 response", "Outcome"])  # fmt: skip
    # Excel date cells (datetime), and one date typed as text.
    sheet.append(["L-7", dt.datetime(2026, 2, 9), "01632 960001", "c@example.org",
                  "Telephone call", dt.datetime(2026, 2, 10), "31 March 2026",
                  "Upheld in part"])  # fmt: skip
    sheet.append(["L-8", dt.datetime(2026, 2, 16), None, None, "web", None, None, None])
    log = tmp_path / "log.xlsx"
    book.save(log)
    map_file = tmp_path / "map.yml"
    map_file.write_text(
        "columns:\n  Reference: Ref\n  Received: Date received\n  Phone: Tel\n"
        "  Email: E-mail\n  Channel: How\n  Stage 1 outcome: Outcome\n"
        "values:\n  outcome:\n    Upheld in part: partially_upheld\n"
        "  channel:\n    Telephone call: phone\n",
        encoding="utf-8",
    )
    # Without the map the log has no Reference column.
    assert complaints(root, "import", str(log), "--today", TODAY).code == 1
    ran = complaints(root, "import", str(log), "--map", str(map_file), "--today", TODAY)
    assert ran.code == 0, ran.err
    first = case_data(root, "2026-0001")
    assert first["received"] == "2026-02-09"
    assert first["channel"] == "phone"
    assert first["complainant"] == {"phone": "01632 960001", "email": "c@example.org"}
    assert first["imported"] == {"from": "log.xlsx", "row": "2", "ref": "L-7", "on": TODAY}
    assert first["events"] == [
        {"date": "2026-02-10", "type": "acknowledged", "stage": "1"},
        {"date": "2026-03-31", "type": "responded", "stage": "1", "outcome": "partially_upheld"},
    ]
    second = case_data(root, "2026-0002")
    assert second["channel"] == "website" and second["events"] == []
    again = complaints(root, "import", str(log), "--map", str(map_file), "--today", TODAY)
    assert "0 case(s) imported, 2 already there" in again.out


def test_a_map_with_an_unknown_heading_is_refused(tmp_path: Path) -> None:
    root = write_repo(tmp_path / "repo")
    log = _default_log(tmp_path / "log.csv")
    map_file = tmp_path / "map.yml"
    map_file.write_text("columns:\n  Telephone number: Tel\n", encoding="utf-8")
    ran = complaints(root, "import", str(log), "--map", str(map_file), "--today", TODAY)
    assert ran.code == 1 and "map.yml: columns: 'Telephone number' is not one of" in ran.err


def test_the_template_has_the_default_headings_and_imports_without_a_map(tmp_path: Path) -> None:
    root = write_repo(tmp_path / "repo")
    template = tmp_path / "log.xlsx"
    ran = complaints(root, "import", "--template", str(template))
    assert ran.code == 0
    book = openpyxl.load_workbook(template)
    sheet = book.active
    assert sheet is not None
    assert [c.value for c in sheet[1]] == DEFAULT_HEADINGS
    sheet.append(["T-1", dt.datetime(2026, 4, 1), "Di Example"])
    book.save(template)
    assert complaints(root, "import", str(template), "--today", TODAY).code == 0
    assert case_data(root, "2026-0001")["complainant"] == {"name": "Di Example"}
    # The template is never written over a file.
    assert complaints(root, "import", "--template", str(template)).code == 1


def test_hostile_text_in_a_log_stays_text(tmp_path: Path) -> None:
    root = write_repo(tmp_path / "repo")
    summary = "<script>alert(1)</script> {{ 7*7 }} ]]> *bold* \n: not: yaml"
    log = write_csv(
        tmp_path / "log.csv",
        [["Reference", "Received", "Summary", "Name"],
         ["R1\x1b[31m", "02/03/2026", summary, "&amp; 'quoted' \"name\" # not a comment"]],
    )  # fmt: skip
    ran = complaints(root, "import", str(log), "--today", TODAY)
    assert ran.code == 0, ran.err
    assert "\x1b" not in ran.out  # the reference cannot drive the terminal
    data = case_data(root, "2026-0001")
    assert data["summary"] == summary
    assert data["complainant"]["name"] == "&amp; 'quoted' \"name\" # not a comment"
    assert data["imported"]["ref"] == "R1\x1b[31m"


def test_commit_commits_exactly_the_new_cases(tmp_path: Path) -> None:
    import git

    root = write_repo(tmp_path / "repo")
    repo = git.Repo.init(root)
    actor = git.Actor("Officer", "officer@example.org")
    repo.git.add("--all")
    repo.index.commit("Start", author=actor, committer=actor)
    with repo.config_writer() as config:
        config.set_value("user", "name", "Officer")
        config.set_value("user", "email", "officer@example.org")
    (root / "notes.txt").write_text("staged, not part of the import", encoding="utf-8")
    repo.index.add(["notes.txt"])
    log = _default_log(tmp_path / "log.csv")
    ran = complaints(root, "import", str(log), "--commit", "--today", TODAY)
    assert ran.code == 0, ran.err
    head = repo.head.commit
    assert head.message.strip() == "Import 3 case(s) from log.csv"
    assert sorted(head.stats.files) == [
        "cases/2025/2025-0001.yaml",
        "cases/2026/2026-0001.yaml",
        "cases/2026/2026-0002.yaml",
    ]
    assert [d.a_path for d in repo.index.diff("HEAD")] == ["notes.txt"]  # still staged


def test_commit_outside_git_writes_nothing(tmp_path: Path) -> None:
    root = write_repo(tmp_path / "repo")
    log = _default_log(tmp_path / "log.csv")
    ran = complaints(root, "import", str(log), "--commit", "--today", TODAY)
    assert ran.code == 1 and "Git repository" in ran.err
    assert case_files(root) == {}


def test_a_phone_number_that_excel_made_a_number_is_refused(tmp_path: Path) -> None:
    root = write_repo(tmp_path / "repo")
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Reference", "Received", "Phone"])
    sheet.append(["P1", dt.datetime(2026, 2, 9), 7700900123])  # was 07700 900123
    log = tmp_path / "log.xlsx"
    book.save(log)
    ran = complaints(root, "import", str(log), "--today", TODAY)
    assert ran.code == 1
    assert "row 2, column C (Phone): 7700900123 is a number cell" in ran.err
    assert case_files(root) == {}
