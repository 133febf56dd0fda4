"""Files that `check` passed but that broke the staff site: built for real (strict MkDocs).

A case with id `index` replaced the year's list of cases; a category like `$\\undefinedmacro$`
crashed the chart (matplotlib read it as mathtext); an `x-` value nested 350 levels deep ended
the build in a RecursionError. Each now builds, or is refused by `check` with a message.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import putright.cli.site_cmd  # noqa: F401  (registers `complaints site`)
from helpers import built_html, complaints, run_in, write_repo
from putright.yamlfile import MAX_DEPTH
from site_fixtures import CLOSED, SETTINGS

pytestmark = pytest.mark.slow
TODAY = ("--today", "2026-04-01")
MACRO = "$\\undefinedmacro$"


def as_case(case_id: str, **replace: str) -> str:
    text = CLOSED.replace("2026-0001", case_id)
    for old, new in replace.items():
        text = text.replace(old, new)
    return text


def test_a_case_called_index_keeps_the_years_list(tmp_path: Path) -> None:
    repo = write_repo(
        tmp_path / "repo",
        {
            "cases/2026/index.yaml": as_case("index"),
            "cases/2026/README.yaml": as_case("README"),
            "cases/2026/2026-0001.yaml": CLOSED,
        },
        settings=SETTINGS,
    )
    out = tmp_path / "site"
    result = run_in(repo, "site", "build", *TODAY, "--out", str(out))
    assert result.exit_code == 0, result.output
    year = built_html(out, "cases/2026")
    # The year's list links all three cases: it was not replaced by the case's own page.
    for case_id in ("2026-0001", "index", "README"):
        assert f">{case_id}<" in year, case_id
    assert "Damp in the bedroom" in built_html(out, "cases/2026/_index")


def test_a_mathtext_category_is_drawn_as_plain_text(tmp_path: Path) -> None:
    repo = write_repo(
        tmp_path / "repo",
        {
            "cases/2026/2026-0001.yaml": as_case("2026-0001", damp_and_mould=f"'{MACRO}'"),
            "cases/2026/2026-0005.yaml": as_case("2026-0005", damp_and_mould=f"'{MACRO}'"),
        },
        settings=SETTINGS,
    )
    assert complaints(repo, "check", *TODAY).code == 0  # check passes it: a category is text
    out = tmp_path / "site"
    result = run_in(repo, "site", "build", *TODAY, "--out", str(out))
    assert result.exit_code == 0, result.output
    svgs = "".join(p.read_text(encoding="utf-8") for p in out.rglob("*.svg"))
    assert "undefinedmacro" in svgs  # drawn, as the text it is


def nested(depth: int) -> str:
    return "[" * depth + "1" + "]" * depth


def test_deep_nesting_is_refused_by_check_with_its_field(tmp_path: Path) -> None:
    deep = as_case("2026-0001").replace("events:", f"x-deep: {nested(350)}\nevents:")
    repo = write_repo(tmp_path / "repo", {"cases/2026/2026-0001.yaml": deep}, settings=SETTINGS)
    ran = complaints(repo, "check", *TODAY)
    assert ran.code == 1
    assert "cases/2026/2026-0001.yaml\n" in ran.out
    assert re.search(rf"\b8\s+error\s+x-deep is nested more than {MAX_DEPTH} levels deep", ran.out)
    out = tmp_path / "site"
    result = run_in(repo, "site", "build", *TODAY, "--out", str(out))
    assert "Traceback" not in result.output and "RecursionError" not in result.output


def test_nesting_up_to_the_limit_is_accepted(tmp_path: Path) -> None:
    # The record itself is at depth 1; the x- value's list adds MAX_DEPTH - 1 levels below it.
    fine = as_case("2026-0001").replace("events:", f"x-deep: {nested(MAX_DEPTH - 1)}\nevents:")
    repo = write_repo(tmp_path / "repo", {"cases/2026/2026-0001.yaml": fine}, settings=SETTINGS)
    ran = complaints(repo, "check", *TODAY)
    assert ran.code == 0, ran.out + ran.err
