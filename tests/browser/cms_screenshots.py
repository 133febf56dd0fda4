"""The staff guide's screenshots of the form editor, taken from the real editor.

    python tests/browser/cms_screenshots.py docs/guide/img

Makes a repository with `complaints init` and the demo cases, starts `complaints cms serve`,
and photographs each step of docs/guide/form-editor.md in headless Chromium. Not a test:
run it again when the editor's look changes.
"""

from __future__ import annotations

import re
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from browser_support import ARGS, CHROMIUM
from cms_support import (
    add_event,
    choose,
    editor_repo,
    expect_number,
    fill,
    login,
    respond_upheld_with_50,
    start_editor,
)

SIZE = {"width": 1100, "height": 680}


def _shot(page: Any, out: Path, name: str) -> None:
    page.wait_for_timeout(600)
    page.screenshot(path=str(out / f"{name}.png"))


def main(out: Path) -> None:
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    root = Path(tempfile.mkdtemp(prefix="shots-")) / "trust"
    editor_repo(root, "Brookfield Trust")
    server, url = start_editor(root)
    assert url is not None, server.stderr.read() if server.stderr else ""
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            page = browser.new_page(viewport=SIZE, locale="en-GB")
            login(page, url)
            page.get_by_text(re.compile(r"^2026-0043 ")).first.wait_for()
            _shot(page, out, "editor-list")

            page.goto(url + "#/collections/cases-2026/new")
            page.get_by_role("button", name="Add event").wait_for()
            expect_number(page, "2026-0044")  # allocated by the editor, not typed
            fill(page, "received", "2026-11-24")
            choose(page, "kind", "complaint")
            choose(page, "channel", "email")
            fill(page, "category", "repairs")
            choose(page, "officer", "cdavies")
            page.locator('input[id^="id-field-"]').scroll_into_view_if_needed()
            _shot(page, out, "editor-new-case")

            fill(page, "name", "Ada Testperson")
            fill(page, "summary", "The kitchen tap has leaked since October.\nNo one came.")
            add_event(page, "Acknowledged")
            fill(page, "date", "2026-11-26")
            fill(page, "stage", "1")
            choose(page, "by", "cdavies")
            page.get_by_role("button", name="Add event").click()
            page.get_by_text("Extended", exact=True).last.scroll_into_view_if_needed()
            _shot(page, out, "editor-add-event")
            page.get_by_text("Responded", exact=True).last.click()
            respond_upheld_with_50(page)
            page.locator('[id^="outcome-field-"]').last.scroll_into_view_if_needed()
            _shot(page, out, "editor-respond")

            page.get_by_role("button", name="Save").first.click()
            page.get_by_text("Entry saved").first.wait_for(timeout=30_000)
            page.get_by_role("button", name="Status: Draft").click()
            _shot(page, out, "editor-status")
            page.keyboard.press("Escape")

            page.goto(url + "#/workflow")
            page.get_by_text("2026-0044").first.wait_for()
            _shot(page, out, "editor-workflow")
            browser.close()
    finally:
        server.send_signal(2)
        server.wait(timeout=30)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
