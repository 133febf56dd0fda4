"""`check`'s warning on a response whose record lacks what its letter must state (6.9/6.19).

Only for responses dated on or after ``letters.contents_required_from`` in complaints.yml: a
trust turns it on from the day it starts recording points, so older records do not flood
the output. The items are the letters' own (requirements.py): one source for both.
"""

from __future__ import annotations

import datetime as dt

from ..calendar import WorkingCalendar
from ..config import Settings
from ..policy.model import Policy
from ..problems import Flaw
from ..records import Case
from .context import build_letter


def response_content_flaws(
    case: Case, policy: Policy, settings: Settings, calendar: WorkingCalendar, today: dt.date
) -> list[Flaw]:
    since = settings.letters.contents_required_from
    if since is None or case.kind != "complaint" or case.redacted:
        return []  # a redacted case has lost its points and definition on purpose
    flaws = []
    for event in case.events_until(today):
        if event.type != "responded" or event.date < since:
            continue
        plan = build_letter(case, policy, settings, calendar, "response", event.stage, event.date)
        if plan.event is not event or not plan.gaps:
            continue
        lacking = "; ".join(item.describe() for item in plan.gaps)
        flaws.append(
            Flaw(
                event.path,
                f"the stage {event.stage} response of {event.date} lacks what its letter must "
                f"state: {lacking}",
                "warning",
            )
        )
    return flaws


def letter_path_flaws(case: Case) -> list[Flaw]:
    """A letter belongs in its case's folder: renumber, redact and bundle look for it there."""
    folder = f"letters/{case.id}/"
    return [
        Flaw(
            (*event.path, "letter"),
            f"letter {event.get('letter')!r} is not in this case's folder {folder}",
            "warning",
        )
        for event in case.events
        if isinstance(event.get("letter"), str) and not event.get("letter").startswith(folder)
    ]
