"""The shipped procedures, holding them against the Code, their tables, and `complaints policy`."""

from __future__ import annotations

import json
import shutil
import sys
from dataclasses import replace
from pathlib import Path

import pytest

import putright.cli.policy_cmd  # noqa: F401 - registers `complaints policy`
from helpers import run_in
from putright import yamlfile
from putright.policy.code_check import Breach, check_against_code
from putright.policy.loading import load_policies, load_policy
from putright.policy.model import Duration, ExtensionCap, Policy, Stage, Start
from putright.policy.table import COLUMNS, policy_rows
from putright.policy.units import worst_working_days
from putright.present.policy import policy_markdown, policy_text

REPO = Path(__file__).resolve().parent.parent
INVALID = Path(__file__).resolve().parent / "examples" / "policies" / "invalid"
SHIPPED = [
    "council-housing",
    "croft-ha",
    "herefordshire-housing",
    "hoc-2024",
    "saha",
    "support-trust",
]

# What `policy check` finds in each procedure's text, provision by provision, in file order.
# Why, in short (docs/reference/policies.md has the reading of each text):
# - support-trust: responses run "from the complaint being logged", and logging may come up to
#   5 working days after a same-day acknowledgement: 15 (25) working days after it (6.3, 6.14);
#   nothing says the stage 2 Business Manager must not have handled stage 1.
# - saha: the same (its senior managers are also stage 1 officers); no reasons to refuse
#   escalation.
# - council-housing: no time to acknowledge at either stage; no different-handler rule;
#   no reasons to refuse escalation.
# - croft-ha: an informal stage; both responses only "within agreed timescales"; no reasons.
# - herefordshire-housing: an initial contact stage; 15 working days from entering stage 1
#   while acknowledging may be on that day (6.3); a third (appeal) stage; no reasons.
EXPECTED = {
    "hoc-2024": [],
    "support-trust": ["6.3", "6.14", "6.13"],
    "saha": ["6.13", "5.11"],
    "council-housing": ["6.2", "6.11", "6.13", "5.11"],
    "croft-ha": ["5.2", "6.3", "6.14", "5.11"],
    "herefordshire-housing": ["5.2", "5.3", "6.3", "5.11"],
}


@pytest.fixture(scope="module")
def policies() -> dict[str, Policy]:
    loaded, problems = load_policies(str(REPO))
    assert problems == []
    return loaded


@pytest.fixture(scope="module")
def code(policies: dict[str, Policy]) -> Policy:
    return policies["hoc-2024"]


@pytest.fixture()
def repo(tmp_path: Path) -> Path:
    """A copy of the repository's policies, to change freely."""
    shutil.copytree(REPO / "policies", tmp_path / "policies")
    return tmp_path


def _line(policy: Policy, breach: Breach) -> int:
    root = yamlfile.compose((REPO / policy.file).read_text("utf-8"))
    where = yamlfile.locate(root, breach.path)
    assert where is not None
    return where[0]


# --- loading ------------------------------------------------------------------------------


def test_every_shipped_policy_loads_without_problems(policies: dict[str, Policy]) -> None:
    assert sorted(policies) == SHIPPED


@pytest.mark.parametrize("policy_id", SHIPPED)
def test_every_number_cites_its_passage(policies: dict[str, Policy], policy_id: str) -> None:
    policy = policies[policy_id]
    for stage in policy.stages:
        assert stage.cite, f"stage {stage.id}"
        for clock in stage.clocks:
            assert clock.cite, f"stage {stage.id} clock {clock.id}"
        for extra in (stage.extension_cap, stage.escalation_window):
            assert extra is None or extra.cite, f"stage {stage.id}"
    for clock in policy.service_request_clocks:
        assert clock.cite


@pytest.mark.parametrize("example", sorted(INVALID.glob("*.yaml")), ids=lambda p: p.stem)
def test_invalid_policy_examples(example: Path, tmp_path: Path) -> None:
    """Each file's first line is `# expect: LINE message-fragment`."""
    first = example.read_text("utf-8").splitlines()[0]
    assert first.startswith("# expect: "), "first line must be # expect: LINE fragment"
    line_text, fragment = first.removeprefix("# expect: ").split(" ", 1)
    (tmp_path / "policies").mkdir()
    target = tmp_path / "policies" / example.name
    shutil.copy(example, target)
    policy, problems = load_policy(str(target), f"policies/{example.name}")
    assert policy is None
    found = [(p.line, p.message) for p in problems]
    assert any(p.line == int(line_text) and fragment in p.message for p in problems), found
    assert all(p.file == f"policies/{example.name}" for p in problems)


