"""Which column holds what, and how the log spells its values: the defaults and a map file.

Without a map, a log's headings are matched to these (case and spacing ignored). A map file
names other headings and other spellings, for example::

    columns:            # our heading: the heading in your log
      Phone: Tel
      Email: E-mail
      Stage 1 outcome: Outcome
    values:             # your spelling: ours
      outcome:
        Upheld in part: partially_upheld
      channel:
        Telephone call: phone
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field

from ..vocab import OUTCOMES, enum_of
from ..yamlfile import load as load_yaml
from .table import ImportRefused

# field -> the default heading, in the order the template lays them out.
HEADINGS: dict[str, str] = {
    "reference": "Reference",
    "received": "Received",
    "name": "Name",
    "email": "Email",
    "phone": "Phone",
    "address": "Address",
    "tenure": "Tenure",
    "channel": "Channel",
    "category": "Category",
    "summary": "Summary",
    "acknowledged": "Acknowledged",
    "stage1_response": "Stage 1 response",
    "stage1_outcome": "Stage 1 outcome",
    "escalated": "Escalated",
    "stage2_acknowledged": "Stage 2 acknowledged",
    "stage2_response": "Stage 2 response",
    "stage2_outcome": "Stage 2 outcome",
    "closed": "Closed",
}
DATE_FIELDS = (
    "received",
    "acknowledged",
    "stage1_response",
    "escalated",
    "stage2_acknowledged",
    "stage2_response",
    "closed",
)
# Fields whose values are one of the record format's words; `outcome` covers both stages.
VALUE_KINDS = ("channel", "tenure", "outcome", "category")

# Spellings every log is likely to use, before any map's own (normalised keys, see `_key`).
_BUILTIN: dict[str, dict[str, str]] = {
    "channel": {
        "telephone": "phone",
        "tel": "phone",
        "e_mail": "email",
        "in_person": "in_person",
        "face_to_face": "in_person",
        "web": "website",
        "web_form": "website",
        "online": "website",
        "social_media": "social_media",
        "sms": "text",
        "text_message": "text",
        "housing_ombudsman": "ombudsman",
    },
    "tenure": {"shared_ownership": "lcho", "rent": "lcra", "renting": "lcra", "tenant": "lcra"},
    "outcome": {},
    "category": {},
}


def heading_key(text: str) -> str:
    """Headings compare with case and spacing ignored: "Stage 1  response" = "stage1response"."""
    return "".join(text.lower().split())


def _key(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")


@dataclass(frozen=True, slots=True)
class LogMap:
    """Heading (as the log writes it) for each field, and spellings per kind of value."""

    headings: dict[str, str] = field(default_factory=lambda: dict(HEADINGS))
    spellings: dict[str, dict[str, str]] = field(default_factory=dict)

    def word(self, kind: str, text: str) -> str | None:
        """``text`` as the record format's word for ``kind``, or None if it is not one."""
        allowed = _allowed(kind)
        key = _key(text)
        for table in (self.spellings.get(kind, {}), _BUILTIN[kind]):
            if key in table:
                return table[key]
        if allowed is None:
            return text.strip()
        return key if key in allowed else None


def _allowed(kind: str) -> tuple[str, ...] | None:
    if kind == "outcome":
        return OUTCOMES
    if kind == "category":
        return None  # the organisation's own list: complaints.yml, checked with the case
    return enum_of("properties", kind)


def _field_for(name: object) -> str | None:
    wanted = heading_key(str(name))
    for fld, heading in HEADINGS.items():
        if heading_key(heading) == wanted or heading_key(fld) == wanted:
            return fld
    return None


def load_map(path: str) -> LogMap:
    """A map file (YAML, see the module's docstring); ImportRefused naming what is wrong."""
    file = os.path.basename(path)
    try:
        with open(path, "rb") as handle:
            raw = handle.read()
    except OSError as exc:
        raise ImportRefused(f"{path}: cannot read the map: {exc.strerror}") from None
    loaded = load_yaml(raw, file)
    if loaded.problems:
        first = loaded.problems[0]
        raise ImportRefused(f"{file}:{first.line}: {first.message}")
    data = loaded.data if loaded.data is not None else {}
    if not isinstance(data, dict) or set(data) - {"columns", "values"}:
        raise ImportRefused(f"{file}: a map has two sections, columns: and values:, and no others")
    headings = dict(HEADINGS)
    for ours, theirs in (data.get("columns") or {}).items():
        fld = _field_for(ours)
        if fld is None:
            raise ImportRefused(
                f"{file}: columns: {ours!r} is not one of {', '.join(HEADINGS.values())}"
            )
        if not isinstance(theirs, str) or not theirs.strip():
            raise ImportRefused(f"{file}: columns: {ours}: give the heading your log uses")
        headings[fld] = theirs
    spellings: dict[str, dict[str, str]] = {}
    for kind, table in (data.get("values") or {}).items():
        if kind not in VALUE_KINDS:
            raise ImportRefused(f"{file}: values: {kind!r} is not one of {', '.join(VALUE_KINDS)}")
        if not isinstance(table, dict):
            raise ImportRefused(f"{file}: values: {kind}: give 'your spelling: our word' lines")
        allowed = _allowed(kind)
        for theirs, ours in table.items():
            if allowed is not None and ours not in allowed:
                raise ImportRefused(
                    f"{file}: values: {kind}: {theirs}: {ours!r} is not one of {', '.join(allowed)}"
                )
            spellings.setdefault(kind, {})[_key(str(theirs))] = str(ours)
    return LogMap(headings, spellings)
