"""The form editor, end to end: `complaints cms serve` over a repository made by `complaints init`
with the demo cases, driven through Decap CMS's own UI in headless Chromium.

Needs Node.js and npm (the editor's packages are installed into a cache on first use, as a
user's would be): .ci/run installs Debian's where node is missing.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from browser_support import MARKS
from cms_support import (
    add_event,
    choose,
    complaints_out,
    editor_repo,
    expect_number,
    fill,
    git_out,
    login,
    publish,
    respond_upheld_with_50,
    save,
    start_editor,
)

pytestmark = [*MARKS, pytest.mark.skipif(shutil.which("node") is None, reason="no Node.js")]


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


def test_a_case_made_in_the_form_is_valid_with_the_deadlines_a_hand_count_gives(
    served: Served, browser: Any
) -> None:
    root = served.root
    main_before = git_out(root, "rev-parse", "main")
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    login(page, served.url)
    page.goto(served.url + "#/collections/cases-2026/new")
    page.get_by_role("button", name="Add event").wait_for()

    # The number is not typed: the form is given it. The demo has 43 cases in 2026
    # (cases/2026/2026-0001 to 0043) and no editor branch yet: the next is 2026-0044.
    expect_number(page, "2026-0044")
    fill(page, "received", "2026-11-24")  # a Tuesday
    choose(page, "kind", "complaint")
    choose(page, "channel", "email")
    fill(page, "category", "repairs")
    choose(page, "officer", "cdavies")
    fill(page, "name", "Ada Testperson", first=True)  # the complainant's, not the contractor's
    fill(page, "summary", "The kitchen tap has leaked since October.\nNo one came.")

    add_event(page, "Acknowledged")
    fill(page, "date", "2026-11-26")
    fill(page, "stage", "1")
    choose(page, "by", "cdavies")

    add_event(page, "Responded")
    respond_upheld_with_50(page)
    save(page)

    # Editorial workflow: the case is on its own branch; main has not moved.
    branch = "cms/cases-2026/2026-0044"
    assert branch in git_out(root, "branch", "--list", "cms/*")
    assert git_out(root, "rev-parse", "main") == main_before
    # Not on main. (Not asked of the working tree: decap-server checks a case's branch out
    # there for a moment to answer each request about it, so the file comes and goes.)
    assert git_out(root, "ls-tree", "--name-only", "main", "--", "cases/2026/2026-0044.yaml") == ""
    saved = git_out(root, "show", f"{branch}:cases/2026/2026-0044.yaml")
    assert saved.startswith("# yaml-language-server: $schema=../../.schemas/case.schema.json\n")

    publish(page)
    assert branch not in git_out(root, "branch", "--list", "cms/*")
    path = root / "cases/2026/2026-0044.yaml"
    assert path.read_text("utf-8") == saved

    shown = json.loads(
        complaints_out(root, "show", "2026-0044", "--today", "2026-12-09", "--format", "json")
    )
    complaints_out(root, "check", "--today", "2026-12-09")
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
    login(page, served.url)
    page.goto(served.url + "#/collections/cases-2025/entries/2025-0001")
    page.get_by_role("button", name="Add event").wait_for()
    choose(page, "channel", "letter")
    save(page)
    branch = "cms/cases-2025/2025-0001"
    after = git_out(root, "show", f"{branch}:{rel}")
    assert after == before.replace("channel: social_media\n", "channel: letter\n")
    assert git_out(root, "show", f"main:{rel}") == before  # main is untouched until published


def test_a_case_waiting_on_its_branch_holds_its_number(served: Served, browser: Any) -> None:
    """`complaints new` counts ids on the editor's open branches; so does the form."""
    root = served.root
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    login(page, served.url)
    highest = max(int(p.stem[5:]) for p in (root / "cases/2026").glob("2026-*.yaml"))
    waiting = [
        b.strip() for b in git_out(root, "branch", "--list", "cms/cases-2026/*").splitlines()
    ]
    first = f"2026-{highest + len(waiting) + 1:04d}"
    page.goto(served.url + "#/collections/cases-2026/new")
    expect_number(page, first)
    fill(page, "received", "2026-11-25")
    choose(page, "kind", "complaint")
    choose(page, "channel", "phone")
    fill(page, "category", "repairs")
    choose(page, "officer", "aokafor")
    fill(page, "name", "Bo Testperson", first=True)
    fill(page, "summary", "Draft: waits for approval.")
    save(page)  # a draft on cms/cases-2026/<first>, not published
    assert f"cms/cases-2026/{first}" in git_out(root, "branch", "--list", "cms/*")
    assert git_out(root, "ls-tree", "--name-only", "main", "--", f"cases/2026/{first}.yaml") == ""

    # A second new case while the first waits on its branch: the next number after it.
    second = f"2026-{int(first[5:]) + 1:04d}"
    fresh = browser.new_page(viewport={"width": 1280, "height": 900})  # a form opened afresh
    login(fresh, served.url)
    fresh.goto(served.url + "#/collections/cases-2026/new")
    expect_number(fresh, second)
    # And an existing case keeps its number, read-only (in a tab of its own: leaving the new
    # form, which has its number and so has changes, would ask to discard them).
    other = browser.new_page(viewport={"width": 1280, "height": 900})
    login(other, served.url)
    other.goto(served.url + "#/collections/cases-2025/entries/2025-0002")
    expect_number(other, "2025-0002")
