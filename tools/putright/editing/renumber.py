"""``complaints renumber``: give a case a new id after two branches chose the same one.

Only the ``id:`` value, the file name and the case's letters change: its letters/<id>/ folder
moves to the new id, and each event's ``letter:`` path with it. Every other byte is kept.
"""

from __future__ import annotations

import contextlib
import copy
import datetime as dt
import os
from dataclasses import dataclass, field

import yaml

from .. import yamlfile
from ..casewalk import read_case_bytes
from ..errors import EditRefused
from ..problems import Problem
from . import values
from .atomic import create_file
from .casefiles import ID_PATTERN, CaseFile, case_files, id_of, require_case_repo
from .guard import verify
from .ids import is_used, next_id
from .insert import for_marks
from .lock import edit_lock
from .scalars import render


@dataclass(frozen=True, slots=True)
class Renumbered:
    old_id: str
    new_id: str
    old: CaseFile
    new: CaseFile
    warnings: list[Problem] = field(default_factory=list)
    letters: list[str] = field(default_factory=list)  # letter files moved: old and new paths


def _choose(root: str, case_id: str, file: str | None) -> CaseFile:
    found = [f for f in case_files(root) if id_of(f.rel) == case_id]
    if file is not None:
        # --file as shown by check (relative to the repository) or as a path from here.
        wanted = os.path.normpath(file).replace(os.sep, "/")
        chosen = [
            f for f in found if f.rel == wanted or os.path.abspath(f.path) == os.path.abspath(file)
        ]
        if not chosen:
            raise EditRefused(f"{file} is not a file of case {case_id}", file=file)
        return chosen[0]
    if not found:
        raise EditRefused(f"no case {case_id} in cases/ or its folders", file="cases/")
    if len(found) > 1:
        names = ", ".join(f.rel for f in found)
        raise EditRefused(
            f"case {case_id} is in {len(found)} files ({names}): "
            "say which to renumber with --file PATH",
            file=found[0].rel,
        )
    return found[0]


def _id_span(text: str, rel: str) -> tuple[int, int, int]:
    """Where the ``id:`` value is in the text (start, end offsets) and its line."""
    bom = 1 if text.startswith("\ufeff") else 0
    root = yaml.compose(for_marks(text[bom:]), Loader=yaml.SafeLoader)
    if isinstance(root, yaml.MappingNode):
        for key, value in root.value:
            if (
                isinstance(key, yaml.ScalarNode)
                and key.value == "id"
                and isinstance(value, yaml.ScalarNode)
            ):
                return (
                    value.start_mark.index + bom,
                    value.end_mark.index + bom,
                    value.start_mark.line + 1,
                )
    raise EditRefused("the file has no id: line to change", file=rel, line=1)


def renumber(
    root: str, case_id: str, today: dt.date, *, file: str | None = None, new_id: str | None = None
) -> Renumbered:
    """Move the case to a new id (the next free one unless ``new_id``); EditRefused if not."""
    require_case_repo(root)
    with edit_lock(root):  # an event added meanwhile would be lost with the old file
        return _renumber(root, case_id, today, file=file, new_id=new_id)


def _renumber(
    root: str, case_id: str, today: dt.date, *, file: str | None, new_id: str | None
) -> Renumbered:
    old = _choose(root, case_id, file)
    raw = read_case_bytes(root, old.path, yamlfile.MAX_BYTES)
    loaded = yamlfile.load(raw, old.rel)
    if loaded.problems or not isinstance(loaded.data, dict):
        first = loaded.problems[0] if loaded.problems else Problem(old.rel, 1, "not a case record")
        raise EditRefused(f"{first.message}: fix this first", file=old.rel, line=first.line)
    if new_id is None:
        try:
            year = values.parse_date(str(loaded.data.get("received")), what="received").year
        except values.ValueRefused as exc:
            raise EditRefused(f"{exc}: fix it first", file=old.rel) from None
        new_id = next_id(root, year)
    elif not ID_PATTERN.match(new_id):
        raise EditRefused(f"{new_id!r} is not a case id (ids look like 2026-0042)")
    elif is_used(root, new_id):
        raise EditRefused(
            f"{new_id} is already used (here or on a branch); leave out --to to get a free id"
        )

    text = raw.decode("utf-8")
    start, end, line = _id_span(text, old.rel)
    new_text = text[:start] + render(new_id) + text[end:]
    # The case's letters follow it: letter: paths name the old folder.
    old_letters, new_letters = f"letters/{case_id}/", f"letters/{new_id}/"
    new_text = new_text.replace(old_letters, new_letters)
    new_raw = new_text.encode("utf-8")
    folder = os.path.dirname(old.path)
    new_rel = f"{os.path.dirname(old.rel)}/{new_id}.yaml".lstrip("/")
    new = CaseFile(os.path.join(folder, f"{new_id}.yaml"), new_rel)

    expected = copy.deepcopy(loaded.data)
    expected["id"] = new_id
    for event in expected.get("events") or []:
        if isinstance(event, dict) and isinstance(event.get("letter"), str):
            event["letter"] = event["letter"].replace(old_letters, new_letters)
    warnings = verify(root, new.rel, new_raw, expected, today)
    with open(old.path, "rb") as handle:
        if handle.read() != raw:
            raise EditRefused(
                "the file changed while it was being renumbered; run the command again",
                file=old.rel,
            )
    letters_from = os.path.join(root, "letters", case_id)
    letters_to = os.path.join(root, "letters", new_id)
    if os.path.isdir(letters_from) and os.path.exists(letters_to):
        raise EditRefused(f"letters/{new_id}/ already exists: move it away first", file=old.rel)
    create_file(new.path, new_raw, label=new.rel)
    try:
        os.unlink(old.path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(new.path)
        raise EditRefused(
            f"cannot remove the old file: {exc.strerror}", file=old.rel, line=line
        ) from None
    moved: list[str] = []
    if os.path.isdir(letters_from):
        for folder, _dirs, files in os.walk(letters_from):
            for name in files:
                path = os.path.join(folder, name)
                moved += [path, os.path.join(letters_to, os.path.relpath(path, letters_from))]
        os.rename(letters_from, letters_to)
    return Renumbered(case_id, new_id, old, new, warnings, moved)
