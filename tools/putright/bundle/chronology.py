"""The chronology of a case and its deadlines, as data, and as an HTML page that prints well.

Every value is the record's own text: the page is rendered with autoescaping, so a
complainant's "<" or "&" is shown, never interpreted.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from importlib import resources
from typing import Any

import jinja2

from ..engine import CaseResult
from ..policy.model import Policy
from ..records import Case, Event

# Keys shown in an event's details, in this order (the rest are the columns or kept apart).
_DETAIL_KEYS = (
    "outcome", "working_days", "reason", "explanation", "agreed", "ombudsman_details_given",
    "to", "clock", "due", "remedy", "finding", "non_compliance", "reference", "incident_date",
    "definition", "learning",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class ChronologyRow:
    date: dt.date
    type: str
    stage: str
    by: str
    details: tuple[str, ...]
    letter: str  # path as recorded, or ""
    letter_included: bool
    note: str

    def to_json(self) -> dict[str, Any]:
        return {
            "date": self.date.isoformat(),
            "type": self.type,
            "stage": self.stage,
            "by": self.by,
            "details": list(self.details),
            "letter": self.letter or None,
            "letter_included": self.letter_included,
            "note": self.note or None,
        }


def _details(event: Event) -> tuple[str, ...]:
    out = [
        f"{key.replace('_', ' ')}: {event.get(key)}"
        for key in _DETAIL_KEYS
        if event.get(key) is not None
    ]
    for point in event.get("points") or []:
        reasons = point.get("reasons") or "no reasons recorded"
        out.append(f"point: {point.get('point')} ({point.get('decision')}): {reasons}")
    for remedy in event.remedies:
        bits = [remedy.type.replace("_", " ")]
        if remedy.amount_gbp is not None:
            bits.append(f"£{remedy.amount_gbp:,.2f}")
        if remedy.description:
            bits.append(remedy.description)
        if remedy.due:
            bits.append(f"due {remedy.due}")
        if remedy.done:
            bits.append(f"done {remedy.done}")
        out.append("remedy: " + ", ".join(bits))
    return tuple(out)


def chronology(case: Case, letters: set[str]) -> list[ChronologyRow]:
    """Every event in record order; ``letters``: the letter paths the bundle includes."""
    rows = [
        ChronologyRow(
            case.received, "received", "", "", tuple(
                f"{k}: {case.data[k]}" for k in ("channel", "category", "kind") if case.data.get(k)
            ), "", False, "",
        )
    ]  # fmt: skip
    for event in case.events:
        letter = event.get("letter") or ""
        rows.append(
            ChronologyRow(
                event.date, event.type, event.stage, event.by or "", _details(event),
                letter, letter in letters, event.get("note") or "",
            )
        )  # fmt: skip
    return rows


def render_html(
    case: Case,
    policy: Policy,
    result: CaseResult,
    rows: list[ChronologyRow],
    versions: list[dict[str, str]],
    findings: list[dict[str, Any]],
    members: list[str],
    organisation: str,
    today: dt.date,
) -> str:
    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    source = (resources.files(__package__) / "chronology.html.j2").read_text("utf-8")
    person = case.data.get("complainant")
    return env.from_string(source).render(
        case=case,
        complainant=person if isinstance(person, dict) else {},
        definition=case.data.get("definition") or "",
        summary=case.data.get("summary") or "",
        policy=policy,
        clocks=result.clocks,
        actions=result.actions,
        rows=rows,
        versions=versions,
        findings=findings,
        members=members,
        organisation=organisation,
        today=today,
    )
