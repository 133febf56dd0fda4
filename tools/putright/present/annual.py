"""The annual report (`complaints report`, ``annual.assemble.ReportView``): text, Markdown, JSON.

Text and Markdown render a ``PublishedReport``: the public one (suppressed), or the staff one made by
``publish(report, 1)``, which hides nothing. The staff output says plainly that it is not for
publication. Every value that could come from a record or the year file is escaped for
Markdown (``textsafe.md_inline``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence

from ..annual.assemble import ReportView
from ..annual.facts import STAGES
from ..annual.public_assessment import PublicAssessment, PublicRow
from ..annual.published import PublishedMoney, PublishedRate, PublishedReport, PublishedTable
from ..annual.selfassess import Row, SelfAssessment, contradiction_text, evidence_lines
from ..annual.tsm import TsmGroup
from ..annual.yearfile import YearStatement
from ..textsafe import md_inline

HIDDEN = "*"  # a suppressed count in text and Markdown tables
NOT_WRITTEN = "not yet written"


def timeliness_rows(report: PublishedReport, min_cell: int) -> list[tuple[str, str]]:
    """On-time rates per stage, the same in every format."""
    rows = []
    for s in STAGES:
        limit = 10 if s == "1" else 20
        rows += [
            (
                f"stage {s} acknowledged within 5 working days",
                rate_text(report.acknowledged_on_time[s], min_cell),
            ),
            (
                f"stage {s} responded within the Code's time",
                rate_text(report.responded_on_time[s], min_cell),
            ),
            (
                f"stage {s} responded within {limit} working days, no extension",
                rate_text(report.responded_without_extension[s], min_cell),
            ),
        ]
    return rows


def words(label: str) -> str:
    """An enum as words: partially_upheld -> partially upheld."""
    return label.replace("_", " ")


def number(value: float | int | None, suffix: str = "") -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:,.1f}{suffix}"
    return f"{value:,}{suffix}"


def rate_text(rate: PublishedRate, min_cell: int) -> str:
    if rate.withheld:
        return f"not published (fewer than {min_cell} cases on one side)"
    if rate.percent is None:
        return "no cases"
    return f"{rate.percent:.1f}% of {rate.whole:,}"


def money_text(money: PublishedMoney, min_cell: int) -> str:
    if money.amount is None:
        return f"not published (fewer than {min_cell} payments)"
    return f"£{money.amount:,.2f} ({money.payments:,} payment(s))"


def change_text(value: float | int | None) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:+.1f}"
    return f"{value:+d}"


def tsm_rows(group: TsmGroup) -> list[tuple[str, str, str, str]]:
    """CH01 and CH02 of one group: measure, stage 1, stage 2, what each is based on."""
    one, two = group.ch01["1"], group.ch01["2"]
    first, second = group.ch02["1"], group.ch02["2"]
    homes = (
        "no group of homes"
        if group.group == "unknown"
        else "homes not set"
        if group.homes is None
        else f"{group.homes:,} homes"
    )
    return [
        (
            "CH01 complaints per 1,000 homes",
            number(one.value),
            number(two.value),
            f"{one.count:,} and {two.count:,} complaints; {homes}",
        ),
        (
            "CH02 % responded within the Code's timescales",
            number(first.percent),
            number(second.percent),
            f"{first.part:,} of {first.whole:,}; {second.part:,} of {second.whole:,} responses",
        ),
    ]


def other_rows(report: PublishedReport) -> list[tuple[str, str]]:
    """The figures that are not tables: money, two rates and the standalone counts."""
    min_cell = report.min_cell
    return [
        ("compensation offered", money_text(report.compensation_offered, min_cell)),
        ("compensation paid", money_text(report.compensation_paid, min_cell)),
        (
            "remedies completed by their due date (Code 7.3)",
            rate_text(report.actions_on_time, min_cell),
        ),
        (
            "stage 2 considered by someone new (Code 6.13)",
            rate_text(report.different_handlers, min_cell),
        ),
        *((words(k), HIDDEN if v is None else f"{v:,}") for k, v in report.counts.items()),
    ]


def change_rows(report: PublishedReport) -> list[tuple[str, str, str, str]]:
    """The year against the one before: measure, now, then, change."""
    return [
        (c.name, number(c.now), number(c.before), change_text(c.change)) for c in report.changes
    ]


def group_title(group: TsmGroup) -> str:
    return {
        "all": "All homes",
        "lcra": "Low-cost rental",
        "unknown": "Tenure other or not recorded",
        "lcho": "Low-cost home ownership",
    }.get(group.group, group.group)


# --- text --------------------------------------------------------------------------------


_NUMERIC = re.compile(r"^[-+–£*]?[\d,.]*%?$|^–$")


def _cell(text: str, width: int, first: bool) -> str:
    # Numbers right-aligned so their digits line up; words left-aligned.
    return text.rjust(width) if not first and _NUMERIC.match(text) else text.ljust(width)


def _grid(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    """Columns padded to width (numbers right-aligned), under an optional header."""
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    out = []
    if any(header):
        out.append(
            "  "
            + "  ".join(
                _cell(str(h), w, i == 0)
                for i, (h, w) in enumerate(zip(header, widths, strict=True))
            ).rstrip()
        )
    for row in rows:
        out.append(
            "  "
            + "  ".join(
                _cell(str(c), w, i == 0) for i, (c, w) in enumerate(zip(row, widths, strict=True))
            ).rstrip()
        )
    return out


def table_rows(table: PublishedTable) -> list[tuple[str, str]]:
    """A breakdown's rows as words and counts (hidden ones as *), then its total."""
    rows = [(words(r.label), HIDDEN if r.count is None else f"{r.count:,}") for r in table.rows]
    rows.append(("total", HIDDEN if table.total is None else f"{table.total:,}"))
    return rows


