"""Performance over the last twelve months: the monthly series and the charts that show them.

One pass over the cases fills every tally; the charts then only read them. Events are taken
as of ``today`` (later ones are not yet known), like everything else the site shows.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..vocab import OUTCOMES
from .charts import Chart, bar_chart, line_chart
from .collect import Entry

MONTHS = 12
Month = tuple[int, int]


def last_months(today: dt.date, count: int = MONTHS) -> list[Month]:
    """The ``count`` calendar months ending with today's, oldest first."""
    index = today.year * 12 + today.month - 1
    return [((i // 12), (i % 12) + 1) for i in range(index - count + 1, index + 1)]


def month_label(month: Month) -> str:
    return f"{dt.date(month[0], month[1], 1):%b %Y}"


def _label(value: str) -> str:
    return value.replace("_", " ").capitalize()


@dataclass
class Tallies:
    months: list[Month]
    received: dict[str, Counter[Month]] = field(default_factory=lambda: defaultdict(Counter))
    closed: Counter[Month] = field(default_factory=Counter)
    clocks: dict[str, dict[Month, list[int]]] = field(default_factory=lambda: defaultdict(dict))
    extensions: Counter[Month] = field(default_factory=Counter)
    extension_days: Counter[Month] = field(default_factory=Counter)
    stage1_responses: Counter[Month] = field(default_factory=Counter)
    stage1_escalated: Counter[Month] = field(default_factory=Counter)
    outcomes: dict[str, Counter[Month]] = field(default_factory=lambda: defaultdict(Counter))
    categories: Counter[str] = field(default_factory=Counter)
    channels: Counter[str] = field(default_factory=Counter)
    remedies: Counter[str] = field(default_factory=Counter)
    paid: defaultdict[Month, float] = field(default_factory=lambda: defaultdict(float))  # pounds


def _month(day: dt.date) -> Month:
    return (day.year, day.month)


def tally(entries: Sequence[Entry], today: dt.date) -> Tallies:
    t = Tallies(last_months(today))
    window = set(t.months)
    for entry in entries:
        case, result = entry.case, entry.result
        received = _month(case.received)
        if received in window and case.received <= today:
            t.received[case.kind][received] += 1
            if case.kind == "complaint":
                t.categories[case.category or "not recorded"] += 1
                t.channels[case.channel or "not recorded"] += 1
        if result is None:
            continue
        if result.closed and case.kind == "complaint":
            t.closed[_month(result.closed)] += 1
        for clock in result.clocks:
            if clock.done and clock.state in ("met", "late") and case.kind == "complaint":
                tally_ = t.clocks[clock.stage].setdefault(_month(clock.done), [0, 0])
                tally_[0 if clock.state == "met" else 1] += 1
        events = case.events_until(today)
        escalated = any(e.type == "escalated" for e in events)
        for event in events:
            month = _month(event.date)
            if event.type == "extended":
                t.extensions[month] += 1
                t.extension_days[month] += int(event.get("working_days", 0) or 0)
            elif event.type == "responded":
                if event.stage == "1":
                    t.stage1_responses[month] += 1
                    t.stage1_escalated[month] += escalated
                outcome = event.get("outcome")
                if outcome:
                    t.outcomes[str(outcome)][month] += 1
            for remedy in event.remedies:
                if month in window:
                    t.remedies[remedy.type] += 1
                # Paid: when marked done; a payment with no due date was made with the response.
                paid_on = remedy.done or (event.date if remedy.due is None else None)
                if (
                    remedy.type == "financial"
                    and remedy.amount_gbp
                    and paid_on
                    and paid_on <= today
                ):
                    t.paid[_month(paid_on)] += remedy.amount_gbp
    return t


def _rate(done: list[int] | None) -> float | None:
    if not done or not sum(done):
        return None
    return round(100 * done[0] / sum(done), 1)


def _sum_clocks(t: Tallies, stage: str, which: int) -> int:
    """Deadlines met (which=0) or missed (1) at a stage over the chart's months."""
    return sum(t.clocks[stage].get(m, [0, 0])[which] for m in t.months)


def _share(part: int, whole: int) -> str:
    """ "34 of 40 (85.0%)" for a chart's alt text: the figures, not only what it shows."""
    if not whole:
        return "none of 0"
    return f"{part} of {whole} ({100 * part / whole:.1f}%)"


@dataclass(frozen=True, slots=True)
class Section:
    """A heading, a sentence on how the numbers are counted, and the chart."""

    heading: str
    explain: str
    chart: Chart
    file: str  # "assets/charts/<name>.svg"


def _stage_key(stage: str) -> tuple[int, str]:
    return (int(stage), stage) if stage.isdigit() else (10**6, stage)


def sections(t: Tallies) -> list[Section]:
    labels = [month_label(m) for m in t.months]
    first, last = labels[0], labels[-1]
    span = f"{first} to {last}"
    out: list[Section] = []

    def add(name: str, heading: str, explain: str, chart: Chart) -> None:
        out.append(Section(heading, explain, chart, f"assets/charts/{name}.svg"))

    kinds = sorted(t.received) or ["complaint"]
    received = {_label(k): [float(t.received[k][m]) for m in t.months] for k in kinds}
    total = {k: int(sum(v)) for k, v in received.items()}
    add(
        "received",
        "Received",
        "Cases by the month they were received, by kind.",
        bar_chart(
            "Cases received per month",
            labels,
            received,
            f"Bar chart of cases received per month by kind, {span}: "
            + ", ".join(f"{k} {v}" for k, v in total.items())
            + " in all.",
            label_header="Month",
            stacked=True,
        ),
    )
    closed = {"Complaints closed": [float(t.closed[m]) for m in t.months]}
    add(
        "closed",
        "Closed",
        "Complaints by the month they were closed.",
        bar_chart(
            "Complaints closed per month",
            labels,
            closed,
            f"Bar chart of complaints closed per month, {span}: {int(sum(closed['Complaints closed']))} in all.",
            label_header="Month",
        ),
    )
    stages = sorted(t.clocks, key=_stage_key) or ["1"]
    rates = {f"Stage {s}": [_rate(t.clocks[s].get(m)) for m in t.months] for s in stages}
    add(
        "on-time",
        "On time, by stage",
        "Of the deadlines met or missed in each month (by the date the step was done), the share done "
        "on or before its due date. A gap means nothing fell due that month.",
        line_chart(
            "Deadlines met on time (%)",
            labels,
            rates,
            f"Line chart of the percentage of deadlines met on time per month by stage, {span}: "
            + "; ".join(
                f"stage {s} {_share(_sum_clocks(t, s, 0), _sum_clocks(t, s, 0) + _sum_clocks(t, s, 1))}"
                for s in stages
            )
            + " on time in all.",
            label_header="Month",
            ylabel="%",
            percent=True,
        ),
    )
    ext = {
        "Extensions": [float(t.extensions[m]) for m in t.months],
        "Working days added": [float(t.extension_days[m]) for m in t.months],
    }
    add(
        "extensions",
        "Extensions",
        "Extensions agreed each month, and the working days they added.",
        bar_chart(
            "Extensions per month",
            labels,
            ext,
            f"Bar chart of extensions per month, {span}: {int(sum(ext['Extensions']))} extensions "
            f"adding {int(sum(ext['Working days added']))} working days.",
            label_header="Month",
        ),
    )
    escalation = {
        "Escalated (%)": [
            round(100 * t.stage1_escalated[m] / t.stage1_responses[m], 1)
            if t.stage1_responses[m]
            else None
            for m in t.months
        ]
    }
    add(
        "escalation",
        "Escalation rate",
        "Of the stage 1 responses sent each month, the share whose complaint has since gone to stage 2.",
        line_chart(
            "Stage 1 responses escalated (%)",
            labels,
            escalation,
            f"Line chart of the percentage of stage 1 responses escalated to stage 2, by month of response, {span}: "
            f"{_share(sum(t.stage1_escalated[m] for m in t.months), sum(t.stage1_responses[m] for m in t.months))}"
            " escalated in all.",
            label_header="Month",
            ylabel="%",
            percent=True,
        ),
    )
    outcomes = {_label(o): [float(t.outcomes[o][m]) for m in t.months] for o in OUTCOMES}
    add(
        "outcomes",
        "Outcomes",
        "Responses at any stage by the month they were sent, by outcome.",
        bar_chart(
            "Responses per month by outcome",
            labels,
            outcomes,
            f"Stacked bar chart of responses per month by outcome, {span}: "
            + ", ".join(f"{k.lower()} {int(sum(v))}" for k, v in outcomes.items())
            + ".",
            label_header="Month",
            stacked=True,
        ),
    )
    for name, heading, counter, what in (
        ("categories", "Categories", t.categories, "category"),
        ("channels", "Channels", t.channels, "channel"),
    ):
        items = counter.most_common() or [("none", 0)]
        add(
            name,
            heading,
            f"Complaints received {span}, by {what}.",
            bar_chart(
                f"Complaints by {what}",
                [_label(k) for k, _ in items],
                {"Complaints": [float(v) for _, v in items]},
                f"Bar chart of complaints received {span} by {what}: "
                + ", ".join(f"{_label(k).lower()} {v}" for k, v in items)
                + ".",
                label_header=_label(what),
            ),
        )
    remedies = t.remedies.most_common() or [("none", 0)]
    add(
        "remedies",
        "Remedies",
        f"Remedies offered in responses sent {span}, by type.",
        bar_chart(
            "Remedies by type",
            [_label(k) for k, _ in remedies],
            {"Remedies": [float(v) for _, v in remedies]},
            "Bar chart of remedies by type: "
            + ", ".join(f"{_label(k).lower()} {v}" for k, v in remedies)
            + ".",
            label_header="Remedy",
        ),
    )
    paid = {"Paid (£)": [round(t.paid[m], 2) for m in t.months]}
    add(
        "compensation",
        "Compensation paid",
        "Financial remedies by the month paid: the date marked done, or the response date when the "
        "payment had no separate due date. Offers not yet paid are not counted.",
        bar_chart(
            "Compensation paid per month (£)",
            labels,
            paid,
            f"Bar chart of compensation paid per month, {span}: £{sum(paid['Paid (£)']):,.2f} in all.",
            label_header="Month",
            ylabel="£",
        ),
    )
    return out
