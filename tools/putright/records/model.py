"""The case, its events and remedies, as frozen data with real dates."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Remedy:
    type: str
    index: int  # position in its event's remedies list
    id: str | None = None
    amount_gbp: float | None = None
    due: dt.date | None = None
    done: dt.date | None = None
    description: str | None = None


@dataclass(frozen=True, slots=True)
class Order:
    """An order of the Ombudsman on a determination: compliance comes from ``due`` and ``done``."""

    index: int  # position in its event's orders list
    order: str  # what was ordered (internal text)
    due: dt.date
    done: dt.date | None = None


@dataclass(frozen=True, slots=True)
class About:
    """Who a complaint is about: the landlord, or a contractor or agent acting for it (5.4-5.5)."""

    party: str  # landlord | contractor | agent
    name: str | None = None


@dataclass(frozen=True, slots=True)
class Event:
    index: int  # position in the case's events list (for locating problems)
    date: dt.date
    type: str
    stage: str
    by: str | None
    data: Mapping[str, Any]
    remedies: tuple[Remedy, ...] = ()
    orders: tuple[Order, ...] = ()

    def get(self, key: str, default: Any = None) -> Any:
        return self.data.get(key, default)

    @property
    def path(self) -> tuple[str | int, ...]:
        return ("events", self.index)


@dataclass(frozen=True, slots=True)
class Case:
    id: str
    file: str
    received: dt.date
    events: tuple[Event, ...]
    data: Mapping[str, Any]  # the whole record as read (personal fields included)
    kind: str = "complaint"
    policy: str | None = None
    channel: str | None = None
    category: str | None = None
    tenure: str | None = None
    officer: str | None = None
    incident_date: dt.date | None = None
    redacted: dt.date | None = None
    about: About | None = None

    def events_until(self, today: dt.date) -> tuple[Event, ...]:
        """The events as of ``today``: later ones are not yet known."""
        if not self.events or self.events[-1].date <= today:
            return self.events
        return tuple(e for e in self.events if e.date <= today)
