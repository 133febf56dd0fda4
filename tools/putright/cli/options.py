"""Option bundles shared by commands: dates, today, output formats, the repository."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar, overload

import click

F = TypeVar("F", bound=Callable[..., Any])


@dataclass
class Context:
    repo: str


class DateType(click.ParamType):  # type: ignore[type-arg]
    """An ISO date on the command line, as a datetime.date."""

    name = "YYYY-MM-DD"

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> dt.date:
        if isinstance(value, dt.date):
            return value
        try:
            return dt.date.fromisoformat(str(value))
        except ValueError:
            self.fail(f"{value!r} is not a date in the form YYYY-MM-DD", param, ctx)


DATE = DateType()


TODAY_HELP = "Evaluate as of this date (default: today). Events dated after it are ignored."


@overload
def today_option(func: F) -> F: ...


@overload
def today_option(*, help: str = TODAY_HELP) -> Callable[[F], F]: ...


def today_option(func: F | None = None, *, help: str = TODAY_HELP) -> F | Callable[[F], F]:
    """--today D: "today" is always injectable. Use bare, or with help= for a command's own sense."""

    def decorate(f: F) -> F:
        return click.option("--today", type=DATE, default=None, help=help)(f)

    return decorate(func) if func is not None else decorate


def resolve_today(value: dt.date | None) -> dt.date:
    return value if value is not None else dt.date.today()


def format_option(*choices: str, default: str = "text") -> Callable[[F], F]:
    def decorate(func: F) -> F:
        return click.option(
            "--format",
            "fmt",
            type=click.Choice(choices),
            default=default,
            show_default=True,
            help="Output format.",
        )(func)

    return decorate


def commit_option(help: str) -> Callable[[F], F]:
    """--commit: commit what the command wrote (and only that), as ``do_commit``."""

    def decorate(func: F) -> F:
        return click.option("--commit", "do_commit", is_flag=True, help=help)(func)

    return decorate


def repo_of(ctx: click.Context) -> str:
    obj = ctx.find_object(Context)
    return obj.repo if obj else "."
