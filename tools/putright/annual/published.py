"""The report as the public may see it: small numbers suppressed (``suppress``), rates and
sums of money built on few cases withheld, category labels limited to the organisation's list.

What is published unsuppressed, and why:

* The TSMs (CH01 and CH02) and the counts they are built on: the Regulator requires them to be
  published whatever their size, and they are counts of complaints, not of people with an
  attribute. Every other table treats its total as known to the reader for the same reason.

Everything else:

* Every table (one breakdown of one population) goes through ``suppress.suppress`` as a group.
* A table total, or a count standing alone, below ``min_cell`` (and above 0) is hidden.
* A percentage is published only when it is of ``min_cell`` or more cases.
* A sum of money only when it adds up ``min_cell`` or more payments.
* Category labels: those on complaints.yml ``categories`` are shown; any other label comes
  from a record's free text, so it is shown only if it looks like a category token
  (``damp_and_mould``, no spaces or capitals) and ``min_cell`` or more complaints share it,
  and otherwise merged into "other categories".
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Literal

from .facts import STAGES
from .figures import Share, Table
from .model import AnnualReport, Money, Note
from .suppress import safe_amount, safe_percent, suppress
from .tsm import TsmGroup

OTHER_CATEGORIES = "other categories"
# Without the organisation's list, a label is shown only if it looks like a category (a word or
# two joined by _ or -), never a sentence or a name someone typed into the field.
_TOKEN = re.compile(r"[a-z][a-z0-9]*(?:[_-][a-z0-9]+){0,3}")


@dataclass(frozen=True, slots=True)
class PublishedRow:
    label: str
    count: int | None  # None: suppressed
    percent: float | None  # of the table's total; None when the count is hidden


@dataclass(frozen=True, slots=True)
class PublishedTable:
    key: str
    title: str
    label_header: str
    rows: tuple[PublishedRow, ...]
    total: int | None

    @property
    def suppressed(self) -> bool:
        return any(r.count is None for r in self.rows) or self.total is None

    def to_json(self) -> dict[str, object]:
        return {
            "title": self.title,
            "rows": {r.label: r.count for r in self.rows},
            "total": self.total,
        }


@dataclass(frozen=True, slots=True)
class PublishedRate:
    percent: float | None
    whole: int
    withheld: bool  # True when there were cases but too few to publish

    def to_json(self) -> dict[str, object]:
        return {"percent": self.percent, "of": self.whole if not self.withheld else None}


@dataclass(frozen=True, slots=True)
class PublishedMoney:
    payments: int | None
    amount: float | None

    def to_json(self) -> dict[str, object]:
        return {"payments": self.payments, "amount_gbp": self.amount}


@dataclass(frozen=True, slots=True)
class Change:
    name: str
    now: float | int | None
    before: float | int | None

    @property
    def change(self) -> float | int | None:
        if self.now is None or self.before is None:
            return None
        diff = self.now - self.before
        return round(diff, 1) if isinstance(diff, float) else diff


# The report's breakdowns, section by section, in the one order every format shows them: the
# text and the Markdown (``present.annual``) and the public page (``public/report.md.j2``).
# A new breakdown is added here and nowhere else.
SECTIONS = (
    "extensions",
    "volumes",
    "categories",
    "channels",
    "outcomes",
    "refusals",
    "remedies",
    "findings",
)


@dataclass(frozen=True, slots=True)
class PublishedReport:
    organisation: str
    year: int
    label: str
    start: dt.date
    end: dt.date
    as_of: dt.date
    complete: bool
    min_cell: int
    tsm: TsmGroup
    tsm_lcho: TsmGroup | None
    received: dict[str, int]
    volumes: dict[str, PublishedTable]  # by month, or by quarter (the public pages)
    outcomes: dict[str, PublishedTable]
    extensions: dict[str, PublishedTable]
    acknowledged_on_time: dict[str, PublishedRate]
    responded_on_time: dict[str, PublishedRate]
    responded_without_extension: dict[str, PublishedRate]
    categories: PublishedTable
    channels: PublishedTable
    refusals: PublishedTable
    remedies: PublishedTable
    findings: PublishedTable
    compensation_offered: PublishedMoney
    compensation_paid: PublishedMoney
    actions_on_time: PublishedRate
    different_handlers: PublishedRate
    counts: dict[str, int | None]  # standalone counts, small ones hidden
    previous_label: str
    changes: tuple[Change, ...]
    notes: tuple[Note, ...]
    tsm_unknown: TsmGroup | None = None  # tenure other or not recorded (the TSM return's own line)
    # A year in progress on the public site: only the TSMs and the counts of complaints are
    # published until the year is complete (see ``hold_year_to_date``).
    held: bool = False
    revision: str = ""  # a complete year corrected after it was first published: the dated note

    def section(self, name: str) -> tuple[PublishedTable, ...]:
        """The tables of one of ``SECTIONS`` (one per stage, or one)."""
        found: dict[str, PublishedTable] | PublishedTable = getattr(self, name)
        return tuple(found.values()) if isinstance(found, dict) else (found,)

    @property
    def tables(self) -> tuple[PublishedTable, ...]:
        """Every breakdown table, in the order of ``SECTIONS``."""
        return tuple(t for name in SECTIONS for t in self.section(name))

    def to_json(self) -> dict[str, object]:
        return {
            "organisation": self.organisation,
            "year": self.label,
            "period": {"start": self.start.isoformat(), "end": self.end.isoformat()},
            "as_of": self.as_of.isoformat(),
            "complete": self.complete,
            "suppression": {"min_cell": self.min_cell},
            "tsm": self.tsm.to_json(),
            "tsm_lcho": self.tsm_lcho.to_json() if self.tsm_lcho else None,
            "tsm_tenure_unknown": self.tsm_unknown.to_json() if self.tsm_unknown else None,
            "received": {f"stage{s}": n for s, n in self.received.items()},
            "volumes": {f"stage{s}": t.to_json() for s, t in self.volumes.items()},
            "outcomes": {f"stage{s}": t.to_json() for s, t in self.outcomes.items()},
            "extensions": {f"stage{s}": t.to_json() for s, t in self.extensions.items()},
            "acknowledged_on_time": {
                f"stage{s}": r.to_json() for s, r in self.acknowledged_on_time.items()
            },
            "responded_on_time": {
                f"stage{s}": r.to_json() for s, r in self.responded_on_time.items()
            },
            "categories": self.categories.to_json(),
            "channels": self.channels.to_json(),
            "refusals": self.refusals.to_json(),
            "remedies": self.remedies.to_json(),
            "ombudsman_findings": self.findings.to_json(),
            "compensation": {
                "offered": self.compensation_offered.to_json(),
                "paid": self.compensation_paid.to_json(),
            },
            "actions_on_time": self.actions_on_time.to_json(),
            "different_handlers": self.different_handlers.to_json(),
            "counts": dict(self.counts),
            "year_on_year": {
                "previous_year": self.previous_label,
                "changes": {
                    c.name: {"now": c.now, "before": c.before, "change": c.change}
                    for c in self.changes
                },
            }
            if self.previous_label
            else None,
            "notes": [n.text for n in self.notes],
            "held_until_complete": self.held,
            "revision": self.revision,
        }


def small(count: int, min_cell: int) -> int | None:
    """A count standing alone: hidden when it is between 1 and min_cell - 1."""
    return count if count == 0 or count >= min_cell else None


def publish_table(source: Table, min_cell: int) -> PublishedTable:
    values = [n for _, n in source.rows]
    shown = suppress(values, min_cell)
    total = source.total
    shown_total = small(total, min_cell)
    if shown_total is None:
        shown = tuple(None if v else v for v in shown)  # every non-zero row is below the total
    rows = tuple(
        PublishedRow(
            label, count, None if count is None or not total else Share(count, total).percent
        )
        for (label, _), count in zip(source.rows, shown, strict=True)
    )
    return PublishedTable(source.key, source.title, source.label_header, rows, shown_total)


def publish_rate(share: Share, min_cell: int) -> PublishedRate:
    if share.whole == 0:
        return PublishedRate(None, 0, False)
    if not safe_percent(share.part, share.whole, min_cell):
        return PublishedRate(None, share.whole, True)
    return PublishedRate(share.percent, share.whole, False)


def publish_money(money: Money, min_cell: int) -> PublishedMoney:
    if not safe_amount(money.payments, min_cell):
        return PublishedMoney(None, None)
    return PublishedMoney(money.payments, round(money.amount, 2))


def public_categories(source: Table, allowed: Sequence[str], min_cell: int) -> Table:
    """Labels on the organisation's list stay; any other label is a record's free text."""
    counts: dict[str, int] = {}
    order: list[str] = []
    for label, count in source.rows:
        keep = (
            label in allowed
            or label == "not recorded"
            or (not allowed and count >= min_cell and _TOKEN.fullmatch(label) is not None)
        )
        name = (
            label
            if keep
            else (OTHER_CATEGORIES if not allowed or "other" not in allowed else "other")
        )
        if name not in counts:
            order.append(name)
        counts[name] = counts.get(name, 0) + count
    rows = tuple((name, counts[name]) for name in order if counts[name] or name in allowed)
    return Table(source.key, source.title, source.label_header, rows)


def _extension_table(report: AnnualReport, stage: str) -> Table:
    perf = report.stages[stage]
    whole = perf.responded_on_time.whole
    beyond = perf.extension_beyond_cap
    within = perf.with_extension - beyond
    return Table(
        f"extensions_stage{stage}",
        f"Stage {stage} responses by extension",
        "Extension",
        (
            ("none", whole - perf.with_extension),
            ("within the Code's cap", within),
            ("beyond the Code's cap", beyond),
        ),
    )


def quarter_table(months: Table, stage: str) -> Table:
    """Three months to a quarter: larger counts, so fewer are hidden than month by month.

    A page publishes either quarters or months, never both, so they cannot be differenced.
    """
    rows = list(months.rows)
    quarters = []
    for q in range(len(rows) // 3):
        chunk = rows[q * 3 : q * 3 + 3]
        quarters.append(
            (f"{chunk[0][0][:3]}–{chunk[-1][0]}", sum(n for _, n in chunk))
        )  # Apr–Jun 2025
    return Table(
        f"quarters_stage{stage}", f"Stage {stage} complaints by quarter", "Quarter", tuple(quarters)
    )


def publish(
    report: AnnualReport,
    min_cell: int,
    categories: Sequence[str] = (),
    *,
    by_quarter: bool = False,
    audience: Literal["public", "staff"],
) -> PublishedReport:
    """The report with small numbers suppressed at ``min_cell`` (1 for staff: nothing hidden)
    and the notes ``audience`` may read. The public site uses ``publish_public`` instead."""
    previous = report.previous
    changes: tuple[Change, ...] = ()
    if previous is not None:
        now = report.key_figures()
        changes = (
            *(
                Change(f"CH01 stage {s} (per 1,000 homes)", now.ch01[s], previous.ch01[s])
                for s in STAGES
            ),
            *(Change(f"CH02 stage {s} (%)", now.ch02[s], previous.ch02[s]) for s in STAGES),
            *(
                Change(f"Complaints at stage {s}", now.received[s], previous.received[s])
                for s in STAGES
            ),
            Change(
                "Complaints not accepted",
                small(now.refused, min_cell),
                small(previous.refused, min_cell),
            ),
            Change(
                "Referrals to the Ombudsman",
                small(now.referred, min_cell),
                small(previous.referred, min_cell),
            ),
        )
    return PublishedReport(
        organisation=report.organisation,
        year=report.year,
        label=report.label,
        start=report.start,
        end=report.end,
        as_of=report.today,
        complete=report.complete,
        min_cell=min_cell,
        tsm=report.tsm,
        tsm_lcho=report.tsm_lcho,
        tsm_unknown=report.tsm_unknown,
        received=dict(report.received),
        volumes={
            s: publish_table(quarter_table(t, s) if by_quarter else t, min_cell)
            for s, t in report.months.items()
        },
        outcomes={s: publish_table(t, min_cell) for s, t in report.outcomes.items()},
        extensions={s: publish_table(_extension_table(report, s), min_cell) for s in STAGES},
        acknowledged_on_time={
            s: publish_rate(p.acknowledged_on_time, min_cell) for s, p in report.stages.items()
        },
        responded_on_time={
            s: publish_rate(p.responded_on_time, min_cell) for s, p in report.stages.items()
        },
        responded_without_extension={
            s: publish_rate(p.responded_without_extension, min_cell)
            for s, p in report.stages.items()
        },
        categories=publish_table(
            public_categories(report.categories, categories, min_cell), min_cell
        ),
        channels=publish_table(report.channels, min_cell),
        refusals=publish_table(report.refusals, min_cell),
        remedies=publish_table(report.remedies, min_cell),
        findings=publish_table(report.findings, min_cell),
        compensation_offered=publish_money(report.compensation_offered, min_cell),
        compensation_paid=publish_money(report.compensation_paid, min_cell),
        actions_on_time=publish_rate(report.actions_on_time, min_cell),
        different_handlers=publish_rate(report.different_handlers, min_cell),
        counts={
            "withdrawn": small(report.withdrawn, min_cell),
            "escalations_refused": small(report.escalations_refused, min_cell),
            "referrals": small(report.referrals, min_cell),
            "non_compliance_findings": small(report.non_compliance_findings, min_cell),
            "open_at_end": small(report.open_at_end, min_cell),
            "service_requests": small(report.service_requests, min_cell),
            "compliments": small(report.compliments, min_cell),
        },
        previous_label=report.previous_label if previous is not None else "",
        changes=changes,
        notes=tuple(n for n in report.notes if audience == "staff" or n.audience == "public"),
    )


HELD_NOTE = (
    "The year is not over. Until it is, only the Tenant Satisfaction Measures and the number "
    "of complaints are published, as of the end of the last complete quarter; every other "
    "figure is published when the year is complete. Figures that moved with each case would "
    "let anyone who compared one week's page with the next work out a single complaint."
)


def hold_year_to_date(published: PublishedReport) -> PublishedReport:
    """A year in progress as the public may see it: TSMs, complaints received and by quarter.

    The public figures of a year in progress are computed as of fixed cut-offs (``cutoff``), so
    they change once a quarter; what changes between two cut-offs is the quarter's complaints.
    The TSMs and the counts of complaints they are built on are published whatever their size
    (the Regulator requires them). Every other figure (a breakdown, a rate, a sum of money,
    a sentence of the self-assessment) is held back until the year is complete: published
    at one cut-off and again at the next, the difference would be the quarter's few cases
    (one payment showed as the step between two totals), and a complete year published with
    suppression after a year-to-date table published without it could be undone the same way.
    """
    if published.complete:
        return published

    def held_table(t: PublishedTable) -> PublishedTable:
        return PublishedTable(
            t.key,
            t.title,
            t.label_header,
            tuple(PublishedRow(r.label, None, None) for r in t.rows),
            None,
        )

    def held_rate(r: PublishedRate) -> PublishedRate:
        return PublishedRate(None, r.whole, True) if r.whole else r

    money = PublishedMoney(None, None)
    return replace(
        published,
        outcomes={s: held_table(t) for s, t in published.outcomes.items()},
        extensions={s: held_table(t) for s, t in published.extensions.items()},
        acknowledged_on_time={s: held_rate(r) for s, r in published.acknowledged_on_time.items()},
        responded_on_time={s: held_rate(r) for s, r in published.responded_on_time.items()},
        responded_without_extension={
            s: held_rate(r) for s, r in published.responded_without_extension.items()
        },
        categories=held_table(published.categories),
        channels=held_table(published.channels),
        refusals=held_table(published.refusals),
        remedies=held_table(published.remedies),
        findings=held_table(published.findings),
        compensation_offered=money,
        compensation_paid=money,
        actions_on_time=held_rate(published.actions_on_time),
        different_handlers=held_rate(published.different_handlers),
        counts={k: None for k in published.counts},
        changes=tuple(
            c for c in published.changes if c.name.startswith(("CH01", "CH02", "Complaints at"))
        ),
        notes=(*published.notes, Note(HELD_NOTE, "public")),
        held=True,
    )


def publish_public(
    report: AnnualReport, min_cell: int, categories: Sequence[str]
) -> PublishedReport:
    """What the public site publishes of ``report`` (computed as of a cut-off, ``cutoff``):
    suppressed at ``min_cell``, by quarter, public notes only, a year in progress held."""
    return hold_year_to_date(
        publish(report, min_cell, categories, by_quarter=True, audience="public")
    )