def _table_text(table: PublishedTable) -> list[str]:
    return [table.title, *_grid((table.label_header, "count"), table_rows(table)), ""]


def annual_text(view: ReportView) -> str:
    report, statement, assessment = view.shown, view.bundle.statement, view.assessment
    internal, left_out = view.internal, view.left_out
    min_cell = report.min_cell
    out = [
        f"Annual complaints report {report.label} ({report.start} to {report.end})",
        f"{report.organisation}, as of {report.as_of}"
        + ("" if report.complete else " (year to date)"),
    ]
    if internal:
        out.append(
            "FOR STAFF: unsuppressed figures, not for publication. The public site hides small numbers "
            "(`complaints report --public` shows what it publishes)."
        )
    else:
        out.append(f"As published: counts below {min_cell} are hidden ({HIDDEN}).")
    out += [f"note: {n.text}" for n in report.notes]
    out += [f"left out (errors): {rel}" for rel in left_out]
    out += ["", "Tenant Satisfaction Measures (measured against the Code's timescales)"]
    for group in (report.tsm, report.tsm_lcho, report.tsm_unknown):
        if group is None:
            continue
        out.append(f"{group_title(group)}" + (f" ({group.note})" if group.note else ""))
        out += _grid(("", "stage 1", "stage 2", "based on"), tsm_rows(group))
    out += ["", "Timeliness"]
    rows = timeliness_rows(report, min_cell)
    out += _grid(("", ""), rows)
    out.append("")
    for table in report.tables:
        out += _table_text(table)
    out.append("Other figures")
    out += _grid(("", ""), other_rows(report))
    if report.previous_label:
        out += ["", f"Compared with {report.previous_label}"]
        out += _grid(("", report.label, report.previous_label, "change"), change_rows(report))
    out += ["", *_statement_text(statement, assessment, min_cell if not internal else None)]
    return "\n".join(out).rstrip() + "\n"


def _lines(row: Row | PublicRow, min_cell: int | None) -> list[str]:
    # A public assessment's sentences are rendered and suppressed already (public_assessment).
    return list(row.lines) if isinstance(row, PublicRow) else evidence_lines(row.evidence, min_cell)


def _warning(row: Row | PublicRow, min_cell: int | None) -> str:
    return row.contradiction if isinstance(row, PublicRow) else contradiction_text(row, min_cell)


def _statement_text(
    statement: YearStatement | None,
    assessment: SelfAssessment | PublicAssessment,
    min_cell: int | None,
) -> list[str]:
    out = ["The organisation's statement for the year"]
    if statement is None:
        out.append(
            f"  the year file is {NOT_WRITTEN}: self-assessment, commentary, improvements, "
            "Ombudsman findings and the governing body's response"
        )
        return out
    out.append(f"  file: {statement.file}")
    out.append(
        f"  self-assessment: {assessment.answered} of {len(assessment.rows)} provisions answered"
        + (f"; approved by {assessment.approved}" if assessment.approved else "; not yet approved")
    )
    out.append(f"  service improvements: {len(statement.improvements) or NOT_WRITTEN}")
    out.append(
        "  governing body's response: "
        + ("written" if statement.governing_body_response else NOT_WRITTEN)
    )
    contradicted = assessment.contradictions
    if contradicted:
        out += ["", "Answers the records contradict"]
        out += [
            f"  {r.provision.id} {r.provision.title}: {_warning(r, min_cell)}" for r in contradicted
        ]
    return out


# --- Markdown ----------------------------------------------------------------------------


def _sentence(label: str) -> str:
    """The first letter capitalised, the rest as written ("the Code's time" keeps its C)."""
    return label[:1].upper() + label[1:]


