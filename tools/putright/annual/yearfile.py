"""The organisation's own words for a year: ``<reports_dir>/<YYYY-YY>.yaml``.

Everything in the file is published: the self-assessment answers, the service improvements,
the Ombudsman's findings and reports, the governing body's response (Code 8.1 (a)-(f), 8.2).
It is read with the same safe loader as the records and checked against year.schema.json;
every problem names the file and the line. A year with no file still has a report, built from
the records, with those parts marked "not yet written".
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from typing import Any

from .. import validation, yamlfile
from ..config import Settings
from ..errors import ConfigError
from ..problems import Problem
from .provisions import provisions, sort_key


@dataclass(frozen=True, slots=True)
class Answer:
    comply: bool
    evidence: str = ""
    commentary: str = ""


@dataclass(frozen=True, slots=True)
class Improvement:
    title: str
    detail: str = ""
    category: str = ""
    date: dt.date | None = None


@dataclass(frozen=True, slots=True)
class NonCompliance:
    summary: str
    date: dt.date | None = None
    provision: str = ""
    action: str = ""


@dataclass(frozen=True, slots=True)
class Publication:
    summary: str
    title: str = ""
    date: dt.date | None = None
    url: str = ""


@dataclass(frozen=True, slots=True)
class Response:
    text: str
    body: str = ""
    date: dt.date | None = None


@dataclass(frozen=True, slots=True)
class Approval:
    by: str
    date: dt.date


@dataclass(frozen=True, slots=True)
class Reassessment:
    date: dt.date
    reason: str


@dataclass(frozen=True, slots=True)
class Exceptional:
    summary: str
    start: dt.date | None = None
    compliant_again_by: dt.date | None = None


@dataclass(frozen=True, slots=True)
class YearStatement:
    """One year's file, parsed. Missing parts are empty: the pages say "not yet written"."""

    label: str
    file: str
    homes: int | None = None
    homes_lcho: int | None = None
    answers: dict[str, Answer] = field(default_factory=dict)
    performance_commentary: str = ""
    improvements: tuple[Improvement, ...] = ()
    non_compliance: tuple[NonCompliance, ...] = ()
    ombudsman_annual_report: Publication | None = None
    other_reports: tuple[Publication, ...] = ()
    governing_body_response: Response | None = None
    approved: Approval | None = None
    reassessed: tuple[Reassessment, ...] = ()
    exceptional: Exceptional | None = None


class YearFileError(ConfigError):
    """A year file is invalid; ``problems`` holds every problem (file and line each)."""

    def __init__(self, problems: list[Problem]) -> None:
        first = problems[0]
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        super().__init__(first.message + more, file=first.file, line=first.line)
        self.problems = problems


def year_file(settings: Settings, year: int) -> str:
    """The file's path relative to the repository, with / separators."""
    folder = settings.reports_dir.strip("/").replace(os.sep, "/") or "."
    return f"{folder}/{settings.year_label(year)}.yaml"


def years_written(root: str, settings: Settings) -> list[int]:
    """The years that have a file (named YYYY-YY.yaml), oldest first."""
    folder = os.path.join(root, settings.reports_dir)
    if not os.path.isdir(folder):
        return []
    out = []
    for name in os.listdir(folder):
        stem, ext = os.path.splitext(name)
        if (
            ext == ".yaml"
            and len(stem) == 7
            and stem[:4].isdigit()
            and stem[4] == "-"
            and stem[5:].isdigit()
        ):
            year = int(stem[:4])
            if settings.year_label(year) == stem:
                out.append(year)
    return sorted(out)


