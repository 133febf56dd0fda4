"""One case as `complaints show` sees it: the file found by id, read and evaluated as of today."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from . import yamlfile
from .casewalk import read_case_bytes
from .check import Evaluated, evaluate_bytes
from .errors import RecordError
from .repository import Repository


@dataclass(frozen=True, slots=True)
class CaseView:
    case_id: str  # as asked for (the file's name)
    outcome: Evaluated
    today: dt.date


def view_case(repo: Repository, case_id: str, today: dt.date) -> CaseView:
    """Raises RecordError when no file under cases/ has that id."""
    found = repo.find_case_file(case_id)
    if found is None:
        raise RecordError(f"no case {case_id!r} under cases/")
    path, rel = found
    # The same bound as every command (a bigger file is a problem, not read on); a link out
    # of the repository or a device is refused before it is opened.
    raw = read_case_bytes(repo.root, path, yamlfile.MAX_BYTES)
    return CaseView(case_id, evaluate_bytes(repo, rel, raw, today), today)
