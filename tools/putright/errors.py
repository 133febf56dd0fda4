"""The few exceptions the core raises; the CLI turns them into messages, never tracebacks."""

from __future__ import annotations


class PutrightError(Exception):
    """Base of every error the core raises on purpose.

    ``file`` and ``line`` locate the problem where it is known, so the edge can print
    ``file:line: message`` without knowing which part of the core failed.
    """

    exit_code = 1  # what the command exits with when this error stops it

    def __init__(self, message: str, *, file: str | None = None, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.file = file
        self.line = line

    def __reduce__(self) -> tuple[object, ...]:
        # Keeps file and line when the error crosses from a worker process (check's pool).
        return (_rebuild, (type(self), self.message, self.file, self.line))

    def __str__(self) -> str:
        where = ""
        if self.file:
            where = f"{self.file}:{self.line}: " if self.line else f"{self.file}: "
        return f"{where}{self.message}"


def _rebuild(
    cls: type[PutrightError], message: str, file: str | None, line: int | None
) -> PutrightError:
    return cls(message, file=file, line=line)


class ConfigError(PutrightError):
    """complaints.yml is missing, unreadable or invalid."""


class PolicyError(PutrightError):
    """A procedure in policies/ is missing or invalid."""


class RecordError(PutrightError):
    """A case file cannot be read or is invalid (used where one file's problems must stop an action)."""


class EditRefused(PutrightError):
    """An edit would make a case invalid or lose data; nothing was written."""


class GitError(PutrightError):
    """The repository's history cannot be read or written."""


class UnreadableError(PutrightError):
    """A folder or file of the repository cannot be read, or is a link out of it.

    Exit 2, like a broken installation: reading on without it would report a smaller
    repository (fewer cases, fewer overdue, smaller public figures) as if it were whole.
    """

    exit_code = 2


class StorageError(PutrightError):
    """The disk refused a write (full, read-only, over quota); nothing was changed."""

    exit_code = 2