# --- holding each procedure against the Code -------------------------------------------------


@pytest.mark.parametrize("policy_id", sorted(EXPECTED))
def test_check_against_code_per_policy(
    policies: dict[str, Policy], code: Policy, policy_id: str
) -> None:
    breaches = check_against_code(policies[policy_id], code)
    assert [b.provision for b in breaches] == EXPECTED[policy_id]
    for breach in breaches:
        assert breach.file == f"policies/{policy_id}.yaml"
        assert breach.message
        _line(policies[policy_id], breach)  # every breach can be found in the file


def test_the_code_against_itself_is_clean(code: Policy) -> None:
    assert check_against_code(code, code) == []


def test_breach_lines_point_at_the_passage(policies: dict[str, Policy], code: Policy) -> None:
    croft = policies["croft-ha"]
    lines = (REPO / croft.file).read_text("utf-8").splitlines()
    by_provision = {b.provision: b for b in check_against_code(croft, code)}
    assert "formal: false" in lines[_line(croft, by_provision["5.2"]) - 1]
    assert "agreed: true" in lines[_line(croft, by_provision["6.3"]) - 1]
    herefordshire = policies["herefordshire-housing"]
    extra = next(b for b in check_against_code(herefordshire, code) if b.provision == "5.3")
    text = (REPO / herefordshire.file).read_text("utf-8").splitlines()
    assert 'id: "3"' in text[_line(herefordshire, extra) - 1]


def _with_clock(stage: Stage, clock_id: str, **changes: object) -> Stage:
    clocks = tuple(replace(c, **changes) if c.id == clock_id else c for c in stage.clocks)  # type: ignore[arg-type]
    return replace(stage, clocks=clocks)


def _variant(code: Policy, first: Stage | None = None, second: Stage | None = None) -> Policy:
    one, two = code.stages
    return replace(
        code, id="variant", file="policies/variant.yaml", stages=(first or one, second or two)
    )


@pytest.mark.parametrize(
    ("clock", "changes", "provision", "fragment"),
    [
        # 7 calendar days hold at most 5 working days; 8 can hold 6.
        ("acknowledge", {"within": Duration(7, "calendar_days")}, None, ""),
        (
            "acknowledge",
            {"within": Duration(8, "calendar_days")},
            "6.2",
            "(8 calendar days can be up to 6 working days); the Code allows 5 working days from receipt",
        ),
        # From receipt: a complaint may be acknowledged the day it arrives, and the Code then
        # allows 10 working days from that acknowledgement: 10 is fair, 15 is not.
        (
            "respond",
            {"start": Start("received"), "or_due_of": None, "within": Duration(10, "working_days")},
            None,
            "",
        ),
        (
            "respond",
            {"start": Start("received"), "or_due_of": None, "within": Duration(15, "working_days")},
            "6.3",
            "15 working days from receipt; acknowledged on the day it arrives (as the procedure "
            "allows), the response may then come 15 working days after the acknowledgement; the "
            "Code allows 10 working days from acknowledgement",
        ),
        (
            "respond",
            {"start": Start("received"), "or_due_of": None, "within": Duration(2, "weeks")},
            None,
            "",
        ),
        (
            "respond",
            {"start": Start("received"), "or_due_of": None, "within": Duration(3, "weeks")},
            "6.3",
            "3 weeks can be up to 15 working days",
        ),
        (
            "respond",
            {"within": Duration(1, "months")},
            "6.3",
            "1 month can be up to 31 calendar days, so up to 23 working days",
        ),
        # An agreed date with a fallback is held to the fallback; with none, it is unbounded.
        ("respond", {"within": Duration(10, "working_days", agreed=True)}, None, ""),
        ("respond", {"within": Duration(None, None, agreed=True)}, "6.3", "no upper bound"),
        # A start the procedure sets no time for leaves the response unbounded.
        (
            "respond",
            {"start": Start("allocated"), "or_due_of": None},
            "6.3",
            "runs from allocation, which the procedure sets no time for",
        ),
    ],
)
def test_stage_1_timescales(
    code: Policy, clock: str, changes: dict[str, object], provision: str | None, fragment: str
) -> None:
    breaches = check_against_code(
        _variant(code, _with_clock(code.stages[0], clock, **changes)), code
    )
    assert [b.provision for b in breaches] == ([provision] if provision else [])
    if provision:
        assert fragment in breaches[0].message
        assert breaches[0].path[:4] == ["stages", 0, "clocks", 1 if clock == "respond" else 0]


