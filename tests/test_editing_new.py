"""`complaints new` and `complaints renumber`: ids never reused, across years, branches, history."""

from __future__ import annotations

from pathlib import Path

import git
import pytest

from helpers import commit_all, complaints, git_init, trust_repo
from putright import validation, yamlfile
from putright.editing.ids import next_id

FLAGS = [
    "--channel",
    "phone",
    "--category",
    "repairs",
    "--name",
    "Jane Example",
    "--summary",
    "Leak",
]


def case_text(case_id: str, received: str = "2026-03-02") -> str:
    return f"id: {case_id}\nreceived: {received}\nchannel: phone\nevents: []\n"


def make_trust(root: Path, ids: tuple[str, ...] = ()) -> Path:
    trust_repo(root)
    for case_id in ids:
        add_case(root, case_id)
    return root


def add_case(root: Path, case_id: str, folder: str | None = None) -> Path:
    path = root / "cases" / (folder or case_id[:4]) / f"{case_id}.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(case_text(case_id, f"{case_id[:4]}-03-02"), encoding="utf-8")
    return path


# --- opening a case ---------------------------------------------------------------------------


def test_new_writes_a_valid_case_with_the_schema_line(tmp_path: Path) -> None:
    root = make_trust(tmp_path / "repo")
    ran = complaints(
        root, "new", "--received", "2026-03-02", *FLAGS, "--email", "jane@example.org",
        "--phone", "07700 900123", "--address", "1 Example Road", "--definition", "Wants: a repair #1",
        "--tenure", "lcra", "--officer", "jsmith", "--incident-date", "2026-02-20", "--no-input",
        "--today", "2026-03-03",
    )  # fmt: skip
    assert ran.code == 0, ran.err
    assert "cases/2026/2026-0001.yaml" in ran.out
    raw = (root / "cases" / "2026" / "2026-0001.yaml").read_bytes()
    text = raw.decode("utf-8")
    assert text.startswith(
        "# yaml-language-server: $schema=../../.schemas/case.schema.json\nid: 2026-0001\n"
    )
    assert "received: 2026-03-02\n" in text and "events: []\n" in text
    assert '  phone: "07700 900123"\n' in text  # quoted: the leading zero is safe anywhere
    loaded = yamlfile.load(raw, "x")
    assert loaded.text is not None
    assert validation.problems("case", loaded.data, loaded.text, "x") == []
    assert loaded.data["complainant"] == {
        "name": "Jane Example",
        "email": "jane@example.org",
        "phone": "07700 900123",
        "address": "1 Example Road",
    }
    assert loaded.data["definition"] == "Wants: a repair #1"
    assert list(loaded.data) == [
        "id", "received", "channel", "category", "tenure", "officer", "incident_date",
        "complainant", "summary", "definition", "events",
    ]  # fmt: skip


def test_ids_by_year(tmp_path: Path) -> None:
    root = make_trust(tmp_path / "repo", ("2025-0007", "2025-0012", "2026-0002"))
    add_case(root, "2026-0009", folder="archive/older")  # any folder under cases/ counts
    for received, expected in [
        ("2026-01-05", "2026-0010"),
        ("2025-12-31", "2025-0013"),
        ("2027-01-01", "2027-0001"),
        ("2026-04-01", "2026-0011"),
    ]:
        ran = complaints(root, "new", "--received", received, *FLAGS, "--no-input")
        assert ran.code == 0, ran.err
        year = expected[:4]
        assert f"cases/{year}/{expected}.yaml" in ran.out
        assert (root / "cases" / year / f"{expected}.yaml").is_file()


def test_ids_past_9999_grow_a_digit(tmp_path: Path) -> None:
    root = make_trust(tmp_path / "repo", ("2026-9999",))
    assert next_id(str(root), 2026) == "2026-10000"


def test_an_id_on_another_branch_is_not_reused(tmp_path: Path) -> None:
    root = make_trust(tmp_path / "repo", ("2026-0001",))
    repo = git_init(root)
    repo.git.checkout("-b", "colleague")
    add_case(root, "2026-0003")
    commit_all(repo, "colleague's case")
    repo.git.checkout("main")
    assert not (root / "cases" / "2026" / "2026-0003.yaml").exists()
    ran = complaints(root, "new", "--received", "2026-05-01", *FLAGS, "--no-input")
    assert ran.code == 0, ran.err
    assert "2026-0004" in ran.out


