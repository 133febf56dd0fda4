"""A procedure as a table people can read: one row per clock, then stages, rules and notes.

Pure: a Policy in, rows or text out (``complaints policy show`` prints them). The cited
passages are long, so the fixed-width text puts them below the table as numbered references
instead of in a column that would wrap every row.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

from .model import Clock, Policy, Stage

COLUMNS = ("stage", "clock", "starts", "within", "stops", "extension_cap", "source")
_HEADINGS = {
    "stage": "stage",
    "clock": "clock",
    "starts": "starts",
    "within": "within",
    "stops": "stops at",
    "extension_cap": "ext. cap",
    "source": "source",
}
# Column widths of the text table; longer cells wrap inside their column.
_WIDTHS = {"stage": 10, "clock": 22, "starts": 20, "within": 24, "stops": 13, "extension_cap": 8}
SERVICE_REQUESTS = "service requests"


def _starts(clock: Clock) -> str:
    text = " or ".join(s.describe() for s in (clock.start, *clock.also_from))
    if clock.or_due_of:
        text += f" (or when '{clock.or_due_of}' is due)"
    return text


def _within(clock: Clock) -> str:
    text = clock.within.describe()
    if clock.extendable:
        text += " + extensions"
    if clock.warning is not None:
        text += f"; warn {clock.warning.describe()} before"
    return text


def _cap(stage: Stage | None, clock: Clock) -> str:
    if not clock.extendable:
        return ""
    if stage is None or stage.extension_cap is None:
        return "no cap"
    return f"{stage.extension_cap.working_days} working days"


def _stage_cell(stage: Stage) -> str:
    return stage.id if stage.formal else f"{stage.id} (informal)"


def _row(stage: Stage | None, label: str, clock: Clock) -> dict[str, str]:
    return {
        "stage": label,
        "clock": f"{clock.id}: {clock.name}" if clock.name else clock.id,
        "starts": _starts(clock),
        "within": _within(clock),
        "stops": " or ".join(clock.until),
        "extension_cap": _cap(stage, clock),
        "source": clock.cite,
    }


def policy_rows(policy: Policy) -> list[dict[str, str]]:
    """One row per clock, stage by stage, then the service-request clocks; every value a string."""
    rows = [_row(s, _stage_cell(s), c) for s in policy.stages for c in s.clocks]
    rows += [_row(None, SERVICE_REQUESTS, c) for c in policy.service_request_clocks]
    return rows


def _stage_lines(policy: Policy) -> list[str]:
    lines = []
    for stage in policy.stages:
        facts = [] if stage.formal else ["informal"]
        if stage.handled_by:
            facts.append(f"handled by {stage.handled_by}")
        if stage.extension_cap is not None:
            facts.append(f"extensions capped at {stage.extension_cap.working_days} working days")
        if stage.escalation_window is not None:
            facts.append(
                f"the complainant may ask for the next stage within "
                f"{stage.escalation_window.within.describe()}"
            )
        if not stage.clocks:
            facts.append("no clocks")
        lines.append(f"{stage.id}  {stage.name}" + (f": {'; '.join(facts)}" if facts else ""))
    return lines


def rule_lines(policy: Policy) -> list[str]:
    """The procedure's rules in words (empty when it states none)."""
    rules = policy.rules
    lines = []

    def code(provision: str | None) -> str:
        return f" (Code {provision})" if provision else ""

    if rules.different_handler:
        stages = ", ".join(rules.different_handler)
        lines.append(
            f"stages {stages} are considered by different people"
            + code(rules.different_handler_provision)
        )
    if rules.refusal_time_limit_months is not None:
        lines.append(
            f"a complaint may be refused as too old only after "
            f"{rules.refusal_time_limit_months} months" + code(rules.refusal_time_limit_provision)
        )
    if rules.escalation_refusal_needs_reason:
        lines.append(
            "a refusal to escalate must give its reasons" + code(rules.escalation_refusal_provision)
        )
    return lines


def _sources(policy: Policy) -> list[str]:
    """Every cited passage, in table order then stage order, for the numbered references."""
    out: list[str] = []
    for stage in policy.stages:
        out += [c.cite for c in stage.clocks]
    out += [c.cite for c in policy.service_request_clocks]
    for stage in policy.stages:
        for extra in (stage.extension_cap, stage.escalation_window):
            if extra is not None and extra.cite:
                out.append(extra.cite)
    return out


