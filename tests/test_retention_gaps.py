"""Personal data kept too long: refused and withdrawn complaints never closed, a free-text
category, and what a redaction cannot reach.

Built from the faults found: a complaint refused (or withdrawn) and never closed was never
listed by `retention`, so its personal data was kept for ever; `redact` kept a category typed
as free text; and it said nothing about the copies in the Git history and the CI logs.
"""

from __future__ import annotations

import json
from pathlib import Path

from helpers import ENGLAND_TRUST_SETTINGS, MARK, SCHEMA_LINE, run_in, write_case, write_repo


def ended_case(case_id: str, received: str, how: str, day: str, extra: str = "") -> str:
    detail = "reason: over_12_months" if how == "refused" else "note: asked to stop"
    return (
        f"{SCHEMA_LINE}\nid: {case_id}\nreceived: {received}\n{extra}events:\n"
        f"  - {{date: {day}, type: {how}, stage: 1, {detail}}}\n"
    )


def test_a_refused_complaint_never_closed_is_listed_from_its_refusal(tmp_path: Path) -> None:
    root = write_repo(tmp_path / "repo", settings=ENGLAND_TRUST_SETTINGS)
    write_case(root, "2019-0001", ended_case("2019-0001", "2019-02-01", "refused", "2019-02-04"))
    write_case(root, "2019-0002", ended_case("2019-0002", "2019-03-01", "withdrawn", "2019-03-05"))
    out = run_in(root, "retention", "--today", "2026-07-01", "--format", "json")
    assert out.exit_code == 0, out.output
    rows = {c["id"]: c for c in json.loads(out.output)["cases"]}
    # Six years after 4 Feb 2019 is 4 Feb 2025; due the day after (counted by hand).
    assert rows["2019-0001"]["closed"] == "2019-02-04" and rows["2019-0001"]["due"] == "2025-02-05"
    assert rows["2019-0001"]["ended_by"] == "refused"
    assert rows["2019-0002"]["ended_by"] == "withdrawn"
    text = run_in(root, "retention", "--today", "2026-07-01").output
    assert "2019-02-04 (refused)" in text


def test_check_reminds_to_close_after_the_set_time(tmp_path: Path) -> None:
    root = write_repo(
        tmp_path / "repo",
        settings=ENGLAND_TRUST_SETTINGS + "retention: {close_ended_after_days: 30}\n",
    )
    write_case(root, "2026-0001", ended_case("2026-0001", "2026-03-02", "refused", "2026-03-04"))
    early = run_in(root, "check", "--today", "2026-04-03")  # 30 days after 4 March: not yet
    assert "never closed" not in early.output
    late = run_in(root, "check", "--today", "2026-04-04")  # 31 days after
    assert late.exit_code == 0, late.output
    assert "refused on 2026-03-04 and never closed: add a `closed` event" in late.output


def closed_with_category(case_id: str, category: str) -> str:
    return (
        f"{SCHEMA_LINE}\nid: {case_id}\nreceived: 2019-02-01\ncategory: {category}\n"
        f"summary: {MARK}\nevents:\n  - {{date: 2019-02-02, type: acknowledged, stage: 1}}\n"
        "  - {date: 2019-03-01, type: closed}\n"
    )


def test_a_free_text_category_is_redacted_without_a_list(tmp_path: Path) -> None:
    root = write_repo(tmp_path / "repo", settings=ENGLAND_TRUST_SETTINGS)
    path = write_case(root, "2019-0001", closed_with_category("2019-0001", f"'{MARK} boiler'"))
    for n in range(2, 7):  # five cases share "repairs": the public site's rule keeps it
        write_case(root, f"2019-000{n}", closed_with_category(f"2019-000{n}", "repairs"))
    out = run_in(root, "redact", "2019-0001", "--today", "2026-07-01")
    assert out.exit_code == 0, out.output
    assert "category" in out.output and MARK not in path.read_text()
    kept = run_in(root, "redact", "2019-0002", "--today", "2026-07-01")
    assert "category" not in kept.output.split("removed:")[1].split(")")[0]
    assert "category: repairs" in (root / "cases" / "2019" / "2019-0002.yaml").read_text()


def test_a_category_off_the_organisations_list_is_redacted(tmp_path: Path) -> None:
    root = write_repo(
        tmp_path / "repo", settings=ENGLAND_TRUST_SETTINGS + "categories: [repairs]\n"
    )
    path = write_case(root, "2019-0001", closed_with_category("2019-0001", "boiler"))
    listed = write_case(root, "2019-0002", closed_with_category("2019-0002", "repairs"))
    assert run_in(root, "redact", "2019-0001", "--today", "2026-07-01").exit_code == 0
    assert run_in(root, "redact", "2019-0002", "--today", "2026-07-01").exit_code == 0
    assert "boiler" not in path.read_text()
    assert "category: repairs" in listed.read_text()


def test_redact_says_what_it_cannot_reach(tmp_path: Path) -> None:
    root = write_repo(tmp_path / "repo", settings=ENGLAND_TRUST_SETTINGS)
    write_case(root, "2019-0002", closed_with_category("2019-0002", "repairs"))
    out = run_in(root, "redact", "2019-0002", "--today", "2026-07-01")
    assert "still in the Git history" in out.output and "CI run logs" in out.output
    assert "docs/guide/evidence.md" in out.output
    evidence = (Path(__file__).resolve().parents[1] / "docs" / "guide" / "evidence.md").read_text()
    assert "## CI logs and artifacts" in evidence and "## Git keeps the history" in evidence