def test_an_id_on_a_remote_branch_and_a_deleted_one_are_not_reused(tmp_path: Path) -> None:
    origin_root = make_trust(tmp_path / "origin", ("2026-0001",))
    origin = git_init(origin_root)
    origin.git.checkout("-b", "pr-42")
    add_case(origin_root, "2026-0007")
    commit_all(origin, "case on a pull request")
    origin.git.checkout("main")
    clone = git.Repo.clone_from(str(origin_root), str(tmp_path / "clone"))
    clone_root = Path(clone.working_tree_dir or "")
    assert not (clone_root / "cases" / "2026" / "2026-0007.yaml").exists()
    assert next_id(str(clone_root), 2026) == "2026-0008"  # seen on origin/pr-42

    # A case committed and then deleted keeps its number.
    add_case(origin_root, "2026-0020")
    commit_all(origin, "opened by mistake")
    (origin_root / "cases" / "2026" / "2026-0020.yaml").unlink()
    commit_all(origin, "removed")
    assert next_id(str(origin_root), 2026) == "2026-0021"


def test_case_repository_in_a_subfolder_of_the_git_repository(tmp_path: Path) -> None:
    outer = tmp_path / "mono"
    outer.mkdir()
    root = make_trust(outer / "complaints")
    repo = git_init(outer)
    repo.git.checkout("-b", "other")
    add_case(root, "2026-0005")
    commit_all(repo, "a case")
    repo.git.checkout("main")
    assert next_id(str(root), 2026) == "2026-0006"


def test_no_input_names_the_missing_flags(tmp_path: Path) -> None:
    root = make_trust(tmp_path / "repo")
    ran = complaints(root, "new", "--received", "2026-03-02", "--name", "J", "--no-input")
    assert ran.code == 1
    assert "--channel, --category, --summary" in ran.err
    assert not list((root / "cases").rglob("*.yaml"))


def test_prompts_ask_for_what_is_missing(tmp_path: Path) -> None:
    root = make_trust(tmp_path / "repo")
    answers = "\n".join(
        ["2026-03-02", "carrier_pigeon", "email", "damp", "Siân Llŷr", "Mould 🍄 in: the bedroom"]
    )
    ran = complaints(root, "new", "--today", "2026-03-05", input=answers + "\n")
    assert ran.code == 0, ran.err
    data = yamlfile.load((root / "cases" / "2026" / "2026-0001.yaml").read_bytes(), "x").data
    assert data["channel"] == "email"  # the bad choice was asked again
    assert data["category"] == "damp"
    assert data["complainant"] == {"name": "Siân Llŷr"}
    assert data["summary"] == "Mould 🍄 in: the bedroom"


def test_prompt_default_is_today_and_blank_answers_are_left_out(tmp_path: Path) -> None:
    root = make_trust(tmp_path / "repo")
    ran = complaints(root, "new", "--channel", "letter", "--today", "2026-07-01", input="\n\n\n\n")
    assert ran.code == 0, ran.err
    data = yamlfile.load((root / "cases" / "2026" / "2026-0001.yaml").read_bytes(), "x").data
    assert data == {"id": "2026-0001", "received": "2026-07-01", "channel": "letter", "events": []}


def test_categories_from_settings_are_offered(tmp_path: Path) -> None:
    root = make_trust(tmp_path / "repo")
    (root / "complaints.yml").write_text(
        "organisation: Test Trust\ncategories: [repairs, damp_mould]\n", encoding="utf-8"
    )
    ran = complaints(root, "new", "--received", "2026-03-02", "--channel", "phone", "--name", "J",
                     "--summary", "s", input="plumbing\ndamp_mould\n")  # fmt: skip
    assert ran.code == 0, ran.err
    assert "repairs, damp_mould" in ran.out  # the choices shown at the prompt
    data = yamlfile.load((root / "cases" / "2026" / "2026-0001.yaml").read_bytes(), "x").data
    assert data["category"] == "damp_mould"


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--received", "2026-02-30"], "not a real date"),
        (
            ["--received", "2026-03-02", "--incident-date", "last week"],
            "--incident-date 'last week'",
        ),
        (["--received", "2026-03-02", "--policy", "Our Policy"], "is not a valid policy"),
        (["--received", "2026-03-02", "--policy", "council-2025"], "unknown policy 'council-2025'"),
    ],
)
def test_bad_values_open_no_case(tmp_path: Path, args: list[str], words: str) -> None:
    root = make_trust(tmp_path / "repo")
    ran = complaints(root, "new", *args, *FLAGS, "--no-input")
    assert ran.code == 1
    assert words in ran.err, ran.err
    assert not list((root / "cases").rglob("*.yaml"))