def load_year(
    root: str, settings: Settings, year: int
) -> tuple[YearStatement | None, list[Problem]]:
    """The year's statement (None when there is no file yet) and its problems."""
    rel = year_file(settings, year)
    path = os.path.join(root, *rel.split("/"))
    if not os.path.isfile(path):
        return None, []
    loaded = yamlfile.load_file(path, rel)
    if loaded.problems or loaded.text is None:
        return None, [_hint(p) for p in loaded.problems]
    data = loaded.data
    if data is None:
        data = {}
    if not isinstance(data, dict):
        return None, [
            Problem(
                rel,
                1,
                f"a year file is a mapping of keys (year:, self_assessment:, ...), not a {type(data).__name__}",
            )
        ]
    root_node = yamlfile.compose(loaded.text)
    problems = _key_problems(data, root_node, rel)
    if problems:
        return None, problems
    problems = validation.problems("year", data, loaded.text, rel)
    problems += _meaning_problems(data, root_node, rel, settings.year_label(year))
    if problems:
        # An empty file has no node to point at: its first line is where the fix goes.
        located = [
            p if p.line else Problem(p.file, 1, p.message, p.severity, p.column) for p in problems
        ]
        return None, sorted(located, key=Problem.sort_key)
    return _statement(data, rel, settings.year_label(year)), []


def require_year(root: str, settings: Settings, year: int) -> YearStatement | None:
    """``load_year`` for callers that stop on a bad file (YearFileError with every problem)."""
    statement, problems = load_year(root, settings, year)
    if problems:
        raise YearFileError(problems)
    return statement


def _hint(problem: Problem) -> Problem:
    # Unquoted, 6.1 and 6.10 are the same number to YAML: say so where it will bite.
    if "duplicate key" in problem.message and "." in problem.message:
        return Problem(
            problem.file,
            problem.line,
            problem.message
            + '; put provision numbers in quotes ("6.10"): unquoted, 6.10 reads as the number 6.1',
            problem.severity,
            problem.column,
        )
    return problem


def _where(root: Any, path: list[str | int], *, key: bool = False) -> int | None:
    found = yamlfile.locate(root, path, key=key)
    return found[0] if found else None


def _key_problems(data: dict[str, Any], root: Any, rel: str) -> list[Problem]:
    """Provision numbers written without quotes (YAML reads them as numbers)."""
    answers = data.get("self_assessment")
    out = []
    if isinstance(answers, dict):
        for key in answers:
            if not isinstance(key, str):
                line = _line_of_key(root, "self_assessment", key)
                out.append(
                    Problem(
                        rel,
                        line,
                        f'self_assessment: provision {key!r} must be in quotes ("{key}"): unquoted, YAML reads it as a number (and 6.10 as 6.1)',
                    )
                )
    return out


def _line_of_key(root: Any, parent: str, key: object) -> int | None:
    import yaml

    if not isinstance(root, yaml.MappingNode):
        return None
    for key_node, value_node in root.value:
        if key_node.value == parent and isinstance(value_node, yaml.MappingNode):
            for inner, _ in value_node.value:
                try:
                    same = float(inner.value) == float(key)  # type: ignore[arg-type]
                except (TypeError, ValueError):
                    same = inner.value == str(key)
                if same:
                    return int(inner.start_mark.line) + 1
            return int(value_node.start_mark.line) + 1
    return None


def _meaning_problems(data: dict[str, Any], root: Any, rel: str, label: str) -> list[Problem]:
    out = []
    if data.get("year") != label:
        out.append(
            Problem(
                rel,
                _where(root, ["year"]),
                f'year: {data.get("year")!r} does not match the file name: write year: "{label}"',
            )
        )
    known = provisions()
    for key in sorted(
        (data.get("self_assessment") or {}), key=lambda k: sort_key(k) if _numbered(k) else (99, 0)
    ):
        if key not in known:
            out.append(
                Problem(
                    rel,
                    _where(root, ["self_assessment", key], key=True),
                    f"self_assessment: {key} is not a provision of the Code's self-assessment (1.2 to 9.8; see docs/reference/self-assessment.md)",
                )
            )
    for path, value in _dates(data):
        try:
            dt.date.fromisoformat(value)
        except ValueError:
            out.append(
                Problem(
                    rel,
                    _where(root, path),
                    f"{'.'.join(str(p) for p in path)}: {value!r} is not a real date",
                )
            )
    return out


