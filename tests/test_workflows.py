"""The GitHub Actions workflows: valid against GitHub's schema, one source (the package's
templates, copied byte for byte into .github/workflows/), and every shell step run here for
real in a temporary case repository.

Only `gh` (an external service) is faked, by a script on PATH that records its arguments;
`complaints` itself runs as installed.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import stat
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import git
import pytest
import yaml

from helpers import History, at, case_text
from putright.scaffold import (
    InitOptions,
    available_policies,
    checked,
    plan_repository,
    workflow_files,
)
from putright.scaffold.pins import ACTIONS, UnpinnedAction, pin_actions
from workflow_support import (
    FAKE_GH,
    FAKE_PYTHON,
    ROOT,
    SECRETS,
    TEMPLATES,
    WORKFLOWS,
    add_cases,
    case_repository,
    expression_values,
    fake_bin,
    gh_calls,
    load_workflow,
    run_step,
    run_steps,
    step,
    steps,
)

CHECK = load_workflow(TEMPLATES / "check.yml")
OVERDUE = load_workflow(TEMPLATES / "overdue.yml")
PUBLISH = load_workflow(TEMPLATES / "publish.yml")
NUMBERS = load_workflow(TEMPLATES / "numbers.yml")


# --- one source, valid files ----------------------------------------------------------------


def test_the_package_ships_the_five_workflows() -> None:
    assert [p.name for p in WORKFLOWS] == [
        "check.yml",
        "digest.yml",
        "numbers.yml",
        "overdue.yml",
        "publish.yml",
    ]
    assert set(workflow_files()) == {f".github/workflows/{p.name}" for p in WORKFLOWS}


@pytest.mark.parametrize("template", WORKFLOWS, ids=lambda p: p.name)
def test_the_repository_copy_is_byte_identical(template: Path) -> None:
    copy = ROOT / ".github" / "workflows" / template.name
    assert copy.read_bytes() == workflow_files()[f".github/workflows/{template.name}"], (
        f".github/workflows/{template.name} differs from the package's template: edit the template "
        "(tools/putright/scaffold/templates/workflows/) and run `complaints ci workflows --write`"
    )


def test_the_repository_codeowners_example_is_the_packages() -> None:
    template = (
        ROOT / "tools" / "putright" / "scaffold" / "templates" / "github" / "CODEOWNERS.example"
    )
    assert (ROOT / ".github" / "CODEOWNERS.example").read_bytes() == template.read_bytes()


def test_ci_workflows_command_agrees(run: Callable[..., Any], tmp_path: Path) -> None:
    assert run("--repo", str(ROOT), "ci", "workflows").exit_code == 0
    stale = run("--repo", str(tmp_path), "ci", "workflows")
    assert stale.exit_code == 1 and "missing" in stale.stdout
    written = run("--repo", str(tmp_path), "ci", "workflows", "--write")
    assert written.exit_code == 0
    for template in WORKFLOWS:
        assert (
            tmp_path / ".github" / "workflows" / template.name
        ).read_bytes() == workflow_files()[f".github/workflows/{template.name}"]
    assert run("--repo", str(tmp_path), "ci", "workflows").exit_code == 0


def test_every_workflow_is_valid_for_github() -> None:
    files = [str(p) for p in WORKFLOWS] + [
        str(p) for p in sorted((ROOT / ".github" / "workflows").glob("*.yml"))
    ]
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "check_jsonschema",
            "--builtin-schema",
            "vendor.github-workflows",
            *files,
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


# --- what each workflow may do ----------------------------------------------------------------


def test_check_runs_on_pull_requests_and_main_and_only_reads() -> None:
    assert set(CHECK["on"]) == {"pull_request", "push", "workflow_dispatch"}
    assert CHECK["on"]["push"]["branches"] == ["main"]
    assert CHECK["permissions"] == {"contents": "read"}
    assert all("permissions" not in job for job in CHECK["jobs"].values())


def test_check_keeps_the_dashboard_briefly_and_never_publishes_it() -> None:
    uses = [s["uses"].split("@")[0] for _, s in steps(CHECK) if "uses" in s]
    assert "actions/upload-pages-artifact" not in uses and "actions/deploy-pages" not in uses
    upload = next(
        s for _, s in steps(CHECK) if s.get("uses", "").startswith("actions/upload-artifact@")
    )
    assert upload["with"]["path"] == "site"
    assert 1 <= upload["with"]["retention-days"] <= 7
    runs = [s["run"] for _, s in steps(CHECK) if "run" in s]
    assert any("complaints check --format github" in r for r in runs)
    assert any("complaints site build --out site" in r for r in runs)


def test_numbers_runs_on_this_repositorys_pull_requests_and_may_write_contents_only() -> None:
    assert set(NUMBERS["on"]) == {"pull_request"}
    assert NUMBERS["on"]["pull_request"]["paths"] == ["cases/**"]
    assert NUMBERS["permissions"] == {}
    (job,) = NUMBERS["jobs"].values()
    assert job["permissions"] == {"contents": "write"}
    assert job["if"] == "github.event.pull_request.head.repo.full_name == github.repository"


def test_overdue_runs_weekday_mornings_and_may_write_issues_only() -> None:
    assert OVERDUE["on"]["schedule"] == [{"cron": "0 7 * * 1-5"}]
    assert "workflow_dispatch" in OVERDUE["on"]
    assert OVERDUE["permissions"] == {"contents": "read", "issues": "write"}
    assert (
        "complaints check --fail-on overdue --format github"
        in step(OVERDUE, "Check the deadlines")["run"]
    )
    # The issue is updated even when the check step failed (that is when it matters).
    assert "!cancelled()" in step(OVERDUE, "Update the tracking issue")["if"]


def test_publish_builds_the_public_site_and_only_its_deploy_job_may_write_pages() -> None:
    assert set(PUBLISH["on"]) == {"push", "workflow_dispatch"}
    assert PUBLISH["on"]["push"]["branches"] == ["main"]
    assert PUBLISH["permissions"] == {"contents": "read"}
    assert PUBLISH["jobs"]["pages"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert "permissions" not in PUBLISH["jobs"]["public-repository"]
    assert (
        "complaints site build --public --out public-site"
        in step(PUBLISH, "Build the public site")["run"]
    )
    deploy = PUBLISH["jobs"]["pages"]["steps"][0]["uses"].split("@")[0]
    assert deploy == "actions/deploy-pages"
    # The two ways to publish exclude each other.
    assert PUBLISH["jobs"]["pages"]["if"] == "${{ vars.PUBLIC_SITE_REPO == '' }}"
    assert PUBLISH["jobs"]["public-repository"]["if"] == "${{ vars.PUBLIC_SITE_REPO != '' }}"


@pytest.mark.parametrize("template", WORKFLOWS, ids=lambda p: p.name)
def test_no_expression_is_pasted_into_a_script(template: Path) -> None:
    # ${{ }} in a run: script is text substitution before bash sees it (a branch name or an
    # issue title could inject commands); values reach scripts through env: instead.
    for _, s in steps(load_workflow(template)):
        assert "${{" not in s.get("run", ""), s.get("name")


def every_workflow_file() -> list[tuple[str, bytes]]:
    """Every workflow this repository holds and every one `complaints init` writes: a workflow
    added later (by hand or to the templates) is held to the same rules without a new test."""
    found = [
        (f".github/workflows/{p.name}", p.read_bytes())
        for p in sorted((ROOT / ".github" / "workflows").glob("*.y*ml"))
    ]
    found += [(f"init:{path}", content) for path, content in sorted(workflow_files().items())]
    return found


PINNED_USES = re.compile(
    r"(?P<action>[\w.-]+/[\w./-]+)@(?P<commit>[0-9a-f]{40}) # (?P<tag>v\d+(\.\d+)*)"
)


@pytest.mark.parametrize("name,content", every_workflow_file(), ids=lambda x: str(x)[:40])
def test_every_action_is_pinned_by_commit_with_its_tag(name: str, content: bytes) -> None:
    # Checked on the text, not the parsed YAML: the tag is a comment, which YAML drops.
    lines = [
        line.split("uses:", 1)[1].strip()
        for line in content.decode("utf-8").splitlines()
        if re.match(r"\s*(-\s+)?uses:", line)
    ]
    assert lines, name
    for uses in lines:
        found = PINNED_USES.fullmatch(uses)
        assert found, f"{name}: {uses} is not pinned by commit with its tag as a comment"
        pin = ACTIONS.get(found["action"])
        assert pin is not None, f"{name}: {found['action']} is not in scaffold/pins.py"
        assert (found["commit"], found["tag"]) == (pin.commit, pin.tag), f"{name}: {uses}"


def test_every_pin_is_a_release_at_a_major_version() -> None:
    for action, pin in ACTIONS.items():
        assert re.fullmatch(r"[0-9a-f]{40}", pin.commit), action
        assert re.fullmatch(r"v\d+\.\d+\.\d+", pin.tag), action


def test_a_template_naming_an_unpinned_action_is_refused() -> None:
    with pytest.raises(UnpinnedAction, match="someone/else"):
        pin_actions("    steps:\n      - uses: someone/else@v1\n")
    assert pin_actions("      - uses: actions/checkout@v4 # old\n") == (
        f"      - uses: actions/checkout@{ACTIONS['actions/checkout'].commit} "
        f"# {ACTIONS['actions/checkout'].tag}\n"
    )


@pytest.mark.parametrize("name,content", every_workflow_file(), ids=lambda x: str(x)[:40])
def test_checkout_keeps_no_credentials(name: str, content: bytes) -> None:
    data = yaml.safe_load(content.decode("utf-8"))
    for job in data["jobs"].values():
        for s in job.get("steps", []):
            if s.get("uses", "").startswith("actions/checkout@"):
                assert s.get("with", {}).get("persist-credentials") is False, name


def test_the_deploy_key_is_read_only_in_a_job_with_an_environment() -> None:
    for job_id, job in PUBLISH["jobs"].items():
        text = yaml.safe_dump(job)
        if "PUBLIC_SITE_DEPLOY_KEY" in text:
            assert job.get("environment"), job_id


def test_dependabot_moves_the_pins_here_and_in_a_new_repository() -> None:
    planned = {
        f.path: f.content
        for f in plan_repository(checked(InitOptions("Trust", homes=10), available_policies()))
    }
    here = (ROOT / ".github" / "dependabot.yml").read_bytes()
    assert planned[".github/dependabot.yml"] == here
    ecosystems = {u["package-ecosystem"] for u in yaml.safe_load(here)["updates"]}
    assert ecosystems == {"github-actions", "pip"}


def test_zizmor_finds_nothing_in_any_workflow(tmp_path: Path) -> None:
    """zizmor (the Actions security linter), offline, over this repository's workflows and
    dependabot file and over every file `complaints init` writes under .github/."""
    init_copy = tmp_path / "init" / ".github"
    for f in plan_repository(checked(InitOptions("Trust", homes=10), available_policies())):
        if f.path.startswith(".github/"):
            target = tmp_path / "init" / f.path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(f.content)
    zizmor = Path(sys.executable).parent / "zizmor"
    for folder in (ROOT / ".github", init_copy):
        result = subprocess.run(
            [str(zizmor), "--offline", str(folder)],
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0, result.stdout + result.stderr
        assert "No findings to report" in result.stdout + result.stderr, result.stdout


# --- running the steps ------------------------------------------------------------------------


def test_every_script_step_is_run_below() -> None:
    # Each `run:` step is executed by a test in this file: a new step needs a test here.
    covered = {
        ("check", "Install Putright"),
        ("check", "Check the case records"),
        ("check", "Build the staff dashboard"),
        ("check", "Check the files made from the case schema"),
        ("overdue", "Install Putright"),
        ("overdue", "Check the deadlines"),
        ("overdue", "Update the tracking issue"),
        ("publish", "Install Putright"),
        ("publish", "Check the case records"),
        ("publish", "Build the public site"),
        ("publish", "Add the form editor's page"),
        ("publish", "Push to the public repository"),
        # tests/test_digest_workflow.py
        ("digest", "Install Putright"),
        ("digest", "Write the digests due today"),
        ("digest", "Email the digests"),
        ("numbers", "Install Putright"),
        ("numbers", "Give a clashing case number a free one"),
        ("numbers", "Push the new number"),
    }
    found = {("check", n) for n in run_steps(CHECK)}
    found |= {("overdue", n) for n in run_steps(OVERDUE)}
    found |= {("publish", n) for n in run_steps(PUBLISH)}
    found |= {("digest", n) for n in run_steps(load_workflow(TEMPLATES / "digest.yml"))}
    found |= {("numbers", n) for n in run_steps(NUMBERS)}
    assert found == covered


@pytest.mark.parametrize("workflow", [CHECK, PUBLISH], ids=["check", "publish"])
def test_check_step_passes_valid_records_and_writes_the_summary(
    workflow: dict[Any, Any], tmp_path: Path, run: Callable[..., Any]
) -> None:
    repo = case_repository(tmp_path / "repo", run)
    add_cases(repo)
    done = run_step(step(workflow, "Check the case records"), repo, tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    summary = (tmp_path / "step-summary.md").read_text(encoding="utf-8")
    assert "Complaints check" in summary and "2 case files" in summary.replace("**", "")


@pytest.mark.parametrize("workflow", [CHECK, PUBLISH], ids=["check", "publish"])
def test_check_step_fails_an_invalid_record_with_an_annotation(
    workflow: dict[Any, Any], tmp_path: Path, run: Callable[..., Any]
) -> None:
    repo = case_repository(tmp_path / "repo", run)
    (repo / "cases" / "2026").mkdir(parents=True)
    (repo / "cases" / "2026" / "2026-0009.yaml").write_text(
        "id: 2026-0009\nreceived: 2026-02-30\nevents: []\n", encoding="utf-8"
    )
    done = run_step(step(workflow, "Check the case records"), repo, tmp_path)
    assert done.returncode == 1
    assert re.search(r"^::error file=cases/2026/2026-0009\.yaml,line=2", done.stdout, re.M), (
        done.stdout
    )


def test_check_builds_the_staff_dashboard_where_the_upload_step_looks(
    tmp_path: Path, run: Callable[..., Any]
) -> None:
    repo = case_repository(tmp_path / "repo", run)
    add_cases(repo)
    done = run_step(step(CHECK, "Build the staff dashboard"), repo, tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    upload = step(CHECK, "Keep the dashboard for reviewers")
    assert (repo / upload["with"]["path"] / "index.html").is_file()


def test_publish_builds_the_public_site_where_the_upload_steps_look(
    tmp_path: Path, run: Callable[..., Any]
) -> None:
    repo = case_repository(tmp_path / "repo", run)
    add_cases(repo)
    done = run_step(step(PUBLISH, "Build the public site"), repo, tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    for name in ("Keep it for GitHub Pages", "Keep it for the public repository"):
        assert (repo / step(PUBLISH, name)["with"]["path"] / "index.html").is_file()
    published = "\n".join(
        p.read_text("utf-8", errors="replace") for p in (repo / "public-site").rglob("*.html")
    )
    for secret in SECRETS:
        assert secret not in published


def test_overdue_check_fails_when_something_is_overdue(
    tmp_path: Path, run: Callable[..., Any]
) -> None:
    repo = case_repository(tmp_path / "repo", run)
    add_cases(repo)
    done = run_step(step(OVERDUE, "Check the deadlines"), repo, tmp_path)
    assert done.returncode == 1
    summary = (tmp_path / "step-summary.md").read_text(encoding="utf-8")
    year = dt.date.today().year
    assert f"{year}\\-0001" in summary or f"{year}-0001" in summary
    assert "due soon" in summary


def test_overdue_check_passes_when_nothing_is_overdue(
    tmp_path: Path, run: Callable[..., Any]
) -> None:
    repo = case_repository(tmp_path / "repo", run)
    add_cases(repo, overdue=False)
    done = run_step(step(OVERDUE, "Check the deadlines"), repo, tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr


def run_issue_step(
    tmp: Path, repo: Path, open_issue: str
) -> tuple[subprocess.CompletedProcess[str], list[dict[str, Any]]]:
    fake = fake_bin(tmp, "gh", FAKE_GH)
    done = run_step(
        step(OVERDUE, "Update the tracking issue"),
        repo,
        tmp,
        path_prefix=fake,
        env={"FAKE_GH_LOG": str(tmp / "gh.log"), "FAKE_GH_OPEN_ISSUE": open_issue},
    )
    assert done.returncode == 0, done.stdout + done.stderr
    calls = gh_calls(tmp)
    # Every call is about the label, or about issues of this repository (GH_REPO from env).
    assert calls[0]["args"][:3] == ["label", "create", "putright-overdue"]
    assert calls[1]["args"][:2] == ["issue", "list"] and "putright-overdue" in calls[1]["args"]
    for call in calls:
        text = json.dumps(call)
        for secret in SECRETS:
            assert secret not in text, f"{secret!r} reached gh: {call['args']}"
    return done, calls[2:]


def test_tracking_issue_is_opened_when_something_is_overdue(
    tmp_path: Path, run: Callable[..., Any]
) -> None:
    repo = case_repository(tmp_path / "repo", run)
    add_cases(repo)
    _, calls = run_issue_step(tmp_path, repo, open_issue="")
    assert len(calls) == 1
    args, body = calls[0]["args"], calls[0]["body"]
    assert args[:2] == ["issue", "create"]
    assert args[args.index("--label") + 1] == "putright-overdue"
    assert args[args.index("--title") + 1] == "Overdue complaint deadlines"
    year = dt.date.today().year
    assert f"| {year}-0001 | 1 | Stage 1 response |" in body
    assert "### Due soon" in body and f"| {year}-0002 | 1 |" in body


def test_tracking_issue_is_rewritten_while_something_is_overdue(
    tmp_path: Path, run: Callable[..., Any]
) -> None:
    repo = case_repository(tmp_path / "repo", run)
    add_cases(repo)
    _, calls = run_issue_step(tmp_path, repo, open_issue="17")
    assert [c["args"][:3] for c in calls] == [["issue", "edit", "17"]]
    assert "Overdue complaint deadlines" in calls[0]["body"]


def test_tracking_issue_is_closed_when_nothing_is_overdue(
    tmp_path: Path, run: Callable[..., Any]
) -> None:
    repo = case_repository(tmp_path / "repo", run)
    add_cases(repo, overdue=False)
    _, calls = run_issue_step(tmp_path, repo, open_issue="17")
    assert [c["args"][:3] for c in calls] == [["issue", "close", "17"]]
    assert f"Nothing is overdue as of {dt.date.today().isoformat()}." in calls[0]["args"]


def test_no_tracking_issue_is_opened_when_nothing_is_overdue(
    tmp_path: Path, run: Callable[..., Any]
) -> None:
    repo = case_repository(tmp_path / "repo", run)
    add_cases(repo, overdue=False)
    done, calls = run_issue_step(tmp_path, repo, open_issue="")
    assert calls == []
    assert "Nothing is overdue" in done.stdout


@pytest.mark.parametrize(
    "workflow", [CHECK, OVERDUE, PUBLISH, NUMBERS], ids=["check", "overdue", "publish", "numbers"]
)
def test_install_step_uses_the_pin_in_a_trust_repository_and_the_source_here(
    workflow: dict[Any, Any], tmp_path: Path, run: Callable[..., Any]
) -> None:
    repo = case_repository(tmp_path / "repo", run)
    fake = fake_bin(tmp_path, "python", FAKE_PYTHON)
    log = tmp_path / "python.log"
    install = step(workflow, "Install Putright")
    for cwd in (repo, ROOT):
        done = run_step(install, cwd, tmp_path, path_prefix=fake, env={"FAKE_PYTHON_LOG": str(log)})
        assert done.returncode == 0, done.stderr
    assert log.read_text(encoding="utf-8").splitlines() == [
        "-m pip install -r requirements.txt",
        "-m pip install -e .",
    ]
    assert (
        (repo / "requirements.txt")
        .read_text(encoding="utf-8")
        .splitlines()[-1]
        .startswith("putright==")
    )


def public_site(tmp: Path, pages: dict[str, str]) -> Path:
    """A fresh workspace (each job starts with one) holding a built public site."""
    workspace = tmp / f"workspace-{len(list(tmp.glob('workspace-*')))}"
    for name, text in pages.items():
        (workspace / "public-site" / name).parent.mkdir(parents=True, exist_ok=True)
        (workspace / "public-site" / name).write_text(text, encoding="utf-8")
    return workspace


def push_env(tmp: Path, bare: Path) -> dict[str, str]:
    # The step pushes to git@github.com:<repo>.git; Git's url.insteadOf sends it to a local
    # bare repository instead, so the script runs unchanged and no network is used.
    return {
        "HOME": str(tmp / "home"),
        "GIT_CONFIG_COUNT": "1",
        "GIT_CONFIG_KEY_0": f"url.{bare}.insteadOf",
        "GIT_CONFIG_VALUE_0": "git@github.com:example-trust/complaints-site.git",
        "GIT_CONFIG_GLOBAL": str(tmp / "gitconfig"),
    }


def test_public_repository_step_replaces_the_site_and_pushes(tmp_path: Path) -> None:
    bare = tmp_path / "site.git"
    git.Repo.init(bare, bare=True, initial_branch="main")
    (tmp_path / "home").mkdir()
    push = step(PUBLISH, "Push to the public repository")

    # Into an empty public repository (the clone finds no branch and starts one).
    first = run_step(
        push,
        public_site(tmp_path, {"index.html": "<h1>2025-26</h1>", "old.html": "x"}),
        tmp_path,
        env=push_env(tmp_path, bare),
    )
    assert first.returncode == 0, first.stdout + first.stderr
    tree = git.Repo(bare).commit("main").tree
    assert sorted(str(b.path) for b in tree.traverse()) == [".nojekyll", "index.html", "old.html"]  # type: ignore[union-attr]
    key = tmp_path / "home" / ".ssh" / "public_site_key"
    assert stat.S_IMODE(key.stat().st_mode) == 0o600

    # The site is replaced whole: a page no longer built is removed from the public repository.
    again = run_step(
        push,
        public_site(tmp_path, {"index.html": "<h1>2026-27</h1>"}),
        tmp_path,
        env=push_env(tmp_path, bare),
    )
    assert again.returncode == 0, again.stdout + again.stderr
    # One commit, replaced: no earlier publication stays in the public repository's history.
    commits = list(git.Repo(bare).iter_commits("main"))
    assert len(commits) == 1 and not commits[0].parents
    assert sorted(str(b.path) for b in commits[0].tree.traverse()) == [".nojekyll", "index.html"]  # type: ignore[union-attr]
    assert commits[0].tree["index.html"].data_stream.read() == b"<h1>2026-27</h1>"

    same = run_step(
        push,
        public_site(tmp_path, {"index.html": "<h1>2026-27</h1>"}),
        tmp_path,
        env=push_env(tmp_path, bare),
    )
    assert same.returncode == 0 and "has not changed" in same.stdout
    assert list(git.Repo(bare).iter_commits("main")) == commits


def test_public_repository_step_needs_the_deploy_key(tmp_path: Path) -> None:
    push = step(PUBLISH, "Push to the public repository")
    values = expression_values(**{"${{ secrets.PUBLIC_SITE_DEPLOY_KEY }}": ""})
    done = run_step(
        push,
        public_site(tmp_path, {"index.html": "x"}),
        tmp_path,
        expressions=values,
        env={"HOME": str(tmp_path)},
    )
    assert done.returncode == 1
    assert "::error::" in done.stdout and "PUBLIC_SITE_DEPLOY_KEY" in done.stdout


def test_scripts_parse_as_bash() -> None:
    for template in WORKFLOWS:
        for _, s in steps(load_workflow(template)):
            if "run" in s:
                checked = subprocess.run(
                    ["bash", "-n", "-c", s["run"]], capture_output=True, text=True, check=False
                )
                assert checked.returncode == 0, (
                    f"{template.name}: {s.get('name')}: {checked.stderr}"
                )


# --- the tracking issue's content -------------------------------------------------------------


def test_overdue_report_holds_ids_stages_deadlines_and_dates_only() -> None:
    from putright.check import CheckResult
    from putright.ci import overdue_report
    from putright.engine.results import ActionResult, CaseResult, ClockResult
    from putright.present.overdue import overdue_json, overdue_markdown

    today = dt.date(2026, 3, 20)

    def clock(stage: str, name: str, due: dt.date, state: Any) -> ClockResult:
        return ClockResult(stage, name.lower(), name, dt.date(2026, 3, 1), due, None, state)

    case = CaseResult(
        "2026-0042",
        "cases/2026/2026-0042.yaml",
        "hoc-2024",
        "complaint",
        "1",
        True,
        dt.date(2026, 3, 1),
        officer="jsmith",
        clocks=[
            clock("1", "Acknowledge | *define*", dt.date(2026, 3, 6), "overdue"),
            clock("1", "Stage 1 response", dt.date(2026, 3, 23), "due_soon"),
            clock("1", "Met one", dt.date(2026, 3, 2), "met"),
        ],
        actions=[
            ActionResult("1", "decision_changed", 0, 0, dt.date(2026, 3, 10), None, "overdue")
        ],
    )
    result = CheckResult(today=today, cases=[case], files=2)
    result.problems = []
    report = overdue_report(result)
    assert [(r.deadline, r.days) for r in report.overdue] == [
        ("Acknowledge | *define*", 14),
        ("Remedy: decision changed", 10),
    ]
    assert [(r.deadline, r.days) for r in report.due_soon] == [("Stage 1 response", 3)]

    data = json.loads(overdue_json(report))
    assert data["today"] == "2026-03-20" and data["invalid_files"] == 0
    assert set(data["overdue"][0]) == {"case", "stage", "deadline", "due", "days_overdue"}
    assert set(data["due_soon"][0]) == {"case", "stage", "deadline", "due", "days_left"}

    body = overdue_markdown(report)
    assert "jsmith" not in body and "jsmith" not in json.dumps(data)
    # Text from files cannot make table cells or formatting.
    assert "| 2026-0042 | 1 | Acknowledge \\| \\*define\\* | 2026-03-06 | 14 |" in body
    assert "**2** deadline(s) overdue in **1** case(s)" in body


def test_overdue_report_says_when_files_could_not_be_read(
    tmp_path: Path, run: Callable[..., Any]
) -> None:
    repo = case_repository(tmp_path / "repo", run)
    (repo / "cases" / "bad.yaml").write_text("id: [\n", encoding="utf-8")
    done = run("--repo", str(repo), "ci", "overdue-report", "--today", "2026-03-20")
    assert done.exit_code == 0
    assert "Nothing is overdue as of 2026-03-20." in done.stdout
    assert "**1** case file(s) could not be read" in done.stdout


def test_a_long_overdue_list_stays_within_githubs_issue_size() -> None:
    from putright.check import CheckResult
    from putright.ci import overdue_report
    from putright.engine.results import CaseResult, ClockResult
    from putright.present.overdue import overdue_markdown

    today = dt.date(2026, 3, 20)
    cases = [
        CaseResult(
            f"2025-{n:04d}",
            f"cases/2025/2025-{n:04d}.yaml",
            "hoc-2024",
            "complaint",
            "2",
            True,
            dt.date(2025, 1, 1),
            clocks=[
                ClockResult(
                    "2",
                    "respond",
                    "Stage 2 final response",
                    today,
                    dt.date(2025, 2, 1),
                    None,
                    "overdue",
                )
            ],
        )
        for n in range(1, 3001)
    ]
    body = overdue_markdown(overdue_report(CheckResult(today=today, cases=cases, files=3000)))
    assert len(body) < 65536
    assert "…and 2600 more" in body and "**3000** deadline(s) overdue" in body


def test_check_fails_while_the_editor_configuration_is_stale(
    tmp_path: Path, run: Callable[..., Any]
) -> None:
    repo = case_repository(tmp_path / "repo", run)
    made = step(CHECK, "Check the files made from the case schema")
    done = run_step(made, repo, tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    settings = repo / "complaints.yml"
    settings.write_text(settings.read_text("utf-8") + "categories: [repairs]\n", "utf-8")
    done = run_step(made, repo, tmp_path)
    assert done.returncode == 1
    assert "complaints cms config --write" in done.stderr


@pytest.mark.skipif(shutil.which("node") is None, reason="no Node.js")
def test_publish_can_add_the_editors_page_beside_the_public_site(
    tmp_path: Path, run: Callable[..., Any]
) -> None:
    repo = case_repository(tmp_path / "repo", run)
    editor = step(PUBLISH, "Add the form editor's page")
    assert editor["if"] == "${{ vars.PUBLISH_EDITOR == 'true' }}"
    done = run_step(editor, repo, tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    admin = repo / "public-site" / "admin"
    assert (admin / "index.html").is_file() and (admin / "config.yml").is_file()
    assert (admin / "vendor" / "decap-cms" / "decap-cms.js").is_file()


def test_numbers_steps_give_the_later_branch_a_free_number_and_push_it(tmp_path: Path) -> None:
    # On GitHub: main has 2026-0001 to 0003; an officer's branch added 2026-0004 on 4 November,
    # and the editor's branch (the pull request) the same number on 5 November.
    origin = tmp_path / "origin"
    work = History(origin)
    work.repo.git.branch("-M", "main")

    def commit(day: str, cases: dict[str, str]) -> None:
        files = {f"cases/2026/{c}.yaml": case_text(c, received) for c, received in cases.items()}
        work.commit(at(day), files, day)

    commit("2026-11-03", {f"2026-000{n}": "2026-11-02" for n in (1, 2, 3)})
    work.repo.git.checkout("-q", "-b", "case-2026-0004")
    commit("2026-11-04", {"2026-0004": "2026-11-04"})
    work.repo.git.checkout("-q", "-b", "cms/cases-2026/2026-0004", "main")
    commit("2026-11-05", {"2026-0004": "2026-11-05"})
    work.repo.git.checkout("-q", "main")

    # actions/checkout with ref: the pull request's branch, fetch-depth 0.
    workspace = tmp_path / "workspace"
    git.Repo.clone_from(str(origin), workspace, branch="cms/cases-2026/2026-0004")
    values = expression_values(
        **{
            "${{ github.base_ref }}": "main",
            "${{ github.head_ref }}": "cms/cases-2026/2026-0004",
            "${{ secrets.PUTRIGHT_NUMBERS_TOKEN || github.token }}": "fake-token",
        }
    )
    give = run_step(
        step(NUMBERS, "Give a clashing case number a free one"),
        workspace,
        tmp_path,
        expressions=values,
    )
    assert give.returncode == 0, give.stdout + give.stderr
    # The highest number on any branch is 0004: the next free one is 0005.
    assert "Renumbered 2026-0004 to 2026-0005" in give.stdout
    push = run_step(step(NUMBERS, "Push the new number"), workspace, tmp_path, expressions=values)
    assert push.returncode == 0, push.stdout + push.stderr
    assert "::notice::" in push.stdout
    pushed = git.Repo(origin).commit("cms/cases-2026/2026-0004")
    assert pushed.author.name == "Putright case numbers"
    assert sorted(b.path for b in pushed.tree["cases/2026"].blobs) == [
        f"cases/2026/2026-000{n}.yaml" for n in (1, 2, 3, 5)
    ]
    # The officer's branch, which had the number first, is left alone.
    assert "cases/2026/2026-0004.yaml" in git.Repo(origin).git.ls_tree(
        "-r", "--name-only", "case-2026-0004"
    )

    # Run again on the renumbered branch: nothing clashes, nothing is pushed.
    again = run_step(
        step(NUMBERS, "Give a clashing case number a free one"),
        workspace,
        tmp_path,
        expressions=values,
    )
    assert again.returncode == 0 and "none of this branch's new cases clashes" in again.stdout
    quiet = run_step(step(NUMBERS, "Push the new number"), workspace, tmp_path, expressions=values)
    assert quiet.returncode == 0 and "No case number changed." in quiet.stdout
    assert git.Repo(origin).commit("cms/cases-2026/2026-0004") == pushed
