"""One row of a complaints log -> the data of one case: fields, events in date order, `imported`.

Pure: no files are read or written here. A row that cannot become a valid case gives
RowProblems (row number and column, as staff see them in the spreadsheet), never a guess.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from ..editing.newcase import CaseFields, build_record
from ..editing.values import ValueRefused
from .dates import DateRefused, parse_uk_date
from .mapping import DATE_FIELDS, LogMap
from .table import Cell, Row, column_letter

# Each dated column and the event it records: (type, stage, the column holding its outcome).
EVENTS: tuple[tuple[str, str, int, str | None], ...] = (
    ("acknowledged", "acknowledged", 1, None),
    ("stage1_response", "responded", 1, "stage1_outcome"),
    ("escalated", "escalated", 2, None),
    ("stage2_acknowledged", "acknowledged", 2, None),
    ("stage2_response", "responded", 2, "stage2_outcome"),
    ("closed", "closed", 1, None),
)
_TEXT_FIELDS = ("name", "email", "phone", "address", "summary")


@dataclass(frozen=True, slots=True)
class RowProblem:
    row: int
    column: str | None  # "C (Received)", or None for the row as a whole
    message: str

    def describe(self, file: str) -> str:
        where = f"row {self.row}, column {self.column}" if self.column else f"row {self.row}"
        return f"{file}: {where}: {self.message}"


@dataclass(frozen=True, slots=True)
class LogCase:
    """A row read: what the case will hold, before it has an id."""

    row: int
    ref: str
    received: dt.date
    record: dict[str, Any]  # as build_record makes it, with events and `imported`, id unset


@dataclass(frozen=True, slots=True)
class Columns:
    """field -> (0-based index, heading as the log writes it) for the fields the log has."""

    found: dict[str, tuple[int, str]]

    def label(self, fld: str) -> str:
        index, heading = self.found[fld]
        return f"{column_letter(index)} ({heading})"


def _text(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # a number cell: 75.0 is "75"
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    return str(value).strip()


def read_row(
    row: Row, columns: Columns, log_map: LogMap, source: str, on: dt.date
) -> LogCase | list[RowProblem]:
    problems: list[RowProblem] = []

    def cell(fld: str) -> Cell:
        if fld not in columns.found:
            return None
        index = columns.found[fld][0]
        return row.cells[index] if index < len(row.cells) else None

    def refuse(fld: str | None, message: str) -> None:
        problems.append(RowProblem(row.number, columns.label(fld) if fld else None, message))

    dates: dict[str, dt.date] = {}
    for fld in DATE_FIELDS:
        value = cell(fld)
        if value is None or _text(value) == "":
            continue
        try:
            dates[fld] = parse_uk_date(value)
        except DateRefused as exc:
            refuse(fld, str(exc))
    ref = _text(cell("reference"))
    if not ref:
        refuse(
            "reference",
            "empty: every row needs the log's own reference (a second import matches cases by it)",
        )
    if "received" not in dates and not any(p.column == columns.label("received") for p in problems):
        refuse("received", "empty: the date the complaint reached us is required")
    words: dict[str, str | None] = {}
    for fld, kind in (("channel", "channel"), ("tenure", "tenure"), ("category", "category")):
        text = _text(cell(fld))
        if not text:
            continue
        word = log_map.word(kind, text)
        if word is None:
            refuse(
                fld,
                f"{text!r} is not a {kind} Putright knows: add it under values: {kind}: in a map (--map)",
            )
        words[fld] = word
    outcomes: dict[str, str] = {}
    for date_fld, _type, _stage, outcome_fld in EVENTS:
        if outcome_fld is None:
            continue
        text = _text(cell(outcome_fld))
        if not text:
            continue
        word = log_map.word("outcome", text)
        if word is None:
            refuse(
                outcome_fld,
                f"{text!r} is not an outcome Putright knows (upheld, partially upheld, not upheld): add it under values: outcome: in a map (--map)",
            )
        elif date_fld not in dates:
            refuse(
                outcome_fld,
                f"an outcome with no {log_map.headings[date_fld]} date",
            )
        else:
            outcomes[outcome_fld] = word
    received = dates.get("received")
    if received is not None:
        for fld, day in dates.items():
            if day < received:
                refuse(
                    fld,
                    f"{day.strftime('%d/%m/%Y')} is before the complaint was received ({received.strftime('%d/%m/%Y')})",
                )
            if day > on:
                refuse(
                    fld, f"{day.strftime('%d/%m/%Y')} is after today ({on.strftime('%d/%m/%Y')})"
                )
    if problems or received is None:
        return problems
    given = CaseFields(
        received=received.isoformat(),
        channel=words.get("channel"),
        category=words.get("category"),
        tenure=words.get("tenure"),
        **{fld: (_text(cell(fld)) or None) for fld in _TEXT_FIELDS},
    )
    try:
        record = build_record("", given)
    except ValueRefused as exc:
        return [RowProblem(row.number, None, str(exc))]
    events: list[dict[str, Any]] = []
    for date_fld, event_type, stage, outcome_fld in EVENTS:
        if date_fld not in dates:
            continue
        event: dict[str, Any] = {"date": dates[date_fld].isoformat(), "type": event_type}
        if event_type != "closed":
            event["stage"] = stage
        if outcome_fld and outcome_fld in outcomes:
            event["outcome"] = outcomes[outcome_fld]
        events.append(event)
    # In date order; events on the same day keep the log's order (acknowledged before response).
    events.sort(key=lambda e: str(e["date"]))
    del record["events"]
    record["imported"] = {"from": source, "row": row.number, "ref": ref, "on": on.isoformat()}
    record["events"] = events
    return LogCase(row.number, ref, received, record)
