"""Write the default Word templates (letters/templates/*.docx) with python-docx.

Run ``python -m putright.letters.make_templates`` after changing a letter here; the .docx files
are committed, so a trust can open them in Word and make them its own. Each Jinja tag is a run
of its own (docxtpl needs a tag whole within a run); ``{%p ... %}`` paragraphs are loops and
conditions that vanish when the letter is filled in. Headings use Word's heading styles (a
screen reader can move between them) and the document's language is British English.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Callable
from typing import Any

from docx import Document
from docx.oxml.ns import qn

LANGUAGE = "en-GB"
Builder = Callable[[Any], None]


def _language(document: Any) -> None:
    """en-GB for the whole document: the default run properties, every style, the metadata."""
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    for lang in styles.iter(qn("w:lang")):
        lang.set(qn("w:val"), LANGUAGE)
    if defaults is not None and not list(defaults.iter(qn("w:lang"))):
        rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
        lang = rpr.makeelement(qn("w:lang"), {qn("w:val"): LANGUAGE})
        rpr.append(lang)
    document.core_properties.language = LANGUAGE


def _p(document: Any, text: str, style: str | None = None, bold: bool = False) -> None:
    paragraph = document.add_paragraph(style=style)
    paragraph.add_run(text).bold = bold


def _letterhead(document: Any) -> None:
    _p(document, "{{ organisation }}", bold=True)
    _p(document, "{{ date }}")
    _p(document, "{{ name }}")
    _p(document, "{%p for line in address_lines %}")
    _p(document, "{{ line }}")
    _p(document, "{%p endfor %}")
    _p(document, "Our reference: {{ case_id }}")
    _p(document, "{%p if draft and gaps %}")
    _p(document, "DRAFT, NOT TO BE SENT. The record lacks what the Code requires:", bold=True)
    _p(document, "{%p for gap in gaps %}")
    _p(document, "{{ gap }}", "List Bullet")
    _p(document, "{%p endfor %}")
    _p(document, "{%p endif %}")
    _p(document, "Dear {{ salutation }},")


def _sign_off(document: Any) -> None:
    _p(document, "Yours sincerely,")
    _p(document, "{{ signatory }}")
    _p(document, "{{ organisation }}")
    _p(document, "{%p if contact %}")
    _p(document, "Contact us: {{ contact }}")
    _p(document, "{%p endif %}")


def _actions(document: Any, empty: str) -> None:
    _p(document, "{%p if actions %}")
    _p(document, "These actions are still to be completed:")
    _p(document, "{%p for a in actions %}")
    _p(
        document,
        "{{ a.label }}{% if a.description %}: {{ a.description }}{% endif %}, by {{ a.due }}",
        "List Bullet",
    )
    _p(document, "{%p endfor %}")
    _p(document, "{%p else %}")
    _p(document, empty)
    _p(document, "{%p endif %}")


def response(document: Any) -> None:
    document.add_heading("Our response to your complaint", 1)
    _p(document, "This is our response at stage {{ stage }} ({{ stage_name }}) of our procedure.")
    document.add_heading("Your complaint", 2)
    _p(document, "We understood your complaint, and the outcome you are seeking, as follows:")
    _p(document, "{{ definition }}")
    document.add_heading("Our decision", 2)
    _p(document, "{%p if outcome %}")
    _p(document, "Overall, your complaint is {{ outcome }}.")
    _p(document, "{%p endif %}")
    _p(document, "{%p for p in points %}")
    document.add_heading("Point {{ p.number }}: {{ p.point }}", 3)
    _p(document, "Our decision: {{ p.decision }}.")
    _p(document, "Our reasons: {{ p.reasons }}")
    _p(document, "{%p endfor %}")
    document.add_heading("Putting things right", 2)
    _p(document, "{%p if remedies %}")
    _p(document, "{%p for r in remedies %}")
    _p(
        document,
        "{{ r.label }}{% if r.description %}: {{ r.description }}{% endif %}"
        "{% if r.done %} (done on {{ r.done }}){% elif r.due %} (by {{ r.due }}){% endif %}",
        "List Bullet",
    )
    _p(document, "{%p endfor %}")
    _p(document, "{%p else %}")
    _p(document, "We are not offering a remedy, for the reasons given above.")
    _p(document, "{%p endif %}")
    document.add_heading("What happens next", 2)
    _actions(document, "There are no outstanding actions.")
    document.add_heading("If you are not satisfied", 2)
    _p(document, "{{ escalation }}")


def extension(document: Any) -> None:
    document.add_heading("We need more time to answer your complaint", 1)
    _p(document, "We are writing about your complaint at stage {{ stage }} ({{ stage_name }}).")
    document.add_heading("Our new date", 2)
    _p(document, "We now expect to send you our response by {{ new_date }}.")
    document.add_heading("Why we need more time", 2)
    _p(document, "{{ reason }}")
    document.add_heading("The Housing Ombudsman", 2)
    _p(
        document,
        "If you are unhappy with this, you can contact the Housing Ombudsman: {{ ombudsman }}",
    )


def refusal(document: Any) -> None:
    document.add_heading("Why we cannot accept your complaint", 1)
    _p(
        document,
        "We cannot accept your complaint under our complaints procedure because {{ reason }}.",
    )
    _p(document, "{%p if explanation %}")
    _p(document, "{{ explanation }}")
    _p(document, "{%p endif %}")
    document.add_heading("Your right to take this to the Housing Ombudsman", 2)
    _p(
        document,
        "You can ask the Housing Ombudsman to look at our decision not to accept your "
        "complaint: {{ ombudsman }}",
    )


def escalation_refusal(document: Any) -> None:
    document.add_heading("Your request to take your complaint further", 1)
    _p(document, "We cannot take your complaint to stage {{ stage }} ({{ stage_name }}).")
    document.add_heading("Our reason", 2)
    _p(document, "{{ reason }}")
    document.add_heading("Your right to take this to the Housing Ombudsman", 2)
    _p(document, "You can ask the Housing Ombudsman to look at our decision: {{ ombudsman }}")


def acknowledgement(document: Any) -> None:
    document.add_heading("We have received your complaint", 1)
    _p(document, "Your complaint is at stage {{ stage }} ({{ stage_name }}) of our procedure.")
    document.add_heading("Your complaint as we understand it", 2)
    _p(document, "{{ definition }}")
    _p(document, "If we have misunderstood anything, or you want a different outcome, tell us.")
    document.add_heading("When you will hear from us", 2)
    _p(document, "We will send you our response by {{ response_due }}.")


def update(document: Any) -> None:
    document.add_heading("An update on your complaint", 1)
    _p(document, "Your complaint is at stage {{ stage }} ({{ stage_name }}) of our procedure.")
    _p(document, "{%p if response_due %}")
    _p(document, "We expect to send you our response by {{ response_due }}.")
    _p(document, "{%p endif %}")
    _actions(document, "There are no outstanding actions.")


BUILDERS: dict[str, Builder] = {
    "acknowledgement": acknowledgement,
    "extension": extension,
    "response": response,
    "refusal": refusal,
    "escalation_refusal": escalation_refusal,
    "update": update,
}


def build(kind: str) -> Any:
    document = Document()
    _language(document)
    props = document.core_properties
    props.title = f"Putright letter template: {kind.replace('_', ' ')}"
    props.author = "Putright"
    props.created = props.modified = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    props.revision = 1
    _letterhead(document)
    BUILDERS[kind](document)
    _sign_off(document)
    return document


def write_all(folder: str) -> list[str]:
    os.makedirs(folder, exist_ok=True)
    written = []
    for kind in BUILDERS:
        path = os.path.join(folder, f"{kind}.docx")
        build(kind).save(path)
        written.append(path)
    return written


if __name__ == "__main__":  # pragma: no cover - run by hand after changing a letter
    target = (
        sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "templates")
    )
    for path in write_all(target):
        print(path)
