"""The self-assessment as the public may see it: sentences already rendered and suppressed.

The public generator gets a ``PublicAssessment`` and never the ``SelfAssessment`` (which holds
the unsuppressed evidence and can render it with no ``min_cell``). Each row's sentences are
rendered here, once, with the report's ``min_cell``, and checked against the published report:

* "Stage 1 complaints arrived by N different channel(s)" counted the channels with any
  complaint, hidden ones included, so with the published table it told which hidden counts
  were not zero. Here the number is counted from the *published* table: channels shown with
  complaints, "at least" when some are hidden. It can say nothing the table does not.
* A measure whose numbers are cells of a published table (the extensions, the refusals under
  the 12-month rule) is stated only when those cells are published: a sentence giving a
  count the table hides would undo the table's suppression.
* A year in progress publishes no evidence and no contradiction (``published.hold_year_to_date``).
"""

from __future__ import annotations

from dataclasses import dataclass

from .provisions import Provision
from .published import PublishedReport, PublishedTable
from .sections import Assessed, SectionRows
from .selfassess import Row, SelfAssessment, contradiction_text, evidence_lines, row_json
from .yearfile import Answer

HELD = "Published when the year is complete."
WOULD_REVEAL = (
    "Not published: the numbers would reveal a count that the annual report hides to protect "
    "small numbers."
)


@dataclass(frozen=True, slots=True)
class PublicRow:
    provision: Provision
    answer: Answer | None  # the organisation's own published answer (the year file)
    lines: tuple[str, ...]  # what the records show, suppressed
    contradiction: str  # '' when none; suppressed like the lines
    disagrees: bool  # the records do not bear out a "yes" (shown even when held)


# For annotations (a site template's section); build one with SectionRows(...).
PublicSection = SectionRows[PublicRow]


@dataclass(frozen=True, slots=True)
class PublicAssessment(Assessed[PublicRow]):
    label: str
    written: bool
    approved: str
    sections: tuple[PublicSection, ...]

    def to_json(self) -> dict[str, object]:
        return self.summary_json(
            [row_json(r.provision, r.answer, list(r.lines), r.contradiction) for r in self.rows]
        )


def cells_published(table: PublishedTable, labels: tuple[str, ...]) -> bool:
    """Are all these rows of the table published (not hidden)?"""
    counts = {r.label: r.count for r in table.rows}
    return all(counts.get(label) is not None for label in labels)


def _reveals_hidden(key: str, report: PublishedReport) -> bool:
    """Would the measure for evidence ``key`` state a count that the report hides?"""
    stage = key[-1] if key[-2:] in ("_1", "_2") else ""
    if key.startswith(("extensions", "extension_notice")) and stage:
        table = report.extensions[stage]
        return not cells_published(table, ("within the Code's cap", "beyond the Code's cap"))
    if key == "refusal_time_limit":
        return not cells_published(report.refusals, ("over_12_months",))
    return False


def channel_sentence(channels: PublishedTable) -> str:
    """How many channels complaints came by, from the published table alone."""
    shown = sum(1 for r in channels.rows if r.count and r.label != "not recorded")
    hidden = any(r.count is None for r in channels.rows)
    if hidden:
        return (
            f"Stage 1 complaints arrived by at least {shown} different channel(s) in the year "
            "(the numbers for some channels are hidden to protect small numbers)."
        )
    return f"Stage 1 complaints arrived by {shown} different channel(s) in the year."


def _public_row(row: Row, report: PublishedReport, min_cell: int) -> PublicRow:
    key = row.provision.evidence or ""
    if report.held:
        lines: tuple[str, ...] = (HELD,) if row.evidence is not None else ()
        return PublicRow(row.provision, row.answer, lines, "", False)
    if key == "channels":
        lines = (channel_sentence(report.channels),)
    elif _reveals_hidden(key, report) and row.evidence is not None and row.evidence.measures:
        lines = (WOULD_REVEAL,)
    else:
        lines = tuple(evidence_lines(row.evidence, min_cell))
    contradiction = ""
    if row.contradiction:
        contradiction = (
            "Answered yes, but our own records do not bear it out (" + WOULD_REVEAL.lower() + ")"
            if _reveals_hidden(key, report) and row.contradiction == "measure"
            else contradiction_text(row, min_cell)
        )
    return PublicRow(row.provision, row.answer, lines, contradiction, bool(row.contradiction))


def publish_assessment(
    assessment: SelfAssessment, report: PublishedReport, min_cell: int
) -> PublicAssessment:
    """The self-assessment as published beside ``report`` (already published with min_cell)."""
    sections = tuple(
        SectionRows(s.section, tuple(_public_row(r, report, min_cell) for r in s.rows))
        for s in assessment.sections
    )
    return PublicAssessment(assessment.label, assessment.written, assessment.approved, sections)
