"""Finding case files by id in the working tree, the way ``Repository.case_files`` walks it."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..casewalk import case_paths
from ..errors import EditRefused

CASES_DIR = "cases"
CONFIG_FILE = "complaints.yml"
# The schema's id pattern: also what keeps an id from naming a path outside cases/.
ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")


@dataclass(frozen=True, slots=True)
class CaseFile:
    path: str  # absolute (or as the root was given)
    rel: str  # relative to the repository root, with / separators


def require_case_repo(root: str) -> None:
    """Refuse early, with a message naming the folder, when ``root`` is not a case repository."""
    if not os.path.isfile(os.path.join(root, CONFIG_FILE)):
        raise EditRefused(
            f"{os.path.abspath(root)} is not a case repository (it has no {CONFIG_FILE}); "
            "run the command in the repository's folder or give --repo PATH"
        )


def case_files(root: str) -> Iterator[CaseFile]:
    """Every ``*.yaml`` / ``*.yml`` under cases/, skipping hidden folders and files."""
    for path, rel in case_paths(root):
        yield CaseFile(path, rel)


def id_of(rel: str) -> str:
    return os.path.splitext(os.path.basename(rel))[0]


def find_case(root: str, case_id: str) -> CaseFile:
    """The one file holding case ``case_id``; refused if there is none, or more than one."""
    if not ID_PATTERN.match(case_id):
        raise EditRefused(
            f"{case_id!r} is not a case id (ids look like 2026-0042)", file=f"{CASES_DIR}/"
        )
    found = [f for f in case_files(root) if id_of(f.rel) == case_id]
    if not found:
        raise EditRefused(
            f"no case {case_id}: there is no {case_id}.yaml in {CASES_DIR}/ or its folders "
            "(check the number; each case is a file named by it)",
            file=f"{CASES_DIR}/",
        )
    if len(found) > 1:
        where = ", ".join(f.rel for f in found)
        raise EditRefused(
            f"case {case_id} is in {len(found)} files ({where}): two cases were given the same "
            f"id; renumber one with `complaints renumber {case_id} --file PATH` "
            "(docs/guide/editing.md)",
            file=found[1].rel,
            line=1,
        )
    return found[0]
