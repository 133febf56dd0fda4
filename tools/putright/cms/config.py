"""The form editor's configuration (Decap CMS ``admin/config.yml``), made from the case schema.

Every field of a case comes from the case schema, so a field added there appears in the form
when the configuration is made again (``complaints cms config --write``; the check in
check.yml fails while it is stale). Which fields hold personal data comes from the list of
facts redaction keeps (``history.redact``): every other field is personal, and its hint says
so. The organisation's categories and procedures are written in as choices; the names of
staff are not: ``officer``, ``by`` and ``to`` are relations to ``complaints.yml`` in the
repository, read after sign-in, so the published admin page names no one.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import yaml

from ..history.redact import KEEP_CASE, KEEP_EVENT, KEEP_REMEDY
from ..schemas import schema

CASES_DIR = "cases"
SETTINGS_COLLECTION = "settings"
FORMAT = "putright-yaml"
PERSONAL_HINT = "Personal: stays inside the organisation, never published."
_YEAR = re.compile(r"^[0-9]{4}$")
_DATE_WIDGET = {
    "widget": "datetime",
    "format": "YYYY-MM-DD",
    "date_format": "YYYY-MM-DD",
    "time_format": False,
    "picker_utc": True,
}
# Free text that is written over several lines; other text fields are one line.
_LONG_TEXT = frozenset({"summary", "definition", "notes", "learning", "note", "description"})
_PEOPLE = frozenset({"officer", "by", "to"})


@dataclass(frozen=True, slots=True)
class EditorSettings:
    """What the configuration takes from complaints.yml and the repository's folders."""

    years: tuple[int, ...]  # case folders, newest first
    categories: tuple[str, ...] = ()
    policies: tuple[str, ...] = ()
    repo: str | None = None  # owner/name on GitHub
    branch: str = "main"
    base_url: str | None = None  # the OAuth client's address


def case_years(root: str, today: dt.date) -> tuple[int, ...]:
    """The year folders under cases/, and this year's (its first case may be the editor's)."""
    years = {today.year}
    folder = os.path.join(root, CASES_DIR)
    if os.path.isdir(folder):
        years.update(int(name) for name in os.listdir(folder) if _YEAR.match(name))
    return tuple(sorted(years, reverse=True))


def _label(name: str) -> str:
    return name.replace("_", " ").capitalize()


# Written only by `complaints import`: where a case came from is not the officer's to change.
_NOT_IN_FORM = frozenset({"imported"})

# One form holds the complainant's name and the contractor's: each label says whose it is.
_SUB_LABELS = {
    ("about", "party"): "Who the complaint is about",
    ("about", "name"): "Contractor's or agent's name",
}

# The schema says what the id is for developers; an officer needs to know where it comes from.
ID_HINT = (
    "The case number, YYYY-NNNN. A new case is given the next free number of its year when the "
    "form opens (see the note under the box)."
)
NUMBER_WIDGET = "putright-case-number"  # cms/assets/putright-case-number.js


def _hint(name: str, node: Mapping[str, Any], personal: bool) -> str | None:
    description = str(node.get("description", "")).strip()
    description = re.sub(r"^PERSONAL( \(internal\))?:\s*", "", description)
    description = re.sub(r"^Internal:\s*", "", description)
    description = re.sub(r"\s*\((internal: )?never published\)", "", description)
    description = re.sub(r",?\s*never published\.?$", "", description).strip()
    parts = [PERSONAL_HINT] if personal else []
    if description:
        parts.append(description[0].upper() + description[1:].rstrip(".") + ".")
    return " ".join(parts) or None


def _field(
    name: str,
    node: Mapping[str, Any],
    *,
    required: bool,
    personal: bool,
    settings: EditorSettings,
) -> dict[str, Any]:
    out: dict[str, Any] = {"name": name, "label": _label(name)}
    personal = personal and node.get("format") != "date"  # when, not who or what was said
    if node.get("format") == "date":
        out.update(_DATE_WIDGET)
        if not required:
            out["default"] = ""  # the date widget would otherwise fill in today
    elif "enum" in node:
        out["widget"] = "select"
        out["options"] = list(node["enum"])
    elif name == "category" and settings.categories:
        out["widget"] = "select"
        out["options"] = list(settings.categories)
    elif name == "policy" and settings.policies:
        out["widget"] = "select"
        out["options"] = list(settings.policies)
    elif name in _PEOPLE:
        out.update(
            {
                "widget": "relation",
                "collection": SETTINGS_COLLECTION,
                "file": "complaints",
                "value_field": "officers.*",
                "search_fields": ["officers.*"],
                "display_fields": ["officers.*"],
            }
        )
    elif node.get("type") == "boolean":
        out["widget"] = "boolean"
    elif node.get("type") in ("integer", "number") or "anyOf" in node:
        # stage is a number or a short name; the form asks for the number, as cases write it.
        out["widget"] = "number"
        out["value_type"] = "float" if node.get("type") == "number" else "int"
        bounds = node if "anyOf" not in node else node["anyOf"][0]
        for key in ("minimum", "maximum"):
            if key in bounds:
                out[key[:3]] = bounds[key]
    elif node.get("type") == "array":
        out["widget"] = "list"
    elif node.get("type") == "object":
        out["widget"] = "object"
        out["collapsed"] = False
        out["fields"] = [
            _field(key, sub, required=False, personal=personal, settings=settings)
            for key, sub in node.get("properties", {}).items()
        ]
    else:
        out["widget"] = "text" if name in _LONG_TEXT else "string"
    if not required:
        out["required"] = False
    hint = _hint(name, node, personal)
    if hint:
        out["hint"] = hint
    return out


