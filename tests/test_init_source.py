"""`complaints init --putright-source`: what requirements.txt installs Putright from."""

from __future__ import annotations

from pathlib import Path

import git

from helpers import complaints

COMMIT = "0123456789abcdef0123456789abcdef01234567"


def _init(tmp_path: Path, *args: str) -> tuple[int, str, Path]:
    target = tmp_path / "trust"
    ran = complaints(tmp_path, "init", str(target), "--organisation", "T", "--no-input", *args)
    return ran.code, ran.err, target


def _requirement(target: Path) -> str:
    return (target / "requirements.txt").read_text("utf-8").splitlines()[-1]


def test_a_git_tag_pinned_by_its_commit(tmp_path: Path) -> None:
    url = "https://github.com/example/putright"
    code, err, target = _init(tmp_path, "--putright-source", f"git+{url}@{COMMIT}")
    assert code == 0, err
    assert _requirement(target) == f"putright @ git+{url}@{COMMIT}"


def test_a_tag_name_alone_is_refused_before_anything_is_written(tmp_path: Path) -> None:
    url = "https://github.com/example/putright"
    code, err, target = _init(tmp_path, "--putright-source", f"git+{url}@v0.1.0")
    assert code == 1
    assert f"git ls-remote {url} refs/tags/v0.1.0" in err
    assert not target.exists()


def test_a_wheel_on_this_computer_is_copied_into_the_repository(tmp_path: Path) -> None:
    wheel = tmp_path / "putright-0.1.0-py3-none-any.whl"
    wheel.write_bytes(b"PK wheel bytes")
    code, err, target = _init(tmp_path, "--putright-source", str(wheel))
    assert code == 0, err
    assert _requirement(target) == "./wheels/putright-0.1.0-py3-none-any.whl"
    assert (target / "wheels" / wheel.name).read_bytes() == b"PK wheel bytes"
    # In the first commit, so the workflows on GitHub can install it.
    assert f"wheels/{wheel.name}" in git.Repo(target).git.ls_files().splitlines()


def test_a_wheel_url(tmp_path: Path) -> None:
    url = "https://example.org/dist/putright-0.1.0-py3-none-any.whl#sha256=" + "a" * 64
    code, err, target = _init(tmp_path, "--putright-source", url)
    assert code == 0, err
    assert _requirement(target) == f"putright @ {url}"


def test_something_else_is_refused(tmp_path: Path) -> None:
    code, err, target = _init(tmp_path, "--putright-source", "latest")
    assert code == 1 and "docs/setup/install.md" in err and not target.exists()