def _numbered(key: str) -> bool:
    section, _, number = key.partition(".")
    return section.isdigit() and number.isdigit()


def _dates(data: Any, path: list[str | int] | None = None) -> list[tuple[list[str | int], str]]:
    """Every value under a key named like a date field (schema-valid ISO form already)."""
    path = path or []
    out: list[tuple[list[str | int], str]] = []
    if isinstance(data, dict):
        for key, value in data.items():
            if key in ("date", "from", "compliant_again_by") and isinstance(value, str):
                out.append(([*path, key], value))
            else:
                out += _dates(value, [*path, key])
    elif isinstance(data, list):
        for i, value in enumerate(data):
            out += _dates(value, [*path, i])
    return out


def _day(value: Any) -> dt.date | None:
    return dt.date.fromisoformat(value) if isinstance(value, str) else None


def _text(value: Any) -> str:
    return " ".join(str(value).split()) if value is not None else ""


def _paragraphs(value: Any) -> str:
    """Free text keeping its paragraph breaks (blank lines), each paragraph on one line."""
    if value is None:
        return ""
    blocks = [" ".join(b.split()) for b in str(value).split("\n\n")]
    return "\n\n".join(b for b in blocks if b)


def _publication(raw: Any) -> Publication | None:
    if not isinstance(raw, dict):
        return None
    return Publication(
        _paragraphs(raw["summary"]),
        _text(raw.get("title")),
        _day(raw.get("date")),
        _text(raw.get("url")),
    )


def _statement(data: dict[str, Any], rel: str, label: str) -> YearStatement:
    answers = {}
    for key, raw in (data.get("self_assessment") or {}).items():
        comply = raw["comply"]
        answers[key] = Answer(
            comply=comply if isinstance(comply, bool) else str(comply).lower() == "yes",
            evidence=_paragraphs(raw.get("evidence")),
            commentary=_paragraphs(raw.get("commentary")),
        )
    ombudsman = data.get("ombudsman") or {}
    response = data.get("governing_body_response")
    approved = data.get("approved")
    exceptional = data.get("exceptional_circumstances")
    return YearStatement(
        label=label,
        file=rel,
        homes=data.get("homes"),
        homes_lcho=data.get("homes_lcho"),
        answers=dict(sorted(answers.items(), key=lambda kv: sort_key(kv[0]))),
        performance_commentary=_paragraphs(data.get("performance_commentary")),
        improvements=tuple(
            Improvement(
                _text(i["title"]),
                _paragraphs(i.get("detail")),
                _text(i.get("category")),
                _day(i.get("date")),
            )
            for i in data.get("service_improvements") or ()
        ),
        non_compliance=tuple(
            NonCompliance(
                _paragraphs(f["summary"]),
                _day(f.get("date")),
                _text(f.get("provision")),
                _paragraphs(f.get("action")),
            )
            for f in ombudsman.get("non_compliance_findings") or ()
        ),
        ombudsman_annual_report=_publication(ombudsman.get("annual_performance_report")),
        other_reports=tuple(
            p for p in (_publication(r) for r in ombudsman.get("other_reports") or ()) if p
        ),
        governing_body_response=Response(
            _paragraphs(response["text"]), _text(response.get("body")), _day(response.get("date"))
        )
        if isinstance(response, dict)
        else None,
        approved=Approval(_text(approved["by"]), dt.date.fromisoformat(approved["date"]))
        if isinstance(approved, dict)
        else None,
        reassessed=tuple(
            Reassessment(dt.date.fromisoformat(r["date"]), _paragraphs(r["reason"]))
            for r in data.get("reassessed") or ()
        ),
        exceptional=Exceptional(
            _paragraphs(exceptional["summary"]),
            _day(exceptional.get("from")),
            _day(exceptional.get("compliant_again_by")),
        )
        if isinstance(exceptional, dict)
        else None,
    )
