"""What the check cache keeps beside the readings: the bank holidays and which settings and
procedures were valid, both worked out from its context alone, so a warm run neither loads the
holidays package's rules nor compiles a schema. Each holds only while that context does."""

from __future__ import annotations

import datetime as dt
import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import putright.cache as cache_module
from helpers import write_repo
from putright import calendar as calendar_module
from putright.cache import context_key
from putright.calendar import WorkingCalendar, remember_holidays

CASE = """\
id: 2026-0001
received: 2026-03-30
tenure: lcra
channel: email
complainant: {name: Ms A Example}
summary: The boiler has failed twice.
events:
  - {date: 2026-03-31, type: acknowledged, by: officer1}
"""

# A fresh process, as the command runs: what a second (warm) run had to load or compile.
WARM_RUN = """
import sys
from click.testing import CliRunner
from putright.cli import cli
from putright.validation import _fast
result = CliRunner().invoke(
    cli, ["--repo", sys.argv[1], "check", "--today", "2026-04-10", "--format", "json"]
)
print(result.exit_code)
print("holidays" in sys.modules, _fast.cache_info().currsize)
print(result.output)
"""


def _fresh_run(root: Path) -> list[str]:
    ran = subprocess.run(
        [sys.executable, "-c", WARM_RUN, str(root)], capture_output=True, text=True, check=True
    )
    return ran.stdout.splitlines()


def test_a_warm_run_loads_no_holidays_and_compiles_no_schema(tmp_path: Path) -> None:
    root = write_repo(tmp_path / "repo", {"cases/2026/2026-0001.yaml": CASE})
    cold = _fresh_run(root)
    assert cold[:2] == ["0", "True 3"]  # the holidays; the settings, procedure and case schemas
    warm = _fresh_run(root)
    assert warm[:2] == ["0", "False 0"]
    assert warm[2:] == cold[2:]
    # Counted by hand: acknowledged Tuesday 31 March 2026; the stage 1 response is due "within
    # 10 working days of the complaint being acknowledged" (Code 6.3): 1, 2, then Good Friday
    # 3 April and Easter Monday 6 April are bank holidays, 7-10 and 13-16: Thursday 16 April.
    assert '"due": "2026-04-16"' in "\n".join(warm), warm


def test_remembered_holidays_give_the_packages_days(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(calendar_module, "_KNOWN", {})
    # Christmas 2026 is a Friday: Boxing Day's substitute is Monday 28 December (England).
    assert WorkingCalendar("ENG").add(dt.date(2026, 12, 24), 1) == dt.date(2026, 12, 29)
    table = calendar_module.known_holidays()
    assert table
    monkeypatch.setattr(calendar_module, "_KNOWN", {})

    def no_package(nation: str, years: list[int]) -> set[dt.date]:
        raise AssertionError("the holidays package was asked again")

    monkeypatch.setattr(calendar_module, "_from_package", no_package)
    remember_holidays(table)
    assert WorkingCalendar("ENG").add(dt.date(2026, 12, 24), 1) == dt.date(2026, 12, 29)


@pytest.mark.parametrize(
    "table",
    [
        "not a table",
        {("ENG", 2020, 2030): "days"},
        {("XXX", 2020, 2030): (738000,)},
        {("ENG", "2020", 2030): (738000,)},
        {("ENG", 2020, 2030): (-1,)},
    ],
)
def test_a_malformed_holiday_table_is_ignored(
    monkeypatch: pytest.MonkeyPatch, table: object
) -> None:
    monkeypatch.setattr(calendar_module, "_KNOWN", {})
    remember_holidays(table)
    assert calendar_module.known_holidays() == {}


def test_another_holidays_package_empties_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = write_repo(tmp_path / "repo", {"cases/2026/2026-0001.yaml": CASE})
    before = context_key(str(root))
    site = tmp_path / "site-packages"
    (site / "holidays" / "countries").mkdir(parents=True)
    (site / "holidays" / "__init__.py").write_text("", encoding="utf-8")
    (site / "holidays" / "countries" / "united_kingdom.py").write_text("", encoding="utf-8")
    (site / "holidays-99.0.dist-info").mkdir()
    spec = importlib.util.spec_from_file_location(
        "holidays",
        site / "holidays" / "__init__.py",
        submodule_search_locations=[str(site / "holidays")],
    )
    monkeypatch.setattr(cache_module.importlib.util, "find_spec", lambda name: spec)
    moved = context_key(str(root))
    assert moved != before
    (site / "holidays-99.0.dist-info").rename(site / "holidays-99.1.dist-info")
    assert context_key(str(root)) != moved


def test_an_unknown_nation_is_refused_when_the_calendar_is_made() -> None:
    with pytest.raises(ValueError, match="unknown nation 'XXX'"):
        WorkingCalendar("XXX")


def test_a_warm_run_that_learnt_nothing_writes_nothing(tmp_path: Path) -> None:
    # The workflow's cache action saves the folder only when it changed; and a check should
    # not rewrite tens of megabytes to say what the file already says.
    root = write_repo(tmp_path / "repo", {"cases/2026/2026-0001.yaml": CASE})
    _fresh_run(root)
    _fresh_run(root)  # the first warm run (nothing new to learn either)
    path = Path(cache_module.cache_path(str(root)))
    before = path.stat().st_mtime_ns, path.read_bytes()
    _fresh_run(root)
    assert (path.stat().st_mtime_ns, path.read_bytes()) == before


def test_putright_installed_afresh_still_hits_and_changed_code_misses(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A workflow installs Putright on every run: the same code with new dates must find the
    # cache it kept; any change to the code must not.
    root = write_repo(tmp_path / "repo", {"cases/2026/2026-0001.yaml": CASE})
    package = tmp_path / "installed" / "putright"
    shutil.copytree(cache_module._PACKAGE, package, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(cache_module, "_PACKAGE", str(package))
    before = context_key(str(root))
    for path in package.rglob("*"):
        os.utime(path, ns=(1_000_000_000, 1_000_000_000))
    assert context_key(str(root)) == before
    engine = package / "engine" / "clocks.py"
    engine.write_text(engine.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    assert context_key(str(root)) != before
