"""The monthly digest as blocks: per section, its complaints and the month's figures.

``counts_only`` leaves out officers' names and the learning text (ids, dates, counts only).
"""

from __future__ import annotations

from ..annual.figures import Share
from ..digest.figures import PeriodFigures
from ..digest.learning import LearningLine
from ..digest.month import MonthDigest
from .blocks import Block, Grid, Heading, Para


def share(value: Share) -> str:
    if value.whole == 0:
        return "none due"
    return f"{value.part} of {value.whole} ({value.percent}%)"


def money(amount: float) -> str:
    return f"£{amount:,.2f}"


def words(value: str | None) -> str:
    return (value or "not recorded").replace("_", " ")


def figure_blocks(f: PeriodFigures, *, level: int = 3) -> list[Block]:
    """The figures of a period against the Code (shared by the month and the quarter)."""
    rows: list[tuple[object, ...]] = []
    for s, perf in f.performance.items():
        rows.append(
            (
                f"Stage {s}",
                f.received[s],
                share(perf.acknowledged_on_time),
                share(perf.responded_on_time),
                share(perf.responded_without_extension),
                perf.with_extension,
                perf.extension_beyond_cap,
            )
        )
    out: list[Block] = [
        Heading(level, "Against the Code"),
        Grid(
            (
                "Stage",
                "Received",
                "Acknowledged on time",
                "Responded on time",
                "Without extension",
                "Extended",
                "Beyond the cap",
            ),
            tuple(rows),
        ),
        Heading(level, "Outcomes and remedies"),
        Grid(
            ("Stage", "Upheld", "Partly upheld", "Not upheld", "Responses"),
            tuple(
                (
                    f"Stage {s}",
                    t.count("upheld"),
                    t.count("partially_upheld"),
                    t.count("not_upheld"),
                    t.total,
                )
                for s, t in f.outcomes.items()
            ),
        ),
        Grid(
            ("Remedy offered", "Count"),
            tuple((words(label), n) for label, n in f.remedies.rows if n),
            "No remedies offered.",
        ),
        Para(
            f"Compensation offered: {money(f.compensation_offered.amount)} in "
            f"{f.compensation_offered.payments} payment(s); paid: "
            f"{money(f.compensation_paid.amount)} in {f.compensation_paid.payments}."
        ),
        Heading(level, "Refusals, withdrawals, closures"),
        Grid(
            ("Not accepted (Code 2.2), by reason", "Count"),
            tuple((words(label), n) for label, n in f.refusals.rows if n),
            "No complaint refused.",
        ),
        Para(
            f"Escalations refused: {f.escalations_refused}. Withdrawn: {f.withdrawn}. "
            f"Closed: {f.closed}. Referred to the Ombudsman: {f.referred}."
        ),
    ]
    return out


def month_blocks(digest: MonthDigest, *, counts_only: bool = False) -> list[Block]:
    out: list[Block] = [
        Heading(1, f"Monthly complaints digest, {digest.period.label}"),
        Para(
            f"{digest.organisation}: {digest.period.start.isoformat()} to "
            f"{digest.period.end.isoformat()}, from the records as of {digest.today.isoformat()}. "
            "Figures against the Code are counted as the annual report counts them."
        ),
    ]
    for section in digest.sections:
        out.append(Heading(2, section.team))
        if section.head_of_service and not counts_only:
            out.append(Para(f"For {section.head_of_service}, head of service."))
        heads: tuple[str, ...] = ("Case", "Kind", "Received", "Stage", "Closed")
        rows: list[tuple[object, ...]] = [
            (
                c.case,
                words(c.kind),
                c.received.isoformat(),
                c.stage,
                c.closed.isoformat() if c.closed else "open",
            )
            for c in section.cases
        ]
        if not counts_only:
            heads = (*heads, "Officer")
            rows = [(*r, c.officer) for r, c in zip(rows, section.cases, strict=True)]
        out += [Heading(3, "Every case of the month"), Grid(heads, tuple(rows), "No cases.")]
        out += figure_blocks(section.figures)
        out += [
            Heading(3, "Against the procedure"),
            Grid(
                ("Procedure", "Stage", "Deadline", "On time"),
                tuple((p.policy, p.stage, p.name, share(p.on_time)) for p in section.procedure),
                "No deadline of the procedure was met or missed this month.",
            ),
            Heading(3, "What we learned"),
        ]
        out.append(learning_block(section.learning, "month", counts_only=counts_only))
    if digest.left_out:
        out.append(
            Para(
                f"{digest.left_out} case file(s) have errors and are left out: run complaints check."
            )
        )
    return out


def learning_block(learning: tuple[LearningLine, ...], period: str, *, counts_only: bool) -> Block:
    """What responses recorded as learned in the period: a count only for the issue and summary
    (the lessons are the organisation's words about a case), else a table."""
    if counts_only:
        return Para(f"{len(learning)} response(s) recorded learning this {period}.")
    return Grid(
        ("Date", "Case", "Stage", "Outcome", "Learning"),
        tuple(
            (line.date.isoformat(), line.case, line.stage, words(line.outcome), line.learning)
            for line in learning
        ),
        f"No learning recorded this {period}.",
    )
