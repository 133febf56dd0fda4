"""Plain-text views for staff: one case's timeline with every clock; what falls due, by officer."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from .check import CheckResult, Evaluated
from .deadlines import open_deadlines


def _printable(text: object) -> str:
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in str(text))


def render_case(outcome: Evaluated, today: dt.date) -> str:
    case, result = outcome.case, outcome.result
    assert case is not None
    out = [f"{case.id}  ({case.file})", ""]
    facts = [
        ("received", case.received.isoformat()),
        ("kind", case.kind),
        ("policy", result.policy if result else case.policy or "?"),
        ("stage", result.stage if result else "?"),
        ("status", ("open" if result.open else f"closed {result.closed}") if result else "?"),
        ("channel", case.channel),
        ("category", case.category),
        ("officer", case.officer),
    ]
    out += [f"  {k:<9} {_printable(v)}" for k, v in facts if v]
    summary = case.data.get("summary")
    if summary:
        out += ["", "  summary: " + _printable(" ".join(str(summary).split()))]
    out += ["", "Timeline"]
    for event in case.events:
        later = "  (after today: not counted)" if event.date > today else ""
        who = f" by {_printable(event.by)}" if event.by else ""
        extra = []
        for key in ("outcome", "working_days", "reason", "finding", "clock", "due", "restricts", "review", "lifted", "satisfied", "score"):  # fmt: skip
            if event.get(key) is not None:
                extra.append(f"{key}={_printable(event.get(key))}")
        for order in event.orders:
            done = f" done {order.done}" if order.done else ""
            extra.append(f"order due {order.due}{done}: {_printable(order.order)}")
        for remedy in event.remedies:
            bits = [remedy.type]
            if remedy.amount_gbp is not None:
                bits.append(f"£{remedy.amount_gbp:,.2f}")
            if remedy.due:
                bits.append(f"due {remedy.due}")
            if remedy.done:
                bits.append(f"done {remedy.done}")
            extra.append("remedy " + " ".join(bits))
        out.append(
            f"  {event.date}  stage {event.stage}  {event.type}{who}  {'; '.join(extra)}{later}".rstrip()
        )
    if result is not None:
        out += ["", f"Clocks (as of {today})"]
        if not result.clocks:
            out.append("  none running")
        for clock in result.clocks:
            due = clock.due.isoformat() if clock.due else "no date set"
            done = (
                f"done {clock.done}"
                if clock.done
                else (
                    f"stopped {clock.stopped} ({clock.stopped_by})" if clock.stopped else "not done"
                )
            )
            ext = (
                f", +{clock.extended_working_days} wd extension"
                if clock.extended_working_days
                else ""
            )
            out.append(
                f"  stage {clock.stage}  {clock.name:<44} due {due:<11} {done:<28} {clock.state.replace('_', ' ').upper()}{ext}"
            )
        if result.actions:
            out += ["", "Actions (remedies with a due date)"]
            for action in result.actions:
                done = f"done {action.done}" if action.done else "not done"
                out.append(
                    f"  stage {action.stage}  {action.remedy:<16} due {action.due}  {done:<16} {action.state.replace('_', ' ').upper()}"
                )
    if outcome.problems:
        out += ["", "Problems"]
        for p in outcome.problems:
            out.append(f"  line {p.line or '-'}: {p.severity}: {_printable(p.described())}")
    return "\n".join(out)


@dataclass(frozen=True, slots=True)
class DueItem:
    officer: str
    case: str
    stage: str
    what: str
    due: dt.date
    state: str


def due_items(result: CheckResult, until: dt.date) -> list[DueItem]:
    """Open deadlines falling due on or before ``until`` (overdue ones included)."""
    rows = open_deadlines(result.cases, ("overdue", "due_soon", "pending"))
    return [
        DueItem(r.officer or "(no officer)", r.case, r.stage, r.what, r.due, r.state)
        for r in rows
        if r.due <= until
    ]


def render_due(items: list[DueItem], today: dt.date, until: dt.date) -> str:
    if not items:
        return f"Nothing falls due between {today} and {until}, and nothing is overdue."
    by_officer: dict[str, list[DueItem]] = defaultdict(list)
    for item in items:
        by_officer[item.officer].append(item)
    out = [f"Due by {until} (as of {today}), by officer", ""]
    for officer in sorted(by_officer):
        out.append(f"{_printable(officer)} ({len(by_officer[officer])})")
        for item in sorted(by_officer[officer], key=lambda i: (i.due, i.case)):
            out.append(
                f"  {item.due}  {item.case}  stage {item.stage}  {item.what:<20} {item.state.replace('_', ' ')}"
            )
        out.append("")
    return "\n".join(out).rstrip()
