"""One case (`complaints show`) as text, its timeline and every clock, or as JSON."""

from __future__ import annotations

import json

from ..caseview import CaseView
from ..textsafe import printable, printable_line


def case_json(view: CaseView) -> str:
    outcome = view.outcome
    body: dict[str, object] = (
        outcome.result.to_json() if outcome.result else {"id": view.case_id, "file": outcome.rel}
    )
    body["problems"] = [p.to_json() for p in outcome.problems]
    return json.dumps(body, indent=1, ensure_ascii=False) + "\n"


def case_text(view: CaseView) -> str:
    outcome, today = view.outcome, view.today
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
    out += [f"  {k:<9} {printable(v)}" for k, v in facts if v]
    summary = case.data.get("summary")
    if summary:
        out += ["", "  summary: " + printable_line(summary)]
    out += ["", "Timeline"]
    for event in case.events:
        later = "  (after today: not counted)" if event.date > today else ""
        who = f" by {printable(event.by)}" if event.by else ""
        extra = []
        for key in ("outcome", "working_days", "reason", "finding", "clock", "due", "restricts", "review", "lifted", "satisfied", "score"):  # fmt: skip
            if event.get(key) is not None:
                extra.append(f"{key}={printable(event.get(key))}")
        for order in event.orders:
            done = f" done {order.done}" if order.done else ""
            extra.append(f"order due {order.due}{done}: {printable(order.order)}")
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
            out.append(f"  line {p.line or '-'}: {p.severity}: {printable(p.described())}")
    return "\n".join(out) + "\n"
