"""Example-driven tests of `complaints check`: every valid example passes, every invalid one
fails with the line and message its first comment names (`# expect: LINE fragment`)."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

EXAMPLES = Path(__file__).parent / "examples"
VALID = sorted((EXAMPLES / "valid").glob("*.yaml"))
INVALID = sorted((EXAMPLES / "invalid").glob("*.yaml"))
TODAY = "2026-11-24"


def expectations(path: Path) -> list[tuple[int, str]]:
    head = path.read_bytes().split(b"\n", 1)[0].decode("ascii")
    found = re.findall(r"expect: (\d+) ?(.*)", head)
    assert found, f"{path.name} has no '# expect: LINE fragment' first line"
    return [(int(line), fragment.strip()) for line, fragment in found]


def check_json(run: Callable[..., Result], repo: Path) -> tuple[int, dict]:
    result = run("--repo", str(repo), "check", "--format", "json", "--today", TODAY)
    return result.exit_code, json.loads(result.stdout)


@pytest.mark.parametrize("example", VALID, ids=lambda p: p.name)
def test_valid_example_passes(
    example: Path, make_repo: Callable[..., Path], run: Callable[..., Result]
) -> None:
    repo = make_repo({f"cases/{example.name}": example.read_bytes()})
    code, report = check_json(run, repo)
    errors = [p for p in report["problems"] if p["severity"] == "error"]
    assert errors == [] and code == 0
    assert [c["id"] for c in report["cases"]] == [example.stem]


@pytest.mark.parametrize("example", INVALID, ids=lambda p: p.name)
def test_invalid_example_is_reported_with_its_line(
    example: Path, make_repo: Callable[..., Path], run: Callable[..., Result]
) -> None:
    good = (EXAMPLES / "valid" / "minimal.yaml").read_bytes()
    repo = make_repo({f"cases/{example.name}": example.read_bytes(), "cases/minimal.yaml": good})
    before = _files(repo)
    code, report = check_json(run, repo)
    assert code == 1
    problems = [p for p in report["problems"] if p["file"] == f"cases/{example.name}"]
    for line, fragment in expectations(example):
        assert any(p["line"] == line and fragment in p["message"] for p in problems), (
            line,
            fragment,
            problems,
        )
    # The good file beside it is still checked, and nothing on disk changed.
    assert [c["id"] for c in report["cases"]] == ["minimal"]
    assert _files(repo) == before


def _files(repo: Path) -> dict[Path, bytes]:
    """The repository's files, less check's own cache (Git ignores it; it is not the record)."""
    return {
        p: p.read_bytes()
        for p in repo.rglob("*")
        if p.is_file() and ".putright-cache" not in p.relative_to(repo).parts
    }


def test_text_report_names_file_and_line(
    make_repo: Callable[..., Path], run: Callable[..., Result]
) -> None:
    repo = make_repo(
        {"cases/impossible-date.yaml": (EXAMPLES / "invalid" / "impossible-date.yaml").read_bytes()}
    )
    result = run("--repo", str(repo), "check", "--today", TODAY)
    assert result.exit_code == 1
    assert "cases/impossible-date.yaml" in result.stdout
    assert re.search(r"4:\d+\s+error\s+'2026-02-30' is not a real date", result.stdout)
    assert "Traceback" not in result.output


def test_same_id_in_two_files(make_repo: Callable[..., Path], run: Callable[..., Result]) -> None:
    text = "id: 2026-0001\nreceived: 2026-02-02\nevents: []\n"
    repo = make_repo({"cases/2026/2026-0001.yaml": text, "cases/old/2026-0001.yaml": text})
    code, report = check_json(run, repo)
    assert code == 1
    [problem] = [p for p in report["problems"] if "also used by" in p["message"]]
    assert problem["line"] == 1 and problem["file"] == "cases/old/2026-0001.yaml"
    assert "cases/2026/2026-0001.yaml" in problem["message"]


def test_python_tag_is_never_executed(
    make_repo: Callable[..., Path], run: Callable[..., Result], tmp_path: Path
) -> None:
    marker = tmp_path / "pwned"
    text = f'id: !!python/object/apply:os.system ["touch {marker}"]\nreceived: 2026-02-01\nevents: []\n'
    repo = make_repo({"cases/x.yaml": text})
    code, _ = check_json(run, repo)
    assert code == 1 and not marker.exists()


def test_alias_bomb_is_refused_quickly(
    make_repo: Callable[..., Path], run: Callable[..., Result]
) -> None:
    import time

    bomb = (EXAMPLES / "invalid" / "alias-bomb.yaml").read_bytes()
    repo = make_repo({"cases/alias-bomb.yaml": bomb})
    started = time.perf_counter()
    code, _ = check_json(run, repo)
    # Bounded: the file is refused before anything expands (nine levels would be 387 million items).
    assert code == 1 and time.perf_counter() - started < 10


def test_huge_file_is_refused(make_repo: Callable[..., Path], run: Callable[..., Result]) -> None:
    big = "id: big\nreceived: 2026-02-01\nevents: []\nsummary: " + "x" * 1_100_000 + "\n"
    repo = make_repo({"cases/big.yaml": big})
    code, report = check_json(run, repo)
    assert code == 1 and "at most" in report["problems"][0]["message"]


def test_github_format_annotates_and_writes_summary(
    make_repo: Callable[..., Path],
    run: Callable[..., Result],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    hostile = 'id: hostile\nreceived: 2026-02-01\nevents: [{date: 2026-02-02, type: responded, outcome: "x\\n::error::fake,%0A"}]\n'
    repo = make_repo(
        {
            "cases/impossible-date.yaml": (
                EXAMPLES / "invalid" / "impossible-date.yaml"
            ).read_bytes(),
            "cases/hostile.yaml": hostile,
            # Keys are named in messages (values never are): a hostile key is encoded.
            "cases/hostile-key.yaml": hostile.replace("id: hostile", "id: hostile-key")
            + '"y\\n::error::fake,%0A": 1\n',
        }
    )
    result = run("--repo", str(repo), "check", "--format", "github", "--today", TODAY)
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert "::error file=cases/impossible-date.yaml,line=4,col=" in result.stdout
    # A value cannot start a workflow command of its own: newlines and % are encoded.
    assert all(line.startswith("::error file=") for line in lines)
    assert "%250A" in result.stdout
    assert "x%0A::error::fake" not in result.stdout  # the outcome's value is never quoted
    assert "| cases/impossible-date.yaml | 4 | error |" in summary.read_text()


def test_fail_on_overdue(make_repo: Callable[..., Path], run: Callable[..., Result]) -> None:
    repo = make_repo({"cases/late.yaml": "id: late\nreceived: 2026-02-02\nevents: []\n"})
    assert run("--repo", str(repo), "check", "--today", TODAY).exit_code == 0
    result = run("--repo", str(repo), "check", "--today", TODAY, "--fail-on", "overdue")
    assert result.exit_code == 1 and "Overdue (2)" in result.stdout
    assert (
        run("--repo", str(repo), "check", "--today", "2026-02-03", "--fail-on", "overdue").exit_code
        == 0
    )


def test_wrong_command_line_exits_2(
    make_repo: Callable[..., Path], run: Callable[..., Result]
) -> None:
    repo = make_repo()
    assert run("--repo", str(repo), "check", "--today", "2026-02-30").exit_code == 2
    assert run("--repo", str(repo), "check", "--format", "xml").exit_code == 2


def test_bad_settings_named_with_line(
    make_repo: Callable[..., Path], run: Callable[..., Result]
) -> None:
    repo = make_repo(settings="organisation: X\ncalendar:\n  nation: FRA\n")
    result = run("--repo", str(repo), "check")
    assert result.exit_code == 1
    assert "complaints.yml:3:" in result.stderr and "FRA" in result.stderr
