"""What a complaint procedure says, as plain frozen data the engine reads.

A procedure is a list of stages; each stage has clocks. A clock starts at an event (or at
``received``), runs for a duration, and is stopped by one of its ``until`` events at the same
stage. Everything here is parsed from ``policies/<id>.yaml``; see docs/reference/policies.md.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Unit = Literal["working_days", "calendar_days", "weeks", "months"]
UNITS: tuple[Unit, ...] = ("working_days", "calendar_days", "weeks", "months")

# The Code's own procedure (policies/hoc-2024.yaml): its caps are the Code's, not a landlord's.
CODE_POLICY_ID = "hoc-2024"

# Code 5.9 asks for update intervals agreed with the resident when a response will be late and
# sets no number: 10 working days (one stage 1 response time) is Putright's default, which a
# procedure's own `rules: update_interval` replaces.
DEFAULT_UPDATE_INTERVAL = 10
DEFAULT_UPDATE_CITE = (
    "Putright's default: the Code (5.9) asks for update intervals agreed with the resident "
    "and sets no interval"
)

# The pseudo-event that starts a clock at the case's ``received`` date.
RECEIVED = "received"


@dataclass(frozen=True, slots=True)
class Duration:
    """How long a clock runs: ``amount`` of ``unit``, or a date agreed per case.

    ``agreed`` means the case may carry a ``timescale_agreed`` event naming the clock; then
    that date is the due date. ``amount``/``unit`` are the fallback until one is agreed (or
    ``None`` when the procedure sets no fallback: the clock then has no due date).
    """

    amount: int | None
    unit: Unit | None
    agreed: bool = False

    def describe(self) -> str:
        parts = []
        if self.amount is not None and self.unit is not None:
            label = self.unit.replace("_", " ")
            if self.amount == 1:
                label = label[:-1]
            parts.append(f"{self.amount} {label}")
        if self.agreed:
            parts.append(
                "or as agreed with the complainant" if parts else "as agreed with the complainant"
            )
        return " ".join(parts) if parts else "no set time"


@dataclass(frozen=True, slots=True)
class Start:
    """Where a clock starts: an event type at a stage (``None``: the clock's own stage)."""

    event: str
    stage: str | None = None

    def describe(self) -> str:
        if self.event == RECEIVED:
            return "received"
        return self.event if self.stage is None else f"{self.event} (stage {self.stage})"


@dataclass(frozen=True, slots=True)
class Clock:
    id: str
    name: str
    start: Start
    within: Duration
    until: tuple[str, ...]
    # While ``start`` has not happened, run from this other clock's due date (the Code's
    # "10 working days from acknowledgement, or from when acknowledgement was due").
    or_due_of: str | None = None
    extendable: bool = False
    warning: Duration | None = None
    cite: str = ""
    # The procedure's own words allowing a pause (``pause: {cite: ...}``); only then do a
    # stage's ``paused``/``resumed`` events move this clock. Empty: pauses move nothing.
    pause_cite: str = ""
    # ``from: [logged, acknowledged]``: the later-listed events start the clock when the
    # earlier ones have not happened (``start`` is the first listed).
    also_from: tuple[Start, ...] = ()

    @property
    def pausable(self) -> bool:
        return bool(self.pause_cite.strip())


@dataclass(frozen=True, slots=True)
class ExtensionCap:
    working_days: int
    provision: str | None = None
    cite: str = ""


@dataclass(frozen=True, slots=True)
class Window:
    """A time the complainant has (e.g. to ask for the next stage); informational."""

    within: Duration
    cite: str = ""


@dataclass(frozen=True, slots=True)
class Stage:
    id: str
    name: str
    formal: bool = True
    clocks: tuple[Clock, ...] = ()
    extension_cap: ExtensionCap | None = None
    escalation_window: Window | None = None
    handled_by: str = ""
    cite: str = ""

    def clock(self, clock_id: str) -> Clock | None:
        return next((c for c in self.clocks if c.id == clock_id), None)


@dataclass(frozen=True, slots=True)
class Rules:
    """Rules the engine checks on every case under this procedure."""

    # Stages that must be handled by different people (Code 6.13), e.g. ("1", "2").
    different_handler: tuple[str, ...] = ()
    different_handler_provision: str | None = None
    # A refusal for "over_12_months" must concern a matter at least this old (Code 2.3).
    refusal_time_limit_months: int | None = None
    refusal_time_limit_provision: str | None = None
    # An escalation_refused event must give a reason (Code 5.11).
    escalation_refusal_needs_reason: bool = False
    escalation_refusal_provision: str | None = None
    # Extensions past a stage's cap need the complainant's agreement (``agreed: true``), and
    # the Ombudsman's details where they do not agree: the procedure's words, or "" (no rule).
    beyond_cap_needs_agreement: str = ""
    # Code 5.9: while a response is overdue or extended, an ``update_sent`` at least this often.
    update_interval_working_days: int = DEFAULT_UPDATE_INTERVAL
    update_interval_cite: str = DEFAULT_UPDATE_CITE
    # A complaint made by a third party is confirmed by the complainant: the procedure's words.
    third_party_confirmation: str = ""


@dataclass(frozen=True, slots=True)
class Policy:
    id: str
    name: str
    file: str
    source: str = ""
    stages: tuple[Stage, ...] = ()
    warning: Duration = field(default_factory=lambda: Duration(2, "working_days"))
    rules: Rules = field(default_factory=Rules)
    # Clocks for service requests (Code 1.4), evaluated as stage "1" of a service request.
    service_request_clocks: tuple[Clock, ...] = ()
    notes: tuple[str, ...] = ()
    # Time to send the Ombudsman the evidence it asks for, where the procedure sets one
    # (else the request's own `due`); with its citation.
    ombudsman_evidence: Duration | None = None
    ombudsman_evidence_cite: str = ""

    def stage(self, stage_id: str) -> Stage | None:
        return next((s for s in self.stages if s.id == stage_id), None)

    @property
    def stage_ids(self) -> tuple[str, ...]:
        return tuple(s.id for s in self.stages)
