"""What `complaints init` needs to know about the organisation, checked before anything is written."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..errors import PutrightError

NATIONS = ("ENG", "WLS", "SCT", "NIR")
CODE_POLICY = "hoc-2024"
DEFAULT_YEAR_START = "04-01"

_YEAR_START = re.compile(r"^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$")
# Tabs, newlines and other control characters have no place in a name shown on every page,
# and would make the generated YAML and Markdown harder to read.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


class ScaffoldError(PutrightError):
    """`complaints init` cannot create the repository (bad answer, folder not empty...)."""


@dataclass(frozen=True, slots=True)
class InitOptions:
    organisation: str
    homes: int | None = None
    nation: str = "ENG"
    year_start: str = DEFAULT_YEAR_START
    policy: str = CODE_POLICY
    putright_source: str | None = None  # --putright-source (scaffold.source); None: the index


def check_organisation(value: str) -> str:
    name = value.strip()
    if not name:
        raise ScaffoldError(
            "the organisation's name is required (e.g. --organisation 'Example Housing Trust')"
        )
    if _CONTROL.search(name):
        raise ScaffoldError(
            "the organisation's name must be one line of text, without tabs or control characters"
        )
    if len(name) > 200:
        raise ScaffoldError("the organisation's name is longer than 200 characters")
    return name


def check_year_start(value: str) -> str:
    """MM-DD of a day that exists every year (so not 02-29: the year would start on a day that is missing)."""
    text = value.strip()
    if not _YEAR_START.match(text):
        raise ScaffoldError(
            f"reporting year start {value!r} is not MM-DD (April to March is 04-01)"
        )
    month, day = (int(part) for part in text.split("-"))
    try:
        dt.date(2023, month, day)  # a year that is not a leap year
    except ValueError:
        raise ScaffoldError(f"reporting year start {value!r} is not a day every year has") from None
    return text


def check_homes(value: int | None) -> int | None:
    if value is not None and value < 0:
        raise ScaffoldError("the number of homes cannot be negative")
    return value


def check_nation(value: str) -> str:
    nation = value.strip().upper()
    if nation not in NATIONS:
        raise ScaffoldError(f"nation {value!r} is not one of {', '.join(NATIONS)}")
    return nation


def checked(options: InitOptions, policies: dict[str, str]) -> InitOptions:
    """The options with every answer checked and tidied; ScaffoldError names the first bad one.

    ``policies`` maps the procedures the package ships (id -> name).
    """
    if options.policy not in policies:
        raise ScaffoldError(
            f"no procedure {options.policy!r} ships with Putright (choose from: {', '.join(sorted(policies))})"
        )
    return InitOptions(
        organisation=check_organisation(options.organisation),
        homes=check_homes(options.homes),
        nation=check_nation(options.nation),
        year_start=check_year_start(options.year_start),
        policy=options.policy,
        putright_source=_checked_source(options.putright_source),
    )


def _checked_source(value: str | None) -> str | None:
    from .. import __version__
    from .source import putright_source

    putright_source(value, __version__)  # ScaffoldError if it is not one Putright can use
    return value.strip() if value and value.strip() else None