def _remedies(settings: EditorSettings) -> dict[str, Any]:
    remedy = schema("case")["$defs"]["remedy"]
    return {
        "name": "remedies",
        "label": "Remedies",
        "label_singular": "remedy",
        "widget": "list",
        "required": False,
        "summary": "{{fields.type}} {{fields.id}}",
        "fields": [
            _field(
                key,
                node,
                required=key in remedy.get("required", ()),
                personal=key not in KEEP_REMEDY,
                settings=settings,
            )
            for key, node in remedy["properties"].items()
        ],
    }


def _event_types(settings: EditorSettings) -> list[dict[str, Any]]:
    """One form per event type, with the fields the schema allows for that type."""
    event = schema("case")["$defs"]["event"]
    out = []
    for branch in event["allOf"]:
        type_ = branch["if"]["properties"]["type"]["const"]
        then = branch["then"]
        required = set(event.get("required", ())) | set(then.get("required", ()))
        fields = []
        for key, node in then["properties"].items():
            if key == "type":
                continue
            if key == "remedies":
                fields.append(_remedies(settings))
                continue
            # `reason` is a closed list on refusals: a statistic, not the complainant's words.
            personal = key not in KEEP_EVENT and "enum" not in node
            fields.append(
                _field(key, node, required=key in required, personal=personal, settings=settings)
            )
        out.append({"name": type_, "label": _label(type_), "widget": "object", "fields": fields})
    return out


def case_fields(settings: EditorSettings) -> list[dict[str, Any]]:
    case = schema("case")
    required = set(case.get("required", ()))
    fields = []
    for key, node in case["properties"].items():
        if key == "events":
            fields.append(
                {
                    "name": "events",
                    "label": "Events",
                    "label_singular": "event",
                    "widget": "list",
                    "typeKey": "type",
                    "summary": "{{fields.date}} {{fields.type}}",
                    "types": _event_types(settings),
                }
            )
            continue
        if key in _NOT_IN_FORM:
            continue  # kept as it is in the file: the editor saves what it does not show
        field = _field(
            key, node, required=key in required, personal=key not in KEEP_CASE, settings=settings
        )
        if key == "id":
            field["label"], field["hint"] = "Case number", ID_HINT
            field["widget"] = NUMBER_WIDGET
        for sub in field.get("fields", ()):
            sub["label"] = _SUB_LABELS.get((key, sub["name"]), sub["label"])
        fields.append(field)
    return fields


def _year_collection(year: int, fields: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "name": f"cases-{year}",
        "label": f"Cases {year}",
        "label_singular": "case",
        "folder": f"{CASES_DIR}/{year}",
        "extension": "yaml",
        "format": FORMAT,
        "create": True,
        "delete": False,
        "identifier_field": "id",
        "slug": "{{fields.id}}",
        "summary": "{{id}} {{kind}} {{category}}, received {{received}}",
        # Newest case first: the list opens on what is being worked on.
        "sortable_fields": [{"field": "id", "default_sort": "desc"}, "received", "category"],
        # The same list in every year: written once, then by reference (&id001 / *id001).
        "fields": fields,
    }


def _settings_collection() -> dict[str, Any]:
    # Hidden: it is there for the relation widgets (the names of staff, read after sign-in).
    return {
        "name": SETTINGS_COLLECTION,
        "label": "Settings",
        "hide": True,
        "editor": {"preview": False},
        "files": [
            {
                "name": "complaints",
                "label": "complaints.yml",
                "file": "complaints.yml",
                "format": "yml",
                "fields": [{"name": "officers", "label": "Officers", "widget": "list"}],
            }
        ],
    }


def build_config(settings: EditorSettings) -> dict[str, Any]:
    backend: dict[str, Any] = {
        "name": "github",
        "repo": settings.repo or "OWNER/REPOSITORY",
        "branch": settings.branch,
        "squash_merges": True,
    }
    if settings.base_url:
        backend["base_url"] = settings.base_url
    fields = case_fields(settings)
    return {
        "backend": backend,
        "publish_mode": "editorial_workflow",
        "media_folder": "admin/uploads",  # Decap wants one; cases have no attachments here
        "omit_empty_optional_fields": True,
        "editor": {"preview": False},
        "collections": [_year_collection(y, fields) for y in settings.years]
        + [_settings_collection()],
    }


HEADER = """\
# The form editor's configuration (Decap CMS; Sveltia CMS reads it too).
# Made by `complaints cms config --write` from the case schema and complaints.yml: do not edit
# by hand, the check in check.yml fails when it is stale. No one's name is in it: the list of
# officers is read from complaints.yml in the repository after sign-in.
"""


def render_config(settings: EditorSettings) -> str:
    body = yaml.safe_dump(
        build_config(settings), sort_keys=False, allow_unicode=True, width=100, indent=2
    )
    note = ""
    if not settings.repo:
        note = "# Set editor.repo (owner/name) in complaints.yml to sign in on GitHub.\n"
    return HEADER + note + body
