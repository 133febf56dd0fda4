"""`complaints letter`: real .docx files read back with python-docx, and Markdown.

Every expected value is the record's own text, or a date counted by hand from the Code's
timescales (6.3: respond within 10 working days of acknowledgement; 6.4 extensions).
"""

from __future__ import annotations

import json
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import docx
import pytest

from helpers import complaints
from putright.letters.make_templates import build
from putright.letters.requirements import KINDS

TEMPLATES = Path(__file__).resolve().parents[1] / "tools/putright/letters/templates"

# The Code's stage 1 response (6.9) has the stage, the definition, the decision on each point
# with reasons, remedies, outstanding actions with dates and how to escalate.
HOSTILE_NAME = "Jane Example & Sons <Ltd>"
HOSTILE_DEFINITION = (
    "The leak {{ 7*7 }} {% raw %}was never fixed & the resident wants <b>repair</b>"
)
POINT_1 = "The leak was not repaired within 28 days"
REASONS_1 = "Our repairs policy sets 28 days; the repair took 41."
POINT_2 = "Staff were rude on the phone"
REASONS_2 = "The call recording shows the officer was polite."

CASE = f"""id: 2026-0042
received: 2026-03-02
channel: email
complainant:
  name: "{HOSTILE_NAME}"
  address: 1 Example Road, Exampletown
definition: "{HOSTILE_DEFINITION}"
events:
  - {{date: 2026-03-04, type: acknowledged, stage: 1, by: jsmith}}
  - date: 2026-03-12
    type: extended
    stage: 1
    working_days: 5
    reason: awaiting the contractor's report
    ombudsman_details_given: true
  - date: 2026-03-24
    type: responded
    stage: 1
    by: jsmith
    outcome: partially_upheld
    points:
      - {{point: {POINT_1}, decision: upheld, reasons: "{REASONS_1}"}}
      - {{point: {POINT_2}, decision: not_upheld, reasons: "{REASONS_2}"}}
    remedies:
      - {{type: apology}}
      - {{type: financial, amount_gbp: 75}}
      - {{type: repair, description: renew the bathroom ceiling, due: 2026-04-15}}
  - {{date: 2026-03-30, type: escalated, stage: 2}}
  - {{date: 2026-04-01, type: acknowledged, stage: 2, by: mpatel}}
  - date: 2026-04-28
    type: responded
    stage: 2
    by: mpatel
    outcome: not_upheld
    points:
      - {{point: {POINT_1}, decision: not_upheld, reasons: "The repair was done on 2026-04-10."}}
"""

BARE = """id: 2026-0043
received: 2026-03-02
complainant: {name: Sam Sample}
events:
  - {date: 2026-03-04, type: acknowledged, stage: 1, by: jsmith}
  - {date: 2026-03-20, type: responded, stage: 1, by: jsmith, outcome: upheld,
     remedies: [{type: repair, description: fix the gate}]}
"""

REFUSED = """id: 2026-0044
received: 2026-03-02
complainant: {name: Pat Person}
events:
  - {date: 2026-03-05, type: refused, reason: legal_proceedings,
     explanation: "Your claim was filed at the county court on 2026-02-20."}
"""

ESCALATION_REFUSED = """id: 2026-0045
received: 2026-03-02
complainant: {name: Lee Lodger}
definition: The fence.
events:
  - {date: 2026-03-04, type: acknowledged, stage: 1, by: jsmith}
  - {date: 2026-03-10, type: responded, stage: 1, by: jsmith, outcome: upheld,
     points: [{point: the fence, decision: upheld, reasons: it fell}]}
  - {date: 2026-03-20, type: escalation_refused, stage: 2,
     reason: "The escalation concerns a new matter, logged as a new complaint."}
"""

# saha's procedure, "Role of the Housing Ombudsman": the contact details letters print.
OMBUDSMAN = "Housing Ombudsman Service, PO Box 152, Liverpool L33 7WQ"


@pytest.fixture
def repo(make_repo: Callable[..., Path]) -> Path:
    return make_repo(
        {
            "cases/2026/2026-0042.yaml": CASE,
            "cases/2026/2026-0043.yaml": BARE,
            "cases/2026/2026-0044.yaml": REFUSED,
            "cases/2026/2026-0045.yaml": ESCALATION_REFUSED,
        }
    )


