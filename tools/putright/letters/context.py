"""A letter's content from the record: the values each template shows, and what is missing.

Everything a letter says is read from the case (and its procedure and the organisation's
settings), so nothing is typed twice. The values are plain text: the renderers escape them
for Word or Markdown. What the Code requires and the record lacks is a gap: ``letter`` refuses
without ``--draft``, and with it the gap is marked in the document.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from ..calendar import WorkingCalendar
from ..config import Settings
from ..engine import evaluate
from ..errors import RecordError
from ..policy.model import Policy
from ..records import Case, Event, Remedy
from .requirements import KIND_EVENTS, Item, required_items

_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
_DECISIONS = {
    "upheld": "upheld",
    "partially_upheld": "partly upheld",
    "not_upheld": "not upheld",
}
_REMEDIES = {
    "apology": "An apology",
    "explanation": "An explanation",
    "financial": "A payment",
    "repair": "A repair",
    "decision_changed": "A change to our decision",
    "record_amended": "A correction to our records",
    "policy_change": "A change to our policy",
    "training": "Training for our staff",
    "other": "Another remedy",
}
# What is done by the letter itself; any other remedy not yet done is an outstanding action.
_DONE_BY_LETTER = ("apology", "explanation")
_REFUSALS = {
    "over_12_months": "the matter arose more than 12 months before you raised it (Code 2.3)",
    "legal_proceedings": "legal proceedings about the matter have started (Code 2.2)",
    "already_considered": "the matter has already been considered under our complaints policy (Code 2.2)",
    "outside_scope": "the matter is outside the scope of our complaints policy",
    "unacceptable_behaviour": "of our policy on unacceptable behaviour",
    "other": "of the reason explained below",
}
REDACTED = "[redacted]"


def long_date(day: dt.date) -> str:
    """A date as British letters write it: 4 March 2026."""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


@dataclass(slots=True)
class LetterPlan:
    kind: str
    case_id: str
    stage: str
    final: bool
    event: Event | None
    date: dt.date
    items: tuple[Item, ...]
    gaps: list[Item] = field(default_factory=list)
    context: dict[str, Any] = field(default_factory=dict)

    @property
    def complete(self) -> bool:
        return not self.gaps


def _text(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    stripped = value.strip()
    return stripped if stripped and stripped != REDACTED else None


def _find_event(case: Case, kind: str, stage: str | None, today: dt.date) -> Event | None:
    wanted = KIND_EVENTS[kind]
    found = [
        e
        for e in case.events_until(today)
        if e.type == wanted and (stage is None or e.stage == stage)
    ]
    return found[-1] if found else None


def _remedy(remedy: Remedy, on: dt.date) -> dict[str, str]:
    label = _REMEDIES.get(remedy.type, remedy.type)
    if remedy.amount_gbp is not None:
        label += f" of £{remedy.amount_gbp:,.2f}"
    out = {
        "label": label,
        "description": remedy.description or "",
        "due": long_date(remedy.due) if remedy.due else "",
        "done": long_date(remedy.done) if remedy.done and remedy.done <= on else "",
    }
    when = f"done on {out['done']}" if out["done"] else (f"by {out['due']}" if out["due"] else "")
    what = f"{label}: {out['description']}" if out["description"] else label
    out["text"] = f"{what} ({when})" if when else what
    return out


def _response_due(
    case: Case, policy: Policy, calendar: WorkingCalendar, stage: str, on: dt.date
) -> dt.date | None:
    """The stage's response deadline as the record stood on ``on`` (extensions included)."""
    own = policy.stage(stage)
    if own is None:
        return None
    respond = {c.id for c in own.clocks if "responded" in c.until}
    result = evaluate(case, policy, calendar, on)
    return next(
        (c.due for c in result.clocks if c.stage == stage and c.clock in respond and c.due), None
    )


