"""The self-assessment against the Code (8.1(a)): the landlord's answers beside its own records.

Each provision of the Code (code_provisions.yaml) gets the Ombudsman's form: the provision,
the requirement (in this project's words), the answer (yes/no), evidence and commentary from
the year file. Where the records can show something about the provision, Putright adds the
measured evidence; where the answer is "yes" but the records show more shortfalls than the
provision's tolerance, the row says so plainly: the page must not let a "yes" stand unremarked
against the landlord's own data.

Evidence comes from the (unsuppressed) ``AnnualReport`` and, for the procedure's shape (5.2,
5.3 and the timescales), from holding every procedure a complaint of the year followed against
the Code (``putright.policy.code_check``). ``min_cell`` set means a public rendering: a
measure over fewer than ``min_cell`` cases is not published, though a contradiction still is
(without its numbers).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..policy.code_check import check_against_code
from ..policy.model import Policy
from .figures import Share
from .model import AnnualReport
from .provisions import Provision, sections
from .sections import Assessed, SectionRows
from .suppress import safe_percent
from .yearfile import Answer, YearStatement

# Provisions the procedure check (putright.policy.code_check) holds a procedure's text against.
PROCEDURE_PROVISIONS = frozenset(
    {"2.3", "5.2", "5.3", "5.11", "6.2", "6.3", "6.4", "6.11", "6.13", "6.14", "6.15"}
)


@dataclass(frozen=True, slots=True)
class Measure:
    """How many cases the records measured for a provision, and how many fell short."""

    subject: str  # "stage 1 complaints"
    met: str  # "were acknowledged within 5 working days"
    missed: str  # "were not acknowledged within 5 working days"
    measured: int
    failures: int

    @property
    def share_failed(self) -> float:
        return self.failures / self.measured if self.measured else 0.0


@dataclass(frozen=True, slots=True)
class Fact:
    """A sentence about the year; ``{n}`` in it is a count, hidden publicly when small."""

    text: str
    count: int | None = None

    def render(self, min_cell: int | None) -> str:
        if self.count is None:
            return self.text
        small = min_cell is not None and 0 < self.count < min_cell
        return self.text.format(n=f"fewer than {min_cell}" if small else f"{self.count:,}")


@dataclass(frozen=True, slots=True)
class Evidence:
    measures: tuple[Measure, ...] = ()  # e.g. 5.6: the definition at stage 1 and at stage 2
    facts: tuple[Fact, ...] = ()  # sentences, with at most one count each
    breaches: tuple[str, ...] = ()  # a procedure's own text falls short (code_check)
    procedure_checked: bool = False  # the procedures were held against the Code for this
    procedures: tuple[str, ...] = ()  # which ones: every procedure followed in the year


@dataclass(frozen=True, slots=True)
class Row:
    provision: Provision
    answer: Answer | None
    evidence: Evidence | None
    contradiction: str = ""  # plain words, empty when the records do not contradict the answer


@dataclass(frozen=True, slots=True)
class SelfAssessment(Assessed[Row]):
    label: str
    written: bool  # is there a year file with answers?
    sections: tuple[SectionRows[Row], ...]
    approved: str = ""  # "Board of Management, 2026-06-18"

    def to_json(self, min_cell: int | None) -> dict[str, object]:
        return self.summary_json(
            [
                row_json(
                    r.provision,
                    r.answer,
                    evidence_lines(r.evidence, min_cell),
                    contradiction_text(r, min_cell),
                )
                for r in self.rows
            ]
        )


def _one(measure: Measure) -> Evidence:
    return Evidence((measure,))


def _share(subject: str, met: str, missed: str, share: Share) -> Measure:
    return Measure(subject, met, missed, share.whole, share.whole - share.part)


def measured_evidence(
    key: str,
    report: AnnualReport,
    statement: YearStatement | None,
    breaches: dict[str, list[str]] | None,
) -> Evidence | None:
    """What the records show for an evidence key (code_provisions.yaml ``evidence``)."""
    checked = breaches is not None
    breaches = breaches or {}
    stage = key[-1] if key[-2:] in ("_1", "_2") else ""
    perf = report.stages.get(stage) if stage else None
    if perf is not None and key.startswith("acknowledged"):
        return _one(
            _share(
                f"stage {stage} complaints",
                "were acknowledged within 5 working days",
                "were not acknowledged within 5 working days",
                perf.acknowledged_on_time,
            )
        )
    if perf is not None and key.startswith("responded"):
        days = 10 if stage == "1" else 20
        return _one(
            _share(
                f"stage {stage} responses",
                f"were sent within the Code's time ({days} working days, plus any extension the Code allows)",
                "were sent late by the Code's timescales",
                perf.responded_on_time,
            )
        )
    if perf is not None and key.startswith("extensions"):
        cap = 10 if stage == "1" else 20
        return _one(
            Measure(
                f"stage {stage} responses sent after an extension",
                f"kept the extension within {cap} working days",
                f"were extended by more than {cap} working days",
                perf.with_extension,
                perf.extension_beyond_cap,
            )
        )
    if perf is not None and key.startswith("extension_notice"):
        # Unknown is unknown: an extension that does not record whether the details were given
        # is counted apart, never as given (`check` asks for the record on each one).
        unrecorded = perf.extension_notice_unrecorded
        return Evidence(
            (
                Measure(
                    f"stage {stage} extensions (where recorded either way)",
                    "were recorded as giving the Ombudsman's contact details",
                    "were recorded as not giving the Ombudsman's contact details",
                    perf.extensions_recorded - unrecorded,
                    perf.extension_notice_missing,
                ),
            ),
            facts=(
                Fact(
                    f"Stage {stage} extensions that do not record whether the Ombudsman's contact "
                    "details were given: {n}.",
                    unrecorded,
                ),
            ),
        )
    if key == "different_handlers":
        return Evidence(
            (
                _share(
                    "stage 2 responses (where both handlers are recorded)",
                    "were considered by someone other than the stage 1 handler",
                    "were considered by the same person as at stage 1",
                    report.different_handlers,
                ),
            ),
            facts=(
                Fact(
                    "Stage 2 responses that do not record who considered stage 1 or stage 2 "
                    "(not recorded, so not measured): {n}.",
                    report.handlers_unrecorded,
                ),
            ),
        )
    if key == "actions":
        return _one(
            _share(
                "remedies due in the year",
                "were completed by their due date",
                "were not completed by their due date",
                report.actions_on_time,
            )
        )
    if key == "definitions":
        return Evidence(
            (
                _share(
                    "stage 1 complaints",
                    "have a complaint definition recorded",
                    "have no complaint definition recorded",
                    report.definitions_recorded,
                ),
                _share(
                    "stage 2 escalations",
                    "record the complaint as defined at stage 2 (`definition` on the escalation)",
                    "record no stage 2 definition",
                    report.definitions_recorded_2,
                ),
            )
        )
    if key == "refusals":
        return Evidence(
            facts=(Fact("Complaints not accepted in the year: {n}.", report.refusals.total),),
        )
    if key == "refusal_time_limit":
        over = report.refusals.count("over_12_months")
        return _one(
            Measure(
                "refusals under the 12-month rule",
                "concern a matter recorded as more than 12 months old",
                "concern a matter the records date within 12 months of receipt",
                over,
                report.refusals_questionable,
            ),
        )
    if key == "escalation_refusals":
        return _one(
            Measure(
                "refused escalations",
                "record a reason",
                "record no reason",
                report.escalations_refused,
                report.escalations_refused_without_reason,
            ),
        )
    if key == "service_requests":
        return Evidence(
            facts=(Fact("Service requests recorded in the year: {n}.", report.service_requests),)
        )
    if key == "channels":
        used = [label for label, n in report.channels.rows if n and label != "not recorded"]
        return Evidence(
            facts=(
                Fact(
                    f"Stage 1 complaints arrived by {len(used)} different channel(s) in the year."
                ),
            )
        )
    if key == "remedies":
        return Evidence(
            facts=(
                Fact("Remedies offered in responses sent in the year: {n}.", report.remedies.total),
            )
        )
    if key == "procedure_stages":
        if not checked:
            return Evidence(
                facts=(
                    Fact(
                        "The procedure was not held against the Code (the check is not installed)."
                    ),
                )
            )
        return Evidence()  # self_assessment adds the procedure check's verdict
    if key == "annual_report":
        return Evidence(facts=_report_parts(statement))
    if key == "governing_body":
        written = statement is not None and statement.governing_body_response is not None
        text = (
            "The governing body's response is published with this report."
            if written
            else "The governing body's response is not yet written in the year file."
        )
        return Evidence(facts=(Fact(text),))
    return None


def _report_parts(statement: YearStatement | None) -> tuple[Fact, ...]:
    if statement is None:
        return (
            Fact(
                "The year file is not yet written: the self-assessment, the commentary, the "
                "service improvements and the governing body's response are missing."
            ),
        )
    missing = []
    if not statement.answers:
        missing.append("the self-assessment answers")
    if not statement.performance_commentary:
        missing.append("the commentary on performance")
    if not statement.improvements:
        missing.append("the service improvements")
    if statement.governing_body_response is None:
        missing.append("the governing body's response")
    if not missing:
        return (Fact("Every part of the annual report is written for this year."),)
    return (Fact("Not yet written for this year: " + ", ".join(missing) + "."),)


def _contradiction(
    provision: Provision,
    answer: Answer | None,
    evidence: Evidence | None,
    statement: YearStatement | None,
) -> str:
    if answer is None or not answer.comply or evidence is None:
        return ""
    if evidence.breaches:
        return "breach"
    if any(m.failures and m.share_failed > provision.tolerance for m in evidence.measures):
        return "measure"
    if provision.evidence == "governing_body" and (
        statement is None or statement.governing_body_response is None
    ):
        return "governing_body"
    return ""


def contradiction_text(row: Row, min_cell: int | None) -> str:
    """The row's contradiction in plain words ('' when there is none); ``min_cell`` None is the
    staff's unsuppressed text, and must be given: the public side uses ``public_assessment``.

    A procedure's breach and the records' shortfall are both said: one never hides the other.
    """
    kind = row.contradiction
    evidence = row.evidence
    if not kind or evidence is None:
        return ""
    if kind == "governing_body":
        return "Answered yes, but no response from the governing body is recorded for this year."
    said = []
    if evidence.breaches:
        said.append(
            "Answered yes, but the published procedure itself falls short of this provision: "
            + "; ".join(evidence.breaches)
            + "."
        )
    shown = _shortfalls(evidence, row.provision.tolerance, min_cell)
    if shown:
        lead = "And" if said else "Answered yes, but"
        said.append(f"{lead} our own records show " + "; and ".join(shown) + ".")
    return " ".join(said)


def _shortfalls(evidence: Evidence, tolerance: float, min_cell: int | None) -> list[str]:
    shown = []
    for measure in evidence.measures:
        if not measure.failures or measure.share_failed <= tolerance:
            continue
        if min_cell is not None and not safe_percent(measure.failures, measure.measured, min_cell):
            shown.append(
                f"{measure.subject} that {measure.missed} (fewer than {min_cell} cases on one "
                "side: the numbers are not published)"
            )
        else:
            percent = Share(measure.failures, measure.measured).percent
            shown.append(
                f"{percent}% of {measure.subject} ({measure.failures} of {measure.measured}) "
                f"{measure.missed}"
            )
    return shown


def evidence_lines(evidence: Evidence | None, min_cell: int | None) -> list[str]:
    """What the records show, as sentences (numbers suppressed for a public page)."""
    if evidence is None:
        return []
    lines = []
    for measure in evidence.measures:
        if measure.measured == 0:
            lines.append(f"No {measure.subject} to measure in the year.")
        elif min_cell is not None and measure.measured < min_cell:
            lines.append(f"Fewer than {min_cell} {measure.subject} to measure: not published.")
        elif min_cell is not None and not safe_percent(
            measure.failures, measure.measured, min_cell
        ):
            lines.append(
                f"{measure.subject.capitalize()}: fewer than {min_cell} on one side, so the "
                "share is not published."
            )
        else:
            met = measure.measured - measure.failures
            percent = Share(met, measure.measured).percent
            lines.append(
                f"{met} of {measure.measured} {measure.subject} ({percent}%) {measure.met}."
            )
    lines += [f.render(min_cell) for f in evidence.facts if f.count != 0]
    if evidence.breaches:
        lines += [f"The procedure {b}" for b in evidence.breaches]
    elif evidence.procedure_checked:
        names = ", ".join(evidence.procedures)
        lines.append(
            f"Held against the Code, every procedure followed in the year ({names}) meets this "
            "provision."
            if len(evidence.procedures) > 1
            else f"Held against the Code, the procedure followed ({names or 'none'}) meets this "
            "provision."
        )
    return lines


def procedure_breaches(procedures: Sequence[Policy], code: Policy) -> dict[str, list[str]]:
    """Breaches of the Code by each procedure's own text, by provision, each naming its
    procedure ("saha: stage 1 ..."): a breach in any procedure followed contradicts a "yes"."""
    out: dict[str, list[str]] = {}
    for policy in procedures:
        for breach in check_against_code(policy, code):
            message = " ".join(breach.message.split())
            if breach.provision and message:
                out.setdefault(breach.provision, []).append(f"{policy.id}: {message}")
    return out


def self_assessment(
    report: AnnualReport,
    statement: YearStatement | None,
    breaches: dict[str, list[str]] | None = None,
    procedures: Sequence[str] = (),
) -> SelfAssessment:
    out = []
    for section in sections():
        rows = []
        for provision in section.provisions:
            answer = statement.answers.get(provision.id) if statement else None
            evidence = (
                measured_evidence(provision.evidence, report, statement, breaches)
                if provision.evidence
                else None
            )
            if breaches is not None and provision.id in PROCEDURE_PROVISIONS:
                # What the procedure's own text says counts, whatever the records show.
                base = evidence or Evidence()
                own = tuple(breaches.get(provision.id, []))
                evidence = Evidence(base.measures, base.facts, own, True, tuple(procedures))
            rows.append(
                Row(
                    provision,
                    answer,
                    evidence,
                    _contradiction(provision, answer, evidence, statement),
                )
            )
        out.append(SectionRows(section, tuple(rows)))
    approved = ""
    if statement is not None and statement.approved is not None:
        approved = f"{statement.approved.by}, {statement.approved.date.isoformat()}"
    written = statement is not None and bool(statement.answers)
    return SelfAssessment(report.label, written, tuple(out), approved)


def row_json(
    provision: Provision, answer: Answer | None, records: list[str], contradiction: str
) -> dict[str, object]:
    """One provision's JSON row; the records and contradiction as the staff or public may see."""
    return {
        "provision": provision.id,
        "section": provision.section,
        "stage": provision.stage,
        "title": provision.title,
        "requirement": provision.requirement,
        "confidence": provision.confidence,
        "comply": None if answer is None else answer.comply,
        "evidence": "" if answer is None else answer.evidence,
        "commentary": "" if answer is None else answer.commentary,
        "records": records,
        "contradiction": contradiction,
    }