def test_a_late_acknowledgement_is_compared_from_acknowledgement(code: Policy) -> None:
    # 2 + 13 = 15 from receipt, as the Code's 5 + 10; but 13 after acknowledging breaks 6.3.
    first = _with_clock(code.stages[0], "acknowledge", within=Duration(2, "working_days"))
    first = _with_clock(first, "respond", within=Duration(13, "working_days"))
    [breach] = check_against_code(_variant(code, first), code)
    assert breach.provision == "6.3"
    assert "13 working days from acknowledgement; the Code allows 10" in breach.message


def test_a_chain_is_explained(code: Policy) -> None:
    first = _with_clock(code.stages[0], "acknowledge", within=Duration(1, "weeks"))
    first = _with_clock(
        first, "respond", start=Start("received"), or_due_of=None, within=Duration(4, "weeks")
    )
    second = _with_clock(code.stages[1], "respond", within=Duration(25, "working_days"))
    breaches = check_against_code(_variant(code, first, second), code)
    assert [b.provision for b in breaches] == ["6.3", "6.14"]
    assert "(4 weeks can be up to 20 working days)" in breaches[0].message
    assert "the Code allows 10 working days from acknowledgement" in breaches[0].message
    assert "25 working days from acknowledgement; the Code allows 20" in breaches[1].message


def test_stage_2_from_the_escalation_is_compared_with_20_from_a_same_day_acknowledgement(
    code: Policy,
) -> None:
    # Code 6.14: "within 20 working days of the escalation being acknowledged"; the escalation
    # may be acknowledged the day it is asked for, so 20 from the escalation is fair, 25 is not.
    fair = _with_clock(
        code.stages[1],
        "respond",
        start=Start("escalated"),
        or_due_of=None,
        within=Duration(20, "working_days"),
    )
    assert check_against_code(_variant(code, second=fair), code) == []
    late = _with_clock(fair, "respond", within=Duration(5, "weeks"))
    [breach] = check_against_code(_variant(code, second=late), code)
    assert breach.provision == "6.14"
    assert "5 weeks can be up to 25 working days" in breach.message
    assert "the Code allows 20 working days from acknowledgement" in breach.message


def test_extension_caps(code: Policy) -> None:
    one, two = code.stages
    uncapped = replace(one, extension_cap=None)
    high = replace(two, extension_cap=ExtensionCap(25, "6.15"))
    breaches = check_against_code(_variant(code, uncapped, high), code)
    assert [(b.provision, b.path) for b in breaches] == [
        ("6.4", ["stages", 0, "clocks", 1, "extendable"]),
        ("6.15", ["stages", 1, "extension_cap", "working_days"]),
    ]
    assert "no more than 20" in breaches[1].message and "25" in breaches[1].message
    # No extension at all is stricter than the Code: no cap needed.
    fixed = replace(_with_clock(one, "respond", extendable=False), extension_cap=None)
    assert check_against_code(_variant(code, fixed), code) == []


def test_stages_informal_zero_and_extra(code: Policy) -> None:
    one, two = code.stages
    informal = Stage("0", "Informal", formal=False)
    zero = Stage("0", "Stage 0")
    third = replace(two, id="3", name="Appeal")
    got = check_against_code(replace(code, stages=(informal, one, two, third)), code)
    assert [(b.provision, b.path) for b in got] == [
        ("5.2", ["stages", 0, "formal"]),
        ("5.3", ["stages", 3]),
    ]
    got = check_against_code(replace(code, stages=(zero, one, two)), code)
    assert [(b.provision, b.path) for b in got] == [("5.2", ["stages", 0, "id"])]
    [only] = check_against_code(replace(code, stages=(one,)), code)
    assert (
        only.provision == "5.3"
        and "1 formal stage (1): the Code requires exactly 2" in only.message
    )


