"""The learning log: what each upheld or partly upheld complaint changed (Code 9)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from .collect import Entry

LEARNING_OUTCOMES = ("upheld", "partially_upheld")


@dataclass(frozen=True, slots=True)
class LearningRow:
    entry: Entry
    date: dt.date
    stage: str
    outcome: str
    learning: str | None  # None: nothing recorded yet (a gap staff should fill)
    remedies: tuple[str, ...]


def learning_rows(entries: Sequence[Entry], today: dt.date) -> list[LearningRow]:
    """Every upheld or partly upheld response, newest first.

    The learning is the response's own ``learning``, else the case's: a case-level note
    covers every response that has none of its own.
    """
    rows: list[LearningRow] = []
    for entry in entries:
        case_learning = entry.case.data.get("learning")
        for event in entry.case.events_until(today):
            if event.type != "responded" or event.get("outcome") not in LEARNING_OUTCOMES:
                continue
            text = event.get("learning") or case_learning
            rows.append(
                LearningRow(
                    entry,
                    event.date,
                    event.stage,
                    str(event.get("outcome")),
                    str(text) if text else None,
                    tuple(r.type.replace("_", " ") for r in event.remedies),
                )
            )
    rows.sort(key=lambda r: (r.date, r.entry.case.id), reverse=True)
    return rows
