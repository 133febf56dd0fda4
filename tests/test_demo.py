"""The demo set and the synthetic generator: deterministic, valid, and showing every scenario."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from helpers import run
from putright import yamlfile
from putright.demo import CATEGORIES, demo_cases, reporting_span, synthetic_cases
from putright.schemas import schema
from putright.vocab import enum_of, event_types

ROOT = Path(__file__).resolve().parents[1]
TODAY = dt.date(2026, 11, 24)  # the shipped demo set is made as of this day


@cache
def _demo() -> tuple[tuple[str, str], ...]:
    return tuple(demo_cases(TODAY))


@cache
def _parsed() -> tuple[tuple[str, dict[str, Any]], ...]:
    """Each case as Putright reads it (dates stay text, as the schema expects)."""
    out = []
    for rel, text in _demo():
        data, problems = yamlfile.parse(text, rel)
        assert not problems, problems
        out.append((rel, data))
    return tuple(out)


def _events() -> Iterator[tuple[str, dict[str, Any]]]:
    for rel, data in _parsed():
        for event in data["events"]:
            yield rel, event


def _validator() -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(
        schema("case"), format_checker=jsonschema.FormatChecker()
    )


def _as_text(value: Any) -> Any:
    """yaml.safe_load makes dates into date objects; Putright keeps them as text."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _as_text(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_as_text(v) for v in value]
    return value


# --- the demo set -----------------------------------------------------------------------


def test_same_seed_and_today_give_the_same_bytes() -> None:
    assert demo_cases(TODAY) == list(_demo())
    assert demo_cases(TODAY, seed=7) == demo_cases(TODAY, seed=7)
    assert demo_cases(TODAY, seed=7) != list(_demo())


def test_at_least_60_cases_over_two_reporting_years() -> None:
    start, end = reporting_span(TODAY)
    assert start == dt.date(2025, 4, 1)
    received = [dt.date.fromisoformat(data["received"]) for _, data in _parsed()]
    assert len(received) >= 60
    assert all(start <= day <= end for day in received)
    this_year = dt.date(2026, 4, 1)
    assert sum(day < this_year for day in received) >= 20
    assert sum(day >= this_year for day in received) >= 20


def test_paths_and_ids_are_numbered_by_year_in_received_order() -> None:
    by_year: dict[str, list[tuple[str, str]]] = {}
    for rel, data in _parsed():
        case_id = data["id"]
        assert rel == f"cases/{case_id[:4]}/{case_id}.yaml"
        assert case_id[:4] == data["received"][:4]
        by_year.setdefault(case_id[:4], []).append((case_id, data["received"]))
    for year, cases in by_year.items():
        cases.sort()
        assert [c[0] for c in cases] == [f"{year}-{n:04d}" for n in range(1, len(cases) + 1)]
        assert [c[1] for c in cases] == sorted(c[1] for c in cases)


def test_every_file_parses_with_safe_load_and_reads_the_same() -> None:
    for rel, text in _demo():
        assert text.startswith("# yaml-language-server: $schema=../../.schemas/case.schema.json\n")
        loaded = yaml.safe_load(text)
        assert isinstance(loaded, dict), rel
        # Quoting is right when plain YAML and Putright's reader agree on every value.
        assert _as_text(loaded) == dict(_parsed())[rel], rel


def test_every_file_is_valid_under_the_case_schema() -> None:
    validator = _validator()
    for rel, data in _parsed():
        errors = [e.message for e in validator.iter_errors(data)]
        assert not errors, (rel, errors)


def test_every_event_type_remedy_type_and_refusal_reason_is_used() -> None:
    used = {event["type"] for _, event in _events()}
    assert used == set(event_types())
    remedies = {r["type"] for _, e in _events() for r in e.get("remedies", [])}
    assert remedies == set(enum_of("$defs", "remedy", "properties", "type"))
    reasons = {e["reason"] for _, e in _events() if e["type"] == "refused"}
    assert reasons == {
        "over_12_months",
        "legal_proceedings",
        "already_considered",
        "outside_scope",
        "unacceptable_behaviour",
        "other",
    }
    financial = [r for _, e in _events() for r in e.get("remedies", []) if r["type"] == "financial"]
    assert financial and all(isinstance(r["amount_gbp"], int | float) for r in financial)
    outstanding = [
        r for _, e in _events() for r in e.get("remedies", []) if "due" in r and "done" not in r
    ]
    assert any(r["due"] < TODAY.isoformat() for r in outstanding)