def texts(path: Path) -> list[str]:
    """Every paragraph's text, as Word shows it."""
    return [p.text for p in docx.Document(str(path)).paragraphs]


def whole(path: Path) -> str:
    return "\n".join(texts(path))


def letter(repo: Path, *args: str) -> tuple[int, str, str]:
    ran = complaints(repo, "letter", *args, "--today", "2026-06-01")
    return ran.code, ran.out, ran.err


def test_stage_1_response_states_every_item_from_the_record(repo: Path) -> None:
    code, out, err = letter(repo, "2026-0042", "response", "--stage", "1")
    assert code == 0, err
    path = repo / "letters/2026-0042/2026-03-24-response-stage1.docx"
    assert "letters/2026-0042/2026-03-24-response-stage1.docx" in out
    body = whole(path)
    # (a) the stage, (b) the definition, hostile text and all, as text
    assert "stage 1 (Stage 1)" in body
    assert HOSTILE_DEFINITION in body and "49" not in body
    # (c) the decision on each point and (d) its reasons
    paragraphs = texts(path)
    assert f"Point 1: {POINT_1}" in paragraphs and f"Point 2: {POINT_2}" in paragraphs
    assert "Our decision: upheld." in paragraphs and "Our decision: not upheld." in paragraphs
    assert f"Our reasons: {REASONS_1}" in paragraphs and f"Our reasons: {REASONS_2}" in paragraphs
    assert "Overall, your complaint is partly upheld." in paragraphs
    # (e) remedies, (f) the outstanding action with its date, (g) how to escalate
    assert "A payment of £75.00" in paragraphs
    assert "A repair: renew the bathroom ceiling (by 15 April 2026)" in paragraphs
    assert "A repair: renew the bathroom ceiling, by 15 April 2026" in paragraphs
    assert "take your complaint to Stage 2" in body
    # addressed to the complainant, whose name reaches Word as text
    assert HOSTILE_NAME in paragraphs and f"Dear {HOSTILE_NAME}," in paragraphs
    assert "1 Example Road" in paragraphs and "Exampletown" in paragraphs
    assert "24 March 2026" in paragraphs


def test_stage_2_response_gives_the_ombudsman(repo: Path) -> None:
    code, _out, err = letter(repo, "2026-0042", "response", "--stage", "2")
    assert code == 0, err
    body = whole(repo / "letters/2026-0042/2026-04-28-response-stage2.docx")
    assert "stage 2 (Stage 2)" in body
    assert "The repair was done on 2026-04-10." in body
    assert "This is our final response" in body and OMBUDSMAN in body
    assert "0300 111 3000" in body and "info@housing-ombudsman.org.uk" in body


def test_the_letter_is_real_word_with_headings_and_british_english(repo: Path) -> None:
    assert letter(repo, "2026-0042", "response", "--stage", "1")[0] == 0
    path = repo / "letters/2026-0042/2026-03-24-response-stage1.docx"
    document = docx.Document(str(path))
    styles = {p.style.name for p in document.paragraphs if p.style is not None}
    assert {"Heading 1", "Heading 2", "Heading 3"} <= styles
    assert document.core_properties.language == "en-GB"
    with zipfile.ZipFile(path) as archive:
        styles_xml = archive.read("word/styles.xml").decode("utf-8")
        document_xml = archive.read("word/document.xml").decode("utf-8")
    assert '<w:lang w:val="en-GB"' in styles_xml and 'w:val="en-US"' not in styles_xml
    # No template tag is left behind; the resident's text is escaped XML, not markup.
    assert "{%" not in document_xml.replace("{% raw %}", "")
    assert "&amp; Sons &lt;Ltd&gt;" in document_xml


def test_extension_letter_has_the_new_date_reason_and_ombudsman(repo: Path) -> None:
    code, _out, err = letter(repo, "2026-0042", "extension")
    assert code == 0, err
    paragraphs = texts(repo / "letters/2026-0042/2026-03-12-extension-stage1.docx")
    # Acknowledged Wed 4 March 2026; 10 + 5 working days later, no bank holiday between:
    # Thu 5 ... Wed 25 March (counted by hand).
    assert "We now expect to send you our response by 25 March 2026." in paragraphs
    assert "awaiting the contractor's report" in paragraphs
    assert any(OMBUDSMAN in p for p in paragraphs)


