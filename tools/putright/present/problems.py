"""Problems that stop a command, one `FILE:LINE: message` line each (for standard error)."""

from __future__ import annotations

from collections.abc import Iterable

from ..problems import Problem


def problem_lines(problems: Iterable[Problem]) -> str:
    return "".join(f"{p.file}:{p.line or '-'}: {p.message}\n" for p in problems)
