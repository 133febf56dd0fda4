"""The check cache: a hit only when nothing that reading a case depends on has changed."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

import pytest

import putright.cache as cache_module
from helpers import run, write_repo
from putright.cache import CACHE_DIR, cache_path, open_cache
from putright.check import run_check
from putright.repository import Repository

ROOT = Path(__file__).resolve().parent.parent
TODAY = dt.date(2026, 5, 1)

CASE_A = """\
id: 2026-0001
received: 2026-03-02
channel: email
complainant: {name: Ms A Example}
summary: The boiler has failed twice.
events:
  - {date: 2026-03-03, type: acknowledged, by: officer1}
"""
CASE_B = """\
id: 2026-0002
received: 2026-03-09
channel: phone
complainant: {name: Mr B Example}
summary: Damp in the bedroom.
events: []
"""


def _repo(tmp_path: Path) -> Path:
    return write_repo(
        tmp_path / "repo",
        {"cases/2026/2026-0001.yaml": CASE_A, "cases/2026/2026-0002.yaml": CASE_B},
    )


def _check(root: Path) -> tuple[int, list[str]]:
    """Run the cached check in-process: (cache hits, the report's lines)."""
    repo = Repository.open(str(root))
    cache = open_cache(repo.root)
    result = run_check(repo, TODAY, jobs=1, cache=cache)
    cache.save()
    return cache.hits, [f"{p.file}:{p.line}: {p.message}" for p in result.problems] + [
        f"{c.case_id} {c.worst_state}" for c in result.cases
    ]


def _cli(root: Path, *args: str) -> tuple[int, str, str]:
    ran = run("--repo", str(root), "check", "--today", TODAY.isoformat(), *args)
    return ran.exit_code, ran.stdout, ran.stderr


def test_an_unchanged_repository_is_read_from_the_cache(tmp_path: Path) -> None:
    root = _repo(tmp_path)
    assert _check(root)[0] == 0  # nothing cached yet
    hits, report = _check(root)
    assert hits == 2
    assert report == _check(root)[1]


def test_a_changed_file_misses_and_its_new_content_is_what_is_checked(tmp_path: Path) -> None:
    root = _repo(tmp_path)
    _check(root)
    path = root / "cases/2026/2026-0002.yaml"
    # The same size, so only the bytes tell: "phone" becomes "email".
    path.write_text(CASE_B.replace("phone", "email"), encoding="utf-8")
    hits, _ = _check(root)
    assert hits == 1
    # An invalid edit is reported, not hidden behind the cached valid reading.
    path.write_text(CASE_B.replace("channel: phone", "channel: pigeon"), encoding="utf-8")
    hits, report = _check(root)
    assert hits == 1
    assert any(line.startswith("cases/2026/2026-0002.yaml:3:") for line in report), report


def test_a_touched_but_unchanged_file_is_still_a_hit(tmp_path: Path) -> None:
    root = _repo(tmp_path)
    _check(root)
    path = root / "cases/2026/2026-0001.yaml"
    os.utime(path, ns=(1_000_000_000, 1_000_000_000))  # as a checkout or a restore does
    assert _check(root)[0] == 2


@pytest.mark.parametrize("change", ["setting", "policy", "new policy", "schema", "version"])
def test_a_changed_context_empties_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, change: str
) -> None:
    root = _repo(tmp_path)
    _check(root)
    assert _check(root)[0] == 2
    if change == "setting":
        with open(root / "complaints.yml", "a", encoding="utf-8") as handle:
            handle.write("calendar: {nation: WLS}\n")
    elif change == "policy":
        policy = root / "policies/hoc-2024.yaml"
        policy.write_text(policy.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    elif change == "new policy":
        shutil.copy(root / "policies/hoc-2024.yaml", root / "policies/own.yaml")
    elif change == "schema":
        schemas = tmp_path / "schemas"
        shutil.copytree(cache_module.SCHEMA_DIR, schemas)
        case_schema = schemas / "case.schema.json"
        case_schema.write_text(case_schema.read_text(encoding="utf-8") + " ", encoding="utf-8")
        monkeypatch.setattr(cache_module, "SCHEMA_DIR", str(schemas))
    else:
        monkeypatch.setattr(cache_module, "__version__", "99.0.0")
    assert _check(root)[0] == 0
    assert _check(root)[0] == 2  # and the rebuilt cache serves the next run


@pytest.mark.parametrize("damage", [b"", b"not marshal data", b"\xff" * 40])
def test_a_damaged_cache_is_rebuilt_with_a_note(tmp_path: Path, damage: bytes) -> None:
    root = _repo(tmp_path)
    code, clean, _ = _cli(root)
    Path(cache_path(str(root))).write_bytes(damage)
    code2, out, err = _cli(root)
    assert (code2, out) == (code, clean)
    assert "note: the check cache" in err and "rebuilding it" in err
    assert _check(root)[0] == 2  # rebuilt


def test_no_cache_neither_reads_nor_writes_it(tmp_path: Path) -> None:
    root = _repo(tmp_path)
    _cli(root, "--no-cache")
    assert not (root / CACHE_DIR).exists()
    _cli(root)
    Path(cache_path(str(root))).write_bytes(b"damaged")
    code, _out, err = _cli(root, "--no-cache")
    assert code == 0 and "note:" not in err
    assert Path(cache_path(str(root))).read_bytes() == b"damaged"


def test_the_cache_is_ignored_by_git(tmp_path: Path) -> None:
    import git

    root = _repo(tmp_path)
    repo = git.Repo.init(root)
    _cli(root)
    assert (root / CACHE_DIR / "check.marshal").is_file()
    assert repo.untracked_files and not any(f.startswith(CACHE_DIR) for f in repo.untracked_files)
    assert "/.putright-cache/" in (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()
    # Only its owner may read it: it holds the records as read.
    assert os.stat(cache_path(str(root))).st_mode & 0o077 == 0


def test_redact_clears_the_case_from_the_cache(tmp_path: Path) -> None:
    closed = CASE_A.replace(
        "  - {date: 2026-03-03, type: acknowledged, by: officer1}\n",
        "  - {date: 2026-03-03, type: acknowledged, by: officer1}\n"
        "  - {date: 2026-03-20, type: responded, by: officer1, outcome: upheld}\n"
        "  - {date: 2026-03-20, type: closed}\n",
    )
    root = write_repo(
        tmp_path / "repo",
        {"cases/2026/2026-0001.yaml": closed, "cases/2026/2026-0002.yaml": CASE_B},
    )
    _cli(root)
    assert b"Ms A Example" in Path(cache_path(str(root))).read_bytes()
    ran = run("--repo", str(root), "redact", "2026-0001", "--today", "2026-04-01")
    assert ran.exit_code == 0, ran.output
    stored = Path(cache_path(str(root))).read_bytes()
    assert b"Ms A Example" not in stored and b"boiler" not in stored
    assert b"Mr B Example" in stored  # the other case stays cached


def test_cached_and_uncached_runs_are_byte_identical_on_the_demo(tmp_path: Path) -> None:
    root = tmp_path / "demo"
    shutil.copytree(ROOT / "cases", root / "cases")
    shutil.copytree(ROOT / "policies", root / "policies")
    shutil.copy(ROOT / "complaints.yml", root / "complaints.yml")
    for fmt in ("text", "json", "github", "markdown"):
        shutil.rmtree(root / CACHE_DIR, ignore_errors=True)
        bare = _cli(root, "--no-cache", "--format", fmt)
        cold = _cli(root, "--format", fmt)
        warm = _cli(root, "--format", fmt)
        assert cold == bare and warm == bare, fmt
    assert _check(root)[0] == sum(1 for _ in (root / "cases").rglob("*.yaml"))


def test_a_cached_file_replaced_by_a_link_out_of_the_repository_is_refused(
    tmp_path: Path,
) -> None:
    # The cache must not be a way round the refusal of links that leave the repository: the
    # outside file's values would be read (and echoed in messages) as if they were a case.
    root = _repo(tmp_path)
    assert _check(root)[0] == 0  # cold: both files read and cached
    outside = tmp_path / "outside.yaml"
    outside.write_text(CASE_A.replace("Ms A Example", "Someone Else Entirely"), "utf-8")
    case = root / "cases/2026/2026-0001.yaml"
    case.unlink()
    case.symlink_to(outside)
    code, out, err = _cli(root)
    assert code == 2, (out, err)
    assert "cases/2026/2026-0001.yaml" in err
    assert "Someone Else Entirely" not in out + err
