"""`complaints import --template FILE.xlsx`: the blank log with the default headings.

Date columns are formatted as UK dates and the columns with fixed words offer them in a
drop-down, so a log started from it imports without a map.
"""

from __future__ import annotations

import os

import openpyxl
from openpyxl.styles import Font
from openpyxl.worksheet.datavalidation import DataValidation

from ..vocab import OUTCOMES, enum_of
from .mapping import DATE_FIELDS, HEADINGS
from .table import ImportRefused, column_letter

_ROWS = 1000  # rows formatted and given drop-downs


def write_template(path: str) -> None:
    """Write the blank log at ``path`` (.xlsx); refused if a file is already there."""
    if not path.lower().endswith(".xlsx"):
        raise ImportRefused(f"{path}: the template is an Excel workbook: give a name ending .xlsx")
    if os.path.exists(path):
        raise ImportRefused(f"{path}: already exists; nothing was written")
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Complaints log"
    lists = {
        "channel": enum_of("properties", "channel"),
        "tenure": enum_of("properties", "tenure"),
        "stage1_outcome": OUTCOMES,
        "stage2_outcome": OUTCOMES,
    }
    for index, (fld, heading) in enumerate(HEADINGS.items()):
        letter = column_letter(index)
        cell = sheet.cell(row=1, column=index + 1, value=heading)
        cell.font = Font(bold=True)
        sheet.column_dimensions[letter].width = max(12, len(heading) + 4)
        span = f"{letter}2:{letter}{_ROWS + 1}"
        if fld in DATE_FIELDS:
            for row in range(2, _ROWS + 2):
                sheet.cell(row=row, column=index + 1).number_format = "DD/MM/YYYY"
        if fld in lists:
            check = DataValidation(
                type="list", formula1='"' + ",".join(lists[fld]) + '"', allow_blank=True
            )
            check.add(span)
            sheet.add_data_validation(check)
    sheet.freeze_panes = "A2"
    book.save(path)
