"""A problem found in a file: what every check produces and every reporter prints."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, slots=True)
class Problem:
    """One finding, located.

    ``error`` means the record is invalid (check exits 1); ``warning`` means the record is
    valid but the handling it records breaks a rule of the procedure or the Code.
    ``provision`` names the Code provision (e.g. "6.4") where the rule comes from the Code.
    """

    file: str
    line: int | None
    message: str
    severity: Severity = "error"
    column: int | None = None
    case: str | None = None
    provision: str | None = None
    rule: str | None = None

    def described(self) -> str:
        """The message, naming the Code provision if it does not already."""
        if self.provision and f"Code {self.provision}" not in self.message:
            return f"{self.message} (Code {self.provision})"
        return self.message

    def sort_key(self) -> tuple[str, int, int]:
        return (self.file, self.line or 0, self.column or 0)

    def to_json(self) -> dict[str, object]:
        out: dict[str, object] = {
            "file": self.file,
            "line": self.line,
            "severity": self.severity,
            "message": self.message,
        }
        if self.column is not None:
            out["column"] = self.column
        if self.case is not None:
            out["case"] = self.case
        if self.provision is not None:
            out["provision"] = self.provision
        if self.rule is not None:
            out["rule"] = self.rule
        return out


Path = tuple[str | int, ...]


@dataclass(frozen=True, slots=True)
class Flaw:
    """A problem known by its place in the document (a path of keys and indices), not yet by line.

    The engine and record checks work on data, not text; ``locate`` turns flaws into problems
    with lines in one pass over the file's nodes, and only for files that have flaws.
    """

    path: Path
    message: str
    severity: Severity = "error"
    provision: str | None = None
    rule: str | None = None
    at_key: bool = False


# Where flaws were placed in one file's text: (at_key, *path) -> (line, column), or None when
# the text has no such place. It depends on the text alone, so the check cache keeps it beside
# the file's reading (keyed by the same digest): a warm run places warnings without parsing.
Lines = dict[tuple[object, ...], tuple[int, int] | None]


def locate(
    flaws: list[Flaw],
    text: str | Callable[[], str | None] | None,
    rel: str,
    case: str | None = None,
    lines: Lines | None = None,
) -> list[Problem]:
    """Flaws as problems with lines: each placed from ``lines`` when it holds the flaw's place,
    the others by parsing ``text`` once (a function giving it is called only then) and added to
    ``lines``. With no text, a flaw not in ``lines`` has no line."""
    from . import yamlfile  # here, not at the top: yamlfile imports this module

    out = []
    parsed = False
    root = None
    for flaw in flaws:
        key = (flaw.at_key, *flaw.path)
        if lines is not None and key in lines:
            where = lines[key]
        else:
            if not parsed:
                parsed = True
                got = text() if callable(text) else text
                root = yamlfile.compose(got) if got is not None else None
                if got is None:
                    lines = None  # nothing was parsed: nothing learnt about its lines
            where = yamlfile.locate(root, flaw.path, key=flaw.at_key) if root is not None else None
            if lines is not None:
                lines[key] = where
        line, column = where if where else (None, None)
        out.append(
            Problem(rel, line, flaw.message, flaw.severity, column, case, flaw.provision, flaw.rule)
        )
    return out
