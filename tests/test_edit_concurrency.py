"""Two `complaints event` runs on one case at the same moment: both events are kept.

Built the way the fault was found: two processes, released together by a barrier, each adding
a different event to the same case through the command as an officer runs it. Without the
editing lock, one of them read the file before the other replaced it, and its write dropped
the other's event while both printed "Added" (3 of 40 tries). 50 tries here, each checked.
"""

from __future__ import annotations

import multiprocessing
import os
from multiprocessing.connection import Connection
from multiprocessing.synchronize import Barrier
from pathlib import Path

import putright.cli.edit_cmd  # noqa: F401 - registers the commands on `cli`
from helpers import CASE, REL, complaints, trust_repo
from putright.editing.lock import edit_lock
from putright.errors import EditRefused

TRIES = 50
FORK = multiprocessing.get_context("fork")


def _add(root: str, note: str, barrier: Barrier, out: Connection) -> None:
    barrier.wait()
    ran = complaints(
        Path(root), "event", "2026-0001", "contacted", "--date", "2026-03-11", "--note", note,
        "--today", "2026-03-12",
    )  # fmt: skip
    out.send((ran.code, ran.out + ran.err))
    out.close()


def test_concurrent_events_lose_nothing(tmp_path: Path) -> None:
    for attempt in range(TRIES):
        root = trust_repo(tmp_path / f"try{attempt}", {REL: CASE})
        barrier = FORK.Barrier(2)
        runs = []
        for who in ("first", "second"):
            receive, send = FORK.Pipe(duplex=False)
            process = FORK.Process(target=_add, args=(str(root), f"{who} officer", barrier, send))
            process.start()
            runs.append((process, receive))
        results = []
        for process, receive in runs:
            results.append(receive.recv())
            process.join(60)
            assert process.exitcode == 0
        text = (root / REL).read_text(encoding="utf-8")
        for code, output in results:
            assert code == 0, output
            assert "Added" in output, output
        assert "first officer" in text and "second officer" in text, (attempt, text)
        assert text.count("type: contacted") == 3, text  # the one already there, and both


def test_a_lock_held_too_long_refuses_clearly(tmp_path: Path) -> None:
    root = trust_repo(tmp_path / "repo", {REL: CASE})
    before = (root / REL).read_bytes()
    with edit_lock(str(root)):
        child = FORK.Process(target=_hold_and_try, args=(str(root),))
        child.start()
        child.join(60)
    assert child.exitcode == 0
    assert (root / REL).read_bytes() == before


def _hold_and_try(root: str) -> None:
    try:
        with edit_lock(root, wait=0.2):
            os._exit(1)  # the lock should have been held by the parent
    except EditRefused as exc:
        os._exit(0 if "another edit" in str(exc) and "nothing was written" in str(exc) else 2)


def test_the_lock_file_is_ignored_by_git() -> None:
    root = Path(__file__).resolve().parents[1]
    template = root / "tools" / "putright" / "scaffold" / "templates" / "gitignore"
    for ignore in (root / ".gitignore", template):
        assert ".putright.lock" in ignore.read_text(encoding="utf-8").splitlines()