def test_acknowledgement_gives_definition_and_due_date(repo: Path) -> None:
    code, _out, err = letter(repo, "2026-0042", "acknowledgement", "--stage", "1")
    assert code == 0, err
    body = whole(repo / "letters/2026-0042/2026-03-04-acknowledgement-stage1.docx")
    # 10 working days after Wed 4 March 2026 (Code 6.3): Wed 18 March.
    assert "We will send you our response by 18 March 2026." in body
    assert HOSTILE_DEFINITION in body


def test_refusal_gives_reason_and_right_to_the_ombudsman(repo: Path) -> None:
    code, _out, err = letter(repo, "2026-0044", "refusal")
    assert code == 0, err
    body = whole(repo / "letters/2026-0044/2026-03-05-refusal-stage1.docx")
    assert "legal proceedings about the matter have started" in body
    assert "Your claim was filed at the county court on 2026-02-20." in body
    assert "Housing Ombudsman" in body and OMBUDSMAN in body


def test_escalation_refusal_gives_reason_and_ombudsman(repo: Path) -> None:
    code, _out, err = letter(repo, "2026-0045", "escalation_refusal")
    assert code == 0, err
    paragraphs = texts(repo / "letters/2026-0045/2026-03-20-escalation_refusal-stage2.docx")
    assert "The escalation concerns a new matter, logged as a new complaint." in paragraphs
    assert any(OMBUDSMAN in p for p in paragraphs)


def test_a_letter_the_record_cannot_fill_is_refused_naming_each_gap(repo: Path) -> None:
    code, _out, err = letter(repo, "2026-0043", "response")
    assert code == 1
    assert "nothing was written" in err
    assert "the complaint definition (Code 6.9(b))" in err
    assert "the decision on each point (points:) (Code 6.9(c))" in err
    assert "the reasons for each decision (points: reasons) (Code 6.9(d))" in err
    assert "outstanding actions, each with its date (Code 6.9(f))" in err
    assert not (repo / "letters").exists()


def test_a_draft_marks_each_gap_in_the_document(repo: Path) -> None:
    code, out, err = letter(repo, "2026-0043", "response", "--draft")
    assert code == 0, err
    assert "draft" in out
    body = whole(repo / "letters/2026-0043/2026-03-20-response-stage1.docx")
    assert "DRAFT, NOT TO BE SENT" in body
    assert "[MISSING: the complaint definition (Code 6.9(b))]" in body
    assert "[MISSING: a date for this action (Code 6.9(f))]" in body
    assert "A repair: fix the gate" in body


def test_markdown_letter_escapes_the_residents_words(repo: Path) -> None:
    out = repo / "out.md"
    code, _out, err = letter(repo, "2026-0042", "response", "--stage", "1", "--format",
                             "markdown", "--out", str(out))  # fmt: skip
    assert code == 0, err
    text = out.read_text(encoding="utf-8")
    assert "Jane Example &amp; Sons &lt;Ltd&gt;" in text
    assert "<b>" not in text and "&lt;b&gt;repair&lt;/b&gt;" in text
    assert "\\{\\{ 7\\*7 \\}\\}" in text and "49" not in text
    assert "### Point 1: The leak was not repaired within 28 days" in text
    assert "- A repair: renew the bathroom ceiling, by 15 April 2026" in text


def test_the_trusts_own_template_is_used(repo: Path) -> None:
    (repo / "letters/templates").mkdir(parents=True)
    (repo / "letters/templates/response.md").write_text(
        "Brookside letterhead\n\nDear {{ salutation }}, {{ definition }}\n", encoding="utf-8"
    )
    out = repo / "own.md"
    code, _o, err = letter(repo, "2026-0042", "response", "--format", "markdown", "--out", str(out))
    assert code == 0, err
    assert out.read_text(encoding="utf-8").startswith("Brookside letterhead\n\nDear Jane")


def test_an_existing_letter_is_not_overwritten(repo: Path) -> None:
    assert letter(repo, "2026-0044", "refusal")[0] == 0
    path = repo / "letters/2026-0044/2026-03-05-refusal-stage1.docx"
    before = path.read_bytes()
    code, _out, err = letter(repo, "2026-0044", "refusal")
    assert code == 1 and "--force" in err
    assert path.read_bytes() == before