def _md_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    lines = [
        "| " + " | ".join(md_inline(h) for h in header) + " |",
        "|" + "|".join(" --- " if i == 0 else " ---: " for i in range(len(header))) + "|",
    ]
    lines += ["| " + " | ".join(md_inline(c) for c in row) + " |" for row in rows]
    return lines


def _table_md(table: PublishedTable) -> list[str]:
    return [
        f"### {md_inline(table.title)}",
        "",
        *_md_table((table.label_header, "Count"), table_rows(table)),
        "",
    ]


def annual_markdown(view: ReportView) -> str:
    report, statement, assessment = view.shown, view.bundle.statement, view.assessment
    internal, left_out = view.internal, view.left_out
    min_cell = report.min_cell
    out = [
        f"# Annual complaints report {report.label}",
        "",
        f"{md_inline(report.organisation)}: {report.start} to {report.end}, as of {report.as_of}"
        + ("" if report.complete else " (year to date)")
        + ".",
        "",
    ]
    if internal:
        out += ["> **For staff: unsuppressed figures, not for publication.**", ""]
    out += [f"> {md_inline(n.text)}" for n in report.notes]
    out += [f"> left out (errors): `{md_inline(rel)}`" for rel in left_out]
    out += ["", "## Tenant Satisfaction Measures", ""]
    for group in (report.tsm, report.tsm_lcho, report.tsm_unknown):
        if group is None:
            continue
        out += [f"### {group_title(group)}", ""]
        if group.note:
            out += [md_inline(group.note), ""]
        out += [*_md_table(("Measure", "Stage 1", "Stage 2", "Based on"), tsm_rows(group)), ""]
    out += ["## Timeliness", ""]
    rows = [(_sentence(label), value) for label, value in timeliness_rows(report, min_cell)]
    out += [*_md_table(("Measure", "Result"), rows), "", "## Breakdowns", ""]
    for table in report.tables:
        out += _table_md(table)
    other = [(_sentence(label), value) for label, value in other_rows(report)]
    out += ["## Other figures", "", *_md_table(("Figure", "Value"), other), ""]
    if report.previous_label:
        out += [f"## Compared with {report.previous_label}", ""]
        header = ("Figure", report.label, report.previous_label, "Change")
        out += _md_table(header, change_rows(report))
        out.append("")
    out += ["## Self-assessment", ""]
    if statement is None:
        out += [f"The year file is {NOT_WRITTEN}.", ""]
    else:
        out += [
            f"{assessment.answered} of {len(assessment.rows)} provisions answered"
            + (
                f"; approved by {md_inline(assessment.approved)}."
                if assessment.approved
                else "; not yet approved."
            ),
            "",
        ]
    for section in assessment.sections:
        out += [f"### Section {section.section.number}: {md_inline(section.section.title)}", ""]
        form: list[tuple[str, str, str, str, str]] = []
        for row in section.rows:
            comply = NOT_WRITTEN if row.answer is None else ("Yes" if row.answer.comply else "No")
            records = " ".join(_lines(row, None if internal else min_cell))
            warning = _warning(row, None if internal else min_cell)
            form.append(
                (
                    row.provision.id,
                    row.provision.title,
                    comply,
                    records,
                    ("⚠ " + warning) if warning else "",
                )
            )
        out += [
            *_md_table(("Provision", "Title", "Comply", "The records show", "Contradiction"), form),
            "",
        ]
    return "\n".join(out).rstrip() + "\n"


# --- JSON --------------------------------------------------------------------------------


def _statement_json(statement: YearStatement | None) -> dict[str, object]:
    if statement is None:
        return {"file": None, "written": False}
    return {
        "file": statement.file,
        "written": True,
        "answers": len(statement.answers),
        "performance_commentary": bool(statement.performance_commentary),
        "service_improvements": len(statement.improvements),
        "non_compliance_findings": len(statement.non_compliance),
        "governing_body_response": statement.governing_body_response is not None,
        "approved": None
        if statement.approved is None
        else {"by": statement.approved.by, "date": statement.approved.date.isoformat()},
    }


def annual_json(view: ReportView) -> str:
    """Staff: the report unsuppressed, with what was left out; public: as published."""
    assessment = view.assessment
    body: dict[str, object] = (
        view.bundle.report.to_json() if view.internal else view.shown.to_json()
    )
    body["internal"] = view.internal
    body["statement"] = _statement_json(view.bundle.statement)
    body["self_assessment"] = (
        assessment.to_json()
        if isinstance(assessment, PublicAssessment)
        else assessment.to_json(None)
    )
    if view.internal:
        body["left_out"] = list(view.left_out)
    return json.dumps(body, indent=1, ensure_ascii=False) + "\n"
