"""Faults that used to lose or hide data: an unreadable folder or file, links out of the
repository, a huge file or a device given to `show`, a disk that refuses a write.

Each is built the way it was found. CI runs as root, which reads anything, so the unreadable
cases drop privileges to the `nobody` account in a forked child (``os.setuid``) and run the
command there, in-process, with everything it needs already imported by the parent.
"""

from __future__ import annotations

import multiprocessing
import os
import pwd
import resource
import shutil
import signal
import tempfile
from collections.abc import Iterator
from multiprocessing.connection import Connection
from pathlib import Path

import pytest

import putright.cli.edit_cmd  # noqa: F401 - registers the commands on `cli`
from helpers import CASE, REL, Ran, complaints, trust_repo

FORK = multiprocessing.get_context("fork")
TODAY = ("--today", "2026-03-12")
OUTSIDE_SECRET = "Outside Person Secretname"


def second_case(case_id: str) -> str:
    return CASE.replace("2026-0001", case_id)


@pytest.fixture
def shared_repo() -> Iterator[Path]:
    """A repository the `nobody` account can reach (pytest's tmp_path is root's alone)."""
    base = Path(tempfile.mkdtemp(prefix="putright-faults-"))
    base.chmod(0o755)
    root = trust_repo(
        base / "repo",
        {
            REL: CASE,
            "cases/2026/2026-0002.yaml": second_case("2026-0002"),
            "cases/2025/2025-0001.yaml": second_case("2025-0001").replace("2026-03", "2025-03"),
        },
    )
    for folder, dirs, files in os.walk(base):
        for name in dirs:
            os.chmod(os.path.join(folder, name), 0o755)
        for name in files:
            os.chmod(os.path.join(folder, name), 0o644)
    try:
        yield root
    finally:
        for folder, dirs, _files in os.walk(base):
            for name in dirs:
                os.chmod(os.path.join(folder, name), 0o755)
        shutil.rmtree(base)


def _as_nobody(out: Connection, root: str, args: tuple[str, ...]) -> None:
    nobody = pwd.getpwnam("nobody")
    os.setgroups([])
    os.setgid(nobody.pw_gid)
    os.setuid(nobody.pw_uid)
    ran = complaints(Path(root), *args)
    out.send((ran.code, ran.out, ran.err))
    out.close()


def as_nobody(root: Path, *args: str) -> Ran:
    complaints(root, *args)  # as root first: every module the command needs is imported
    receive, send = FORK.Pipe(duplex=False)
    child = FORK.Process(target=_as_nobody, args=(send, str(root), args))
    child.start()
    code, out, err = receive.recv()
    child.join(60)
    return Ran(code, out, err)


def test_nobody_reads_a_readable_repository(shared_repo: Path) -> None:
    ran = as_nobody(shared_repo, "check", *TODAY)
    assert ran.code == 0, ran.err
    assert "3 case files" in ran.out


def test_an_unreadable_folder_fails_check_with_its_path(shared_repo: Path) -> None:
    (shared_repo / "cases" / "2026").chmod(0o700)  # root's alone: nobody cannot list it
    ran = as_nobody(shared_repo, "check", *TODAY)
    assert ran.code == 2, ran.out + ran.err
    assert "cases/2026/" in ran.err and "cannot read this folder" in ran.err
    assert "all valid" not in ran.out


def test_an_unreadable_file_fails_check_with_its_path(shared_repo: Path) -> None:
    (shared_repo / "cases" / "2026" / "2026-0002.yaml").chmod(0o600)
    ran = as_nobody(shared_repo, "check", *TODAY)
    assert ran.code == 2, ran.out + ran.err
    assert "cases/2026/2026-0002.yaml" in ran.err and "cannot read this file" in ran.err


def test_an_unreadable_folder_fails_the_public_build_too(shared_repo: Path, tmp_path: Path) -> None:
    (shared_repo / "cases" / "2026").chmod(0o700)
    ran = as_nobody(shared_repo, "report", "--format", "json", *TODAY)
    assert ran.code == 2, ran.out + ran.err
    assert "cases/2026/" in ran.err


# --- links --------------------------------------------------------------------------------


def outside_case(tmp_path: Path) -> Path:
    outside = tmp_path / "elsewhere" / "2026-0009.yaml"
    outside.parent.mkdir()
    outside.write_text(
        second_case("2026-0009")
        .replace("notes: keep this", f"complainant: {OUTSIDE_SECRET}\nnotes: keep this")
        .replace("channel: phone", "channel: 7"),
        encoding="utf-8",
    )
    return outside