def test_no_event_no_letter(repo: Path) -> None:
    code, _out, err = letter(repo, "2026-0044", "response")
    assert code == 1 and "no responded event" in err and "Traceback" not in err


def test_check_warns_on_responses_lacking_items_from_the_configured_date(
    make_repo: Callable[..., Path],
) -> None:
    settings = "organisation: T\nletters: {contents_required_from: 2026-03-15}\n"
    root = make_repo({"cases/2026/2026-0043.yaml": BARE}, settings=settings)
    ran = complaints(root, "check", "--today", "2026-06-01", "--format", "json")
    problems = json.loads(ran.out)["problems"]
    warned = [p for p in problems if "lacks what its letter must state" in p["message"]]
    assert len(warned) == 1 and warned[0]["severity"] == "warning"
    assert warned[0]["line"] == 6  # the responded event
    assert "the complaint definition (Code 6.9(b))" in warned[0]["message"]
    later = "organisation: T\nletters: {contents_required_from: 2026-03-21}\n"
    (root / "complaints.yml").write_text(later, encoding="utf-8")
    ran = complaints(root, "check", "--today", "2026-06-01", "--format", "json")
    assert not [p for p in json.loads(ran.out)["problems"] if "letter" in p["message"]]


def test_a_bad_setting_date_names_the_file_and_line(make_repo: Callable[..., Path]) -> None:
    root = make_repo(
        {}, settings="organisation: T\nletters:\n  contents_required_from: 2026-02-30\n"
    )
    ran = complaints(root, "check")
    assert ran.code == 1 and "complaints.yml:3" in ran.err


def test_check_warns_on_a_letter_outside_the_cases_folder(make_repo: Callable[..., Path]) -> None:
    text = BARE.replace(
        "{date: 2026-03-04, type: acknowledged, stage: 1, by: jsmith}",
        "{date: 2026-03-04, type: acknowledged, stage: 1, by: jsmith, "
        "letter: letters/2026-0099/ack.docx}",
    )
    root = make_repo({"cases/2026/2026-0043.yaml": text})
    ran = complaints(root, "check", "--today", "2026-06-01", "--format", "json")
    (warning,) = [p for p in json.loads(ran.out)["problems"] if "folder" in p["message"]]
    assert warning["line"] == 5 and warning["severity"] == "warning"
    assert "letters/2026-0043/" in warning["message"]


def test_an_update_needs_no_event_and_lists_outstanding_actions(repo: Path) -> None:
    # As of 1 April 2026: stage 2 acknowledged on 1 April; the repair (due 15 April) not done.
    ran = complaints(repo, "letter", "2026-0042", "update", "--today", "2026-04-01")
    assert ran.code == 0, ran.err
    paragraphs = texts(repo / "letters/2026-0042/2026-04-01-update-stage2.docx")
    assert "Your complaint is at stage 2 (Stage 2) of our procedure." in paragraphs
    # Code 6.14: 20 working days after Wed 1 April 2026, skipping Good Friday (3 April) and
    # Easter Monday (6 April): Thu 2 is 1, Tue 7 is 2, ... Thu 30 April is 19, Fri 1 May is 20.
    assert "We expect to send you our response by 1 May 2026." in paragraphs
    assert "A repair: renew the bathroom ceiling, by 15 April 2026" in paragraphs


@pytest.mark.parametrize("kind", KINDS)
def test_the_shipped_word_templates_are_the_scripts(kind: str, tmp_path: Path) -> None:
    """tools/putright/letters/templates/*.docx are made by make_templates: no drift."""
    shipped = docx.Document(str(TEMPLATES / f"{kind}.docx"))
    path = tmp_path / f"{kind}.docx"
    build(kind).save(str(path))
    fresh = docx.Document(str(path))

    def shape(document: Any) -> list[tuple[str, str]]:
        return [(p.style.name, p.text) for p in document.paragraphs]

    assert shape(shipped) == shape(fresh)
    assert shipped.core_properties.language == "en-GB"
    assert (TEMPLATES / f"{kind}.md").is_file()
