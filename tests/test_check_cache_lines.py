"""The check cache keeps where each file's findings are on its lines, so a warm run parses nothing.

Placing a warning on its line needs the file's node tree (a second parse). Where a path of
keys is in a file depends on its text alone, so the cache keeps the places found beside the
file's reading, under the same digest: a warm run places the warnings it found before without
reading the file, a finding never placed before is placed by parsing (and kept), and a changed
file is parsed afresh. The lines below are counted by hand in the case's text.
"""

from __future__ import annotations

import datetime as dt
import marshal
from pathlib import Path

import pytest

import putright.yamlfile
from helpers import run, write_repo
from putright.cache import cache_path, context_key, open_cache
from putright.check import run_check
from putright.repository import Repository

# Line 1 `id:` (no tenure: a warning at the id, column 5 is its value), line 2 `received:`
# (its value at column 11), line 8 the extension's mapping (its first key at column 5): an
# extension with no record of the Ombudsman's details (Code 6.5) is a warning there.
CASE = """\
id: 2026-0001
received: 2026-03-02
channel: email
complainant: {name: Ms A Example}
summary: The boiler has failed twice.
events:
  - {date: 2026-03-03, type: acknowledged, by: officer1}
  - date: 2026-03-10
    type: extended
    working_days: 10
    by: officer1
"""
REL = "cases/2026/2026-0001.yaml"
LATER = "2026-05-01"  # stage 1 response overdue: no update_sent (Code 5.9), at the extension
EARLIER = "2026-03-01"  # before it was received: a warning at `received`, no other today


def _repo(tmp_path: Path) -> Path:
    return write_repo(tmp_path / "repo", {REL: CASE})


def _cli(root: Path, today: str, *args: str) -> tuple[int, str, str]:
    ran = run("--repo", str(root), "check", "--today", today, *args)
    return ran.exit_code, ran.stdout, ran.stderr


def _no_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    """The case file is never composed (the procedure, read on every run, still may be)."""
    compose = putright.yamlfile.compose

    def refuse(text: str) -> object:
        if "id: 2026-0001" in text:
            raise AssertionError("a warm run parsed a case file to place its findings")
        return compose(text)

    monkeypatch.setattr(putright.yamlfile, "compose", refuse)


def _places(out: str) -> list[str]:
    """Each finding as `line:column message`, from the text report."""
    return [" ".join(line.split()[:3]) for line in out.splitlines() if "  warning  " in line]


def test_a_warm_run_places_findings_from_the_cache_without_parsing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _repo(tmp_path)
    for fmt in ("text", "json", "github"):
        bare = _cli(root, LATER, "--no-cache", "--format", fmt)
        _cli(root, LATER, "--format", fmt)  # cold: read, parsed, placed, cached
        with monkeypatch.context() as patch:
            _no_parsing(patch)
            assert _cli(root, LATER, "--format", fmt) == bare, fmt
    assert _places(bare_text := _cli(root, LATER, "--no-cache")[1]) == [
        "1:5 warning no",  # no tenure is recorded: at the id
        "8:5 warning extension",  # extension with no record of the Ombudsman's details
        "8:5 warning stage",  # stage 1 response extended: no update_sent
    ], bare_text


def test_a_finding_first_made_on_a_warm_run_is_placed_by_parsing_and_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _repo(tmp_path)
    _cli(root, LATER)  # cached with the places of that day's findings
    later = _cli(root, LATER, "--no-cache")
    bare = _cli(root, EARLIER, "--no-cache")
    assert "2:11  warning  received 2026-03-02 is after today" in bare[1], bare[1]
    assert _cli(root, EARLIER) == bare  # the new place found by parsing...
    with monkeypatch.context() as patch:
        _no_parsing(patch)
        assert _cli(root, EARLIER) == bare  # ...and kept beside the others
        assert _cli(root, LATER) == later


def test_a_changed_file_is_placed_afresh(tmp_path: Path) -> None:
    root = _repo(tmp_path)
    _cli(root, LATER)
    # One line more above everything: each finding moves down a line.
    (root / REL).write_text("# moved down\n" + CASE, encoding="utf-8")
    _code, out, _err = _cli(root, LATER)
    assert _places(out) == ["2:5 warning no", "9:5 warning extension", "9:5 warning stage"], out
    assert (_code, out, _err) == _cli(root, LATER, "--no-cache")


def test_a_hit_that_placed_a_new_finding_still_counts_as_a_hit(tmp_path: Path) -> None:
    root = _repo(tmp_path)
    _cli(root, LATER)
    repo = Repository.open(str(root))
    cache = open_cache(repo.root)
    run_check(repo, dt.date.fromisoformat(EARLIER), jobs=1, cache=cache)
    assert cache.hits == 1
    assert cache.new[REL][2] != cache.old[REL][2]  # the reading, with one place more


def test_a_cache_of_another_format_is_rebuilt_with_a_note_that_says_so(tmp_path: Path) -> None:
    root = _repo(tmp_path)
    code, out, _err = _cli(root, LATER, "--no-cache")
    path = Path(cache_path(str(root)))
    path.parent.mkdir()
    # What an earlier Putright wrote: its entries were (data, problems), no places.
    path.write_bytes(marshal.dumps((2, context_key(str(root)), {REL: ((0, 0, 0, 0), b"", b"")})))
    code2, out2, err = _cli(root, LATER)
    assert (code2, out2) == (code, out)
    assert "written by another version of Putright: rebuilding it" in err, err
    assert "damaged" not in err
    assert _cli(root, LATER) == (code, out, "")  # rebuilt: no note the next time
