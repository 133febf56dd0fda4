"""What the engine says about a case: its clocks, outstanding actions and broken rules."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

from ..problems import Flaw

State = Literal["met", "late", "pending", "due_soon", "overdue", "stopped"]
OPEN_STATES: tuple[State, ...] = ("overdue", "due_soon", "pending")


@dataclass(frozen=True, slots=True)
class ClockResult:
    stage: str
    clock: str
    name: str
    start: dt.date
    due: dt.date | None
    done: dt.date | None
    state: State
    extended_working_days: int = 0
    stopped: dt.date | None = None  # when a withdrawal, refusal or closure stopped it
    stopped_by: str | None = None
    cite: str = ""

    def to_json(self) -> dict[str, object]:
        due, done = self.due, self.done  # inline, not _iso(): once per deadline of every case
        out: dict[str, object] = {
            "stage": self.stage,
            "clock": self.clock,
            "due": due.isoformat() if due else None,
            "done": done.isoformat() if done else None,
            "state": self.state,
            "name": self.name,
            "start": self.start.isoformat(),
        }
        if self.extended_working_days:
            out["extended_working_days"] = self.extended_working_days
        if self.stopped:
            out["stopped"] = self.stopped.isoformat()
            out["stopped_by"] = self.stopped_by
        return out


@dataclass(frozen=True, slots=True)
class ActionResult:
    """A remedy with a due date (Code 7.3): an outstanding action until it is done."""

    stage: str
    remedy: str  # its type
    event_index: int
    remedy_index: int
    due: dt.date
    done: dt.date | None
    state: State
    amount_gbp: float | None = None

    def to_json(self) -> dict[str, object]:
        return {
            "stage": self.stage,
            "remedy": self.remedy,
            "due": self.due.isoformat(),
            "done": _iso(self.done),
            "state": self.state,
        }


@dataclass(slots=True)
class CaseResult:
    case_id: str
    file: str
    policy: str
    kind: str
    stage: str
    open: bool
    received: dt.date
    officer: str | None = None
    closed: dt.date | None = None
    clocks: list[ClockResult] = field(default_factory=list)
    actions: list[ActionResult] = field(default_factory=list)
    flaws: list[Flaw] = field(default_factory=list)

    @property
    def worst_state(self) -> State | None:
        states = {c.state for c in self.clocks} | {a.state for a in self.actions}
        return next((s for s in OPEN_STATES if s in states), None)

    def to_json(self) -> dict[str, object]:
        out: dict[str, object] = {
            "id": self.case_id,
            "file": self.file,
            "policy": self.policy,
            "stage": self.stage,
            "open": self.open,
            "deadlines": [c.to_json() for c in self.clocks],
            "kind": self.kind,
            "received": self.received.isoformat(),
        }
        if self.officer:
            out["officer"] = self.officer
        if self.actions:
            out["actions"] = [a.to_json() for a in self.actions]
        return out


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None
