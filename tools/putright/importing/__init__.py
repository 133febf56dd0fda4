"""`complaints import`: a landlord's existing complaints log (CSV or Excel) becomes cases.

- ``table``: the log as numbered rows of cells (the heading row is row 1);
- ``mapping``: the default headings and spellings, and a map file's own;
- ``dates``: UK dates, day first, never guessed;
- ``rows``: one row -> one case's data, or the row's problems;
- ``importer``: every row checked and rendered as `complaints new` would, then all written;
- ``template``: the blank log (``present.importing`` shows the result as text).
"""

from __future__ import annotations

from .importer import ImportResult, import_log
from .mapping import LogMap, load_map
from .table import ImportRefused
from .template import write_template

__all__ = [
    "ImportRefused",
    "ImportResult",
    "LogMap",
    "import_log",
    "load_map",
    "write_template",
]
