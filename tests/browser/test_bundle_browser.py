"""The evidence pack's chronology as the Ombudsman opens it: headless Chromium, and printed.

The pack is unzipped and chronology.html opened from disk (as a caseworker would); its
letters link to files in the pack; printing it gives a PDF with its headings.
"""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the shared test data

from browser_support import MARKS

from bundle_cases import OTHER_NAME, case_text
from helpers import History, at, complaints

pytestmark = MARKS

RESP = (
    "{date: 2026-03-16, type: responded, stage: 1, by: jsmith, outcome: upheld, "
    "letter: letters/2026-0001/response.md}"
)


def test_the_chronology_opens_and_prints(browser: object, tmp_path: Path) -> None:
    repo = History(tmp_path / "repo")
    own = "cases/2026/2026-0001.yaml"
    repo.commit(at("2026-03-02"), author="Jo Smith", files={
        own: case_text("2026-0001"), "complaints.yml": "organisation: Test Trust\n",
        "cases/2026/2026-0002.yaml": case_text("2026-0002", name=OTHER_NAME),
    })  # fmt: skip
    repo.commit(at("2026-03-16"), author="Mo Patel", files={
        own: case_text("2026-0001", "{date: 2026-03-04, type: acknowledged, stage: 1}", RESP),
        "letters/2026-0001/response.md": "Dear Alice, our response.\n",
    })  # fmt: skip
    pack = tmp_path / "pack.zip"
    ran = complaints(repo.root, "bundle", "2026-0001", "--out", str(pack), "--today", "2026-04-01")
    assert ran.code == 0, ran.err
    with zipfile.ZipFile(pack) as archive:
        archive.extractall(tmp_path / "unzipped")
    chronology = tmp_path / "unzipped/2026-0001/chronology.html"

    page = browser.new_page()  # type: ignore[attr-defined]
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(chronology.as_uri())
    assert page.locator("h1").inner_text() == "Case 2026-0001: evidence for the Housing Ombudsman"
    headings = page.locator("h2").all_inner_texts()
    assert headings[:3] == ["The complaint", "Chronology", "Deadlines and the procedure in force"]
    rows = page.locator("#chronology ~ table").first.locator("tbody tr")
    assert rows.count() == 3  # received, acknowledged, responded
    assert "The <kitchen> & the damp." in page.locator("body").inner_text()
    page.get_by_role("link", name="letters/2026-0001/response.md").click()
    assert "Dear Alice, our response." in page.locator("body").inner_text()
    assert all(u.startswith("file://") for u in requests), requests  # nothing fetched

    page.goto(chronology.as_uri())
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and len(pdf) > 5000
    (tmp_path / "chronology.pdf").write_bytes(pdf)
    page.close()
