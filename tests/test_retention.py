"""`complaints retention` and `complaints redact`: what is due for erasure, and erasing it."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import git
import pytest

from helpers import ENGLAND_TRUST_SETTINGS, MARK, SCHEMA_LINE, run, run_in, write_case, write_repo
from putright import validation, yamlfile
from putright.errors import EditRefused
from putright.history.redact import redact_text
from putright.history.retention import due_date
from putright.repository import Repository


def simple_case(case_id: str, received: str, closed: str | None, extra: str = "") -> str:
    events = [f"  - {{date: {received}, type: acknowledged, stage: 1}}"]
    if closed:
        events.append(f"  - {{date: {closed}, type: closed}}")
    head = f"{SCHEMA_LINE}\nid: {case_id}\nreceived: {received}\n{extra}"
    return head + "events:\n" + "\n".join(events) + "\n"


# --- retention ------------------------------------------------------------------------------


def test_due_date_is_the_day_after_the_anniversary() -> None:
    assert due_date(dt.date(2019, 3, 1), 6) == dt.date(2025, 3, 2)
    assert due_date(dt.date(2020, 2, 29), 6) == dt.date(2026, 3, 1)  # 28 Feb 2026 + 1
    assert due_date(dt.date(2020, 2, 29), 4) == dt.date(2024, 3, 1)


def test_retention_lists_closed_cases_past_the_period(tmp_path: Path) -> None:
    root = write_repo(tmp_path / "repo", settings=ENGLAND_TRUST_SETTINGS)
    write_case(root, "2019-0001", simple_case("2019-0001", "2019-02-01", "2019-03-01"))
    write_case(
        root,
        "2019-0002",
        simple_case("2019-0002", "2019-02-01", "2019-12-31", "redacted: 2026-01-02\n"),
    )
    write_case(root, "2020-0003", simple_case("2020-0003", "2020-06-01", "2020-06-30"))  # not yet
    write_case(root, "2018-0004", simple_case("2018-0004", "2018-01-02", None))  # never closed
    write_case(root, "2019-0005", "id: [broken\n")

    out = run_in(root, "retention", "--today", "2026-06-30", "--format", "json")
    assert out.exit_code == 0
    data = json.loads(out.output)
    assert data["years_after_closure"] == 6
    assert data["cases"] == [
        {"id": "2019-0001", "file": "cases/2019/2019-0001.yaml", "closed": "2019-03-01",
         "ended_by": "closed", "due": "2025-03-02", "redacted": None, "letters": 0},
        {"id": "2019-0002", "file": "cases/2019/2019-0002.yaml", "closed": "2019-12-31",
         "ended_by": "closed", "due": "2026-01-01", "redacted": "2026-01-02", "letters": 0},
    ]  # fmt: skip
    assert [p["file"] for p in data["problems"]] == ["cases/2019/2019-0005.yaml"]

    # The day after the anniversary of the closure, the case is due; on it, not yet.
    on = json.loads(run_in(root, "retention", "--today", "2026-06-30", "--format", "json").output)
    after = json.loads(
        run_in(root, "retention", "--today", "2026-07-01", "--format", "json").output
    )
    assert "2020-0003" not in [c["id"] for c in on["cases"]]
    assert "2020-0003" in [c["id"] for c in after["cases"]]

    text = run_in(root, "retention", "--today", "2026-06-30").output.splitlines()
    assert text[0].split() == ["case", "closed", "due", "redacted", "letters", "file"]
    assert text[1].split() == [
        "2019-0001",
        "2019-03-01",
        "2025-03-02",
        "no",
        "0",
        "cases/2019/2019-0001.yaml",
    ]
    assert text[2].split()[3] == "2026-01-02"
    assert "2 case(s) closed more than 6 year(s) before 2026-06-30; 1 still hold" in text[-1]


def test_retention_years_are_configurable(tmp_path: Path) -> None:
    root = write_repo(
        tmp_path / "repo", settings=ENGLAND_TRUST_SETTINGS + "retention: {years_after_closure: 2}\n"
    )
    write_case(root, "2023-0001", simple_case("2023-0001", "2023-02-01", "2023-03-01"))
    data = json.loads(run_in(root, "retention", "--today", "2025-03-02", "--format", "json").output)
    assert [c["id"] for c in data["cases"]] == ["2023-0001"]
    none = run_in(root, "retention", "--today", "2025-03-01")
    assert "No cases closed more than 2 year(s) before 2025-03-01." in none.output


# --- redaction ------------------------------------------------------------------------------

FULL_CASE = f"""{SCHEMA_LINE}
# Complaint from {MARK} about the boiler (a comment can hold personal data too)
id: 2019-0042
received: 2019-03-02
kind: complaint
policy: hoc-2024
channel: phone
category: repairs
tenure: lcra
officer: jsmith
incident_date: 2019-02-20
tags: [{MARK}-vulnerable]
x-crm-id: {MARK}-123
complainant:
  name: Jane {MARK}
  email: {MARK}@example.org
  phone: "07700 900123 {MARK}"
  address: 1 {MARK} Road
  adjustments: large print {MARK}
  advocate: {{name: Sam {MARK}, relationship: daughter {MARK}, authorised: 2019-03-03}}
  x-note: {MARK}