def _grid(rows: Sequence[dict[str, str]], columns: Sequence[str]) -> list[str]:
    widths = [_WIDTHS.get(c, 6) for c in columns]
    lines = []
    header = [_HEADINGS.get(c, c) for c in columns]
    for cells in [header, ["-" * w for w in widths], *([r[c] for c in columns] for r in rows)]:
        wrapped = [
            textwrap.wrap(cell, w, break_on_hyphens=False, break_long_words=False) or [""]
            for cell, w in zip(cells, widths, strict=True)
        ]
        for i in range(max(len(w) for w in wrapped)):
            parts = [
                (w[i] if i < len(w) else "").ljust(width)
                for w, width in zip(wrapped, widths, strict=True)
            ]
            lines.append("  ".join(parts).rstrip())
    return lines


def render_text(policy: Policy) -> str:
    """The procedure as fixed-width text: the clock table, stages, rules, sources and notes."""
    lines = [f"{policy.name} [{policy.id}]", f"file: {policy.file}"]
    if policy.source:
        lines += textwrap.wrap(f"source: {policy.source}", 100, subsequent_indent="  ")
    lines.append(f"due soon: within {policy.warning.describe()} of the due date")
    lines.append("")
    rows = policy_rows(policy)
    cites = _sources(policy)
    numbered: dict[str, int] = {}
    for cite in cites:
        if cite and cite not in numbered:
            numbered[cite] = len(numbered) + 1
    table = [
        {
            **r,
            # Short forms keep the table within a terminal's width; the legend says so.
            "extension_cap": r["extension_cap"].replace(" working days", " wd"),
            "source": f"[{numbered[r['source']]}]" if r["source"] else "",
        }
        for r in rows
    ]
    if rows:
        lines += [*_grid(table, COLUMNS), "(wd: working days; source: see Sources below)"]
    else:
        lines.append("(no clocks)")
    lines += ["", "Stages"]
    for line in _stage_lines(policy):
        lines += textwrap.wrap(line, 100, initial_indent="  ", subsequent_indent="     ")
    rules = rule_lines(policy)
    lines += ["", "Rules"] + ([f"  {r}" for r in rules] if rules else ["  (none stated)"])
    if numbered:
        lines += ["", "Sources"]
        for cite, n in numbered.items():
            first = f"  [{n}] "
            lines += textwrap.wrap(
                cite, 100, initial_indent=first, subsequent_indent=" " * len(first)
            )
    if policy.notes:
        lines += ["", "Notes"]
        for note in policy.notes:
            lines += textwrap.wrap(note, 100, initial_indent="  - ", subsequent_indent="    ")
    return "\n".join(lines) + "\n"


def _md(text: str) -> str:
    """A table cell: pipes and markup escaped, line breaks flattened (text, never markup)."""
    escaped = text.replace("\\", "\\\\").replace("|", "\\|")
    for char in "*_`[]<>":
        escaped = escaped.replace(char, "\\" + char)
    return " ".join(escaped.split())


def render_markdown(policy: Policy) -> str:
    """The same content as Markdown: a table with the cited passages in their own column."""
    lines = [f"# {_md(policy.name)}", "", f"`{policy.id}` ({_md(policy.file)})", ""]
    if policy.source:
        lines += [f"Source: {_md(policy.source)}", ""]
    headings = [_HEADINGS[c] for c in COLUMNS]
    lines += ["| " + " | ".join(headings) + " |", "|" + "---|" * len(COLUMNS)]
    for row in policy_rows(policy):
        lines.append("| " + " | ".join(_md(row[c]) for c in COLUMNS) + " |")
    lines += ["", "## Stages", ""] + [f"- {_md(line)}" for line in _stage_lines(policy)]
    rules = rule_lines(policy)
    lines += ["", "## Rules", ""] + ([f"- {_md(r)}" for r in rules] if rules else ["- none stated"])
    if policy.notes:
        lines += ["", "## Notes", ""] + [f"- {_md(n)}" for n in policy.notes]
    return "\n".join(lines) + "\n"


def policy_json(policy: Policy) -> dict[str, object]:
    """The procedure as JSON-ready data: the rows plus what the table does not show."""
    return {
        "id": policy.id,
        "name": policy.name,
        "file": policy.file,
        "source": policy.source,
        "warning": policy.warning.describe(),
        "stages": [
            {
                "id": s.id,
                "name": s.name,
                "formal": s.formal,
                "handled_by": s.handled_by,
                "extension_cap": s.extension_cap.working_days if s.extension_cap else None,
                "escalation_window": s.escalation_window.within.describe()
                if s.escalation_window
                else None,
                "cite": s.cite,
            }
            for s in policy.stages
        ],
        "rows": policy_rows(policy),
        "rules": rule_lines(policy),
        "notes": list(policy.notes),
    }
