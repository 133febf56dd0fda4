"""One committed version of a case, reduced to what the audit compares, and event matching.

A version only needs to be readable, not schema-valid: a record with, say, an unknown key is
still evidence of when its dates were written. What cannot be read (bad YAML, no received
date, an event without a real date) is skipped and noted, never fatal.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from .. import yamlfile


@dataclass(frozen=True, slots=True)
class EventKey:
    """What identifies an event across versions: its type, stage and date."""

    type: str
    stage: str
    date: dt.date

    def describe(self) -> str:
        return f"{self.type}, stage {self.stage}"


@dataclass(frozen=True, slots=True)
class Version:
    received: dt.date
    kind: str
    events: tuple[EventKey, ...]
    imported_on: dt.date | None = None  # imported.on: history before it was imported, not late


class Unreadable(ValueError):
    """This version cannot be used; the message says why, with a line where known."""


def _date(value: Any, what: str) -> dt.date:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise Unreadable(f"{what} is {value!r}, not a date") from None


def parse_version(raw: bytes, rel: str) -> Version:
    """The audit's view of one committed file; raise Unreadable if it has none."""
    loaded = yamlfile.load(raw, rel)
    if loaded.problems:
        first = loaded.problems[0]
        where = f" (line {first.line})" if first.line else ""
        raise Unreadable(f"{first.message}{where}")
    data = loaded.data
    if not isinstance(data, dict):
        raise Unreadable("not a mapping of keys and values")
    if "received" not in data:
        raise Unreadable("no received date")
    received = _date(data["received"], "received")
    events_data = data.get("events") or []
    if not isinstance(events_data, list):
        raise Unreadable("events is not a list")
    events: list[EventKey] = []
    for index, item in enumerate(events_data):
        if not isinstance(item, dict) or not isinstance(item.get("type"), str):
            raise Unreadable(f"events[{index}] has no type")
        stage = item.get("stage", 1)
        events.append(
            EventKey(item["type"], str(stage), _date(item.get("date"), f"events[{index}].date"))
        )
    kind = data.get("kind", "complaint")
    imported = data.get("imported")
    imported_on = None
    if isinstance(imported, dict) and imported.get("on") is not None:
        imported_on = _date(imported["on"], "imported.on")
    return Version(
        received, kind if isinstance(kind, str) else "complaint", tuple(events), imported_on
    )


def match_events(old: Sequence[EventKey], new: Sequence[EventKey]) -> dict[int, int]:
    """Pair each event of ``new`` with the same event in ``old``: new index -> old index.

    First by (type, stage, date), preferring the same position, so inserting or removing an
    event does not disturb the others. Then, for what is left, by position and type within
    the gap between pairs already made: that is an event whose date (or stage) was changed.
    Events left unpaired in ``new`` were added; in ``old``, removed.
    """
    pairs: dict[int, int] = {}
    used: set[int] = set()
    for i, key in enumerate(new):
        if i < len(old) and old[i] == key:
            pairs[i] = i
            used.add(i)
    waiting: dict[EventKey, list[int]] = {}
    for j, key in enumerate(old):
        if j not in used:
            waiting.setdefault(key, []).append(j)
    for i, key in enumerate(new):
        if i not in pairs and waiting.get(key):
            j = waiting[key].pop(0)
            pairs[i] = j
            used.add(j)
    for i, key in enumerate(new):
        if i in pairs:
            continue
        # Keep order: the old partner must lie between the partners of the nearest
        # paired neighbours, so an edit is never matched across other events.
        low = max((pairs[k] for k in pairs if k < i), default=-1)
        high = min((pairs[k] for k in pairs if k > i), default=len(old))
        candidates = [j for j in range(low + 1, high) if j not in used and old[j].type == key.type]
        if not candidates:
            continue
        j = i if i in candidates else candidates[0]
        pairs[i] = j
        used.add(j)
    return pairs