summary: >
  The boiler failed and {MARK} was without heating.
definition: "{MARK} wants the boiler fixed"
notes: "{MARK} called twice"   # {MARK} in an inline comment
learning: {MARK} learning
events:
  - {{date: 2019-03-04, type: acknowledged, stage: 1, by: jsmith, note: "{MARK} ack"}}
  - {{date: 2019-03-12, type: extended, stage: 1, working_days: 5, reason: "{MARK} away",
      agreed: true, ombudsman_details_given: true}}
  - date: 2019-03-24
    type: responded
    stage: 1
    by: jsmith
    outcome: partially_upheld
    learning: {MARK} team learning
    x-internal: {MARK}
    remedies:
      - {{type: apology}}
      - {{type: financial, amount_gbp: 75.5, description: "{MARK} compensation"}}
      - type: repair
        id: boiler
        description: renew {MARK} boiler  # {MARK}
        due: 2019-04-15
        done: 2019-04-10
        x-po: {MARK}
  - {{date: 2019-03-30, type: escalated, stage: 2, reason: "{MARK} unhappy"}}
  - {{date: 2019-04-01, type: paused, stage: "2", reason: "{MARK} in hospital"}}
  - {{date: 2019-04-08, type: resumed, stage: "2"}}
  - {{date: 2019-04-09, type: timescale_agreed, stage: 2, clock: respond, due: 2019-05-10,
      note: {MARK}}}
  - {{date: 2019-04-10, type: allocated, stage: 2, to: mpatel}}
  - {{date: 2019-04-28, type: responded, stage: 2, by: mpatel, outcome: not_upheld}}
  - {{date: 2019-04-29, type: remedy_completed, remedy: boiler, note: {MARK}}}
  - {{date: 2019-05-02, type: referred, reference: "{MARK}-HOS-1"}}
  - {{date: 2019-09-02, type: ombudsman_determination, finding: service_failure,
      non_compliance: false, reference: "{MARK}"}}
  - {{date: 2019-09-03, type: closed, note: "{MARK} closed"}}
"""

REFUSED_CASE = f"""{SCHEMA_LINE}
id: 2019-0043
received: 2019-03-02
events:
  - {{date: 2019-03-04, type: refused, reason: over_12_months, explanation: "{MARK} in 2016",
      incident_date: 2016-01-01}}
  - {{date: 2019-03-04, type: escalation_refused, stage: 2, reason: "{MARK}"}}
  - {{date: 2019-03-05, type: closed}}
