"""What an import did (or would do), as text for the command line."""

from __future__ import annotations

from ..importing.importer import ImportResult
from ..textsafe import printable


def import_text(result: ImportResult) -> str:
    verb = "imported" if result.written else "would import (dry run: nothing written)"
    lines = []
    for case in result.new:
        lines.append(
            f"row {case.row}: {printable(case.ref)} -> {case.rel} (received "
            f"{case.received.isoformat()}, {case.events} event(s))"
        )
    for there in result.already:
        lines.append(
            f"row {there.row}: {printable(there.ref)} is already case {there.case_id}; left alone"
        )
    if result.missing_columns:
        lines.append(
            f"columns not in {result.file} (left empty): {', '.join(result.missing_columns)}"
        )
    lines.append(
        f"{printable(result.file)}: {len(result.new)} case(s) {verb}, {len(result.already)} already there"
    )
    return "\n".join(lines) + "\n"