def test_not_a_case_repository(tmp_path: Path) -> None:
    ran = complaints(tmp_path, "new", "--received", "2026-03-02", *FLAGS, "--no-input")
    assert ran.code == 1
    assert "is not a case repository (it has no complaints.yml)" in ran.err


# --- the id clash, and renumbering --------------------------------------------------------


def test_two_branches_choose_the_same_id_and_renumber_fixes_it(tmp_path: Path) -> None:
    origin_root = make_trust(tmp_path / "origin", ("2026-0001",))
    origin = git_init(origin_root)
    clones = {}
    for name in ("a", "b"):
        clone = git.Repo.clone_from(str(origin_root), str(tmp_path / name))
        with clone.config_writer() as config:
            config.set_value("user", "name", f"Officer {name}")
            config.set_value("user", "email", f"{name}@example.org")
        clone.git.checkout("-b", f"officer-{name}")
        clones[name] = clone
    root_a, root_b = (Path(clones[n].working_tree_dir or "") for n in ("a", "b"))

    # Two officers open a case at the same time; neither can see the other's.
    for root, name in ((root_a, "Ann"), (root_b, "Bob")):
        ran = complaints(
            root,
            "new",
            "--received",
            "2026-03-03",
            *FLAGS,
            "--name",
            name,
            "--no-input",
            "--commit",
        )
        assert ran.code == 0, ran.err
        assert "2026-0002" in ran.out

    # A's pull request is merged first.
    clones["a"].git.push("origin", "officer-a")
    origin.git.merge("officer-a")

    # B brings main in: Git reports both adding cases/2026/2026-0002.yaml.
    b = clones["b"]
    b.git.fetch("origin")
    with pytest.raises(git.GitCommandError, match="CONFLICT"):
        b.git.merge("origin/main")
    b.git.merge("--abort")

    mine = root_b / "cases" / "2026" / "2026-0002.yaml"
    before = mine.read_text(encoding="utf-8")
    ran = complaints(root_b, "renumber", "2026-0002", "--commit")
    assert ran.code == 0, ran.err
    assert "Renumbered 2026-0002 to 2026-0003" in ran.out
    renamed = root_b / "cases" / "2026" / "2026-0003.yaml"
    assert renamed.read_text(encoding="utf-8") == before.replace("id: 2026-0002", "id: 2026-0003")
    assert str(b.head.commit.message).startswith("2026-0003: renumbered from 2026-0002")
    assert sorted(str(f) for f in b.head.commit.stats.files) == [
        "cases/2026/2026-0002.yaml",
        "cases/2026/2026-0003.yaml",
    ]

    b.git.merge("origin/main")  # no conflict now: A's 2026-0002 and B's 2026-0003
    assert yamlfile.load(mine.read_bytes(), "x").data["id"] == "2026-0002"
    assert yamlfile.load(renamed.read_bytes(), "x").data["id"] == "2026-0003"


def test_renumber_one_of_two_files_with_the_same_id(tmp_path: Path) -> None:
    root = make_trust(tmp_path / "repo", ("2026-0004",))
    other = add_case(root, "2026-0004", folder="imported")
    text = other.read_text(encoding="utf-8").replace("channel: phone", "channel: phone  # keep me")
    other.write_text(text, encoding="utf-8")
    ran = complaints(root, "renumber", "2026-0004")
    assert ran.code == 1 and "--file" in ran.err
    ran = complaints(root, "renumber", "2026-0004", "--file", "cases/imported/2026-0004.yaml")
    assert ran.code == 0, ran.err
    assert not other.exists()
    renamed = root / "cases" / "imported" / "2026-0005.yaml"
    assert renamed.read_text(encoding="utf-8") == text.replace("id: 2026-0004", "id: 2026-0005")
    assert (root / "cases" / "2026" / "2026-0004.yaml").is_file()


def test_renumber_to_a_used_id_is_refused(tmp_path: Path) -> None:
    root = make_trust(tmp_path / "repo", ("2026-0001", "2026-0002"))
    ran = complaints(root, "renumber", "2026-0002", "--to", "2026-0001")
    assert ran.code == 1 and "already used" in ran.err
    ran = complaints(root, "renumber", "2026-0002", "--to", "2026-0050")
    assert ran.code == 0, ran.err
    assert (root / "cases" / "2026" / "2026-0050.yaml").is_file()