def test_a_link_out_of_the_repository_is_refused_and_never_read(tmp_path: Path) -> None:
    root = trust_repo(tmp_path / "repo", {REL: CASE})
    outside = outside_case(tmp_path)
    (root / "cases" / "2026" / "2026-0009.yaml").symlink_to(outside)
    ran = complaints(root, "check", *TODAY)
    assert ran.code == 2
    assert "cases/2026/2026-0009.yaml" in ran.err and "outside the repository" in ran.err
    assert OUTSIDE_SECRET not in ran.out + ran.err
    before = outside.read_bytes()
    event = complaints(root, "event", "2026-0009", "contacted", "--date", "2026-03-11", *TODAY)
    assert event.code == 2 and "outside the repository" in event.err
    assert (root / "cases" / "2026" / "2026-0009.yaml").is_symlink()
    assert outside.read_bytes() == before


def test_a_folder_link_out_of_the_repository_is_refused(tmp_path: Path) -> None:
    root = trust_repo(tmp_path / "repo", {REL: CASE})
    outside = outside_case(tmp_path)
    (root / "cases" / "2027").symlink_to(outside.parent, target_is_directory=True)
    ran = complaints(root, "check", *TODAY)
    assert ran.code == 2 and "cases/2027" in ran.err and "outside the repository" in ran.err


def test_a_link_inside_the_repository_is_read(tmp_path: Path) -> None:
    root = trust_repo(
        tmp_path / "repo", {REL: CASE, "spare/2026-0002.yaml": second_case("2026-0002")}
    )
    (root / "cases" / "2026" / "2026-0002.yaml").symlink_to(root / "spare" / "2026-0002.yaml")
    ran = complaints(root, "check", *TODAY)
    assert ran.code == 0, ran.err
    assert "2 case files" in ran.out


def test_show_refuses_a_link_to_dev_zero_without_reading_it(tmp_path: Path) -> None:
    root = trust_repo(tmp_path / "repo", {REL: CASE})
    (root / "cases" / "2026" / "2026-0003.yaml").symlink_to("/dev/zero")
    ran = complaints(root, "show", "2026-0003", *TODAY)
    assert ran.code == 2 and "outside the repository" in ran.err


def test_show_bounds_what_it_reads(tmp_path: Path) -> None:
    root = trust_repo(tmp_path / "repo", {REL: CASE})
    big = root / "cases" / "2026" / "2026-0004.yaml"
    with big.open("wb") as handle:  # 200 MB, sparse: cheap to make, costly to read whole
        handle.truncate(200_000_000)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    ran = complaints(root, "show", "2026-0004", *TODAY)
    grown_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
    assert ran.code == 1 and "may be at most" in ran.err
    assert grown_kb < 50_000  # read up to the 1 MB bound, not 200 MB


# --- a disk that refuses the write -----------------------------------------------------------


def _with_file_size_limit(out: Connection, root: str, args: tuple[str, ...]) -> None:
    # RLIMIT_FSIZE makes the kernel refuse any write past 64 bytes (EFBIG), the way a full
    # disk refuses one (ENOSPC): the same OSError path in the editor.
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (64, 64))
    ran = complaints(Path(root), *args)
    out.send((ran.code, ran.out, ran.err))
    out.close()


def refused_write(root: Path, *args: str) -> Ran:
    receive, send = FORK.Pipe(duplex=False)
    child = FORK.Process(target=_with_file_size_limit, args=(send, str(root), args))
    child.start()
    code, out, err = receive.recv()
    child.join(60)
    return Ran(code, out, err)


@pytest.mark.parametrize(
    "args",
    [
        ("event", "2026-0001", "contacted", "--date", "2026-03-11", *TODAY),
        (
            "new",
            "--received",
            "2026-03-11",
            "--channel",
            "phone",
            "--category",
            "repairs",
            "--name",
            "A Person",
            "--summary",
            "Leak",
            "--no-input",
            *TODAY,
        ),
    ],
    ids=["event", "new"],
)
def test_a_refused_write_is_a_message_and_changes_nothing(
    tmp_path: Path, args: tuple[str, ...]
) -> None:
    root = trust_repo(tmp_path / "repo", {REL: CASE})
    complaints(root, "check", *TODAY)  # imports done before the limit
    before = {p: p.read_bytes() for p in root.rglob("*") if p.is_file()}
    ran = refused_write(root, *args)
    assert ran.code == 2, ran.out + ran.err
    assert "the disk refused the write" in ran.err and "Traceback" not in ran.err
    after = {
        p: p.read_bytes() for p in root.rglob("*") if p.is_file() and p.name != ".putright.lock"
    }
    assert after == before
