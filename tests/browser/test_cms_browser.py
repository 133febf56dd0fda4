"""The form editor, end to end: `complaints cms serve` over a repository made by `complaints init`
with the demo cases, driven through Decap CMS's own UI in headless Chromium.

Needs Node.js and npm (the editor's packages are installed into a cache on first use, as a
user's would be): .ci/run installs Debian's where node is missing.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from browser_support import MARKS

pytestmark = [*MARKS, pytest.mark.skipif(shutil.which("node") is None, reason="no Node.js")]

TODAY = "2026-11-24"  # the demo set's day
OFFICERS = ["aokafor", "bnguyen", "cdavies", "dwright", "ehughes", "fkhan"]
COMPLAINTS = [sys.executable, "-c", "from putright.cli import main; main()"]


def _run(root: Path, *args: str) -> str:
    done = subprocess.run(
        [*COMPLAINTS, "--repo", str(root), *args], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def _git(root: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-C", str(root), *args], capture_output=True, text=True, check=True
    ).stdout


# Who the editor commits as (decap-server commits with the environment's identity).
EDITOR_ENV = {
    "GIT_AUTHOR_NAME": "Editor",
    "GIT_AUTHOR_EMAIL": "e@example.org",
    "GIT_COMMITTER_NAME": "Editor",
    "GIT_COMMITTER_EMAIL": "e@example.org",
}
ADMIN_URL = re.compile(r"(http://127\.0\.0\.1:\d+/admin/)")


def editor_repo(root: Path, organisation: str) -> None:
    """A trust's repository as `complaints init` makes it, with the demo cases and officers,
    its editor configuration written and everything committed (the editor needs a clean tree)."""
    subprocess.run(
        [*COMPLAINTS, "init", str(root), "--organisation", organisation, "--no-input"],
        check=True,
        capture_output=True,
    )
    _run(root, "demo", "--today", TODAY)
    config = root / "complaints.yml"
    text = config.read_text("utf-8").replace("officers: []", f"officers: [{', '.join(OFFICERS)}]")
    config.write_text(text, "utf-8")
    _run(root, "cms", "config", "--write", "--today", TODAY)
    _git(root, "add", "-A")
    _git(root, "-c", "user.name=Test", "-c", "user.email=t@example.org", "commit", "-qm", "Demo")


def start_editor(root: Path | str) -> tuple[subprocess.Popen[str], str | None]:
    """`complaints cms serve` on a free port, and the admin page's address once it prints it
    (None if it ended first: its stderr says why)."""
    server = subprocess.Popen(
        [*COMPLAINTS, "--repo", str(root), "cms", "serve", "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, **EDITOR_ENV},
    )
    assert server.stdout is not None
    for line in server.stdout:  # the install line on first use, then the address
        found = ADMIN_URL.search(line)
        if found:
            return server, found.group(1)
    return server, None


@dataclass
class Served:
    root: Path
    url: str


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    root = tmp_path_factory.mktemp("cms") / "trust"
    editor_repo(root, "Test Trust")
    server, url = start_editor(root)
    if url is None:
        server.kill()
        pytest.fail(
            f"complaints cms serve did not start: {server.stderr.read() if server.stderr else ''}"
        )
    try:
        yield Served(root, url)
    finally:
        children = _children(server.pid)  # decap-server
        server.send_signal(2)  # Ctrl-C
        assert server.wait(timeout=30) == 0
        assert children and not [pid for pid in children if os.path.exists(f"/proc/{pid}")]


def _children(pid: int) -> list[int]:
    out: list[int] = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        out += [int(p) for p in (task / "children").read_text().split()]
    return out


def _login(page: Any, url: str) -> None:
    page.goto(url)
    page.get_by_role("button", name="Login").click()
    page.get_by_text("Cases 2026").first.wait_for()


def _choose(page: Any, field: str, option: str) -> None:
    """A Decap select or relation (react-select): type, then take the option offered."""
    box = page.locator(f'input[id^="{field}-field-"]').last
    box.click()
    box.fill(option)
    page.locator('[class*="option"]', has_text=re.compile(f"^{re.escape(option)}$")).first.click()


def _fill(page: Any, field: str, value: str, *, first: bool = False) -> None:
    found = page.locator(f'[id^="{field}-field-"]')
    (found.first if first else found.last).fill(value)


def _expect_number(page: Any, case_id: str) -> None:
    # Looked up afresh on each poll: after a route change the old form's box may linger.
    page.wait_for_function(
        """want => [...document.querySelectorAll('input[id^="id-field-"]')]
            .some(el => el.value === want && el.readOnly)""",
        arg=case_id,
    )


def _add_event(page: Any, type_label: str) -> None:
    page.get_by_role("button", name="Add event").click()
    page.get_by_text(type_label, exact=True).last.click()


def respond_upheld_with_50(page: Any) -> None:
    """The responded event's fields: stage 1 upheld on 8 December, with a £50 remedy."""
    _fill(page, "date", "2026-12-08")
    _fill(page, "stage", "1")
    _choose(page, "by", "cdavies")
    _choose(page, "outcome", "upheld")
    page.get_by_role("button", name="Add remedy").click()
    _choose(page, "type", "financial")
    _fill(page, "amount_gbp", "50")


