"""`complaints import`: a complaints log becomes cases, all of them or none.

Every row is read and every new case rendered and checked (``editing.guard.verify``, as
`complaints new` does) before anything is written; one bad row means nothing is written.
Ids are allocated as `complaints new` allocates them (``editing.ids``: one more than the
highest id the tree or any Git ref has used for the year). A row whose reference is already
in a case's ``imported.ref`` is left alone, so importing the same log twice adds nothing.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from dataclasses import dataclass, field

from ..editing.atomic import create_file
from ..editing.casefiles import CASES_DIR, case_files, id_of, require_case_repo
from ..editing.guard import verify
from ..editing.ids import format_id, ids_in_git, ids_in_tree, numbers_for
from ..editing.newcase import render_record, schema_ref
from ..errors import EditRefused
from ..problems import Problem
from ..yamlfile import load_file
from .mapping import HEADINGS, LogMap, heading_key
from .rows import Columns, LogCase, RowProblem, read_row
from .table import ImportRefused, Table, read_table

_MAX_SHOWN = 25  # problems listed in full; the rest are counted


@dataclass(frozen=True, slots=True)
class NewCase:
    row: int
    ref: str
    case_id: str
    rel: str
    received: dt.date
    events: int
    raw: bytes


@dataclass(frozen=True, slots=True)
class AlreadyThere:
    row: int
    ref: str
    case_id: str


@dataclass(frozen=True, slots=True)
class ImportResult:
    file: str
    new: tuple[NewCase, ...]
    already: tuple[AlreadyThere, ...]
    written: bool
    missing_columns: tuple[str, ...]  # default headings the log does not have (left empty)
    warnings: tuple[Problem, ...] = field(default=())


def find_columns(table: Table, log_map: LogMap) -> Columns:
    """Where each field is; ImportRefused when a needed column is missing or doubled."""
    by_key: dict[str, list[int]] = {}
    for index, heading in enumerate(table.headings):
        if heading:
            by_key.setdefault(heading_key(heading), []).append(index)
    found: dict[str, tuple[int, str]] = {}
    for fld, heading in log_map.headings.items():
        places = by_key.get(heading_key(heading), [])
        if len(places) > 1:
            raise ImportRefused(
                f"{table.file}: row 1: two columns are headed {heading!r}: keep one, or rename one"
            )
        if places:
            found[fld] = (places[0], table.headings[places[0]])
    for fld in ("reference", "received"):
        if fld not in found:
            raise ImportRefused(
                f"{table.file}: row 1: no column headed {log_map.headings[fld]!r} "
                f"(headings found: {', '.join(h for h in table.headings if h)}); "
                f"name yours in a map: columns: {{{HEADINGS[fld]}: Your heading}} (--map)"
            )
    return Columns(found)


def imported_refs(root: str) -> dict[str, str]:
    """imported.ref -> case id, for every case that came from a log."""
    refs: dict[str, str] = {}
    for case_file in case_files(root):
        loaded = load_file(case_file.path, case_file.rel)
        data = loaded.data
        if isinstance(data, dict) and isinstance(data.get("imported"), dict):
            ref = data["imported"].get("ref")
            if isinstance(ref, str):
                refs.setdefault(ref, id_of(case_file.rel))
    return refs


def _refuse(file: str, problems: list[RowProblem]) -> ImportRefused:
    shown = [p.describe(file) for p in problems[:_MAX_SHOWN]]
    if len(problems) > _MAX_SHOWN:
        shown.append(f"... and {len(problems) - _MAX_SHOWN} more")
    rows = len({p.row for p in problems})
    return ImportRefused(
        "\n".join(shown) + f"\n{file}: {rows} row(s) cannot be imported; nothing was written"
    )


def import_log(
    root: str, path: str, log_map: LogMap, today: dt.date, *, dry_run: bool = False
) -> ImportResult:
    """Import the log at ``path`` into the case repository ``root``; ImportRefused if any
    row is bad (nothing written). With ``dry_run``, everything but the writing."""
    require_case_repo(root)
    table = read_table(path)
    columns = find_columns(table, log_map)
    known = imported_refs(root)
    problems: list[RowProblem] = []
    rows: list[LogCase] = []
    already: list[AlreadyThere] = []
    seen: dict[str, int] = {}
    for row in table.rows:
        read = read_row(row, columns, log_map, table.file, today)
        if isinstance(read, list):
            problems.extend(read)
            continue
        if read.ref in seen:
            problems.append(
                RowProblem(row.number, columns.label("reference"),
                           f"{read.ref!r} is also the reference of row {seen[read.ref]}")
            )  # fmt: skip
            continue
        seen[read.ref] = row.number
        if read.ref in known:
            already.append(AlreadyThere(row.number, read.ref, known[read.ref]))
        else:
            rows.append(read)
    if problems:
        raise _refuse(table.file, problems)
    new, warnings = _render(root, table.file, rows, today, problems)
    if problems:
        raise _refuse(table.file, problems)
    if not dry_run:
        _write_all(root, new)
    missing = tuple(h for f, h in log_map.headings.items() if f not in columns.found)
    return ImportResult(table.file, tuple(new), tuple(already), not dry_run, missing, warnings)


def _render(
    root: str, file: str, rows: list[LogCase], today: dt.date, problems: list[RowProblem]
) -> tuple[list[NewCase], tuple[Problem, ...]]:
    """Each row with its id, as the bytes `complaints new` would write, checked."""
    used = ids_in_tree(root) | ids_in_git(root)
    next_number: dict[int, int] = {}
    new: list[NewCase] = []
    warnings: list[Problem] = []
    for case in sorted(rows, key=lambda c: (c.received, c.row)):  # ids in order of receipt
        year = case.received.year
        if year not in next_number:
            next_number[year] = max(numbers_for(year, used), default=0) + 1
        case_id = format_id(year, next_number[year])
        next_number[year] += 1
        record = {"id": case_id, **{k: v for k, v in case.record.items() if k != "id"}}
        folder = os.path.join(root, CASES_DIR, f"{year:04d}")
        rel = f"{CASES_DIR}/{year:04d}/{case_id}.yaml"
        raw = render_record(record, schema_ref(root, folder)).encode("utf-8")
        try:
            warnings.extend(verify(root, rel, raw, record, today))
        except EditRefused as exc:
            problems.append(
                RowProblem(case.row, None, exc.message.removesuffix("; the file was not changed"))
            )
            continue
        new.append(
            NewCase(case.row, case.ref, case_id, rel, case.received, len(record["events"]), raw)
        )
    return sorted(new, key=lambda c: c.row), tuple(warnings)


def _write_all(root: str, new: list[NewCase]) -> None:
    """Write every new case; if one cannot be written, remove those already written."""
    done: list[str] = []
    try:
        for case in new:
            path = os.path.join(root, *case.rel.split("/"))
            os.makedirs(os.path.dirname(path), exist_ok=True)
            create_file(path, case.raw, label=case.rel)
            done.append(path)
    except BaseException:
        for path in done:
            with contextlib.suppress(OSError):
                os.unlink(path)
        raise
