"""``complaints new``: a new case file with the next id, checked before it is written.

A new file has no one's formatting to keep, so it is written in the house style
(``putright.housestyle``), byte for byte what the form editor would write for the same case.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field, fields
from typing import Any

from ..errors import EditRefused
from ..housestyle import dump_case
from ..problems import Problem
from . import values
from .atomic import create_file
from .casefiles import CASES_DIR, CaseFile, require_case_repo
from .guard import verify
from .ids import next_id
from .lock import edit_lock

SCHEMA_COPY = ".schemas/case.schema.json"


@dataclass(frozen=True, slots=True)
class CaseFields:
    """A new case as given on the command line or at the prompts (text, checked on use)."""

    received: str
    channel: str | None = None
    category: str | None = None
    name: str | None = None
    email: str | None = None
    phone: str | None = None
    address: str | None = None
    summary: str | None = None
    definition: str | None = None
    policy: str | None = None
    kind: str | None = None
    officer: str | None = None
    tenure: str | None = None
    incident_date: str | None = None


# Field -> where it goes in the record, in the order the contract writes a case.
_PLACES: dict[str, str] = {
    "received": "received",
    "kind": "kind",
    "policy": "policy",
    "channel": "channel",
    "category": "category",
    "tenure": "tenure",
    "officer": "officer",
    "incident_date": "incident_date",
    "name": "complainant.name",
    "email": "complainant.email",
    "phone": "complainant.phone",
    "address": "complainant.address",
    "summary": "summary",
    "definition": "definition",
}


@dataclass(frozen=True, slots=True)
class CaseOpened:
    case_id: str
    file: CaseFile
    received: str
    warnings: list[Problem] = field(default_factory=list)


def build_record(case_id: str, given: CaseFields) -> dict[str, Any]:
    """The record's data, every value checked against the schema (ValueRefused if not)."""
    record: dict[str, Any] = {"id": case_id}
    supplied = {f.name: getattr(given, f.name) for f in fields(given)}
    for name, place in _PLACES.items():
        text = supplied[name]
        if text is None or (text.strip() == "" and name != "received"):
            continue  # an empty answer at a prompt means "not known yet"
        if place in ("received", "incident_date"):
            values.parse_date(text, what=f"--{name.replace('_', '-')}")
        value = values.type_case_value(place, text)
        if place.startswith("complainant."):
            # The complainant mapping takes its place at its first field (the order above).
            record.setdefault("complainant", {})[place.split(".", 1)[1]] = value
        else:
            record[place] = value
    record["events"] = []
    return record


def render_record(record: dict[str, Any], schema_ref: str) -> str:
    """The new file in the house style, the one the form editor writes (putright.housestyle)."""
    return dump_case(record, schema_ref)


def schema_ref(root: str, folder: str) -> str:
    """The editor's schema line, relative to the case's folder (``../../.schemas/...``)."""
    target = os.path.join(os.path.abspath(root), SCHEMA_COPY)
    return os.path.relpath(target, os.path.abspath(folder)).replace(os.sep, "/")


def open_case(root: str, given: CaseFields, today: dt.date) -> CaseOpened:
    """Write the new case; EditRefused (nothing written) if it would not be a valid case."""
    require_case_repo(root)
    try:
        received = values.parse_date(given.received, what="--received")
        build_record("0000-0000", given)  # every value checked before an id is taken
    except values.ValueRefused as exc:
        raise EditRefused(f"{exc}; no case was opened") from None
    with edit_lock(root):  # two officers opening cases at once get two ids, not one refusal
        return _write_case(root, given, received, today)


def _write_case(root: str, given: CaseFields, received: dt.date, today: dt.date) -> CaseOpened:
    case_id = next_id(root, received.year)
    record = build_record(case_id, given)
    folder = os.path.join(root, CASES_DIR, f"{received.year:04d}")
    path = os.path.join(folder, f"{case_id}.yaml")
    rel = f"{CASES_DIR}/{received.year:04d}/{case_id}.yaml"
    raw = render_record(record, schema_ref(root, folder)).encode("utf-8")
    warnings = verify(root, rel, raw, record, today)
    os.makedirs(folder, exist_ok=True)
    create_file(path, raw, label=rel)
    return CaseOpened(case_id, CaseFile(path, rel), received.isoformat(), warnings)
