"""A procedure (``policy.model.Policy``) as text, Markdown or JSON (`complaints policy show`),
and the result of holding it against the Code (``policy.code_check.CodeCheckReport``).

The rows and words come from ``policy.table``. The cited passages are long, so the
fixed-width text puts them below the table as numbered references instead of in a column
that would wrap every row.
"""

from __future__ import annotations

import json
import textwrap
from collections.abc import Sequence

from ..policy.code_check import CodeCheckReport
from ..policy.model import Policy
from ..policy.table import COLUMNS, HEADINGS, policy_rows, rule_lines, stage_lines

# Column widths of the text table; longer cells wrap inside their column.
_WIDTHS = {"stage": 10, "clock": 22, "starts": 20, "within": 24, "stops": 13, "extension_cap": 8}


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
    header = [HEADINGS.get(c, c) for c in columns]
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


def policy_text(policy: Policy) -> str:
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
    for line in stage_lines(policy):
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


def policy_markdown(policy: Policy) -> str:
    """The same content as Markdown: a table with the cited passages in their own column."""
    lines = [f"# {_md(policy.name)}", "", f"`{policy.id}` ({_md(policy.file)})", ""]
    if policy.source:
        lines += [f"Source: {_md(policy.source)}", ""]
    headings = [HEADINGS[c] for c in COLUMNS]
    lines += ["| " + " | ".join(headings) + " |", "|" + "---|" * len(COLUMNS)]
    for row in policy_rows(policy):
        lines.append("| " + " | ".join(_md(row[c]) for c in COLUMNS) + " |")
    lines += ["", "## Stages", ""] + [f"- {_md(line)}" for line in stage_lines(policy)]
    rules = rule_lines(policy)
    lines += ["", "## Rules", ""] + ([f"- {_md(r)}" for r in rules] if rules else ["- none stated"])
    if policy.notes:
        lines += ["", "## Notes", ""] + [f"- {_md(n)}" for n in policy.notes]
    return "\n".join(lines) + "\n"


def policy_json(policy: Policy) -> str:
    """The procedure as JSON: the rows plus what the table does not show."""
    return json.dumps(_policy_data(policy), indent=2, ensure_ascii=False) + "\n"


def _policy_data(policy: Policy) -> dict[str, object]:
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


def code_check_json(report: CodeCheckReport) -> str:
    body = {
        "policy": report.policy.id,
        "file": report.policy.file,
        "code": report.code.id,
        "breaches": [{**b.to_json(), "line": line} for line, b in report.breaches],
    }
    return json.dumps(body, indent=2, ensure_ascii=False) + "\n"


def code_check_text(report: CodeCheckReport) -> str:
    """Each breach as FILE:LINE: Code PROVISION: message, or a line saying there is none."""
    if not report.breaches:
        return f"{report.policy.file}: no breaches of {report.code.id} found\n"
    out = []
    for line, breach in report.breaches:
        where = f"{breach.file}:{line}" if line else breach.file
        out.append(f"{where}: Code {breach.provision}: {breach.message}\n")
    return "".join(out)
