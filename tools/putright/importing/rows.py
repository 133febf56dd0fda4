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
    index: int = -1  # the column's place, so a row's problems are listed left to right

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


def _uk(day: dt.date) -> str:
    return day.strftime("%d/%m/%Y")


class _Reader:
    """One row's cells by field, and the problems found in them (gathered, not raised)."""

    def __init__(self, row: Row, columns: Columns, log_map: LogMap) -> None:
        self.row = row
        self.columns = columns
        self.map = log_map
        self.problems: list[RowProblem] = []

    def cell(self, fld: str) -> Cell:
        if fld not in self.columns.found:
            return None
        index = self.columns.found[fld][0]
        return self.row.cells[index] if index < len(self.row.cells) else None

    def refuse(self, fld: str | None, message: str) -> None:
        where = self.columns.label(fld) if fld else None
        index = self.columns.found[fld][0] if fld else -1
        self.problems.append(RowProblem(self.row.number, where, message, index))

    def dates(self, on: dt.date) -> dict[str, dt.date]:
        dates: dict[str, dt.date] = {}
        for fld in DATE_FIELDS:
            value = self.cell(fld)
            if value is None or _text(value) == "":
                if fld == "received":
                    self.refuse(fld, "empty: the date the complaint reached us is required")
                continue
            try:
                dates[fld] = parse_uk_date(value)
            except DateRefused as exc:
                self.refuse(fld, str(exc))
        received = dates.get("received")
        for fld, day in dates.items():
            if received is not None and day < received:
                self.refuse(
                    fld, f"{_uk(day)} is before the complaint was received ({_uk(received)})"
                )
            if day > on:
                self.refuse(fld, f"{_uk(day)} is after today ({_uk(on)})")
        return dates

    def words(self) -> dict[str, str]:
        words: dict[str, str] = {}
        for fld in ("channel", "tenure", "category"):
            text = _text(self.cell(fld))
            if not text:
                continue
            word = self.map.word(fld, text)
            if word is None:
                self.refuse(
                    fld,
                    f"{text!r} is not a {fld} Putright knows: add it under values: {fld}: in a map (--map)",
                )
            else:
                words[fld] = word
        return words

    def outcomes(self, dates: dict[str, dt.date]) -> dict[str, str]:
        outcomes: dict[str, str] = {}
        for date_fld, _type, _stage, outcome_fld in EVENTS:
            text = _text(self.cell(outcome_fld)) if outcome_fld else ""
            if not outcome_fld or not text:
                continue
            word = self.map.word("outcome", text)
            if word is None:
                self.refuse(
                    outcome_fld,
                    f"{text!r} is not an outcome Putright knows (upheld, partially upheld, not upheld): add it under values: outcome: in a map (--map)",
                )
            elif date_fld not in dates:
                self.refuse(outcome_fld, f"an outcome with no {self.map.headings[date_fld]} date")
            else:
                outcomes[outcome_fld] = word
        return outcomes


def _events(dates: dict[str, dt.date], outcomes: dict[str, str]) -> list[dict[str, Any]]:
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
    return sorted(events, key=lambda e: str(e["date"]))


def read_row(
    row: Row, columns: Columns, log_map: LogMap, source: str, on: dt.date
) -> LogCase | list[RowProblem]:
    """The case a row holds, or every problem with the row (``on``: the day of the import)."""
    reader = _Reader(row, columns, log_map)
    dates = reader.dates(on)
    ref = _text(reader.cell("reference"))
    if not ref:
        reader.refuse(
            "reference",
            "empty: every row needs the log's own reference (a second import matches cases by it)",
        )
    phone = reader.cell("phone")
    if isinstance(phone, (int, float)) and not isinstance(phone, bool):
        # UK numbers start with 0, which a number cell cannot hold: the digits are not the number.
        reader.refuse(
            "phone",
            f"{_text(phone)} is a number cell, so Excel has dropped its leading 0: format the column as Text and type the numbers as written",
        )
    words = reader.words()
    outcomes = reader.outcomes(dates)
    received = dates.get("received")
    if reader.problems or received is None:
        return sorted(reader.problems, key=lambda p: p.index)
    given = CaseFields(
        received=received.isoformat(),
        channel=words.get("channel"),
        category=words.get("category"),
        tenure=words.get("tenure"),
        **{fld: (_text(reader.cell(fld)) or None) for fld in _TEXT_FIELDS},
    )
    try:
        record = build_record("", given)
    except ValueRefused as exc:
        return [RowProblem(row.number, None, str(exc))]
    del record["events"]  # after `imported`, as the contract orders a case
    record["imported"] = {"from": source, "row": row.number, "ref": ref, "on": on.isoformat()}
    record["events"] = _events(dates, outcomes)
    return LogCase(row.number, ref, received, record)
