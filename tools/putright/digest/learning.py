"""What complaints taught the organisation in a period: the `learning` recorded with responses.

Internal text: it goes to staff digests and the staff site, never to the public site or the
tracking issue (which hold ids, dates and counts only).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from ..annual.tsm import in_period
from .gather import Item
from .periods import Period


@dataclass(frozen=True, slots=True)
class LearningLine:
    case: str
    date: dt.date
    stage: str
    outcome: str | None
    learning: str

    def to_json(self) -> dict[str, object]:
        return {
            "case": self.case,
            "date": self.date.isoformat(),
            "stage": self.stage,
            "outcome": self.outcome,
            "learning": self.learning,
        }


def learning_in(items: Iterable[Item], period: Period, today: dt.date) -> tuple[LearningLine, ...]:
    """Each response sent in the period with learning recorded, by date."""
    out = []
    for item in items:
        for event in item.case.events_until(today):
            text = event.get("learning")
            if event.type == "responded" and in_period(event.date, period.span) and text:
                outcome = event.get("outcome")
                out.append(
                    LearningLine(
                        item.case.id,
                        event.date,
                        event.stage,
                        outcome if isinstance(outcome, str) else None,
                        " ".join(str(text).split()),
                    )
                )
    return tuple(sorted(out, key=lambda line: (line.date, line.case)))