def test_kinds_categories_and_channels() -> None:
    kinds = [data.get("kind", "complaint") for _, data in _parsed()]
    assert kinds.count("complaint") > len(kinds) / 2
    assert "service_request" in kinds and "compliment" in kinds
    assert {data["category"] for _, data in _parsed()} <= set(CATEGORIES)
    assert {data["channel"] for _, data in _parsed()} <= set(enum_of("properties", "channel"))
    policies = {data.get("policy") for _, data in _parsed()} - {None}
    assert all((ROOT / "policies" / f"{p}.yaml").is_file() for p in policies)


def test_events_are_in_order_and_never_after_today() -> None:
    for rel, data in _parsed():
        received = data["received"]
        dates = [e["date"] for e in data["events"]]
        assert dates == sorted(dates), rel
        assert all(received <= d <= TODAY.isoformat() for d in dates), rel
        types = [e["type"] for e in data["events"]]
        if "closed" in types:
            after = types[types.index("closed") + 1 :]
            assert set(after) <= {"survey"}, rel  # a survey may come back after closure
        if "refused" in types or "withdrawn" in types:
            assert types[-1] == "closed", rel
        escalated = False
        for event in data["events"]:
            stage = event.get("stage", 1)
            assert isinstance(stage, int), rel  # written as plain integers
            if event["type"] == "escalated" and stage == 2:
                escalated = True
            assert stage == 1 or escalated, (rel, event)
            for remedy in event.get("remedies", []):
                assert remedy.get("done", "") <= TODAY.isoformat(), rel


def test_people_are_plainly_fictional() -> None:
    for rel, data in _parsed():
        person = data["complainant"]
        assert person["email"].endswith("@example.org"), rel
        assert re.fullmatch(r"07700 900\d{3}", person["phone"]), rel  # Ofcom's drama range
        assert "Brookfield" in person["address"], rel


@pytest.mark.parametrize(
    "text",
    ["yes", "No", "on", "OFF", "true", "null", "~", "", "12", "0042", "3.5", "1e3",
     "2026-03-02", "a: b", "note #1", "#HOS-1", "- dash", "Ada, Bob", "[x]", "{x}", "50%",
     "it's", 'say "hi"', "trailing ", "x\\y", "café", "*star", "&amp", "!tag", "@at", "`tick`"],
)  # fmt: skip
def test_strings_are_quoted_where_yaml_would_misread_them(text: str) -> None:
    # The demo writes in the house style; Putright's reader keeps dates as text.
    from putright.housestyle import scalar

    assert yamlfile.parse(f"k: {scalar(text)}", "t.yaml") == ({"k": text}, [])
    assert yamlfile.parse(f"- {{k: {scalar(text, flow=True)}}}", "t.yaml") == ([{"k": text}], [])


# --- the shipped files ------------------------------------------------------------------


def test_shipped_demo_set_is_the_generated_one() -> None:
    shipped = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "cases").rglob("*.yaml"))
    assert shipped == sorted(rel for rel, _ in _demo()), (
        "regenerate it: complaints demo --today 2026-11-24 --clean"
    )
    for rel, text in _demo():
        assert (ROOT / rel).read_text("utf-8") == text, rel


def test_complaints_yml_is_valid() -> None:
    data, problems = yamlfile.parse((ROOT / "complaints.yml").read_text("utf-8"), "complaints.yml")
    assert not problems
    jsonschema.Draft202012Validator(
        schema("complaints"), format_checker=jsonschema.FormatChecker()
    ).validate(data)
    assert data["categories"] == list(CATEGORIES)


def test_engine_sees_the_demo_scenarios(tmp_path: Path) -> None:
    from putright.check import run_check
    from putright.repository import Repository

    repo = _repo_with(tmp_path, _demo())
    result = run_check(Repository.open(str(repo)), TODAY)
    assert not result.errors, result.errors[:3]
    assert {p.provision for p in result.problems if p.rule != "tenure_needed"} == {
        "2.3",
        "5.9",  # extended stage 2 responses with no update_sent within 10 working days
        "6.4",
        "6.13",
    }
    states = {(c.stage, c.clock, c.state) for case in result.cases for c in case.clocks}
    for wanted in [
        ("1", "acknowledge", "overdue"),
        ("1", "acknowledge", "due_soon"),
        ("1", "respond", "overdue"),
        ("1", "respond", "due_soon"),
        ("1", "respond", "late"),
        ("2", "acknowledge", "overdue"),
        ("2", "respond", "overdue"),
        ("2", "respond", "pending"),
    ]:
        assert wanted in states
    actions = {a.state for case in result.cases for a in case.actions}
    assert {"overdue", "met", "pending"} <= actions
    assert any(case.open for case in result.cases)


