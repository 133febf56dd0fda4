"""The form editor for the browser tests, the screenshot script and the benchmark: a trust's
repository made by `complaints init` with the demo cases, `complaints cms serve` started over
it, and the steps of filling Decap CMS's forms in Chromium.

Needs Node.js and npm (the editor's packages are installed into a cache on first use, as a
user's would be): .ci/run installs Debian's where node is missing.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

TODAY = "2026-11-24"  # the demo set's day


OFFICERS = ["aokafor", "bnguyen", "cdavies", "dwright", "ehughes", "fkhan"]


COMPLAINTS = [sys.executable, "-c", "from putright.cli import main; main()"]


def complaints_out(root: Path, *args: str) -> str:
    done = subprocess.run(
        [*COMPLAINTS, "--repo", str(root), *args], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def git_out(root: Path, *args: str) -> str:
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
    complaints_out(root, "demo", "--today", TODAY)
    config = root / "complaints.yml"
    text = config.read_text("utf-8").replace("officers: []", f"officers: [{', '.join(OFFICERS)}]")
    config.write_text(text, "utf-8")
    complaints_out(root, "cms", "config", "--write", "--today", TODAY)
    git_out(root, "add", "-A")
    git_out(root, "-c", "user.name=Test", "-c", "user.email=t@example.org", "commit", "-qm", "Demo")


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


def login(page: Any, url: str) -> None:
    page.goto(url)
    page.get_by_role("button", name="Login").click()
    page.get_by_text("Cases 2026").first.wait_for()


def choose(page: Any, field: str, option: str) -> None:
    """A Decap select or relation (react-select): type, then take the option offered."""
    box = page.locator(f'input[id^="{field}-field-"]').last
    box.click()
    box.fill(option)
    page.locator('[class*="option"]', has_text=re.compile(f"^{re.escape(option)}$")).first.click()


def fill(page: Any, field: str, value: str, *, first: bool = False) -> None:
    found = page.locator(f'[id^="{field}-field-"]')
    (found.first if first else found.last).fill(value)


def expect_number(page: Any, case_id: str) -> None:
    # Looked up afresh on each poll: after a route change the old form's box may linger.
    page.wait_for_function(
        """want => [...document.querySelectorAll('input[id^="id-field-"]')]
            .some(el => el.value === want && el.readOnly)""",
        arg=case_id,
    )


def add_event(page: Any, type_label: str) -> None:
    page.get_by_role("button", name="Add event").click()
    page.get_by_text(type_label, exact=True).last.click()


def respond_upheld_with_50(page: Any) -> None:
    """The responded event's fields: stage 1 upheld on 8 December, with a £50 remedy."""
    fill(page, "date", "2026-12-08")
    fill(page, "stage", "1")
    choose(page, "by", "cdavies")
    choose(page, "outcome", "upheld")
    page.get_by_role("button", name="Add remedy").click()
    choose(page, "type", "financial")
    fill(page, "amount_gbp", "50")


def save(page: Any) -> None:
    page.get_by_role("button", name="Save").first.click()
    page.get_by_text("Entry saved").first.wait_for(timeout=30_000)


def publish(page: Any) -> None:
    page.on("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Status: Draft").click()
    page.get_by_text("Ready", exact=True).last.click()
    page.get_by_text("Entry status updated").first.wait_for(timeout=30_000)
    page.get_by_role("button", name="Publish").first.click()
    page.get_by_text("Publish now").click()
    page.get_by_text("Entry published").first.wait_for(timeout=30_000)
