"""The readable report: problems grouped by file, then what is overdue and due soon."""

from __future__ import annotations

from itertools import groupby

from ..check import CheckResult
from ..deadlines import Deadline, open_deadlines
from ..problems import Problem
from .rows import counts


def _table(headers: list[str], rows: list[list[str]]) -> list[str]:
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(headers)]
    line = "  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip()
    out = ["  " + line, "  " + "  ".join("-" * w for w in widths)]
    out += [
        "  " + "  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in rows
    ]
    return out


def _printable(text: str) -> str:
    # A complainant's words can hold terminal escapes; show them, never obey them.
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in text)


def _problem_lines(problems: list[Problem]) -> list[str]:
    out = []
    for file, group in groupby(problems, key=lambda p: p.file):
        out.append(f"  {file}")
        for p in group:
            where = (
                f"{p.line}:{p.column}" if p.line and p.column else (str(p.line) if p.line else "-")
            )
            out.append(f"    {where:>7}  {p.severity:<7}  {_printable(p.described())}")
    return out


def _deadline_rows(rows: list[Deadline]) -> list[list[str]]:
    return [
        [
            r.case,
            r.stage,
            r.what,
            r.due.isoformat(),
            r.state.replace("_", " "),
            _printable(r.officer),
            r.file,
        ]
        for r in rows
    ]


def render_text(result: CheckResult, *, limit: int = 50) -> str:
    c = counts(result)
    out: list[str] = [f"complaints check, as of {result.today.isoformat()}", ""]
    errors = [p for p in result.problems if p.severity == "error"]
    warnings = [p for p in result.problems if p.severity == "warning"]
    if errors:
        out += [
            f"Invalid records: {len(errors)} problem(s) in {c['invalid']} file(s)",
            *_problem_lines(errors),
            "",
        ]
    headers = ["CASE", "STAGE", "DEADLINE", "DUE", "STATE", "OFFICER", "FILE"]
    rows = open_deadlines(result.cases)
    for state, title in (("overdue", "Overdue"), ("due_soon", "Due soon")):
        chosen = [r for r in rows if r.state == state]
        if chosen:
            shown = chosen[:limit]
            out += [f"{title} ({len(chosen)})", *_table(headers, _deadline_rows(shown))]
            if len(chosen) > limit:
                out.append(f"  ... and {len(chosen) - limit} more (use --format json for all)")
            out.append("")
    if warnings:
        out += [f"Rules broken: {len(warnings)} warning(s)", *_problem_lines(warnings), ""]
    verdict = "all valid" if not c["invalid"] else f"{c['invalid']} invalid"
    out.append(
        f"{c['files']} case files: {verdict}; {c['open']} open, {c['overdue']} overdue, "
        f"{c['due_soon']} due soon; {c['warnings']} warning(s)."
    )
    return "\n".join(out)
