"""Reading at most a limit of a case file: what `read(limit + 1)` gave, without its buffer."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from putright import casewalk
from putright.casewalk import read_at_most

LIMIT = 10


@pytest.mark.parametrize("size", [0, 1, 9, 10, 11, 12, 50])
def test_the_same_bytes_as_reading_to_one_past_the_limit(tmp_path: Path, size: int) -> None:
    path = tmp_path / "case.yaml"
    path.write_bytes(bytes(range(65, 65 + size)))
    with open(path, "rb") as handle:
        got = read_at_most(handle, LIMIT)
    with open(path, "rb") as handle:
        assert got == handle.read(LIMIT + 1)
    assert len(got) == min(size, LIMIT + 1)  # one past the limit tells the caller "too long"


def test_a_file_that_grew_since_its_size_was_taken_is_read_on_to_the_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "case.yaml"
    path.write_bytes(b"abcdefghijklmnop")  # 16 bytes, but it had 3 when its size was taken
    monkeypatch.setattr(casewalk.os, "fstat", lambda fd: SimpleNamespace(st_size=3))
    with open(path, "rb") as handle:
        assert read_at_most(handle, LIMIT) == b"abcdefghijk"  # as read(LIMIT + 1): 11 bytes