def build_letter(
    case: Case,
    policy: Policy,
    settings: Settings,
    calendar: WorkingCalendar,
    kind: str,
    stage: str | None,
    today: dt.date,
    *,
    draft: bool = False,
) -> LetterPlan:
    """What a ``kind`` letter for ``case`` says, and the Code's items the record lacks."""
    event = _find_event(case, kind, stage, today)
    if event is None and stage is None and kind != "update":
        raise RecordError(
            f"case {case.id} has no {KIND_EVENTS[kind]} event to write a {kind} letter for "
            f"(record it first: complaints event {case.id} {KIND_EVENTS[kind]} ...)",
            file=case.file,
        )
    stage_id = event.stage if event is not None else (stage or _current_stage(case, today))
    order = policy.stage_ids
    final = bool(order) and stage_id == order[-1]
    items = required_items(kind, final)
    plan = LetterPlan(kind, case.id, stage_id, final, event, event.date if event else today, items)
    values: dict[str, Any] = {}
    gaps: dict[str, str] = {}

    def need(key: str, value: Any) -> None:
        """Record a value; an item the letter must state and the record lacks is a gap."""
        values[key] = value
        if not value and any(i.key == key for i in items):
            gaps[key] = ""

    if event is None and kind != "update":
        gaps["event"] = f"no {KIND_EVENTS[kind]} event at stage {stage_id}"
    data = case.data
    own = policy.stage(stage_id)
    raw_person = data.get("complainant")
    person: dict[str, Any] = raw_person if isinstance(raw_person, dict) else {}
    name = _text(person.get("name"))
    address = _text(person.get("address")) or ""
    ctx: dict[str, Any] = {
        "organisation": settings.organisation,
        "contact": settings.letters.contact or "",
        "ombudsman": settings.letters.ombudsman,
        "case_id": case.id,
        "date": long_date(plan.date),
        "name": name or "",
        "salutation": name or "resident",
        "address_lines": [
            line.strip() for line in address.replace(",", "\n").splitlines() if line.strip()
        ],
        "stage": stage_id,
        "stage_name": own.name if own else f"Stage {stage_id}",
        "final": final,
        "signatory": (event.by if event and event.by else None) or case.officer or "",
        "draft": draft,
    }
    need("stage", stage_id)
    need("definition", _definition(case, stage_id, today))
    if kind == "response":
        found, missing = _response_values(event, stage_id, plan.date)
        values.update(found)
        gaps.update(dict.fromkeys(missing, ""))
    elif kind in ("extension", "acknowledgement"):
        due = _response_due(case, policy, calendar, stage_id, plan.date) if event else None
        need("new_date" if kind == "extension" else "response_due", long_date(due) if due else "")
        if kind == "acknowledgement":
            values["new_date"] = values["response_due"]
        need("reason", _text(event.get("reason")) if event else None)
    elif kind == "refusal":
        reason = event.get("reason") if event else None
        explanation = _text(event.get("explanation")) if event else None
        ctx["explanation"] = explanation or ""
        text = _REFUSALS.get(reason, "") if isinstance(reason, str) else ""
        # "other" says nothing by itself: its explanation is the reason (Code 2.4).
        need("reason", text if reason != "other" or explanation else "")
    elif kind == "escalation_refusal":
        need("reason", _text(event.get("reason")) if event else None)
    elif kind == "update":
        due = _response_due(case, policy, calendar, stage_id, plan.date)
        values["response_due"] = long_date(due) if due else ""
        values["actions"] = _all_actions(case, plan.date)
    need("ombudsman", settings.letters.ombudsman)
    escalation = _escalation(policy, stage_id, final, settings)
    need("escalation", escalation)
    for key in ("reason", "new_date", "response_due", "definition"):
        values.setdefault(key, "")
    values.setdefault("points", [])
    values.setdefault("remedies", [])
    values.setdefault("actions", [])
    values.setdefault("outcome", "")
    plan.gaps = [i for i in items if i.key in gaps]
    if "event" in gaps:
        plan.gaps.insert(0, Item("event", gaps["event"], items[0].provision))
    for item in plan.gaps:
        mark = f"[MISSING: {item.describe()}]"
        if isinstance(values.get(item.key), list):
            continue  # lists mark their own gaps (see _response_values)
        values[item.key] = mark
    ctx.update(values)
    ctx["gaps"] = [i.describe() for i in plan.gaps]
    plan.context = ctx
    return plan


