"""`complaints check`'s result (``check.CheckResult``) as text, JSON, GitHub annotations or
Markdown. The JSON is the contract in case-records-v1; it is written in pieces, so a large
report is never built whole.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from itertools import groupby

from ..check import CheckResult
from ..deadlines import Deadline, open_deadlines
from ..problems import Problem
from ..textsafe import gh_data, gh_property, md_inline, printable


def counts(result: CheckResult) -> dict[str, int]:
    """The counts every format shows."""
    rows = open_deadlines(result.cases, ("overdue", "due_soon"))
    return {
        "files": result.files,
        "valid": result.files - result.invalid_files,
        "invalid": result.invalid_files,
        "errors": len(result.errors),
        "warnings": len(result.problems) - len(result.errors),
        "open": sum(1 for c in result.cases if c.open),
        "overdue": sum(1 for r in rows if r.state == "overdue"),
        "due_soon": sum(1 for r in rows if r.state == "due_soon"),
    }


# --- text --------------------------------------------------------------------------------


def _table(headers: list[str], rows: list[list[str]]) -> list[str]:
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(headers)]
    line = "  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip()
    out = ["  " + line, "  " + "  ".join("-" * w for w in widths)]
    out += [
        "  " + "  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in rows
    ]
    return out


def _problem_lines(problems: list[Problem]) -> list[str]:
    out = []
    for file, group in groupby(problems, key=lambda p: p.file):
        out.append(f"  {file}")
        for p in group:
            where = (
                f"{p.line}:{p.column}" if p.line and p.column else (str(p.line) if p.line else "-")
            )
            out.append(f"    {where:>7}  {p.severity:<7}  {printable(p.described())}")
    return out


def _deadline_rows(rows: list[Deadline]) -> list[list[str]]:
    return [
        [
            r.case,
            r.stage,
            r.what,
            r.due.isoformat(),
            r.state.replace("_", " "),
            printable(r.officer),
            r.file,
        ]
        for r in rows
    ]


def check_text(result: CheckResult, *, limit: int = 50) -> str:
    """Problems grouped by file, then what is overdue and due soon, then the counts."""
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
    return "\n".join(out) + "\n"


# --- JSON --------------------------------------------------------------------------------


# json.dumps(item, ensure_ascii=False) made an encoder per item: one, made once, says the same.
_ENCODE = json.JSONEncoder(ensure_ascii=False).encode


def _rows(items: Iterable[dict[str, object]]) -> Iterator[str]:
    # One item per line: readable and diffable; json.dumps without `indent` uses the C encoder.
    yield "["
    separator = "\n  "
    for item in items:
        yield separator + _ENCODE(item)
        separator = ",\n  "
    yield "\n ]" if separator != "\n  " else "]"


def check_json(result: CheckResult) -> Iterator[str]:
    """The report in pieces (the JSON contract of case-records-v1)."""
    yield "{\n"
    yield f' "today": {json.dumps(result.today.isoformat())},\n "cases": '
    yield from _rows(case.to_json() for case in result.cases)
    yield ',\n "problems": '
    yield from _rows(problem.to_json() for problem in result.problems)
    yield f',\n "summary": {json.dumps(counts(result))}\n}}\n'


# --- GitHub Actions: workflow-command annotations ------------------------------------------


def check_github(result: CheckResult) -> str:
    lines = []
    for p in result.problems:
        props = [f"file={gh_property(p.file)}"]
        if p.line:
            props.append(f"line={p.line}")
        if p.column:
            props.append(f"col={p.column}")
        title = (
            f"Code {p.provision}"
            if p.provision
            else ("Invalid record" if p.severity == "error" else "Rule")
        )
        props.append(f"title={gh_property(title)}")
        lines.append(f"::{p.severity} {','.join(props)}::{gh_data(p.message)}\n")
    return "".join(lines)


# --- Markdown (a job summary, an issue or an email) ----------------------------------------


def _md_row(cells: list[object]) -> str:
    return "| " + " | ".join(md_inline(c) for c in cells) + " |"


def check_markdown(result: CheckResult, *, limit: int = 100) -> str:
    c = counts(result)
    out = [
        f"## Complaints check, {result.today.isoformat()}",
        "",
        f"**{c['files']}** case files, **{c['invalid']}** invalid; **{c['open']}** open, "
        f"**{c['overdue']}** overdue, **{c['due_soon']}** due soon, **{c['warnings']}** warning(s).",
        "",
    ]
    if result.problems:
        out += ["### Problems", "", "| File | Line | Severity | Problem |", "|---|---|---|---|"]
        out += [
            _md_row([p.file, p.line or "", p.severity, p.described()])
            for p in result.problems[:limit]
        ]
        if len(result.problems) > limit:
            out.append(f"\n…and {len(result.problems) - limit} more.")
        out.append("")
    rows = open_deadlines(result.cases)
    if rows:
        out += [
            "### Overdue and due soon",
            "",
            "| Case | Stage | Deadline | Due | State | Officer |",
            "|---|---|---|---|---|---|",
        ]
        out += [
            _md_row(
                [r.case, r.stage, r.what, r.due.isoformat(), r.state.replace("_", " "), r.officer]
            )
            for r in rows[:limit]
        ]
        if len(rows) > limit:
            out.append(f"\n…and {len(rows) - limit} more.")
        out.append("")
    return "\n".join(out) + "\n"
