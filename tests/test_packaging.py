"""The package as a trust installs it: a real wheel, installed (not editable) outside the checkout.

The sdist is built from this checkout and the wheel from the sdist, with this environment's
setuptools (no build isolation: nothing is downloaded); the wheel is installed with pip into a fresh virtual environment in a temporary
folder, and used there as a trust would: `init`, `check`, and both site builds. The fresh
environment borrows this one's third-party packages through a .pth line (so the test needs no
network), but not Putright: an editable install's import hook is never run for a plain path.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tarfile
import tomllib
import zipfile
from pathlib import Path

import pytest

from helpers import run
from putright import __version__

ROOT = Path(__file__).resolve().parent.parent


def _pyproject_version() -> str:
    data = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    return str(data["project"]["version"])


def test_the_version_is_the_same_everywhere() -> None:

    out = run("--version").output
    # pyproject.toml's version is what the wheel (and the tag) carries.
    assert out.strip() == f"complaints, version {_pyproject_version()}"
    assert __version__ == _pyproject_version()


def test_the_changelog_has_the_version() -> None:
    text = (ROOT / "CHANGELOG.md").read_text("utf-8")
    assert f"## [{_pyproject_version()}]" in text


def test_no_symlinks_in_the_package() -> None:
    links = [p for p in (ROOT / "tools").rglob("*") if p.is_symlink()]
    assert links == []


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sdist, and the wheel built from that sdist (as `python -m build` and a release do),
    with this environment's setuptools (no isolation: nothing is downloaded)."""
    out = tmp_path_factory.mktemp("dist")
    done = subprocess.run(
        [sys.executable, "-m", "build", "--no-isolation", "--outdir", str(out), str(ROOT)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    return out


@pytest.fixture(scope="module")
def wheel(dist: Path) -> Path:
    (built,) = dist.glob("putright-*.whl")
    return built


@pytest.mark.slow
def test_the_sdist_holds_real_files(dist: Path) -> None:
    (sdist,) = dist.glob("putright-*.tar.gz")
    top = f"putright-{_pyproject_version()}"
    with tarfile.open(sdist) as tar:
        members = {m.name: m for m in tar.getmembers()}
        for rel in (
            "policies/hoc-2024.yaml",
            "docs/guide/index.md",
            "site_templates/theme/main.html",
            "setup.py",
        ):
            member = members[f"{top}/{rel}"]
            assert member.isfile(), rel  # a file, not a symlink
            extracted = tar.extractfile(member)
            assert extracted is not None and extracted.read() == (ROOT / rel).read_bytes()
        assert not any(m.issym() or m.islnk() for m in members.values())


@pytest.mark.slow
def test_the_wheel_holds_real_files(wheel: Path) -> None:
    assert wheel.name.startswith(f"putright-{_pyproject_version()}-")
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
        for rel in ("policies/hoc-2024.yaml", "guide/index.md", "site_templates/theme/main.html"):
            source = (
                ROOT / {"policies": "", "guide": "docs", "site_templates": ""}[rel.split("/")[0]]
            )
            assert zf.read(f"putright/data/{rel}") == (source / rel).read_bytes(), rel
        wanted = {
            f"putright/data/policies/{p.name}" for p in (ROOT / "policies").glob("*.yaml")
        } | {f"putright/data/guide/{p.name}" for p in (ROOT / "docs" / "guide").glob("*.md")}
        assert wanted <= names
        templates = {
            "putright/data/site_templates/" + p.relative_to(ROOT / "site_templates").as_posix()
            for p in (ROOT / "site_templates").rglob("*")
            if p.is_file() and "__pycache__" not in p.parts
        }
        assert templates <= names
        assert "putright/schemas/case.schema.json" in names


@pytest.mark.slow
def test_the_installed_wheel_runs_init_check_and_both_sites(wheel: Path, tmp_path: Path) -> None:
    env_dir = tmp_path / "trust-env"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(env_dir)], check=True)
    python = env_dir / "bin" / "python"
    purelib = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True, capture_output=True, text=True,
    ).stdout.strip()  # fmt: skip
    ours = subprocess.run(
        [sys.executable, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True, capture_output=True, text=True,
    ).stdout.strip()  # fmt: skip
    # Third-party packages from this environment, after the new one's own site-packages.
    Path(purelib, "zz_borrowed.pth").write_text(ours + "\n", encoding="utf-8")
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "-q", "--no-deps",
         "--no-index", str(wheel)],
        check=True, capture_output=True, text=True,
    )  # fmt: skip
    work = tmp_path / "elsewhere"
    work.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["PATH"] = f"{env_dir / 'bin'}{os.pathsep}{env.get('PATH', '')}"

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        done = subprocess.run(
            list(args), cwd=work, env=env, capture_output=True, text=True, timeout=600
        )
        assert done.returncode == 0, (args, done.stdout, done.stderr)
        return done

    where = run(str(python), "-c", "import putright; print(putright.__file__)").stdout.strip()
    assert Path(where).is_relative_to(Path(purelib)), where
    assert not Path(where).is_relative_to(ROOT)
    complaints = str(env_dir / "bin" / "complaints")
    assert run(complaints, "--version").stdout.strip().endswith(_pyproject_version())
    run(complaints, "init", "trust", "--organisation", "Wheel Test Trust", "--no-input",
        "--putright-source", str(wheel))  # fmt: skip
    trust = work / "trust"
    # What init wrote installs this very wheel (resolved by pip, offline, nothing installed).
    resolved = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--dry-run", "--no-deps", "--no-index",
         "--ignore-installed", "-r", "requirements.txt"],
        cwd=trust, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert resolved.returncode == 0, resolved.stderr
    assert f"Would install putright-{_pyproject_version()}" in resolved.stdout
    assert (trust / "policies" / "hoc-2024.yaml").read_bytes() == (
        ROOT / "policies" / "hoc-2024.yaml"
    ).read_bytes()
    assert (trust / "docs" / "guide" / "index.md").is_file()
    run(complaints, "--repo", "trust", "new", "--received", "2026-03-02", "--name", "A Tenant",
        "--summary", "Repair not done", "--channel", "phone", "--category", "repairs",
        "--no-input", "--today", "2026-03-03")  # fmt: skip
    checked = run(complaints, "--repo", "trust", "check", "--today", "2026-03-03")
    assert "1 case" in checked.stdout, checked.stdout
    run(complaints, "--repo", "trust", "site", "build", "--out", str(work / "site"))
    assert (work / "site" / "index.html").is_file()
    # The staff site's theme override (the PRIVATE bar) comes from the package's data.
    assert "PRIVATE" in (work / "site" / "index.html").read_text("utf-8")
    run(complaints, "--repo", "trust", "site", "build", "--public", "--out", str(work / "public"))
    assert (work / "public" / "index.html").is_file()
