"""`complaints init` (a new case repository), `complaints schemas`, and the package data they copy."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import git
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from putright import __version__, scaffold
from putright.config import load_settings
from putright.repository import Repository
from putright.scaffold import options as checks
from putright.scaffold.plan import yaml_string
from putright.schemas import SCHEMA_FILES

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "tools" / "putright"
EXPECTED = {
    ".gitignore",
    ".pre-commit-config.yaml",
    ".github/CODEOWNERS.example",
    ".github/pull_request_template.md",
    ".github/dependabot.yml",
    ".github/workflows/check.yml",
    ".github/workflows/digest.yml",
    ".github/workflows/overdue.yml",
    ".github/workflows/publish.yml",
    "README.md",
    "cases/README.md",
    "complaints.yml",
    "mkdocs.yml",
    "mkdocs.public.yml",
    "policies/hoc-2024.yaml",
    "requirements.txt",
    "site_templates/public_docs/index.md",
}


def init(run: Callable[..., Any], target: Path, *args: str, input: str | None = None) -> Any:
    return run("init", str(target), *args, input=input)


def tracked(repo: Path) -> set[str]:
    return set(git.Repo(repo).git.ls_files().splitlines())


# --- the repository it makes ----------------------------------------------------------------


def test_init_writes_a_committed_repository(run: Callable[..., Any], tmp_path: Path) -> None:
    target = tmp_path / "our-complaints"
    result = init(
        run, target, "--organisation", "Example Housing Trust", "--homes", "1200", "--no-input"
    )
    assert result.exit_code == 0, result.output
    assert "Created a case repository for Example Housing Trust" in result.output

    repo = git.Repo(target)
    assert repo.active_branch.name == "main"
    commits = list(repo.iter_commits())
    assert len(commits) == 1 and commits[0].message == "Start complaints repository"
    assert not repo.is_dirty(untracked_files=True)
    files = tracked(target)
    assert files >= EXPECTED
    assert {f for f in files if f.startswith(".schemas/")} == {
        f".schemas/{n}" for n in package_schemas()
    }
    assert {f for f in files if f.startswith("docs/guide/")} == {
        f"docs/guide/{p.name}" for p in (ROOT / "docs" / "guide").glob("*.md")
    }

    settings_ = load_settings(str(target))
    assert (settings_.organisation, settings_.homes, settings_.nation) == (
        "Example Housing Trust",
        1200,
        "ENG",
    )
    assert (settings_.year_start, settings_.default_policy) == ((4, 1), "hoc-2024")
    assert (target / "requirements.txt").read_text("utf-8").splitlines()[
        -1
    ] == f"putright=={__version__}"
    assert "/site/" in (target / ".gitignore").read_text("utf-8")
    assert "/public-site/" in (target / ".gitignore").read_text("utf-8")


def test_the_new_repository_passes_the_check(run: Callable[..., Any], tmp_path: Path) -> None:
    target = tmp_path / "repo"
    assert init(run, target, "--organisation", "T", "--no-input").exit_code == 0
    checked = run("--repo", str(target), "check")
    assert checked.exit_code == 0, checked.output
    repo = Repository.open(str(target))
    assert set(repo.policies) == {"hoc-2024"} and repo.policy_problems == []


def test_a_case_logged_in_the_new_repository_is_checked_against_its_procedure(
    run: Callable[..., Any], tmp_path: Path
) -> None:
    target = tmp_path / "repo"
    assert init(run, target, "--organisation", "T", "--no-input").exit_code == 0
    (target / "cases" / "2026").mkdir()
    (target / "cases" / "2026" / "2026-0001.yaml").write_text(
        "# yaml-language-server: $schema=../../.schemas/case.schema.json\n"
        "id: 2026-0001\nreceived: 2026-03-02\nchannel: phone\nevents: []\n",
        encoding="utf-8",
    )
    checked = run("--repo", str(target), "check", "--today", "2026-03-20", "--format", "json")
    assert checked.exit_code == 0, checked.output
    assert '"state": "overdue"' in checked.stdout  # acknowledge was due 2026-03-09
    schema = target / "cases" / "2026" / ".." / ".." / ".schemas" / "case.schema.json"
    assert schema.resolve().is_file()  # the editor hint in the new case points at a real file


@pytest.mark.slow
def test_the_new_repository_builds_the_staff_dashboard(
    run: Callable[..., Any], tmp_path: Path
) -> None:
    target = tmp_path / "repo"
    assert init(run, target, "--organisation", "Example Housing Trust", "--no-input").exit_code == 0
    internal = run("--repo", str(target), "site", "build", "--out", str(tmp_path / "site"))
    assert internal.exit_code == 0, internal.output
    assert (tmp_path / "site" / "index.html").is_file()
    # The staff guide is part of the trust's own dashboard, its links all resolved (strict build).
    for page in (ROOT / "docs" / "guide").glob("*.md"):
        # use_directory_urls: false, so the downloaded artifact works opened from disk.
        assert (tmp_path / "site" / "guide" / f"{page.stem}.html").is_file(), page.name


@pytest.mark.slow
def test_the_new_repository_builds_the_public_site(run: Callable[..., Any], tmp_path: Path) -> None:
    target = tmp_path / "repo"
    assert init(run, target, "--organisation", "Example Housing Trust", "--no-input").exit_code == 0
    public = run(
        "--repo", str(target), "site", "build", "--public", "--out", str(tmp_path / "public")
    )
    assert public.exit_code == 0, public.output
    assert (tmp_path / "public" / "index.html").is_file()
    assert not (tmp_path / "public" / "guide").exists()


@pytest.mark.parametrize("policy", ["saha", "croft-ha"])
def test_a_chosen_procedure_is_copied_beside_the_code(
    run: Callable[..., Any], tmp_path: Path, policy: str
) -> None:
    target = tmp_path / "repo"
    result = init(
        run, target, "--organisation", "T", "--policy", policy, "--nation", "wls", "--no-input"
    )
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (target / "policies").iterdir()) == sorted(
        ["hoc-2024.yaml", f"{policy}.yaml"]
    )
    assert (target / "policies" / f"{policy}.yaml").read_bytes() == (
        ROOT / "policies" / f"{policy}.yaml"
    ).read_bytes()
    settings_ = load_settings(str(target))
    assert settings_.default_policy == policy and settings_.nation == "WLS"
    assert run("--repo", str(target), "check").exit_code == 0


def test_the_package_ships_every_procedure_in_policies() -> None:
    # A checkout reads policies/ itself (no symlink: a wheel holds copies, see test_packaging).
    assert not (PACKAGE / "data").exists()
    assert set(scaffold.available_policies()) == {
        p.stem for p in (ROOT / "policies").glob("*.yaml")
    }
    assert scaffold.available_policies()["hoc-2024"].startswith(
        "Housing Ombudsman Complaint Handling Code"
    )


# --- answers, prompts and refusals ------------------------------------------------------------


def test_prompts_ask_for_what_is_missing_and_ask_again_after_a_bad_answer(
    run: Callable[..., Any], tmp_path: Path
) -> None:
    target = tmp_path / "repo"
    answers = (
        "\n".join(
            [
                "",
                "   ",
                "  Cwm Housing  ",
                "many",
                "850",
                "XX",
                "wls",
                "02-29",
                "03-01",
                "nope",
                "saha",
            ]
        )
        + "\n"
    )
    result = init(run, target, input=answers)
    assert result.exit_code == 0, result.output
    assert "the organisation's name is required" in result.output
    assert "'many' is not a whole number" in result.output
    assert "'02-29' is not a day every year has" in result.output
    settings_ = load_settings(str(target))
    assert settings_.organisation == "Cwm Housing"
    assert (settings_.homes, settings_.nation, settings_.year_start, settings_.default_policy) == (
        850,
        "WLS",
        (3, 1),
        "saha",
    )


def test_an_empty_answer_for_homes_leaves_it_to_fill_in(
    run: Callable[..., Any], tmp_path: Path
) -> None:
    target = tmp_path / "repo"
    result = init(run, target, "--organisation", "T", input="\n\n\n\n")
    assert result.exit_code == 0, result.output
    assert load_settings(str(target)).homes is None
    assert "# homes: 0" in (target / "complaints.yml").read_text("utf-8")


def test_no_input_needs_the_organisation(run: Callable[..., Any], tmp_path: Path) -> None:
    result = init(run, tmp_path / "repo", "--no-input")
    assert result.exit_code == 2
    assert "--organisation is required with --no-input" in result.output
    assert not (tmp_path / "repo").exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--organisation", "T", "--year-start", "13-01"], "is not MM-DD"),
        (["--organisation", "T", "--homes", "-3"], "is not a whole number"),
        (["--organisation", "T", "--nation", "FRA"], "'FRA' is not one of"),
        (["--organisation", "T", "--policy", "nonesuch"], "'nonesuch' is not one of"),
        (["--organisation", "two\nlines"], "one line of text"),
        (["--organisation", "   "], "the organisation's name is required"),
    ],
)
def test_bad_options_are_usage_errors_and_write_nothing(
    run: Callable[..., Any], tmp_path: Path, args: list[str], message: str
) -> None:
    result = init(run, tmp_path / "repo", *args, "--no-input")
    assert result.exit_code == 2, result.output
    assert message in result.output
    assert not (tmp_path / "repo").exists()


def test_a_folder_that_is_not_empty_is_refused(run: Callable[..., Any], tmp_path: Path) -> None:
    target = tmp_path / "repo"
    target.mkdir()
    (target / "notes.txt").write_text("mine", encoding="utf-8")
    result = init(run, target, "--organisation", "T", "--no-input")
    assert result.exit_code == 1
    assert "is not empty" in result.output and "nothing was written" in result.output
    assert [p.name for p in target.iterdir()] == ["notes.txt"]


def test_a_folder_with_only_a_git_repository_is_refused(
    run: Callable[..., Any], tmp_path: Path
) -> None:
    target = tmp_path / "repo"
    git.Repo.init(target)
    result = init(run, target, "--organisation", "T", "--no-input")
    assert result.exit_code == 1 and "is not empty" in result.output


def test_a_file_is_refused(run: Callable[..., Any], tmp_path: Path) -> None:
    target = tmp_path / "repo"
    target.write_text("x", encoding="utf-8")
    result = init(run, target, "--organisation", "T", "--no-input")
    assert result.exit_code != 0
    assert target.read_text("utf-8") == "x"


def test_the_refusal_comes_before_any_question(run: Callable[..., Any], tmp_path: Path) -> None:
    target = tmp_path / "repo"
    target.mkdir()
    (target / "x").write_text("", encoding="utf-8")
    result = init(run, target, input="")
    assert result.exit_code == 1 and "Organisation name" not in result.output


def test_an_empty_existing_folder_is_used(run: Callable[..., Any], tmp_path: Path) -> None:
    target = tmp_path / "repo"
    target.mkdir()
    assert init(run, target, "--organisation", "T", "--no-input").exit_code == 0
    assert (target / "complaints.yml").is_file()


def test_a_failure_part_way_leaves_nothing_behind(
    run: Callable[..., Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(root: str, paths: list[str]) -> tuple[str, str]:
        raise scaffold.ScaffoldError("git is broken")

    monkeypatch.setattr("putright.scaffold.create.commit_all", broken)
    missing, empty = tmp_path / "new", tmp_path / "empty"
    empty.mkdir()
    for target in (missing, empty):
        result = init(run, target, "--organisation", "T", "--no-input")
        assert result.exit_code == 1 and "git is broken" in result.output
    assert not missing.exists()
    assert list(empty.iterdir()) == []


def test_the_commit_has_an_author_without_a_git_identity(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in (
        "GIT_AUTHOR_NAME",
        "GIT_AUTHOR_EMAIL",
        "GIT_COMMITTER_NAME",
        "GIT_COMMITTER_EMAIL",
    ):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(tmp_path / "no-config"))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    options = scaffold.checked(scaffold.InitOptions("T"), scaffold.available_policies())
    created = scaffold.create_repository(str(tmp_path / "repo"), options)
    assert created.author == "complaints init <init@putright.invalid>"
    assert git.Repo(tmp_path / "repo").head.commit.author.name == "complaints init"


# --- names that YAML or Markdown would misread -----------------------------------------------

AWKWARD = [
    "Yes",
    "null",
    "1200",
    "*star",
    "&anchor",
    "Trust: A # not a comment",
    "'quoted'",
    'say "hi"',
    "Cymdeithas Tai Cwm Rhondda – Ŵyn",
    "<script>alert(1)</script>",
    "[link](javascript:x)",
    "a\\b",
]


@pytest.mark.parametrize("name", AWKWARD)
def test_awkward_names_survive_every_file(name: str) -> None:
    options = scaffold.checked(scaffold.InitOptions(name), scaffold.available_policies())
    files = {
        f.path: f.content.decode("utf-8")
        for f in scaffold.plan_repository(options)
        if not f.path.endswith(".docx")  # letter templates: Word files, not text
    }
    assert yaml.safe_load(files["complaints.yml"])["organisation"] == name
    assert yaml.safe_load(files["mkdocs.yml"])["site_name"] == f"{name}: complaints, staff only"
    assert yaml.safe_load(files["mkdocs.public.yml"])["site_name"] == f"{name}: complaints"
    assert "<script>" not in files["README.md"] and "](javascript" not in files["README.md"]


@settings(max_examples=200, deadline=None)
@given(
    st.text(
        alphabet=st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")),
        min_size=1,
        max_size=60,
    )
)
def test_any_one_line_name_round_trips_through_yaml(name: str) -> None:
    try:
        clean = checks.check_organisation(name)
    except scaffold.ScaffoldError:
        return
    assert yaml.safe_load(f"organisation: {yaml_string(clean)}\n") == {"organisation": clean}


# --- the schemas: one source in the package, copies in .schemas/ -----------------------------


def package_schemas() -> list[str]:
    return sorted(p.name for p in (PACKAGE / "schemas").glob("*.schema.json"))


def test_this_repositorys_schemas_are_the_packages() -> None:
    names = package_schemas()
    assert set(names) >= {n for n in SCHEMA_FILES.values() if (PACKAGE / "schemas" / n).is_file()}
    for name in names:
        copy = ROOT / ".schemas" / name
        assert copy.is_file(), f".schemas/{name} is missing: run `complaints schemas --write`"
        assert copy.read_bytes() == (PACKAGE / "schemas" / name).read_bytes(), (
            f".schemas/{name} differs from tools/putright/schemas/{name}: run `complaints schemas --write`"
        )


def test_schemas_command_reports_and_refreshes(run: Callable[..., Any], tmp_path: Path) -> None:
    assert run("--repo", str(ROOT), "schemas").exit_code == 0
    stale = run("--repo", str(tmp_path), "schemas")
    assert stale.exit_code == 1 and "complaints schemas --write" in stale.output
    (tmp_path / ".schemas").mkdir()
    (tmp_path / ".schemas" / "case.schema.json").write_text("{}", encoding="utf-8")
    written = run("--repo", str(tmp_path), "schemas", "--write")
    assert written.exit_code == 0 and "was differs" in written.output
    for name in package_schemas():
        assert (tmp_path / ".schemas" / name).read_bytes() == (
            PACKAGE / "schemas" / name
        ).read_bytes()
    assert run("--repo", str(tmp_path), "schemas").exit_code == 0


# --- the site settings it writes follow this repository's ------------------------------------


def without_names(config: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in config.items() if k not in ("site_name", "site_description")}


@pytest.mark.parametrize("name", ["mkdocs.yml", "mkdocs.public.yml"])
def test_site_settings_match_this_repositorys(name: str) -> None:
    ours = ROOT / name
    if not ours.is_file():
        pytest.skip(f"{name} is not in this repository yet")
    options = scaffold.checked(scaffold.InitOptions("T"), scaffold.available_policies())
    files = {f.path: f.content for f in scaffold.plan_repository(options)}
    theirs = yaml.safe_load(files[name])
    mine = yaml.safe_load(ours.read_text("utf-8"))
    assert without_names(theirs) == without_names(mine), (
        f"tools/putright/scaffold/templates/{name}.tmpl no longer matches {name}: bring them together"
    )


def test_the_new_repositorys_readme_links_resolve(run: Callable[..., Any], tmp_path: Path) -> None:
    target = tmp_path / "repo"
    assert init(run, target, "--organisation", "T", "--no-input").exit_code == 0
    text = (target / "README.md").read_text("utf-8")
    links = re.findall(r"\]\(([^)#]+\.md)\)", text)
    assert links
    for link in links:
        assert (target / link).is_file(), link


def test_git_sees_no_changes_after_check(run: Callable[..., Any], tmp_path: Path) -> None:
    # The check must not write into the repository (caches, reports) on its own.
    target = tmp_path / "repo"
    assert init(run, target, "--organisation", "T", "--no-input").exit_code == 0
    subprocess.run(["complaints", "--repo", str(target), "check"], check=True, capture_output=True)
    assert not git.Repo(target).is_dirty(untracked_files=True)


# --- a built package (a wheel) holds everything `init` copies --------------------------------


def _package_data() -> list[str]:
    import tomllib

    data = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    patterns: list[str] = data["tool"]["setuptools"]["package-data"]["putright"]
    return patterns


@pytest.mark.slow
def test_a_built_package_ships_what_init_copies(tmp_path: Path) -> None:
    if not any(p.startswith("scaffold/templates") for p in _package_data()):
        pytest.skip(
            "pyproject.toml's package-data does not list scaffold/templates/**/* yet (lead: add it)"
        )
    copy = tmp_path / "src"
    copy.mkdir()
    shutil.copy(ROOT / "pyproject.toml", copy)
    shutil.copy(ROOT / "setup.py", copy)
    (copy / "README.md").write_text("x", encoding="utf-8")
    for name in ("tools", "policies", "site_templates", "docs"):
        if (ROOT / name).exists():
            shutil.copytree(
                ROOT / name,
                copy / name,
                symlinks=True,
                ignore=shutil.ignore_patterns("*.egg-info", "__pycache__"),
            )
    built = tmp_path / "built"
    subprocess.run(
        [
            sys.executable,
            "setup.py",
            "-q",
            "build_py",
            "--build-lib",
            str(built),
        ],
        cwd=copy,
        check=True,
        capture_output=True,
    )
    package = built / "putright"
    wanted = [
        f"scaffold/templates/{p.relative_to(PACKAGE / 'scaffold' / 'templates')}"
        for p in (PACKAGE / "scaffold" / "templates").rglob("*")
        if p.is_file()
    ]
    wanted += [f"data/policies/{p.name}" for p in (ROOT / "policies").glob("*.yaml")]
    wanted += [f"data/guide/{p.name}" for p in (ROOT / "docs" / "guide").glob("*.md")]
    wanted += [f"schemas/{n}" for n in package_schemas()]
    missing = [w for w in wanted if not (package / w).is_file()]
    assert missing == []
