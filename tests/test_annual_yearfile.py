"""The yearly statement file: read safely, validated, every problem with its file and line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from helpers import run
from known_repo import SETTINGS, YEAR_FILE, write_known_repo
from putright.annual.assemble import build_year
from putright.annual.collect import collect_facts
from putright.annual.yearfile import YearFileError, load_year, year_file, years_written
from putright.repository import Repository

REL = "reports/2025-26.yaml"


def repo_with(
    tmp_path: Path, text: str | None, settings: str = SETTINGS, rel: str = REL
) -> Repository:
    files = {} if text is None else {rel: text}
    return Repository.open(str(write_known_repo(tmp_path / "repo", settings, files)))


def test_valid_file(tmp_path: Path) -> None:
    repo = repo_with(tmp_path, YEAR_FILE)
    statement, problems = load_year(repo.root, repo.settings, 2025)
    assert problems == []
    assert statement is not None
    assert statement.file == REL
    assert statement.answers["6.2"].comply is True
    assert statement.answers["6.3"].comply is False
    assert statement.answers["6.2"].commentary == "Checked daily."
    assert [i.title for i in statement.improvements] == ["Daily due list"]
    assert statement.governing_body_response is not None
    assert statement.governing_body_response.date == dt.date(2026, 6, 18)
    assert statement.approved is not None and statement.approved.by == "Board"
    assert years_written(repo.root, repo.settings) == [2025]


def test_no_file_is_not_an_error(tmp_path: Path) -> None:
    repo = repo_with(tmp_path, None)
    assert load_year(repo.root, repo.settings, 2025) == (None, [])
    bundle = build_year(repo, collect_facts(repo, dt.date(2026, 6, 30)), 2025)
    assert bundle.statement is None
    assert not bundle.assessment.written
    assert bundle.assessment.answered == 0


def test_reports_dir_setting(tmp_path: Path) -> None:
    repo = repo_with(
        tmp_path, YEAR_FILE, SETTINGS + "reports_dir: board/annual\n", "board/annual/2025-26.yaml"
    )
    assert year_file(repo.settings, 2025) == "board/annual/2025-26.yaml"
    statement, problems = load_year(repo.root, repo.settings, 2025)
    assert problems == [] and statement is not None


def _numbered(lines: list[str]) -> str:
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize(
    ("lines", "line", "words"),
    [
        # An unknown key at the top.
        (['year: "2025-26"', "colour: blue"], 2, "unknown key 'colour'"),
        # An answer that is neither yes nor no.
        (['year: "2025-26"', "self_assessment:", '  "6.2": {comply: maybe}'], 3, "comply"),
        # A provision number without quotes.
        (['year: "2025-26"', "self_assessment:", "  6.2: {comply: yes}"], 3, "must be in quotes"),
        # 6.1 and 6.10 without quotes are the same number to YAML.
        (
            [
                'year: "2025-26"',
                "self_assessment:",
                "  6.1: {comply: yes}",
                "  6.10: {comply: yes}",
            ],
            4,
            "in quotes",
        ),
        # An impossible date.
        (
            ['year: "2025-26"', "approved:", "  by: Board", "  date: 2026-02-30"],
            4,
            "not a real date",
        ),
        # The year does not match the file name.
        (['year: "2024-25"'], 1, "does not match the file name"),
        # Not a provision of the self-assessment.
        (['year: "2025-26"', "self_assessment:", '  "6.21": {comply: yes}'], 3, "not a provision"),
        # Approval without a date.
        (['year: "2025-26"', "approved:", "  by: Board"], 3, "missing required key 'date'"),
        # Broken YAML.
        (['year: "2025-26"', "self_assessment: [", "  oops"], 4, ""),
        # A list, not a mapping.
        (["- 1", "- 2"], 1, "mapping"),
        # Nothing but a comment.
        (["# to do"], 1, "missing required key 'year'"),
    ],
)
def test_problems_have_file_and_line(
    tmp_path: Path, lines: list[str], line: int, words: str
) -> None:
    repo = repo_with(tmp_path, _numbered(lines))
    statement, problems = load_year(repo.root, repo.settings, 2025)
    assert statement is None
    assert problems, "expected a problem"
    first = problems[0]
    assert first.file == REL
    assert first.line == line, problems
    assert words in " ".join(p.message for p in problems)


def test_build_stops_on_a_bad_file(tmp_path: Path) -> None:
    repo = repo_with(tmp_path, 'year: "2025-26"\ncolour: blue\n')
    with pytest.raises(YearFileError) as caught:
        build_year(repo, collect_facts(repo, dt.date(2026, 6, 30)), 2025)
    assert str(caught.value).startswith(f"{REL}:2: ")


def test_report_command_prints_file_and_line(tmp_path: Path) -> None:
    import putright.cli.annual_cmd  # noqa: F401

    repo = repo_with(tmp_path, 'year: "2025-26"\nself_assessment:\n  "6.2": {comply: perhaps}\n')
    result = run("--repo", repo.root, "report", "--year", "2025", "--today", "2026-06-30")
    assert result.exit_code == 1
    assert f"{REL}:3: " in result.output


def test_schema_is_the_packaged_one() -> None:
    from putright.schemas import schema

    year = schema("year")
    assert year["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert "self_assessment" in year["properties"]
