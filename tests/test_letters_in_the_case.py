"""Letters and Ombudsman requests as part of the case: clocks, worklists, site, redaction."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

import markdown  # type: ignore[import-untyped]

from helpers import complaints
from putright.repository import Repository
from putright.site.audit_view import AuditView
from putright.site.internal import build_internal
from putright.site.public import build_public
from putright.site.templating import make_env

SECRET = "Quentin Blackwood-Secret"
LETTER = "letters/2026-0001/2026-03-16-response-stage1.md"


def case(policy: str, *events: str) -> str:
    lines = [
        "id: 2026-0001",
        "received: 2026-03-02",
        f"policy: {policy}",
        f"complainant: {{name: {SECRET}}}",
        "events:",
        "  - {date: 2026-03-04, type: acknowledged, stage: 1, by: jsmith}",
        "  - {date: 2026-03-06, type: contacted, stage: 1, by: jsmith}",
        "  - {date: 2026-03-06, type: mediation_offered, stage: 1, by: jsmith}",
        f"  - {{date: 2026-03-16, type: responded, stage: 1, by: jsmith, outcome: upheld, letter: {LETTER}}}",
        "  - {date: 2026-03-16, type: closed}",
        *(f"  - {e}" for e in events),
    ]
    return "\n".join(lines) + "\n"


REQUEST = "{date: 2026-05-05, type: ombudsman_evidence_requested, due: 2026-05-20, reference: '202612345'}"


def deadlines(root: Path, today: str) -> dict[str, dict[str, object]]:
    ran = complaints(root, "check", "--today", today, "--format", "json")
    assert ran.code == 0, ran.out + ran.err
    (only,) = json.loads(ran.out)["cases"]
    return {d["clock"]: d for d in only["deadlines"] if d["stage"] == "ombudsman"}


def test_saha_gives_the_ombudsman_15_working_days(make_repo: Callable[..., Path]) -> None:
    # saha, "Role of the Housing Ombudsman": "We will cooperate with the Ombudsman request for
    # evidence and provide this within **15 working days**." From Tue 5 May 2026, skipping
    # the Spring bank holiday (Mon 25 May): Wed 6 ... Fri 22 May is 13; Tue 26 is 14; Wed 27 is 15.
    root = make_repo(
        {"cases/2026/2026-0001.yaml": case("saha", REQUEST)}, policies=("hoc-2024", "saha")
    )
    clock = deadlines(root, "2026-05-26")["ombudsman_evidence"]
    assert clock["due"] == "2026-05-27" and clock["state"] == "due_soon"
    assert deadlines(root, "2026-05-28")["ombudsman_evidence"]["state"] == "overdue"


def test_without_a_procedure_time_the_requests_date_rules(make_repo: Callable[..., Path]) -> None:
    sent = "{date: 2026-05-19, type: ombudsman_evidence_sent}"
    root = make_repo({"cases/2026/2026-0001.yaml": case("hoc-2024", REQUEST, sent)})
    clock = deadlines(root, "2026-06-01")["ombudsman_evidence"]
    assert clock["due"] == "2026-05-20" and clock["done"] == "2026-05-19"
    assert clock["state"] == "met"


def test_an_open_request_is_on_the_due_list(make_repo: Callable[..., Path]) -> None:
    root = make_repo({"cases/2026/2026-0001.yaml": case("hoc-2024", REQUEST)})
    ran = complaints(root, "due", "--today", "2026-05-18", "--format", "json")
    items = json.loads(ran.out)["items"]
    # A deadline is labelled by its clock's name, as every open-deadline list labels it.
    assert [(i["case"], i["deadline"], i["due"]) for i in items] == [
        ("2026-0001", "Evidence to the Ombudsman", "2026-05-20")
    ]


def test_the_staff_case_page_links_its_letter_and_the_public_site_has_none(
    make_repo: Callable[..., Path],
) -> None:
    root = make_repo(
        {"cases/2026/2026-0001.yaml": case("hoc-2024"), LETTER: f"Dear {SECRET}\n"},
        settings="organisation: T\nhomes: 100\n",
    )
    repo = Repository.open(str(root))
    today = dt.date(2026, 4, 1)
    staff = {
        p.path: p
        for p in build_internal(
            repo, today, make_env(str(root)), audit=lambda r, d: AuditView(False, "none")
        )
    }
    assert staff[LETTER].content == f"Dear {SECRET}\n".encode()
    (page,) = [p for path, p in staff.items() if path.endswith("2026-0001.md")]
    assert isinstance(page.content, str)
    html = markdown.markdown(page.content)
    # The link is HTML, written as MkDocs writes a Markdown link: a letter in Markdown is a page.
    link = "../../letters/2026-0001/2026-03-16-response-stage1.html"
    assert f'<a href="{link}">letter sent</a>' in html
    public = build_public(repo, today, make_env(str(root)))
    for p in public:
        assert not p.path.startswith("letters/")
        content = p.content if isinstance(p.content, bytes) else p.content.encode()
        assert SECRET.encode() not in content


def test_redact_deletes_the_cases_letters(make_repo: Callable[..., Path]) -> None:
    root = make_repo(
        {
            "cases/2026/2026-0001.yaml": case("hoc-2024"),
            LETTER: f"Dear {SECRET}\n",
            "letters/2026-0002/keep.md": "another case's letter\n",
        }
    )
    before = complaints(root, "retention", "--today", "2033-01-01", "--format", "json")
    assert json.loads(before.out)["cases"][0]["letters"] == 1
    ran = complaints(root, "redact", "2026-0001", "--today", "2033-01-01")
    assert ran.code == 0, ran.err
    assert f"deleted 1 letter(s): {LETTER}" in ran.out
    assert not (root / "letters/2026-0001").exists()
    assert (root / "letters/2026-0002/keep.md").is_file()
    text = (root / "cases/2026/2026-0001.yaml").read_text(encoding="utf-8")
    assert "letter:" not in text and SECRET not in text
    after = json.loads(
        complaints(root, "retention", "--today", "2033-01-01", "--format", "json").out
    )
    assert after["cases"][0]["letters"] == 0


def test_an_open_request_is_on_the_dashboard(make_repo: Callable[..., Path]) -> None:
    root = make_repo({"cases/2026/2026-0001.yaml": case("hoc-2024", REQUEST)})
    repo = Repository.open(str(root))
    pages = build_internal(
        repo, dt.date(2026, 5, 21), make_env(str(root)), audit=lambda r, d: AuditView(False, "")
    )
    index = next(p for p in pages if p.path == "index.md")
    worklists = [
        p for p in pages if p.path.startswith("worklists/") and p.path != "worklists/index.md"
    ]
    for page in [index, *worklists]:
        assert isinstance(page.content, str)
    # due 20 May, nothing sent by 21 May: overdue on the home page and on jsmith's worklist
    assert "Evidence to the Ombudsman" in str(index.content)
    assert any("Evidence to the Ombudsman" in str(p.content) for p in worklists)