def _save(page: Any) -> None:
    page.get_by_role("button", name="Save").first.click()
    page.get_by_text("Entry saved").first.wait_for(timeout=30_000)


def _publish(page: Any) -> None:
    page.on("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Status: Draft").click()
    page.get_by_text("Ready", exact=True).last.click()
    page.get_by_text("Entry status updated").first.wait_for(timeout=30_000)
    page.get_by_role("button", name="Publish").first.click()
    page.get_by_text("Publish now").click()
    page.get_by_text("Entry published").first.wait_for(timeout=30_000)


def test_a_case_made_in_the_form_is_valid_with_the_deadlines_a_hand_count_gives(
    served: Served, browser: Any
) -> None:
    root = served.root
    main_before = _git(root, "rev-parse", "main")
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    _login(page, served.url)
    page.goto(served.url + "#/collections/cases-2026/new")
    page.get_by_role("button", name="Add event").wait_for()

    # The number is not typed: the form is given it. The demo has 43 cases in 2026
    # (cases/2026/2026-0001 to 0043) and no editor branch yet: the next is 2026-0044.
    _expect_number(page, "2026-0044")
    _fill(page, "received", "2026-11-24")  # a Tuesday
    _choose(page, "kind", "complaint")
    _choose(page, "channel", "email")
    _fill(page, "category", "repairs")
    _choose(page, "officer", "cdavies")
    _fill(page, "name", "Ada Testperson", first=True)  # the complainant's, not the contractor's
    _fill(page, "summary", "The kitchen tap has leaked since October.\nNo one came.")

    _add_event(page, "Acknowledged")
    _fill(page, "date", "2026-11-26")
    _fill(page, "stage", "1")
    _choose(page, "by", "cdavies")

    _add_event(page, "Responded")
    respond_upheld_with_50(page)
    _save(page)

    # Editorial workflow: the case is on its own branch; main has not moved.
    branch = "cms/cases-2026/2026-0044"
    assert branch in _git(root, "branch", "--list", "cms/*")
    assert _git(root, "rev-parse", "main") == main_before
    # Not on main. (Not asked of the working tree: decap-server checks a case's branch out
    # there for a moment to answer each request about it, so the file comes and goes.)
    assert _git(root, "ls-tree", "--name-only", "main", "--", "cases/2026/2026-0044.yaml") == ""
    saved = _git(root, "show", f"{branch}:cases/2026/2026-0044.yaml")
    assert saved.startswith("# yaml-language-server: $schema=../../.schemas/case.schema.json\n")

    _publish(page)
    assert branch not in _git(root, "branch", "--list", "cms/*")
    path = root / "cases/2026/2026-0044.yaml"
    assert path.read_text("utf-8") == saved

    shown = json.loads(_run(root, "show", "2026-0044", "--today", "2026-12-09", "--format", "json"))
    _run(root, "check", "--today", "2026-12-09")
    deadlines = {d["clock"]: d for d in shown["deadlines"]}
    # Code 6.2: acknowledge within 5 working days of receipt (Tue 24 Nov): Wed 25, Thu 26,
    # Fri 27, Mon 30, Tue 1 Dec. Code 6.3: respond within 10 working days of the
    # acknowledgement (Thu 26 Nov): 27, 30, 1, 2, 3, 4, 7, 8, 9, 10 -> Thu 10 Dec.
    assert deadlines["acknowledge"]["due"] == "2026-12-01"
    assert deadlines["acknowledge"]["done"] == "2026-11-26"
    assert deadlines["respond"]["due"] == "2026-12-10"
    assert deadlines["respond"]["done"] == "2026-12-08"
    assert {d["state"] for d in deadlines.values()} == {"met"}