def test_rules(code: Policy) -> None:
    rules = replace(
        code.rules,
        different_handler=(),
        escalation_refusal_needs_reason=False,
        refusal_time_limit_months=6,
    )
    got = check_against_code(replace(code, rules=rules), code)
    assert [b.provision for b in got] == ["6.13", "2.3", "5.11"]
    assert "6 months" in got[1].message and "12 months" in got[1].message
    # No time limit at all is more generous than the Code's 12 months.
    relaxed = replace(code.rules, refusal_time_limit_months=None)
    assert check_against_code(replace(code, rules=relaxed), code) == []


def test_numbers_come_from_the_code_policy(code: Policy) -> None:
    # A stricter "Code" makes the real Code breach it: nothing is hard-coded.
    strict_one = _with_clock(code.stages[0], "acknowledge", within=Duration(3, "working_days"))
    strict = replace(code, stages=(strict_one, code.stages[1]))
    [breach] = check_against_code(code, strict)
    assert breach.provision == "6.2"
    assert (
        "5 working days from receipt; the Code allows 3 working days from receipt" in breach.message
    )


@pytest.mark.parametrize(
    ("amount", "unit", "most"),
    [
        (5, "working_days", 5),
        (7, "calendar_days", 5),
        (10, "calendar_days", 8),
        (14, "calendar_days", 10),
        (15, "calendar_days", 11),
        (2, "weeks", 10),
        (1, "months", 23),
        (2, "months", 45),
        (12, "months", 262),
    ],
)
def test_worst_working_days(amount: int, unit: str, most: int) -> None:
    assert worst_working_days(amount, unit)[0] == most  # type: ignore[arg-type]


def test_breach_is_frozen_and_hashable() -> None:
    breach = Breach("5.3", "m", "policies/x.yaml", ["stages", 2])
    assert hash(breach) == hash(Breach("5.3", "m", "policies/x.yaml", ["stages", 3]))
    with pytest.raises(AttributeError):
        breach.provision = "5.2"  # type: ignore[misc]


# --- tables --------------------------------------------------------------------------------


@pytest.mark.parametrize("policy_id", SHIPPED)
def test_policy_rows(policies: dict[str, Policy], policy_id: str) -> None:
    policy = policies[policy_id]
    rows = policy_rows(policy)
    clocks = sum(len(s.clocks) for s in policy.stages) + len(policy.service_request_clocks)
    assert len(rows) == clocks
    assert all(tuple(r) == COLUMNS and all(isinstance(v, str) for v in r.values()) for r in rows)
    text = policy_text(policy)
    assert policy.name in text and "Stages" in text
    markdown = policy_markdown(policy)
    assert markdown.startswith("# ")


def test_rows_of_the_code(code: Policy) -> None:
    rows = policy_rows(code)
    assert rows[1] == {
        "stage": "1",
        "clock": "respond: Stage 1 response",
        "starts": "acknowledged (or when 'acknowledge' is due)",
        "within": "10 working days + extensions",
        "stops": "responded",
        "extension_cap": "10 working days",
        "source": "Code 6.3 - within 10 working days of the complaint being acknowledged",
    }
    text = policy_text(code)
    assert "stages 1, 2 are considered by different people (Code 6.13)" in text
    assert "[2] Code 6.3 - within 10 working days" in text


def test_rows_mark_informal_stages_and_service_requests(policies: dict[str, Policy]) -> None:
    stages = {r["stage"] for r in policy_rows(policies["herefordshire-housing"])}
    assert "0 (informal)" in stages
    assert "service requests" in {r["stage"] for r in policy_rows(policies["support-trust"])}


def test_markdown_escapes_cells(code: Policy) -> None:
    odd = replace(
        code, stages=(_with_clock(code.stages[0], "acknowledge", cite="a | b <i>"), code.stages[1])
    )
    markdown = policy_markdown(odd)
    assert "a \\| b \\<i\\>" in markdown
    assert "<i>" not in markdown


# --- the command line ------------------------------------------------------------------------


