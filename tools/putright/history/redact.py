"""Erasing a case's personal data while keeping the facts the statistics need.

What is kept is a list (``KEEP_*``), not what is removed: a key added to the format later, an
``x-`` key, or a comment is personal until someone decides otherwise, so a redacted file can
never keep something nobody thought about. The file is re-rendered from the kept data
(comments may name people, so they go), checked against the case schema, and written
atomically. Git still holds the earlier versions: docs/guide/evidence.md says how to purge them.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

import yaml

from .. import validation, yamlfile
from ..cache import forget
from ..editing.atomic import replace_file
from ..editing.commit import commit_files, require_git
from ..errors import EditRefused, RecordError
from ..repository import Repository
from ..schemas import schema

# The facts the statistics, the TSMs and the Code's clocks are computed from.
KEEP_CASE = (
    "id",
    "received",
    "kind",
    "policy",
    "channel",
    "category",
    "tenure",
    "officer",  # a member of staff, not the complainant
    "incident_date",
    "about",  # its party only (below): the firm's name goes
)
KEEP_EVENT = (
    "date",
    "type",
    "stage",
    "by",
    "to",
    "outcome",
    "working_days",
    "agreed",
    "ombudsman_details_given",
    "finding",
    "non_compliance",
    "incident_date",
    "clock",
    "due",
    "remedy",  # required by timescale_agreed / remedy_completed
    "satisfied",  # survey: a statistic (the comment is the complainant's words and goes)
    "score",
    "review",  # restriction: its review date is a deadline
    "lifted",
    "orders",  # an Ombudsman order's dates (below): compliance is a statistic
)
KEEP_ORDER = ("due", "done")
KEEP_REMEDY = ("type", "id", "amount_gbp", "due", "done")
# Text whose content goes but whose presence is a fact a rule or statistic reads: whether the
# complaint was defined (Code 5.6), whether a refused escalation or an extension gave a reason.
# It becomes REDACTED, so checks and reports for past years do not change after redaction.
WITNESSED_CASE = ("definition",)
WITNESSED_EVENT = ("reason", "restricts")
WITNESSED_ORDER = ("order",)
REDACTED = "[redacted]"

_SCHEMA_LINE = re.compile(r"#\s*yaml-language-server:\s*\$schema=\S+\s*")
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_CASE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")


@cache
def _refusal_reasons() -> frozenset[str]:
    """`reason` is free text on most events but a closed list on `refused`: a statistic."""
    for branch in schema("case")["$defs"]["event"]["allOf"]:
        if branch["if"]["properties"]["type"].get("const") == "refused":
            return frozenset(branch["then"]["properties"]["reason"]["enum"])
    return frozenset()  # pragma: no cover - the schema defines it


@dataclass(frozen=True, slots=True)
class Redaction:
    case_id: str
    file: str  # relative to the case repository
    text: str  # the redacted file
    removed: tuple[str, ...]  # paths of what was removed, e.g. "events[2].note"
    changed: bool  # False when the file was already exactly this
    commit: str | None = None  # short sha, when committed
    letters: tuple[str, ...] = ()  # letter files deleted (letters/<id>/...): they are personal


def is_closed(data: Mapping[str, Any]) -> bool:
    events = data.get("events")
    return isinstance(events, list) and any(
        isinstance(e, dict) and e.get("type") == "closed" for e in events
    )


def _keep(
    source: Mapping[str, Any],
    keys: tuple[str, ...],
    where: str,
    removed: list[str],
    witnessed: tuple[str, ...] = (),
) -> dict[str, Any]:
    kept: dict[str, Any] = {}
    for key, value in source.items():
        if key in keys:
            kept[key] = value
            continue
        if key in witnessed and isinstance(value, str) and value.strip():
            kept[key] = REDACTED
            if value == REDACTED:
                continue  # already redacted: nothing removed
        removed.append(f"{where}{key}")
    return kept


# What a redaction cannot reach, said every time it runs (docs/guide/evidence.md has the steps).
STILL_HELD = (
    "Earlier versions of this file are still in the Git history (every clone, and the Git "
    'host): see docs/guide/evidence.md, "Git keeps the history", to purge them.',
    "CI run logs and the staff dashboard artifacts built before today may still show this "
    'case: see docs/guide/evidence.md, "CI logs and artifacts", to delete them.',
)


def category_kept(
    category: object, allowed: tuple[str, ...], shared_by: int, min_cell: int
) -> bool:
    """Is a case's category a label rather than someone's words?

    With the organisation's list, only a label on it; without one, only a label at least
    ``min_cell`` cases share (the public site's rule): free text typed into the field ("Mrs
    Smith's boiler") is personal data like any other.
    """
    if not isinstance(category, str):
        return False
    if allowed:
        return category in allowed
    return shared_by >= min_cell


def redact_data(
    data: Mapping[str, Any], today: dt.date, *, keep_category: bool = True
) -> tuple[dict[str, Any], list[str]]:
    """The kept data (key order as in the file, ``redacted`` before ``events``), and what went."""
    removed: list[str] = []
    reasons = _refusal_reasons()
    top = {k: v for k, v in data.items() if k not in ("events", "redacted")}
    out = _keep(top, KEEP_CASE, "", removed, WITNESSED_CASE)
    if isinstance(out.get("about"), dict):
        out["about"] = _keep(out["about"], ("party",), "about.", removed)
    if "category" in out and not keep_category and out["category"] != REDACTED:
        out["category"] = REDACTED
        removed.append("category")
    out["redacted"] = today.isoformat()
    events: list[Any] = []
    for index, event in enumerate(data.get("events") or []):
        where = f"events[{index}]."
        if not isinstance(event, dict):
            raise RecordError(f"events[{index}] is not a mapping; fix the file before redacting it")
        keys: tuple[str, ...] = KEEP_EVENT
        reason = event.get("reason")
        if event.get("type") == "refused" and isinstance(reason, str) and reason in reasons:
            keys = (*KEEP_EVENT, "reason")  # a refusal's reason is a closed list, a statistic
        rest = {k: v for k, v in event.items() if k != "remedies"}
        kept = _keep(rest, keys, where, removed, WITNESSED_EVENT)
        if isinstance(kept.get("orders"), list):
            kept["orders"] = [
                _keep(o, KEEP_ORDER, f"{where}orders[{n}].", removed, WITNESSED_ORDER)
                if isinstance(o, dict)
                else o
                for n, o in enumerate(kept["orders"])
            ]
        if "remedies" in event:
            remedies = event["remedies"]
            if not isinstance(remedies, list):
                raise RecordError(
                    f"{where}remedies is not a list; fix the file before redacting it"
                )
            kept["remedies"] = [
                _keep(r, KEEP_REMEDY, f"{where}remedies[{n}].", removed)
                if isinstance(r, dict)
                else r
                for n, r in enumerate(remedies)
            ]
        events.append(kept)
    out["events"] = events
    return out, removed


class _Dumper(yaml.SafeDumper):
    """SafeDumper that indents a list under its key, as the contract's examples are written."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def _plain_dates(value: Any) -> Any:
    """ISO date strings as dates, so they are written plain (2026-03-04), as people write them.

    yamlfile reads them back as the same strings; any other string keeps its quotes.
    """
    if isinstance(value, dict):
        return {k: _plain_dates(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain_dates(v) for v in value]
    if isinstance(value, str) and _ISO_DATE.fullmatch(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return value
    return value


def render(data: Mapping[str, Any], schema_line: str | None, newline: str = "\n") -> str:
    # default_flow_style=None: an event of scalars is one flow line, as in the contract's
    # examples; an event with remedies is a block with one flow line per remedy.
    body = yaml.dump(
        _plain_dates(dict(data)),
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=None,
        width=1_000_000,
    )
    text = (schema_line + "\n" if schema_line else "") + body
    return text.replace("\n", newline) if newline != "\n" else text


def _schema_line(text: str) -> str | None:
    """The editor's schema comment, if the file starts with one (before any content)."""
    for line in text.splitlines():
        stripped = line.strip()
        if _SCHEMA_LINE.fullmatch(stripped):
            return stripped
        if stripped and not stripped.startswith("#"):
            return None
    return None


def redact_text(
    text: str, rel: str, today: dt.date, *, force: bool = False, keep_category: bool = True
) -> Redaction:
    """Redact one case file's text; raise EditRefused (nothing to write) if it cannot be done."""
    data, problems = yamlfile.parse(text, rel)
    if problems:
        raise RecordError(problems[0].message, file=rel, line=problems[0].line)
    if not isinstance(data, dict):
        raise RecordError("not a mapping of keys and values", file=rel, line=1)
    case_id = str(data.get("id", ""))
    if not force and not is_closed(data):
        raise EditRefused(
            f"{case_id or rel} is not closed (it has no `closed` event): its personal data may "
            "still be needed; close it first, or use --force",
            file=rel,
        )
    kept, removed = redact_data(data, today, keep_category=keep_category)
    if data.get("redacted") and not removed:
        kept["redacted"] = data["redacted"]  # nothing new was removed: keep the first date
    newline = "\r\n" if "\r\n" in text else "\n"
    new_text = render(kept, _schema_line(text), newline)
    reread, reread_problems = yamlfile.parse(new_text, rel)
    if reread_problems or reread != kept:  # pragma: no cover - a bug in render, never data
        raise EditRefused(
            "the redacted file would not read back as written; nothing was changed", file=rel
        )
    invalid = validation.problems("case", reread, new_text, rel)
    if invalid:
        first = invalid[0]
        raise EditRefused(
            f"the redacted file would not be valid ({first.message}); nothing was changed", file=rel
        )
    return Redaction(case_id, rel, new_text, tuple(removed), new_text != text)


def redact_case(
    repo: Repository, case_id: str, today: dt.date, *, force: bool = False, commit: bool = False
) -> Redaction:
    """Redact the case ``case_id`` in place; commit it alone when ``commit``."""
    if not _CASE_ID.fullmatch(case_id):
        raise RecordError(f"{case_id!r} is not a case id")
    found = repo.find_case_file(case_id)
    if found is None:
        raise RecordError(f"no case {case_id!r} under cases/")
    path, rel = found
    loaded = yamlfile.load_file(path, rel)
    if loaded.text is None:
        first = loaded.problems[0]
        raise RecordError(first.message, file=rel, line=first.line)
    category = loaded.data.get("category") if isinstance(loaded.data, dict) else None
    settings = repo.settings
    shared = 0 if settings.categories else _cases_with_category(repo, category)
    keep = category_kept(category, settings.categories, shared, settings.min_cell)
    result = redact_text(loaded.text, rel, today, force=force, keep_category=keep)
    if commit:
        require_git(repo.root)  # refuse before writing, as the other editing commands do
    if result.changed:
        with open(path, "rb") as handle:
            before = handle.read()
        replace_file(path, result.text.encode("utf-8"), expected=before, label=rel)
    letters = _delete_letters(repo.root, case_id)
    forget(repo.root, [rel])  # the check cache holds what the file said before
    sha = None
    if commit and (letters or _has_changes(repo.root, path)):
        paths = [path, *(os.path.join(repo.root, r) for r in letters)]
        sha = commit_files(repo.root, paths, f"{case_id}: redact personal data").sha[:7]
    return Redaction(case_id, rel, result.text, result.removed, result.changed, sha, letters)


def letter_files(root: str, case_id: str) -> list[str]:
    """The case's letters (letters/<id>/...), relative to the repository."""
    folder = os.path.join(root, "letters", case_id)
    found = []
    for base, _dirs, files in os.walk(folder):
        for name in files:
            found.append(os.path.relpath(os.path.join(base, name), root).replace(os.sep, "/"))
    return sorted(found)


def _delete_letters(root: str, case_id: str) -> tuple[str, ...]:
    """Letters hold the complainant's name, address and words: redaction deletes them."""
    gone = letter_files(root, case_id)
    for rel in gone:
        os.unlink(os.path.join(root, rel))
    for base, _dirs, _files in sorted(
        os.walk(os.path.join(root, "letters", case_id)), reverse=True
    ):
        with contextlib.suppress(OSError):
            os.rmdir(base)
    return tuple(gone)


def _cases_with_category(repo: Repository, category: object) -> int:
    if not isinstance(category, str):
        return 0
    count = 0
    for path, rel in repo.case_files():
        data = yamlfile.load_file(path, rel).data
        count += isinstance(data, dict) and data.get("category") == category
    return count


def _has_changes(root: str, path: str) -> bool:
    from ..gitrepo import open_repo  # GitPython loads only when --commit is asked for

    with open_repo(root, f"{os.path.abspath(root)!r} is not in a Git repository") as repo:
        return bool(repo.git.status("--porcelain", "--", os.path.abspath(path)))
