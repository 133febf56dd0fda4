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
from typing import Any

from docx import Document
from docx.oxml.ns import qn

LANGUAGE = "en-GB"


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


# Each letter as lines, the way it reads: "# " a heading (one "#" a level), "- " a bulleted
# paragraph, "**...**" a bold one, anything else a paragraph; a line ending in a backslash goes
# on in the next (for the long Jinja ones). "{%p ... %}" lines are docxtpl's.
LETTERHEAD = """\
**{{ organisation }}**
{{ date }}
{{ name }}
{%p for line in address_lines %}
{{ line }}
{%p endfor %}
Our reference: {{ case_id }}
{%p if draft and gaps %}
**DRAFT, NOT TO BE SENT. The record lacks what the Code requires:**
{%p for gap in gaps %}
- {{ gap }}
{%p endfor %}
{%p endif %}
Dear {{ salutation }},
"""

SIGN_OFF = """\
Yours sincerely,
{{ signatory }}
{{ organisation }}
{%p if contact %}
Contact us: {{ contact }}
{%p endif %}
"""

ACTIONS = """\
{%p if actions %}
These actions are still to be completed:
{%p for a in actions %}
- {{ a.label }}{% if a.description %}: {{ a.description }}{% endif %}, by {{ a.due }}
{%p endfor %}
{%p else %}
There are no outstanding actions.
{%p endif %}
"""

LETTERS: dict[str, str] = {
    "acknowledgement": """\
# We have received your complaint
Your complaint is at stage {{ stage }} ({{ stage_name }}) of our procedure.
## Your complaint as we understand it
{{ definition }}
If we have misunderstood anything, or you want a different outcome, tell us.
## When you will hear from us
We will send you our response by {{ response_due }}.
""",
    "extension": """\
# We need more time to answer your complaint
We are writing about your complaint at stage {{ stage }} ({{ stage_name }}).
## Our new date
We now expect to send you our response by {{ new_date }}.
## Why we need more time
{{ reason }}
## The Housing Ombudsman
If you are unhappy with this, you can contact the Housing Ombudsman: {{ ombudsman }}
""",
    "response": """\
# Our response to your complaint
This is our response at stage {{ stage }} ({{ stage_name }}) of our procedure.
## Your complaint
We understood your complaint, and the outcome you are seeking, as follows:
{{ definition }}
## Our decision
{%p if outcome %}
Overall, your complaint is {{ outcome }}.
{%p endif %}
{%p for p in points %}
### Point {{ p.number }}: {{ p.point }}
Our decision: {{ p.decision }}.
Our reasons: {{ p.reasons }}
{%p endfor %}
## Putting things right
{%p if remedies %}
{%p for r in remedies %}
- {{ r.label }}{% if r.description %}: {{ r.description }}{% endif %}\\
{% if r.done %} (done on {{ r.done }}){% elif r.due %} (by {{ r.due }}){% endif %}
{%p endfor %}
{%p else %}
We are not offering a remedy, for the reasons given above.
{%p endif %}
## What happens next
"""
    + ACTIONS
    + """\
## If you are not satisfied
{{ escalation }}
""",
    "refusal": """\
# Why we cannot accept your complaint
We cannot accept your complaint under our complaints procedure because {{ reason }}.
{%p if explanation %}
{{ explanation }}
{%p endif %}
## Your right to take this to the Housing Ombudsman
You can ask the Housing Ombudsman to look at our decision not to accept your \\
complaint: {{ ombudsman }}
""",
    "escalation_refusal": """\
# Your request to take your complaint further
We cannot take your complaint to stage {{ stage }} ({{ stage_name }}).
## Our reason
{{ reason }}
## Your right to take this to the Housing Ombudsman
You can ask the Housing Ombudsman to look at our decision: {{ ombudsman }}
""",
    "update": """\
# An update on your complaint
Your complaint is at stage {{ stage }} ({{ stage_name }}) of our procedure.
{%p if response_due %}
We expect to send you our response by {{ response_due }}.
{%p endif %}
"""
    + ACTIONS,
}


def _write(document: Any, text: str) -> None:
    """Add ``text``'s lines to the document: headings, bullets, bold and plain paragraphs."""
    for line in text.replace("\\\n", "").splitlines():
        level = len(line) - len(line.lstrip("#"))
        if level and line[level : level + 1] == " ":
            document.add_heading(line[level + 1 :], level)
            continue
        # As every paragraph has been written since the first templates: a run whose bold is
        # said (off, but for the two bold lines), so a shipped .docx is rebuilt unchanged.
        bullet, bold = line.startswith("- "), line.startswith("**") and line.endswith("**")
        words = line[2:-2] if bold else line[2:] if bullet else line
        paragraph = document.add_paragraph(style="List Bullet" if bullet else None)
        paragraph.add_run(words).bold = bold


def build(kind: str) -> Any:
    document = Document()
    _language(document)
    props = document.core_properties
    props.title = f"Putright letter template: {kind.replace('_', ' ')}"
    props.author = "Putright"
    props.created = props.modified = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    props.revision = 1
    for text in (LETTERHEAD, LETTERS[kind], SIGN_OFF):
        _write(document, text)
    return document


def write_all(folder: str) -> list[str]:
    os.makedirs(folder, exist_ok=True)
    written = []
    for kind in LETTERS:
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
