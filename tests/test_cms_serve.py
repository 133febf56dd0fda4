"""`complaints cms serve`, `install` and `bundle`: what they refuse, and what they serve."""

from __future__ import annotations

import json
import shutil
import subprocess
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from helpers import complaints
from putright.cms import packages, serve

NEEDS_NODE = pytest.mark.skipif(shutil.which("node") is None, reason="no Node.js")


def _git(root: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-C", str(root), "-c", "user.name=T", "-c", "user.email=t@example.org", *args],
        capture_output=True,
        text=True,
        check=True,
    ).stdout


@pytest.fixture
def trust(tmp_path: Path) -> Path:
    root = tmp_path / "trust"
    assert complaints(tmp_path, "init", str(root), "--organisation", "T", "--no-input").code == 0
    return root


def test_without_node_the_message_says_how_to_get_it(
    trust: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    empty = tmp_path / "bin"
    empty.mkdir()
    (empty / "git").symlink_to(shutil.which("git") or "/usr/bin/git")
    monkeypatch.setenv("PATH", str(empty))
    ran = complaints(trust, "cms", "serve", "--port", "0")
    assert ran.code == 1
    assert "needs Node.js" in ran.err and "apt-get install nodejs npm" in ran.err
    assert "Traceback" not in ran.err


def test_a_dirty_working_tree_is_refused(trust: Path) -> None:
    (trust / "cases" / "draft.txt").write_text("half-typed", "utf-8")
    ran = complaints(trust, "cms", "serve", "--port", "0")
    assert ran.code == 1
    assert "uncommitted changes (cases/" in ran.err and "commit or stash" in ran.err


def test_without_admin_it_says_which_command_makes_it(trust: Path) -> None:
    shutil.rmtree(trust / "admin")
    _git(trust, "commit", "-qam", "No editor")
    ran = complaints(trust, "cms", "serve", "--port", "0")
    assert ran.code == 1 and "complaints cms config --write" in ran.err


def _post(url: str, body: bytes, headers: dict[str, str]) -> tuple[int, bytes]:
    request = urllib.request.Request(url, data=body, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:
            return answer.status, answer.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


@NEEDS_NODE
def test_one_local_address_serves_the_page_the_packages_and_the_backend(trust: Path) -> None:
    editor = serve.start(str(trust), packages.ensure_installed(), 0)
    try:
        assert editor.url.startswith("http://127.0.0.1:") and editor.url.endswith("/admin/")
        base = editor.url[: -len("/admin/")]
        with urllib.request.urlopen(editor.url, timeout=10) as page:
            assert b"makeFormat(YAML, order" in page.read()
        with urllib.request.urlopen(editor.url + "vendor/yaml/index.js", timeout=10) as answer:
            assert answer.headers["Content-Type"].startswith("text/javascript")
        with pytest.raises(urllib.error.HTTPError):
            urllib.request.urlopen(editor.url + "vendor/../../complaints.yml", timeout=10)
        info = json.dumps({"action": "info"}).encode()
        status, body = _post(base + "/api/v1", info, {"Content-Type": "application/json"})
        assert status == 200 and json.loads(body)["type"] == "local_git"
        # Another site's page in the same browser cannot drive the backend.
        foreign = {"Content-Type": "application/json", "Origin": "http://evil.example"}
        assert _post(base + "/api/v1", info, foreign)[0] == 403
        assert _post(base + "/api/v1", info, {"Content-Type": "text/plain"})[0] == 403
        # The case number box's question: a new repository has no case, so 2026's first.
        with urllib.request.urlopen(base + "/putright/next-id?year=2026", timeout=30) as answer:
            assert json.loads(answer.read()) == {"id": "2026-0001"}
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(base + "/putright/next-id?year=26", timeout=10)
        assert refused.value.code == 400
    finally:
        editor.stop()
    assert editor.child.poll() is not None  # decap-server ended with the editor


@NEEDS_NODE
def test_the_published_page_has_no_case_data(tmp_path: Path) -> None:
    root = Path(__file__).resolve().parents[1]
    out = tmp_path / "admin"
    ran = complaints(root, "cms", "bundle", "--out", str(out))
    assert ran.code == 0, ran.err
    assert (out / "index.html").is_file() and (out / "vendor/decap-cms/decap-cms.js").is_file()
    names = set()
    for case in (root / "cases").rglob("*.yaml"):
        text = case.read_text("utf-8")
        for line in text.splitlines():
            if line.startswith(("  name: ", "  email: ")):
                names.add(line.split(": ", 1)[1].strip('"'))
    assert len(names) > 100
    for path in [out / "config.yml", out / "index.html", out / "putright-yaml.js"]:
        text = path.read_text("utf-8")
        assert not [n for n in names if n in text], path


def test_complaints_new_counts_ids_on_the_editors_branches(trust: Path) -> None:
    """A case the editor saved is on its own branch until published: `complaints new` must
    not hand its number out again (editing/ids.py reads every branch head)."""
    case = trust / "cases" / "2026" / "2026-0007.yaml"
    case.parent.mkdir(parents=True)
    case.write_text(
        "# yaml-language-server: $schema=../../.schemas/case.schema.json\n"
        "id: 2026-0007\nreceived: 2026-03-02\nevents: []\n",
        "utf-8",
    )
    _git(trust, "checkout", "-qb", "cms/cases-2026/2026-0007")
    _git(trust, "add", "-A")
    _git(trust, "commit", "-qm", "Create Cases 2026 “2026-0007”")
    _git(trust, "checkout", "-q", "main")
    assert not case.exists()
    ran = complaints(
        trust, "new", "--received", "2026-03-03", "--channel", "phone", "--name", "A",
        "--category", "repairs", "--summary", "Leak", "--today", "2026-03-03", "--no-input",
    )  # fmt: skip
    assert ran.code == 0, ran.err
    assert (trust / "cases" / "2026" / "2026-0008.yaml").is_file()


def test_a_stale_admin_is_warned_about(
    trust: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    settings = trust / "complaints.yml"
    settings.write_text(settings.read_text("utf-8") + "categories: [repairs]\n", "utf-8")
    _git(trust, "commit", "-qam", "A category")
    empty = tmp_path / "bin"
    empty.mkdir()
    (empty / "git").symlink_to(shutil.which("git") or "/usr/bin/git")
    monkeypatch.setenv("PATH", str(empty))  # stops at "needs Node.js", after the warning
    ran = complaints(trust, "cms", "serve", "--port", "0")
    assert "admin/config.yml out of date: run `complaints cms config --write`" in ran.err


@NEEDS_NODE
def test_an_upload_in_the_media_folder_is_never_bundled(trust: Path, tmp_path: Path) -> None:
    from putright.cms.bundle import bundle

    uploads = trust / "admin" / "uploads"
    uploads.mkdir()
    (uploads / "letter-to-ada.txt").write_text("Dear Ada Testperson", "utf-8")
    out = tmp_path / "published"
    written = bundle(str(trust), packages.ensure_installed(), str(out))
    assert "config.yml" in written
    assert not list(out.rglob("letter-to-ada.txt"))
