"""What the editing commands say they did: a case opened, an event added, a case renumbered
or redacted, a commit made, and the warnings the check found in what was written."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ..editing.append import EventAdded
from ..editing.commit import Committed
from ..editing.newcase import CaseOpened
from ..editing.numbers import Clash
from ..editing.renumber import Renumbered
from ..history.redact import STILL_HELD, Redaction
from ..problems import Problem


def warnings_text(problems: Iterable[Problem]) -> str:
    """One `warning: FILE:LINE: message` line each (for standard error)."""
    out = []
    for p in problems:
        where = f"{p.file}:{p.line}: " if p.line else f"{p.file}: "
        out.append(f"warning: {where}{p.message}\n")
    return "".join(out)


def opened_text(opened: CaseOpened) -> str:
    return f"Opened {opened.case_id}: {opened.file.rel}\n"


def added_text(added: EventAdded) -> str:
    return f"Added {added.summary} to {added.case_id}: {added.file.rel}:{added.line}\n"


def renumbered_text(done: Renumbered) -> str:
    return f"Renumbered {done.old_id} to {done.new_id}: {done.old.rel} -> {done.new.rel}\n"


def clashes_text(found: Sequence[Clash], base: str) -> str:
    """`complaints cms numbers` without --write: each taken number at its file, or all clear."""
    if not found:
        return f"Case numbers: none of this branch's new cases clashes with {base} or a branch.\n"
    lines = [f"{c.rel}:1: case number {c.case_id} is already taken on {c.holder}\n" for c in found]
    return "".join(lines) + "Run `complaints cms numbers --write` to give each a free number.\n"


def committed_text(done: Committed) -> str:
    on = f" on {done.branch}" if done.branch else ""
    return f"Committed {done.sha[:7]}{on}: {done.message}\n"


def redacted_text(done: Redaction, *, commit_asked: bool) -> str:
    if not done.changed:
        out = [f"{done.file}: already redacted; nothing changed"]
    else:
        removed = ", ".join(done.removed) if done.removed else "comments only"
        out = [f"{done.file}: redacted (removed: {removed})"]
    if done.letters:
        out.append(f"deleted {len(done.letters)} letter(s): {', '.join(done.letters)}")
    if done.commit:
        out.append(f"committed {done.commit}: {done.case_id}: redact personal data")
    elif commit_asked:
        out.append("nothing to commit: the file is as committed")
    out += [f"note: {line}" for line in STILL_HELD]
    return "\n".join(out) + "\n"
