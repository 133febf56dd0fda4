"""The quarterly pack as blocks: trend, Ombudsman, contractors, restrictions, learning, surveys.

``counts_only`` leaves out every free text (what was ordered or restricted, learning) and the
names of contractors and agents: ids, dates, enums and counts only.
"""

from __future__ import annotations

from ..digest.quarter import QuarterDigest
from .blocks import Block, Grid, Heading, Para
from .digest_month import figure_blocks, learning_block, money, share, words

_ORDER_STATE = {
    "met": "complied on time",
    "late": "complied late",
    "overdue": "NOT complied: overdue",
    "due_soon": "due soon",
    "pending": "not yet due",
}


def quarter_blocks(digest: QuarterDigest, *, counts_only: bool = False) -> list[Block]:
    sat = digest.satisfaction
    out: list[Block] = [
        Heading(1, f"Quarterly complaints report, {digest.period.label}"),
        Para(
            f"{digest.organisation}: {digest.period.start.isoformat()} to "
            f"{digest.period.end.isoformat()}, from the records as of {digest.today.isoformat()}. "
            "For the committee and the board (Code 9.7)."
        ),
        Heading(2, "Trend over the last four quarters"),
        Grid(
            (
                "Quarter",
                "Stage 1 received",
                "Stage 2 received",
                "Stage 1 on time",
                "Stage 2 on time",
                "Upheld",
                "Compensation offered",
            ),
            tuple(
                (
                    p.label,
                    f.received["1"],
                    f.received["2"],
                    share(f.performance["1"].responded_on_time),
                    share(f.performance["2"].responded_on_time),
                    share(f.upheld),
                    money(f.compensation_offered.amount),
                )
                for p, f in digest.trend
            ),
        ),
        Heading(2, "This quarter"),
        *figure_blocks(digest.figures),
        Heading(2, "Ombudsman determinations and orders"),
        Grid(
            ("Case", "Determined", "Finding", "Code not followed"),
            tuple(
                (
                    d.case,
                    d.date.isoformat(),
                    words(d.finding),
                    "" if d.non_compliance is None else d.non_compliance,
                )
                for d in digest.determinations
            ),
            "No determination this quarter.",
        ),
    ]
    order_heads: tuple[str, ...] = ("Case", "Determined", "Due", "Done", "Compliance")
    order_rows: list[tuple[object, ...]] = [
        (
            o.case,
            o.determined.isoformat(),
            o.due.isoformat(),
            o.done.isoformat() if o.done else "",
            _ORDER_STATE.get(o.state, o.state),
        )
        for o in digest.orders
    ]
    if not counts_only:
        order_heads = (*order_heads, "Order")
        order_rows = [(*r, o.order) for r, o in zip(order_rows, digest.orders, strict=True)]
    by_state = digest.orders_by_state()
    out += [
        Grid(order_heads, tuple(order_rows), "No Ombudsman order open or due this quarter."),
        Para(
            f"Orders: {by_state['met']} complied with on time, {by_state['late']} late, "
            f"{by_state['overdue']} overdue, {by_state['due_soon'] + by_state['pending']} not yet due."
        ),
        Heading(2, "Complaints about contractors and agents (Code 5.4-5.5)"),
        Grid(
            ("About", "Received", "Upheld (responses)"),
            tuple(
                (
                    words(p.party) if counts_only or not p.name else f"{words(p.party)}: {p.name}",
                    p.received,
                    p.upheld,
                )
                for p in digest.parties
            ),
            "No complaints this quarter.",
        ),
        Heading(2, "Unacceptable behaviour and restrictions on contact"),
        Para(
            f"Refused for unacceptable behaviour: {len(digest.refused_unacceptable)}"
            + (
                f" ({', '.join(digest.refused_unacceptable)})"
                if digest.refused_unacceptable
                else ""
            )
            + f". Restrictions in force at the quarter's end: {digest.restrictions_in_force}."
        ),
    ]
    r_heads: tuple[str, ...] = ("Case", "Recorded", "Review", "Review state", "Lifted")
    r_rows: list[tuple[object, ...]] = [
        (
            r.case,
            r.date.isoformat(),
            r.review.isoformat() if r.review else "",
            words(r.review_state) if r.review_state else "",
            r.lifted,
        )
        for r in digest.restrictions
    ]
    if not counts_only:
        r_heads = (*r_heads, "Restricts")
        r_rows = [(*row, r.restricts) for row, r in zip(r_rows, digest.restrictions, strict=True)]
    out.append(Grid(r_heads, tuple(r_rows), "No restriction recorded this quarter."))
    out.append(Heading(2, "Learning and service improvements"))
    out.append(learning_block(digest.learning, "quarter", counts_only=counts_only))
    mean = (
        "" if sat.mean_score is None else f" Mean score {sat.mean_score} (of {sat.scores} scored)."
    )
    out += [
        Heading(2, "Complainant satisfaction"),
        Para(
            f"Surveys this quarter: {sat.surveys}. Satisfied: {share(sat.share)} of those who answered; "
            f"{sat.not_answered} did not answer.{mean}"
            if sat.surveys
            else "No survey recorded this quarter."
        ),
    ]
    if digest.left_out:
        out.append(
            Para(
                f"{digest.left_out} case file(s) have errors and are left out: run complaints check."
            )
        )
    return out