"""

STAT_CASE_KEYS = (
    "id",
    "received",
    "kind",
    "policy",
    "channel",
    "category",
    "tenure",
    "officer",
    "incident_date",
)
STAT_EVENT_KEYS = ("date", "type", "stage", "by", "to", "outcome", "working_days", "agreed",
                   "ombudsman_details_given", "finding", "non_compliance", "incident_date",
                   "clock", "due", "remedy")  # fmt: skip
STAT_REMEDY_KEYS = ("type", "id", "amount_gbp", "due", "done")


def statistics(data: dict[str, Any]) -> dict[str, Any]:
    """Every fact the statistics need, from a case's data."""
    events = []
    for event in data["events"]:
        kept = {k: event.get(k) for k in STAT_EVENT_KEYS}
        kept["refusal"] = event.get("reason") if event["type"] == "refused" else None
        kept["remedies"] = [
            {k: r.get(k) for k in STAT_REMEDY_KEYS} for r in event.get("remedies", [])
        ]
        events.append(kept)
    return {**{k: data.get(k) for k in STAT_CASE_KEYS}, "events": events}


def parsed(text: str, rel: str = "cases/2019/x.yaml") -> dict[str, Any]:
    data, problems = yamlfile.parse(text, rel)
    assert problems == []
    assert isinstance(data, dict)
    return data


@pytest.mark.parametrize("source", [FULL_CASE, REFUSED_CASE])
def test_redaction_removes_personal_data_and_keeps_the_statistics(source: str) -> None:
    before = parsed(source)
    rel = f"cases/2019/{before['id']}.yaml"
    assert validation.problems("case", before, source, rel) == []  # a valid record to start with
    assert MARK in source

    done = redact_text(source, rel, dt.date(2026, 7, 1))

    assert MARK not in done.text
    assert done.text.splitlines()[0] == SCHEMA_LINE
    after = parsed(done.text, rel)
    assert validation.problems("case", after, done.text, rel) == []
    assert statistics(after) == statistics(before)
    assert after["redacted"] == "2026-07-01"
    assert done.changed


def test_redaction_changes_no_check_result(tmp_path: Path) -> None:
    # A refused escalation with a reason, a defined complaint: their text goes, the fact
    # that they were recorded stays, so past years' rule checks and reports do not change.
    root = write_repo(tmp_path / "repo", settings=ENGLAND_TRUST_SETTINGS)
    for case_id, source in (("2019-0042", FULL_CASE), ("2019-0043", REFUSED_CASE)):
        write_case(root, case_id, source)

    def results() -> set[tuple[str, str, str]]:
        out = run_in(root, "check", "--today", "2026-07-01", "--format", "json")
        assert out.exit_code == 0, out.output
        problems = json.loads(out.output)["problems"]
        return {(p["file"], p["severity"], p["message"]) for p in problems}

    before = results()
    for case_id in ("2019-0042", "2019-0043"):
        assert run_in(root, "redact", case_id, "--today", "2026-07-01").exit_code == 0
    assert results() == before
    after = parsed((root / "cases" / "2019" / "2019-0042.yaml").read_text())
    assert after["definition"] == "[redacted]"
    assert after["events"][1]["reason"] == "[redacted]"


def test_redaction_lists_what_it_removed_and_keeps_types() -> None:
    done = redact_text(FULL_CASE, "cases/2019/2019-0042.yaml", dt.date(2026, 7, 1))
    for path in ("complainant", "summary", "definition", "notes", "learning", "tags", "x-crm-id",
                 "events[0].note", "events[1].reason", "events[2].learning", "events[2].x-internal",
                 "events[2].remedies[1].description", "events[2].remedies[2].x-po",
                 "events[10].reference"):  # fmt: skip
        assert path in done.removed
    after = parsed(done.text)
    assert after["events"][4]["stage"] == "2"  # a string stays a string
    assert after["events"][0]["stage"] == 1
    assert after["events"][2]["remedies"][1]["amount_gbp"] == 75.5
    assert (
        "  - {date: 2019-03-04, type: acknowledged, stage: 1, by: jsmith}" in done.text.splitlines()
    )
    # Redacting again changes nothing and keeps the first redaction date.
    again = redact_text(done.text, "cases/2019/2019-0042.yaml", dt.date(2027, 1, 1))
    assert not again.changed
    assert again.removed == ()


def _git_repo(root: Path) -> git.Repo:
    repo = git.Repo.init(root)
    with repo.config_writer() as config:
        config.set_value("user", "name", "Test Officer")
        config.set_value("user", "email", "officer@example.org")
    return repo


