"""The audit of a repository that starts from an imported log, or from records moved in by hand.

Real Git histories with controlled commit dates (helpers.History). Working days counted
by hand on the England calendar of March 2026 (no bank holiday in it).
"""

from __future__ import annotations

import csv
from pathlib import Path

from helpers import History, at, case_text, complaints, ev, kinds
from putright.present.audit import audit_text

IMPORT_DAY = "2026-03-02"  # a Monday


def _files(root: Path) -> dict[str, str | None]:
    return {
        str(p.relative_to(root)): p.read_text("utf-8") for p in sorted(root.glob("cases/**/*.yaml"))
    }


def _imported_history(tmp_path: Path) -> History:
    history = History(tmp_path / "repo")
    log = tmp_path / "log.csv"
    with open(log, "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(
            [
                ["Reference", "Received", "Channel", "Acknowledged", "Stage 1 response",
                 "Stage 1 outcome"],
                ["R1", "02/02/2026", "email", "03/02/2026", "20/02/2026", "upheld"],
                ["R2", "10/02/2026", "phone", "11/02/2026", "", ""],
            ]
        )  # fmt: skip
    ran = complaints(history.root, "import", str(log), "--today", IMPORT_DAY)
    assert ran.code == 0, ran.err
    history.commit(at(IMPORT_DAY, 16), _files(history.root), "Import the old log")
    return history


def test_an_imported_log_is_not_late_logging_and_is_reported_once(tmp_path: Path) -> None:
    history = _imported_history(tmp_path)
    result = history.audit()
    assert result.findings == ()
    assert [(i.case, i.on.isoformat(), i.events_before) for i in result.imported] == [
        ("2026-0001", IMPORT_DAY, 2),
        ("2026-0002", IMPORT_DAY, 1),
    ]
    text = audit_text(result)
    assert text.count("imported on 2026-03-02") == 2  # once per case, not once per event
    assert "No findings" in text


def test_late_recording_after_the_import_is_counted_from_the_import(tmp_path: Path) -> None:
    history = _imported_history(tmp_path)
    root = history.root
    # R2's response, recorded the next day: not late.
    assert complaints(root, "event", "2026-0002", "responded", "--date", "2026-03-04",
                      "--set", "outcome=upheld", "--today", "2026-03-05").code == 0  # fmt: skip
    history.commit(at("2026-03-05"), _files(root))
    # R1's closure, dated before the import but first recorded on 16 March: late, counted
    # from the import day: 3, 4, 5, 6, 9, 10, 11, 12, 13, 16 March = 10 working days.
    assert complaints(root, "event", "2026-0001", "closed", "--date", "2026-02-27",
                      "--today", "2026-03-16").code == 0  # fmt: skip
    history.commit(at("2026-03-16"), _files(root))
    result = history.audit()
    assert kinds(result) == [("2026-0001", "late_event")]
    assert result.findings[0].working_days == 10
    assert [i.events_before for i in result.imported] == [3, 1]


def test_the_same_records_without_imported_are_all_late(tmp_path: Path) -> None:
    # The control: what a first commit of old cases looks like to the audit without `imported`.
    history = History(tmp_path / "repo")
    path = "cases/2026/2026-0001.yaml"
    text = case_text("2026-0001", "2026-02-02", ev("2026-02-03", "acknowledged"))
    history.commit(at(IMPORT_DAY), {path: text})
    assert kinds(history.audit()) == [("2026-0001", "late_logging"), ("2026-0001", "late_event")]


def test_history_before_not_before_is_not_audited(tmp_path: Path) -> None:
    history = History(tmp_path / "repo", settings=f"audit:\n  not_before: {IMPORT_DAY}\n")
    old = "cases/2026/2026-0001.yaml"
    # Moved in by hand before the date, and a date corrected then: neither is judged.
    history.commit(at("2026-02-10"), {old: case_text("2026-0001", "2026-01-12", ev("2026-01-13", "acknowledged"))})  # fmt: skip
    history.commit(at("2026-02-20"), {old: case_text("2026-0001", "2026-01-12", ev("2026-01-14", "acknowledged"))})  # fmt: skip
    # Received after it and logged 7 working days later (4, 5, 6, 9, 10, 11, 12 March): late.
    new = "cases/2026/2026-0002.yaml"
    history.commit(at("2026-03-12"), {new: case_text("2026-0002", "2026-03-03")})
    result = history.audit()
    assert kinds(result) == [("2026-0002", "late_logging")]
    assert result.findings[0].working_days == 7


def test_a_not_before_that_is_not_a_date_is_refused(tmp_path: Path) -> None:
    history = History(tmp_path / "repo", settings="audit:\n  not_before: 2026-02-30\n")
    ran = complaints(history.root, "audit")
    assert ran.code == 1
    assert "complaints.yml:4: audit.not_before: '2026-02-30' is not a real date" in ran.err
