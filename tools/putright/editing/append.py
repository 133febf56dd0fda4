"""``complaints event``: adding one dated event to a case, checked, in order, losing nothing."""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from .. import yamlfile
from ..casewalk import read_case_bytes
from ..errors import EditRefused
from ..housestyle import SCHEMA_LINE_PREFIX, dump_case
from ..problems import Problem
from . import values
from .atomic import replace_file
from .casefiles import CaseFile, find_case, require_case_repo
from .guard import verify
from .insert import Inserted, insert_event
from .lock import edit_lock
from .scalars import Scalar


@dataclass(frozen=True, slots=True)
class NewEvent:
    """What the officer asked for, as typed on the command line (checked by ``add_event``)."""

    case_id: str
    type: str
    date: str
    stage: str | None = None
    by: str | None = None
    note: str | None = None
    sets: Sequence[str] = ()  # KEY=VALUE


@dataclass(frozen=True, slots=True)
class EventAdded:
    case_id: str
    file: CaseFile
    line: int  # where the new event starts in the file
    event: dict[str, Scalar]
    warnings: list[Problem] = field(default_factory=list)

    @property
    def summary(self) -> str:
        """``responded (stage 1, 2026-03-24)``: for messages and commit messages."""
        stage = self.event.get("stage")
        when = (
            f"stage {stage}, {self.event['date']}" if stage is not None else str(self.event["date"])
        )
        return f"{self.event['type']} ({when})"


def _line_of(root: Any, path: Sequence[str | int], text: str, *, key: bool = False) -> int:
    where = yamlfile.locate(yamlfile.compose(text) if root is None else root, path, key=key)
    return where[0] if where else 1


def build_event(request: NewEvent) -> dict[str, Scalar]:
    """The event mapping in the order people write it: date, type, stage, by, the rest, note."""
    values.check_event_type(request.type)
    date = values.parse_date(request.date, what="--date")
    pairs = [values.split_assignment(s) for s in request.sets]
    extra = values.typed_assignments(request.type, pairs)
    event: dict[str, Scalar] = {"date": date.isoformat(), "type": request.type}
    flags = {"stage": request.stage, "by": request.by, "note": request.note}
    for key in ("stage", "by"):
        if flags[key] is not None and key in extra:
            raise values.ValueRefused(f"give {key} once: --{key} or --set {key}=..., not both")
    if request.stage is not None:
        event["stage"] = values.stage_value(request.stage)
    elif "stage" in extra:
        event["stage"] = extra.pop("stage")
    if request.by is not None:
        event["by"] = values.type_value(request.type, "by", request.by)
    elif "by" in extra:
        event["by"] = extra.pop("by")
    note = extra.pop("note", None)
    if request.note is not None:
        if note is not None:
            raise values.ValueRefused("give note once: --note or --set note=..., not both")
        note = values.type_value(request.type, "note", request.note)
    event.update(extra)
    if note is not None:
        event["note"] = note
    missing = [k for k in values.event_required(request.type) if k not in event]
    if missing:
        hint = " ".join(f"--set {k}=..." for k in missing)
        raise values.ValueRefused(f"a {request.type} event needs {', '.join(missing)}: add {hint}")
    return event


def _events_of(data: Any) -> list[Any]:
    events = data.get("events") if isinstance(data, dict) else None
    return events if isinstance(events, list) else []


def _check_order(data: Any, event: dict[str, Scalar], text: str, rel: str) -> None:
    """Events are in date order: one dated before the last is refused, never reordered."""
    new = dt.date.fromisoformat(str(event["date"]))
    received = data.get("received") if isinstance(data, dict) else None
    if isinstance(received, str):
        try:
            day = dt.date.fromisoformat(received)
        except ValueError:
            day = None
        if day is not None and new < day:
            raise EditRefused(
                f"--date {new} is before the complaint was received ({day}); check the date",
                file=rel,
                line=_line_of(None, ["received"], text),
            )
    events = _events_of(data)
    if not events or not isinstance(events[-1], dict):
        return
    try:
        last = dt.date.fromisoformat(str(events[-1].get("date")))
    except ValueError:
        return  # an unreadable date is for validation to report
    if new < last:
        raise EditRefused(
            f"--date {new} is before the last event ({last}, {events[-1].get('type')}): events are "
            "kept in date order, so an earlier event has to be typed into the file at its place "
            "(see docs/guide/editing.md); the file was not changed",
            file=rel,
            line=_line_of(None, ["events", len(events) - 1], text),
        )


def _in_house_style(text: str, data: Any, expected: dict[str, Any]) -> Inserted | None:
    """A file in the house style (the form editor's) stays in it: the new event is written as
    the editor would write it. Appending to the end of a list adds only the new event's lines
    (``events: []`` becomes ``events:``), so every other byte is kept here too. None for a
    file in any other style: insert_event then follows that file's own style."""
    first, _, _ = text.partition("\n")
    if not first.startswith(SCHEMA_LINE_PREFIX) or not isinstance(data, dict):
        return None
    ref = first[len(SCHEMA_LINE_PREFIX) :]
    if dump_case(data, ref) != text:
        return None
    new = dump_case(expected, ref)
    old_lines, new_lines = text.split("\n"), new.split("\n")
    line = next(
        (n for n, (a, b) in enumerate(zip(old_lines, new_lines, strict=False)) if a != b),
        len(old_lines) - 1,
    )
    return Inserted(new, line + 1)


def add_event(root: str, request: NewEvent, today: dt.date) -> EventAdded:
    """Add the event to the case's file, or raise EditRefused having written nothing.

    Read, verify and replace happen under the repository's edit lock (``lock.edit_lock``): a
    second edit at the same moment waits, then reads the file with this event in it.
    """
    require_case_repo(root)
    with edit_lock(root):
        return _add_event(root, request, today)


def _add_event(root: str, request: NewEvent, today: dt.date) -> EventAdded:
    found = find_case(root, request.case_id)
    raw = read_case_bytes(root, found.path, yamlfile.MAX_BYTES)
    loaded = yamlfile.load(raw, found.rel)
    if loaded.problems or loaded.text is None:
        first = loaded.problems[0]
        raise EditRefused(
            f"{first.message}: fix this first (the file was not changed)",
            file=found.rel,
            line=first.line,
        )
    text = loaded.text
    try:
        event = build_event(request)
    except values.ValueRefused as exc:
        raise EditRefused(
            f"{exc}; the file was not changed",
            file=found.rel,
            line=_line_of(None, ["events"], text, key=True),
        ) from None
    _check_order(loaded.data, event, text, found.rel)

    # The text as decoded (BOM gone); the BOM, if any, is put back in front of the result.
    original = raw.decode("utf-8")
    expected = copy.deepcopy(loaded.data)
    expected["events"] = [*_events_of(loaded.data), event]
    inserted = _in_house_style(original, loaded.data, expected) or insert_event(
        original, event, found.rel
    )
    new_raw = inserted.text.encode("utf-8")
    added_lines = inserted.text.count("\n") - original.count("\n")

    def line_map(line: int) -> tuple[int, bool]:
        # Problems are found in the new text; the officer opens the file as it still is.
        if line < inserted.line:
            return line, False
        if line < inserted.line + max(added_lines, 1):
            return inserted.line, True
        return line - added_lines, False

    warnings = verify(root, found.rel, new_raw, expected, today, line_map=line_map)
    replace_file(found.path, new_raw, expected=raw, label=found.rel)
    return EventAdded(request.case_id, found, inserted.line, event, warnings)
