"""What the tests share: case repositories written to disk, Git histories, and the command line
run in-process. Fixtures (conftest.py) are built on these; a test module imports them from here,
never from another test module."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import git
from click.testing import CliRunner, Result

from putright.calendar import WorkingCalendar
from putright.config import load_settings
from putright.history import AuditResult, audit_repository

ROOT = Path(__file__).resolve().parent.parent
POLICIES = ROOT / "policies"
DEFAULT_SETTINGS = "organisation: Test Housing Trust\nhomes: 1000\n"
TRUST_SETTINGS = "organisation: Test Trust\n"
ENGLAND_TRUST_SETTINGS = "organisation: Test Trust\ncalendar: {nation: ENG}\n"
SCHEMA_LINE = "# yaml-language-server: $schema=../../.schemas/case.schema.json"
MARK = "Zqx7Marker"  # written into every personal field by a test: must not survive redaction


def write_repo(
    root: Path,
    cases: dict[str, str | bytes] | None = None,
    settings: str = DEFAULT_SETTINGS,
    policies: tuple[str, ...] = ("hoc-2024",),
) -> Path:
    """A case repository: complaints.yml, the named policies, and cases at their paths."""
    (root / "cases").mkdir(parents=True, exist_ok=True)
    (root / "policies").mkdir(exist_ok=True)
    (root / "complaints.yml").write_text(settings, encoding="utf-8")
    for policy in policies:
        shutil.copy(POLICIES / f"{policy}.yaml", root / "policies" / f"{policy}.yaml")
    for rel, content in (cases or {}).items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return root


def write_case(root: Path, case_id: str, text: str) -> Path:
    """A case file where `complaints new` puts it: cases/<year>/<id>.yaml."""
    path = root / "cases" / case_id[:4] / f"{case_id}.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def built_page(site: Path, name: str) -> Path:
    """A built page's HTML file (``name`` without .md), with directory URLs (name/index.html)
    or without (name.html)."""
    for candidate in (site / name / "index.html", site / f"{name}.html"):
        if candidate.is_file():
            return candidate
    raise AssertionError(f"no page {name} in {site}")


def built_html(site: Path, name: str) -> str:
    """The HTML of ``built_page``."""
    return built_page(site, name).read_text(encoding="utf-8")


def copy_demo(root: Path) -> Path:
    """This repository's demo cases, procedures, site templates, complaints.yml and mkdocs.yml
    in ``root`` (its guides left out: an empty docs/)."""
    root.mkdir(parents=True)
    for name in ("cases", "policies", "site_templates"):
        shutil.copytree(ROOT / name, root / name)
    for name in ("complaints.yml", "mkdocs.yml"):
        shutil.copy(ROOT / name, root / name)
    (root / "docs").mkdir()
    return root


def trust_repo(root: Path, cases: dict[str, str | bytes] | None = None) -> Path:
    """The editing tests' repository: "Test Trust", the Code's procedure, these cases."""
    return write_repo(root, cases, TRUST_SETTINGS)


# A case as an officer writes it (a comment, flow-style events, notes): what the editor must
# keep byte for byte around what it adds.
CASE = """\
# yaml-language-server: $schema=../../.schemas/case.schema.json
id: 2026-0001
received: 2026-03-02
channel: phone   # rang in
category: repairs
events:
  - {date: 2026-03-04, type: acknowledged, stage: 1, by: jsmith}
  - {date: 2026-03-10, type: contacted}