def test_complaints_check_passes_on_the_shipped_demo_repo() -> None:
    run = subprocess.run(
        [sys.executable, "-c", "from putright.cli import main; main()", "--repo", str(ROOT),
         "check", "--format", "json", "--today", TODAY.isoformat()],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr + run.stdout[-2000:]
    report = json.loads(run.stdout)
    assert len(report["cases"]) == len(_demo())
    assert not [p for p in report["problems"] if p["severity"] == "error"]


def test_cases_under_missing_procedures_fall_back_to_the_default(tmp_path: Path) -> None:
    from putright.check import run_check
    from putright.repository import Repository

    cases = demo_cases(TODAY, policies={"hoc-2024"})
    assert not [rel for rel, text in cases if "\npolicy:" in text]
    repo = _repo_with(tmp_path, cases)
    for policy in (repo / "policies").glob("*.yaml"):
        if policy.name != "hoc-2024.yaml":
            policy.unlink()
    result = run_check(Repository.open(str(repo)), TODAY)
    assert not result.errors, result.errors[:3]


# --- the command ------------------------------------------------------------------------


def test_demo_command_writes_the_set_and_cleans(tmp_path: Path) -> None:

    import putright.cli.demo_cmd  # noqa: F401 - registers the command

    repo = _repo_with(tmp_path, ())
    stale = repo / "cases" / "2020" / "2020-0001.yaml"
    stale.parent.mkdir(parents=True)
    stale.write_text("id: 2020-0001\n", "utf-8")
    result = run("--repo", str(repo), "demo", "--today", TODAY.isoformat(), "--clean")
    assert result.exit_code == 0, result.output
    assert "72 fictional cases" in result.output
    assert not stale.exists()
    written = sorted(p.relative_to(repo).as_posix() for p in (repo / "cases").rglob("*"))
    assert [w for w in written if w.endswith(".yaml")] == sorted(rel for rel, _ in _demo())
    assert not [w for w in written if w.endswith(".tmp")]
    for rel, text in _demo():
        assert (repo / rel).read_text("utf-8") == text

    too_few = run("--repo", str(repo), "demo", "--count", "3")
    assert too_few.exit_code == 2


# --- synthetic cases --------------------------------------------------------------------


def test_synthetic_cases_are_valid_sized_and_deterministic() -> None:
    cases = list(synthetic_cases(300, TODAY, seed=3, target_bytes=4096))
    assert cases == list(synthetic_cases(300, TODAY, seed=3, target_bytes=4096))
    assert len({rel for rel, _ in cases}) == 300
    validator = _validator()
    for rel, text in cases:
        data, problems = yamlfile.parse(text, rel)
        assert not problems
        assert not list(validator.iter_errors(data)), rel
        assert rel == f"cases/{data['id'][:4]}/{data['id']}.yaml"
        assert 3500 <= len(text.encode()) <= 5000, (rel, len(text))
        assert all(e["date"] <= TODAY.isoformat() for e in data["events"])
    small = next(iter(synthetic_cases(1, TODAY, target_bytes=0)))
    assert len(small[1]) < 3000


def test_synthetic_cases_pass_the_check(tmp_path: Path) -> None:
    from putright.check import run_check
    from putright.repository import Repository

    repo = _repo_with(tmp_path, synthetic_cases(200, TODAY, seed=11))
    result = run_check(Repository.open(str(repo)), TODAY)
    assert result.files == 200
    assert not result.errors, result.errors[:3]


def _repo_with(tmp_path: Path, cases: Any) -> Path:
    repo = tmp_path / "repo"
    (repo / "policies").mkdir(parents=True)
    shutil.copy(ROOT / "complaints.yml", repo / "complaints.yml")
    for policy in (ROOT / "policies").glob("*.yaml"):
        shutil.copy(policy, repo / "policies" / policy.name)
    for rel, text in cases:
        path = repo / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
    os.makedirs(repo / "cases", exist_ok=True)
    return repo
