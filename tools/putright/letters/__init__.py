"""Letters filled in from the record: what the Code requires each to say, Word and Markdown.

``prepare`` builds a letter's content and its gaps (pure); ``render`` turns it into bytes
from the trust's template or the default one. The CLI (cli/letter_cmd.py) writes the file.
"""

from __future__ import annotations

import datetime as dt

from ..repository import Repository
from .context import LetterPlan, build_letter, long_date
from .render import FORMATS, TEMPLATES_DIR, default_name, default_template, render
from .requirements import KINDS, Item, required_items
from .source import CaseSource, open_case

__all__ = [
    "FORMATS",
    "KINDS",
    "TEMPLATES_DIR",
    "CaseSource",
    "Item",
    "LetterPlan",
    "default_name",
    "default_template",
    "long_date",
    "open_case",
    "prepare",
    "render",
    "required_items",
]


def prepare(
    repo: Repository,
    case_id: str,
    kind: str,
    stage: str | None,
    today: dt.date,
    *,
    draft: bool = False,
) -> LetterPlan:
    source = open_case(repo, case_id)
    return build_letter(
        source.case, source.policy, repo.settings, repo.calendar, kind, stage, today, draft=draft
    )