def test_cli_show_text(repo: Path) -> None:
    result = run_in(repo, "policy", "show", "croft-ha")
    assert result.exit_code == 0, result.output
    assert "Croft Housing Association complaints procedure [croft-ha]" in result.output
    assert "0  Informal stage: informal" in result.output


def test_cli_show_json_and_markdown(repo: Path) -> None:
    result = run_in(repo, "policy", "show", "saha", "--format", "json")
    data = json.loads(result.output)
    assert data["id"] == "saha" and len(data["rows"]) == 8  # mediation offered at both stages
    assert data["rows"][0]["clock"] == "contact: Contact the resident"
    result = run_in(repo, "policy", "show", "saha", "--format", "markdown")
    assert "| stage | clock | starts |" in result.output


def test_cli_check_prints_file_line_provision(repo: Path) -> None:
    result = run_in(repo, "policy", "check", "croft-ha")
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert [line.split(": ")[1] for line in lines] == [
        "Code 5.2",
        "Code 6.3",
        "Code 6.14",
        "Code 5.11",
    ]
    text = (repo / "policies" / "croft-ha.yaml").read_text("utf-8").splitlines()
    file, line, _ = lines[0].split(":", 2)
    assert file == "policies/croft-ha.yaml"
    assert "formal: false" in text[int(line) - 1]


def test_cli_check_clean_exits_0(repo: Path) -> None:
    result = run_in(repo, "policy", "check", "hoc-2024")
    assert result.exit_code == 0
    assert "no breaches" in result.output


def test_cli_check_json(repo: Path) -> None:
    result = run_in(repo, "policy", "check", "herefordshire-housing", "--format", "json")
    assert result.exit_code == 1
    data = json.loads(result.output)
    assert data["code"] == "hoc-2024"
    # In the file's order (line by line): the stage 1 response (6.3) comes before stage 3 (5.3).
    assert [b["provision"] for b in data["breaches"]] == ["5.2", "6.3", "5.3", "5.11"]
    assert all(isinstance(b["line"], int) for b in data["breaches"])


def test_cli_unknown_id_lists_the_known_ones(repo: Path) -> None:
    result = run_in(repo, "policy", "show", "nope")
    assert result.exit_code == 1
    assert "complaints: no policy 'nope'" in result.output
    assert "known ids: council-housing, croft-ha, herefordshire-housing, hoc-2024" in result.output


def _main(repo: Path, monkeypatch: pytest.MonkeyPatch, *args: str) -> int:
    """Through `main`, as `complaints` runs: the edge prints errors as file:line: message."""
    from putright.cli import main

    monkeypatch.setattr(sys, "argv", ["complaints", "--repo", str(repo), "policy", *args])
    with pytest.raises(SystemExit) as exited:
        main()
    return int(exited.value.code or 0)


def test_cli_unknown_id_message(
    repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _main(repo, monkeypatch, "check", "nope") == 1
    err = capsys.readouterr().err
    assert err.startswith("complaints: no policy 'nope'") and "known ids: council-housing" in err


def test_cli_bad_policy_reports_file_and_line(
    repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    source = (repo / "policies" / "support-trust.yaml").read_text("utf-8")
    broken = source.replace("from: escalated", "from: escalation", 1)
    (repo / "policies" / "support-trust.yaml").write_text(broken, "utf-8")
    line = broken.splitlines().index("        from: escalation") + 1
    assert _main(repo, monkeypatch, "check", "support-trust") == 1
    err = capsys.readouterr().err
    assert err.startswith(
        f"complaints: policies/support-trust.yaml:{line}: unknown event type 'escalation'"
    )
    result = run_in(repo, "policy", "show", "support-trust")
    assert result.exit_code == 1
    assert f"complaints: policies/support-trust.yaml:{line}: unknown event type" in result.output


def test_cli_code_must_exist(repo: Path) -> None:
    (repo / "policies" / "hoc-2024.yaml").unlink()
    result = run_in(repo, "policy", "check", "saha")
    assert result.exit_code == 1
    assert "no policy 'hoc-2024'" in result.output


def test_cli_list(repo: Path) -> None:
    result = run_in(repo, "policy", "list")
    assert [line.split("\t")[0] for line in result.output.splitlines()] == SHIPPED
