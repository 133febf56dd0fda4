"""`complaints` imports a command's module when the command is run, not every module at start.

`check` over 10,000 cases paid about a second before reading its first file, importing what
other commands need (matplotlib for the public charts, openpyxl for import, GitPython for the
audit). The table of which module registers which command is held here to the modules.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import click

from known_repo import write_known_repo
from putright.cli import COMMAND_HOMES, COMMAND_MODULES, _register, cli


def test_every_command_has_its_home() -> None:
    _register()
    homes = {name: cmd.callback.__module__ for name, cmd in cli.commands.items() if cmd.callback}
    assert homes == {name: f"putright.cli.{module}" for name, module in COMMAND_HOMES.items()}
    assert set(COMMAND_HOMES.values()) == set(COMMAND_MODULES)


def test_help_lists_every_command() -> None:
    ctx = click.Context(cli)
    assert cli.list_commands(ctx) == sorted(COMMAND_HOMES)


RUN_CHECK = """
import sys
from click.testing import CliRunner
from putright.cli import cli
result = CliRunner().invoke(cli, ["--repo", sys.argv[1], "check", "--today", "2026-06-30"])
print(result.exit_code)
print(" ".join(sorted(m for m in ("matplotlib", "openpyxl", "git", "mkdocs", "docx")
                      if m in sys.modules)))
"""


def test_check_imports_only_what_it_needs(tmp_path: Path) -> None:
    root = write_known_repo(tmp_path / "repo")
    ran = subprocess.run(
        [sys.executable, "-c", RUN_CHECK, str(root)], capture_output=True, text=True, check=True
    )
    code, imported = [*ran.stdout.splitlines(), ""][:2]
    assert code == "0", ran.stdout + ran.stderr
    assert imported == ""