def test_a_one_field_edit_changes_only_that_line(served: Served, browser: Any) -> None:
    root = served.root
    rel = "cases/2025/2025-0001.yaml"
    before = (root / rel).read_text("utf-8")
    assert "channel: social_media\n" in before
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    _login(page, served.url)
    page.goto(served.url + "#/collections/cases-2025/entries/2025-0001")
    page.get_by_role("button", name="Add event").wait_for()
    _choose(page, "channel", "letter")
    _save(page)
    branch = "cms/cases-2025/2025-0001"
    after = _git(root, "show", f"{branch}:{rel}")
    assert after == before.replace("channel: social_media\n", "channel: letter\n")
    assert _git(root, "show", f"main:{rel}") == before  # main is untouched until published


def test_a_case_waiting_on_its_branch_holds_its_number(served: Served, browser: Any) -> None:
    """`complaints new` counts ids on the editor's open branches; so does the form."""
    root = served.root
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    _login(page, served.url)
    highest = max(int(p.stem[5:]) for p in (root / "cases/2026").glob("2026-*.yaml"))
    waiting = [b.strip() for b in _git(root, "branch", "--list", "cms/cases-2026/*").splitlines()]
    first = f"2026-{highest + len(waiting) + 1:04d}"
    page.goto(served.url + "#/collections/cases-2026/new")
    _expect_number(page, first)
    _fill(page, "received", "2026-11-25")
    _choose(page, "kind", "complaint")
    _choose(page, "channel", "phone")
    _fill(page, "category", "repairs")
    _choose(page, "officer", "aokafor")
    _fill(page, "name", "Bo Testperson", first=True)
    _fill(page, "summary", "Draft: waits for approval.")
    _save(page)  # a draft on cms/cases-2026/<first>, not published
    assert f"cms/cases-2026/{first}" in _git(root, "branch", "--list", "cms/*")
    assert _git(root, "ls-tree", "--name-only", "main", "--", f"cases/2026/{first}.yaml") == ""

    # A second new case while the first waits on its branch: the next number after it.
    second = f"2026-{int(first[5:]) + 1:04d}"
    fresh = browser.new_page(viewport={"width": 1280, "height": 900})  # a form opened afresh
    _login(fresh, served.url)
    fresh.goto(served.url + "#/collections/cases-2026/new")
    _expect_number(fresh, second)
    # And an existing case keeps its number, read-only (in a tab of its own: leaving the new
    # form, which has its number and so has changes, would ask to discard them).
    other = browser.new_page(viewport={"width": 1280, "height": 900})
    _login(other, served.url)
    other.goto(served.url + "#/collections/cases-2025/entries/2025-0002")
    _expect_number(other, "2025-0002")
