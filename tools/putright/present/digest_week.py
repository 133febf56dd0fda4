"""The weekly digest as blocks: per team, each officer's counts, then their cases.

``counts_only`` (the tracking issue, the workflow summary) leaves out officers' names, whose
workload is staff data, as the overdue issue does: per team totals and case ids with dates.
"""

from __future__ import annotations

from ..digest.week import DUE_WITHIN, STALLED_AFTER, WeekDigest
from .blocks import Block, Grid, Heading, Para

_HEADS = ("Open", "Overdue", "Due soon", f"Due in {DUE_WITHIN} wd", "Stalled", "Actions overdue")
_KEYS = ("open", "overdue", "due_soon", "due_within", "stalled", "remedies_overdue")


def _state(state: str | None) -> str:
    return (state or "").replace("_", " ")


def week_blocks(digest: WeekDigest, *, counts_only: bool = False) -> list[Block]:
    out: list[Block] = [
        Heading(1, f"Weekly complaints digest, {digest.period.label}"),
        Para(
            f"{digest.organisation}, as of {digest.today.isoformat()}. Overdue and due soon count "
            f"deadlines (as complaints check does); due in {DUE_WITHIN} wd counts those falling "
            f"due by {digest.until.isoformat()} and not yet overdue (as complaints due does); "
            f"stalled counts open complaints with no event for {STALLED_AFTER} working days."
        ),
    ]
    out.append(Heading(2, "Teams"))
    out.append(
        Grid(
            ("Team", *_HEADS),
            tuple((t.team, *(t.total(k) for k in _KEYS)) for t in digest.teams),
        )
    )
    for team in digest.teams:
        out.append(Heading(2, team.team))
        if team.line_manager and not counts_only:
            out.append(Para(f"For {team.line_manager}, line manager."))
        if not counts_only:
            out.append(
                Grid(
                    ("Officer", *_HEADS),
                    tuple((o.officer, *(getattr(o, k) for k in _KEYS)) for o in team.officers),
                    "No open cases.",
                )
            )
        lines = [
            (o.officer, c)
            for o in team.officers
            for c in o.cases
            if not counts_only or c.stalled or c.state in ("overdue", "due_soon")
        ]
        # By officer, as in the table above; by case where officers are not named.
        lines.sort(key=lambda oc: (oc[1].case,) if counts_only else (oc[0].casefold(), oc[1].case))
        heads = ("Case", "Stage", "Received", "Last event", "Next due", "State", "Stalled")
        rows = tuple(
            (
                c.case,
                c.stage,
                c.received.isoformat(),
                c.last_event.isoformat(),
                c.next_due.isoformat() if c.next_due else "",
                _state(c.state),
                "stalled" if c.stalled else "",
            )
            for _, c in lines
        )
        if counts_only:
            out.append(Heading(3, "Cases overdue, due soon or stalled"))
            out.append(Grid(heads, rows, "None."))
        else:
            out.append(Heading(3, "Cases"))
            out.append(
                Grid(
                    ("Officer", *heads),
                    tuple((o, *r) for (o, _), r in zip(lines, rows, strict=True)),
                    "None.",
                )
            )
    if digest.left_out:
        out.append(
            Para(
                f"{digest.left_out} case file(s) have errors and are left out: run complaints check."
            )
        )
    return out