def _current_stage(case: Case, today: dt.date) -> str:
    stages = [e.stage for e in case.events_until(today) if e.type in ("acknowledged", "escalated")]
    return stages[-1] if stages else "1"


def _definition(case: Case, stage: str, today: dt.date) -> str | None:
    """The definition at ``stage``: the escalation's own (5.6) where recorded, else the case's."""
    if stage != "1":
        for event in case.events_until(today):
            if (
                event.type == "escalated"
                and event.stage == stage
                and _text(event.get("definition"))
            ):
                return _text(event.get("definition"))
    return _text(case.data.get("definition"))


def _escalation(policy: Policy, stage: str, final: bool, settings: Settings) -> str:
    if final:
        return (
            "This is our final response. If you remain unhappy, you can refer your complaint to "
            f"the Housing Ombudsman: {settings.letters.ombudsman}"
        )
    order = policy.stage_ids
    later = order[order.index(stage) + 1 :] if stage in order else ()
    if not later:
        return ""
    following = policy.stage(later[0])
    name = following.name if following else f"Stage {later[0]}"
    own = policy.stage(stage)
    window = own.escalation_window if own else None
    when = f" within {window.within.describe()} of this letter" if window else ""
    how = f" {settings.letters.contact}" if settings.letters.contact else " reply to this letter"
    return (
        f"If you are not satisfied, you can ask us to take your complaint to {name}{when}: "
        f"tell us why you remain unhappy.{' Contact:' if settings.letters.contact else ' To do so,'}{how}."
    )


def _response_values(
    event: Event | None, stage: str, on: dt.date
) -> tuple[dict[str, Any], set[str]]:
    """The decision, per point, with reasons; remedies; outstanding actions. And the gaps."""
    provision = "6.9" if stage == "1" else "6.19"
    gaps: set[str] = set()
    points = []
    for number, raw in enumerate((event.get("points") if event else None) or [], start=1):
        reasons = _text(raw.get("reasons"))
        if not reasons:
            gaps.add("reasons")
            reasons = f"[MISSING: the reasons for this decision (Code {provision}(d))]"
        decision = str(raw.get("decision"))
        points.append(
            {
                "number": str(number),
                "point": _text(raw.get("point")) or "",
                "decision": _DECISIONS.get(decision, decision),
                "reasons": reasons,
            }
        )
    if not points:
        gaps.update(("decision", "reasons"))
        points = [
            {
                "number": "1",
                "point": "[MISSING: the points of the complaint (points:)]",
                "decision": f"[MISSING: the decision on each point (Code {provision}(c))]",
                "reasons": f"[MISSING: the reasons for each decision (Code {provision}(d))]",
            }
        ]
    remedies = [_remedy(r, on) for r in event.remedies] if event else []
    pending = [r for r in event.remedies if _outstanding(r, on)] if event else []
    if any(r.due is None for r in pending):
        gaps.add("actions")
    outcome = event.get("outcome") if event else None
    values = {
        "points": points,
        "outcome": _DECISIONS.get(str(outcome), "") if outcome else "",
        "remedies": remedies,
        "actions": [_action(r, on, provision) for r in pending],
    }
    return values, gaps


def _outstanding(remedy: Remedy, on: dt.date) -> bool:
    if remedy.type in _DONE_BY_LETTER:
        return False
    if remedy.type == "financial" and remedy.due is None:
        return False  # paid with the response
    return remedy.done is None or remedy.done > on


def _action(remedy: Remedy, on: dt.date, provision: str) -> dict[str, str]:
    out = _remedy(remedy, on)
    if not remedy.due:
        out["due"] = f"[MISSING: a date for this action (Code {provision}(f))]"
    what = f"{out['label']}: {out['description']}" if out["description"] else out["label"]
    out["text"] = f"{what}, by {out['due']}"
    return out


def _all_actions(case: Case, on: dt.date) -> list[dict[str, str]]:
    """Every remedy of the case still outstanding on ``on`` (for an update)."""
    return [
        _action(r, on, "7.3")
        for e in case.events_until(on)
        if e.type == "responded"
        for r in e.remedies
        if _outstanding(r, on)
    ]
