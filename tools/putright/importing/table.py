"""A complaints log as rows of cells: a CSV file or the first sheet of an Excel workbook.

Row numbers are the spreadsheet's own (the heading row is row 1), so a message about row 7
is about the row a member of staff sees as 7. Blank rows are skipped but still counted.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Sequence
from dataclasses import dataclass

import openpyxl
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException

from ..errors import PutrightError

Cell = object  # str, a number, a date or datetime (Excel), or None


class ImportRefused(PutrightError):
    """The log cannot be imported; nothing was written."""


@dataclass(frozen=True, slots=True)
class Row:
    number: int  # the spreadsheet's row number (the heading row is 1)
    cells: tuple[Cell, ...]


@dataclass(frozen=True, slots=True)
class Table:
    file: str  # as given, for messages
    headings: tuple[str, ...]
    rows: tuple[Row, ...]


def column_letter(index: int) -> str:
    """0 -> A, 26 -> AA: the column as a spreadsheet names it."""
    return get_column_letter(index + 1)


def _blank(cells: tuple[Cell, ...]) -> bool:
    return all(c is None or (isinstance(c, str) and not c.strip()) for c in cells)


def _table(file: str, lines: Sequence[tuple[Cell, ...]]) -> Table:
    if not lines or _blank(lines[0]):
        raise ImportRefused(f"{file}: row 1 must hold the headings (Reference, Received, ...)")
    headings = tuple("" if h is None else str(h).strip() for h in lines[0])
    rows = tuple(
        Row(number, cells) for number, cells in enumerate(lines[1:], start=2) if not _blank(cells)
    )
    return Table(file, headings, rows)


def _read_csv(path: str, file: str) -> Table:
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            lines = [tuple(line) for line in csv.reader(handle)]
    except UnicodeDecodeError as exc:
        raise ImportRefused(
            f"{file}: not UTF-8 text (byte {exc.start}): save it from Excel as "
            "'CSV UTF-8 (Comma delimited)', or import the .xlsx workbook itself"
        ) from None
    except csv.Error as exc:
        raise ImportRefused(f"{file}: not a readable CSV file: {exc}") from None
    return _table(file, lines)


def _read_xlsx(path: str, file: str) -> Table:
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, KeyError, OSError, ValueError) as exc:
        raise ImportRefused(f"{file}: not a readable Excel workbook (.xlsx): {exc}") from None
    try:
        sheet = book.worksheets[0]
        lines = [tuple(row) for row in sheet.iter_rows(values_only=True)]
    finally:
        book.close()
    return _table(file, lines)


def read_table(path: str) -> Table:
    """The log at ``path`` (.csv, .xlsx or .xlsm); ImportRefused if it cannot be read."""
    file = os.path.basename(path)
    if not os.path.isfile(path):
        raise ImportRefused(f"{path}: no such file")
    suffix = os.path.splitext(path)[1].lower()
    if suffix == ".csv":
        return _read_csv(path, file)
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(path, file)
    raise ImportRefused(
        f"{file}: a complaints log must be a .csv file or an Excel .xlsx workbook "
        "(in Excel, Save As one of those)"
    )