def test_redact_command_writes_and_commits_only_that_file(tmp_path: Path) -> None:
    root = write_repo(tmp_path / "repo", settings=ENGLAND_TRUST_SETTINGS)
    path = write_case(root, "2019-0042", FULL_CASE)
    other = write_case(root, "2019-0044", simple_case("2019-0044", "2019-02-01", "2019-03-01"))
    repo = _git_repo(root)
    repo.index.add(
        [
            "complaints.yml",
            "policies/hoc-2024.yaml",
            "cases/2019/2019-0042.yaml",
            "cases/2019/2019-0044.yaml",
        ]
    )
    repo.index.commit("start")
    other.write_text(other.read_text() + "# staged, not to be committed by redact\n")
    repo.index.add(["cases/2019/2019-0044.yaml"])

    out = run_in(root, "redact", "2019-0042", "--commit", "--today", "2026-07-01")

    assert out.exit_code == 0, out.output
    assert (
        "cases/2019/2019-0042.yaml: redacted (removed: tags, x-crm-id, complainant," in out.output
    )
    assert MARK not in path.read_text()
    head = repo.head.commit
    assert head.message.strip() == "2019-0042: redact personal data"
    assert list(head.stats.files) == ["cases/2019/2019-0042.yaml"]
    # The other file's staged change is still staged, not committed.
    assert [d.a_path for d in repo.index.diff("HEAD")] == ["cases/2019/2019-0044.yaml"]
    assert not list(root.glob("cases/2019/.redact-*"))  # no temporary file left behind
    table = json.loads(
        run_in(root, "retention", "--today", "2026-07-01", "--format", "json").output
    )
    assert {c["id"]: c["redacted"] for c in table["cases"]}["2019-0042"] == "2026-07-01"


def test_redact_refuses_an_open_case_unless_forced(tmp_path: Path) -> None:
    root = write_repo(tmp_path / "repo", settings=ENGLAND_TRUST_SETTINGS)
    source = simple_case("2026-0001", "2026-03-02", None, f"summary: {MARK}\n")
    path = write_case(root, "2026-0001", source)
    before = path.read_bytes()

    out = run("--repo", str(root), "redact", "2026-0001")
    assert out.exit_code == 1
    assert "not closed" in out.output
    assert path.read_bytes() == before

    forced = run_in(root, "redact", "2026-0001", "--force", "--today", "2026-07-01")
    assert forced.exit_code == 0
    assert MARK not in path.read_text()


def test_redact_refuses_what_it_cannot_make_valid(tmp_path: Path) -> None:
    # An event with remedies where the schema allows none stays invalid: nothing is written.
    source = simple_case("2019-0050", "2019-02-01", "2019-03-01").replace(
        "type: acknowledged, stage: 1}",
        "type: acknowledged, stage: 1, remedies: [{type: apology}]}",
    )
    with pytest.raises(EditRefused, match="would not be valid"):
        redact_text(source, "cases/2019/2019-0050.yaml", dt.date(2026, 7, 1))


def test_redact_unknown_case_is_an_error(tmp_path: Path) -> None:
    root = write_repo(tmp_path / "repo", settings=ENGLAND_TRUST_SETTINGS)
    out = run("--repo", str(root), "redact", "2019-9999")
    assert out.exit_code == 1
    assert "no case '2019-9999'" in out.output
    bad = run("--repo", str(root), "redact", "../etc")
    assert bad.exit_code == 1


def test_redacted_file_reads_as_a_case(tmp_path: Path) -> None:
    root = write_repo(tmp_path / "repo", settings=ENGLAND_TRUST_SETTINGS)
    write_case(root, "2019-0042", FULL_CASE)
    run_in(root, "redact", "2019-0042", "--today", "2026-07-01")
    repo = Repository.open(str(root))
    found = repo.find_case_file("2019-0042")
    assert found is not None
    from putright.records import load_case

    case, problems, _ = load_case(Path(found[0]).read_bytes(), found[1])
    assert case is not None and [p for p in problems if p.severity == "error"] == []
    assert case.redacted == dt.date(2026, 7, 1)