notes: keep this
"""
REL = "cases/2026/2026-0001.yaml"


def at(day: str, hour: int = 10, minute: int = 0, tz: dt.tzinfo = dt.UTC) -> dt.datetime:
    """A commit time: ``day`` at ``hour``:``minute`` (UTC unless ``tz``)."""
    return dt.datetime.combine(dt.date.fromisoformat(day), dt.time(hour, minute), tzinfo=tz)


class History:
    """A case repository in a real Git repository, committed at chosen times by chosen people.

    Its settings and procedure are the first commit (5 January 2026); ``commit`` writes (text
    or bytes) or deletes (None) files and commits them, dated ``when``.
    """

    def __init__(self, root: Path, settings: str = "") -> None:
        self.root = root
        self.repo = git.Repo.init(root)
        with self.repo.config_writer() as config:
            config.set_value("user", "name", "Test Officer")
            config.set_value("user", "email", "officer@example.org")
        write_repo(root, settings=ENGLAND_TRUST_SETTINGS + settings)
        self.commit(at("2026-01-05"), {"complaints.yml": None, "policies/hoc-2024.yaml": None})

    def commit(
        self,
        when: dt.datetime,
        files: Mapping[str, str | bytes | None],
        message: str = "edit",
        author: str = "Test Officer",
    ) -> str:
        """Write each file (text or bytes), or delete it (None: a file already on disk but not
        yet in the index is just added), and commit as ``author`` at ``when``."""
        for rel, content in files.items():
            path = self.root / rel
            if content is None and rel in {e[0] for e in self.repo.index.entries}:
                self.repo.index.remove([rel], working_tree=True)
                continue
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                path.write_bytes(content)
            elif content is not None:
                path.write_text(content, encoding="utf-8")
            self.repo.index.add([rel])
        email = (
            "officer@example.org"
            if author == "Test Officer"
            else f"{author.split()[0].lower()}@example.org"
        )
        actor = git.Actor(author, email)
        commit = self.repo.index.commit(
            message, author=actor, committer=actor, author_date=when, commit_date=when
        )
        return str(commit.hexsha)

    def audit(self) -> AuditResult:
        """`complaints audit` on this history, as a result."""
        settings = load_settings(str(self.root))
        calendar = WorkingCalendar(settings.nation, settings.closures)
        return audit_repository(str(self.root), settings, calendar)


def ev(date: str, type_: str, stage: int = 1, **extra: Any) -> str:
    """An event as a flow mapping: {date: D, type: T, stage: N, ...}."""
    keys = [f"date: {date}", f"type: {type_}", f"stage: {stage}"]
    keys += [f"{k}: {v}" for k, v in extra.items()]
    return "{" + ", ".join(keys) + "}"


def case_text(case_id: str, received: str, *events: str) -> str:
    """A case by email with these events (``ev``), under the schema line."""
    lines = [SCHEMA_LINE, f"id: {case_id}", f"received: {received}", "channel: email"]
    lines += ["events:", *(f"  - {e}" for e in events)] if events else ["events: []"]
    return "\n".join(lines) + "\n"


def kinds(result: AuditResult) -> list[tuple[str, str]]:
    """An audit's findings as (case, kind)."""
    return [(f.case, f.kind) for f in result.findings]


def git_init(root: Path, message: str = "start") -> git.Repo:
    """`git init` on main as an officer (no signing), and everything in ``root`` committed."""
    repo = git.Repo.init(root, initial_branch="main")
    with repo.config_writer() as config:
        config.set_value("user", "name", "Test Officer")
        config.set_value("user", "email", "officer@example.org")
        config.set_value("commit", "gpgsign", "false")
    commit_all(repo, message)
    return repo


def commit_all(repo: git.Repo, message: str) -> None:
    repo.git.add("-A")
    repo.git.commit("-m", message, "--allow-empty")


@dataclass
class Ran:
    code: int
    out: str
    err: str


def run(*args: str, input: str | None = None) -> Result:
    """`complaints ARGS` in-process, as the console script runs it; a traceback fails the test."""
    from putright.cli import cli

    return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)


def run_in(root: Path, *args: str, input: str | None = None) -> Result:
    """`complaints --repo ROOT ARGS`, as ``run``."""
    return run("--repo", str(root), *args, input=input)


def complaints(root: Path, *args: str, input: str | None = None) -> Ran:
    """`complaints --repo ROOT ARGS` as ``run_in``: its exit status, standard output and error."""
    result = run_in(root, *args, input=input)
    return Ran(result.exit_code, result.stdout, result.stderr)
