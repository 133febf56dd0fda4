"""Holding a procedure against the Code: which provisions its own text breaks.

Pure: the procedure and the Code (the ``hoc-2024`` Policy) go in, a list of Breach comes out.
Every timescale and cap is read from the Code's policy, so correcting the Code's file corrects
every check; only the provision numbers of rules the Code's file has no data for (5.2, 5.3)
and fall-backs for clocks whose ``cite`` names no provision are written here.

Two things make a fair comparison harder than "is N above 10":

* Units. A procedure may count calendar days, weeks or months. Each is turned into the most
  working days it can ever span (no bank holiday helps), so a breach is never missed and every
  message says how the number was reached ("15 calendar days can be up to 11 working days").
* Starting points. The Code's stage 1 response runs 10 working days from acknowledgement.
  A procedure's response may run from receipt, or from another event, instead. A procedure
  breaks a Code timescale when any due date it allows, on any path its own other clocks
  allow, falls after the Code's due date measured from the Code's own start point. Each
  deadline is followed back through the clocks that bound its start (their events as late as
  the procedure allows) to the Code's start point, or else to the stage's entry; the Code's
  start point may come as early as the entry itself. So "15 working days from receipt" breaks
  6.3 (acknowledged on the day of receipt, the response may come 15 working days later), while
  "10 working days from receipt" does not.

Stages are matched by position: the procedure's first formal stage is the Code's stage 1, the
second its stage 2. Entering the first formal stage (an ``escalated`` event there, after an
informal stage) counts as the Code's receipt; the time an informal stage takes is reported
once, under 5.2, not again under every stage 1 clock.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from itertools import pairwise

from .model import RECEIVED, Clock, Policy, Stage, Start
from .units import worst

Path = list[str | int]
# A point a deadline can be measured from: an event type and the Code's number of its stage
# (None for receipt). Stages the Code has no counterpart for get a key the Code never has.
Anchor = tuple[str, str | None]

# Provisions the Code's policy file has no field for.
INFORMAL_STAGE = "5.2"
STAGE_COUNT = "5.3"
# Used only when the Code clock's `cite` does not start with a provision number.
_FALLBACK = {
    ("acknowledged", "1"): "6.2",
    ("responded", "1"): "6.3",
    ("acknowledged", "2"): "6.11",
    ("responded", "2"): "6.14",
}
_VERB = {"acknowledged": "acknowledge", "responded": "respond"}
# Event types as nouns, so messages read as English ("10 working days from acknowledgement").
_NOUN = {
    "acknowledged": "acknowledgement",
    "allocated": "allocation",
    "contacted": "contact",
    "draft_issued": "the draft response",
    "escalated": "the escalation",
    "interview_held": "the interview",
    "logged": "logging",
    "panel_held": "the panel meeting",
    "responded": "the response",
}


@dataclass(frozen=True, slots=True)
class Breach:
    """One way a procedure's text falls short of the Code.

    ``path`` is the keys and indices into the policy's YAML of the value at fault (or of the
    mapping that lacks it), for ``putright.yamlfile.locate``. It is excluded from the hash so
    the dataclass stays hashable while the path stays a plain list.
    """

    provision: str
    message: str
    file: str
    path: Path = field(default_factory=list, hash=False)

    def to_json(self) -> dict[str, object]:
        return {
            "provision": self.provision,
            "message": self.message,
            "file": self.file,
            "path": list(self.path),
        }


@dataclass(frozen=True, slots=True)
class CodeCheckReport:
    """`complaints policy check`: a procedure's breaches of the Code, each with its line in
    the procedure's file (None when the value is missing), in the order of the file."""

    policy: Policy
    code: Policy
    breaches: list[tuple[int | None, Breach]]


# --- following deadlines back to where they can be measured from ---------------------------


@dataclass(frozen=True, slots=True)
class _Reach:
    """An event is due at most ``days`` working days after an anchor (None: no bound)."""

    days: int | None
    steps: tuple[str, ...]  # "10 working days from acknowledgement", then what bounds its start
    path: tuple[str | int, ...]  # the clock nearest the event
    origin: str  # the anchor in the procedure's own words

    def chain(self) -> str:
        return ", which is due ".join(self.steps)

    def better_than(self, other: _Reach) -> bool:
        return self.days is not None and (other.days is None or self.days < other.days)


class _View:
    """A policy with its stages numbered as the Code's: the k-th formal stage is stage k."""

    def __init__(self, policy: Policy) -> None:
        self.policy = policy
        self.counted = [(i, s) for i, s in enumerate(policy.stages) if _counts(s)]
        self.number = {s.id: str(k + 1) for k, (_, s) in enumerate(self.counted)}
        self.index = {s.id: i for i, s in enumerate(policy.stages)}

    def nth(self, number: str) -> tuple[int, Stage] | None:
        k = int(number) - 1
        return self.counted[k] if 0 <= k < len(self.counted) else None

    def anchor(self, start: Start, stage_id: str) -> tuple[Anchor, str]:
        if start.event == RECEIVED:
            return (RECEIVED, None), "receipt"
        where = start.stage or stage_id
        number = self.number.get(where, f"~{where}")
        noun = _NOUN.get(start.event, start.event)
        if start.event == "escalated" and number == "1":
            return (RECEIVED, None), f"the escalation to stage {where}"
        label = noun if where == stage_id else f"{noun} (stage {where})"
        return (start.event, number), label

    def reach(self, event: str, stage_id: str) -> dict[Anchor, _Reach]:
        return self._reach(event, stage_id, frozenset({(event, stage_id)}))

    def _reach(
        self, event: str, stage_id: str, seen: frozenset[tuple[str, str]]
    ) -> dict[Anchor, _Reach]:
        """The best bound on ``event`` from each anchor, over every clock that ends at it."""
        out: dict[Anchor, _Reach] = {}
        index = self.index.get(stage_id)
        if index is None:
            return out
        for ci, clock in enumerate(self.policy.stages[index].clocks):
            if event not in clock.until:
                continue
            for where, found in self.clock_reach(index, ci, clock, seen).items():
                if where not in out or found.better_than(out[where]):
                    out[where] = found
        return out

    def clock_reach(
        self,
        index: int,
        ci: int,
        clock: Clock,
        seen: frozenset[tuple[str, str]] = frozenset(),
    ) -> dict[Anchor, _Reach]:
        """One clock's due date from every anchor its start can be followed back to."""
        stage_id = self.policy.stages[index].id
        path = ("stages", index, "clocks", ci)
        days, why = worst(clock.within)
        anchor, label = self.anchor(clock.start, stage_id)
        step = f"{clock.within.describe()} from {label}" + (f" ({why})" if why else "")
        origins = {anchor: _Reach(0, (), path, label)}
        key = (clock.start.event, clock.start.stage or stage_id)
        if anchor[0] != RECEIVED and key not in seen:
            for far, via in self._reach(key[0], key[1], seen | {key}).items():
                if far not in origins or via.better_than(origins[far]):
                    origins[far] = via
        out: dict[Anchor, _Reach] = {}
        for where, origin in origins.items():
            total = None if days is None or origin.days is None else days + origin.days
            out[where] = _Reach(total, (step, *origin.steps), path, origin.origin)
        return out


def _counts(stage: Stage) -> bool:
    """A formal stage other than a 'stage 0': one the Code's two stages can stand for."""
    return stage.formal and stage.id != "0"


def _stage_label(stage: Stage) -> str:
    plain = f"Stage {stage.id}"
    return f"stage {stage.id}" if stage.name == plain else f"stage {stage.id} ({stage.name})"


def _clock_label(stage: Stage, clock: Clock) -> str:
    return f"{_stage_label(stage)} clock '{clock.id}' ({clock.name})"


def _provision(code_stage: Stage, event: str, number: str) -> str:
    for clock in code_stage.clocks:
        if event in clock.until:
            found = re.search(r"\b(\d+\.\d+)\b", clock.cite)
            if found:
                return found.group(1)
    return _FALLBACK.get((event, number), "")


# --- the checks ---------------------------------------------------------------------------


def _stage_shape(view: _View, code: _View, file: str) -> list[Breach]:
    out = []
    allowed = len(code.counted)
    for i, stage in enumerate(view.policy.stages):
        if not _counts(stage):
            what = "an informal stage" if not stage.formal else "a 'stage 0'"
            out.append(
                Breach(
                    INFORMAL_STAGE,
                    f"{_stage_label(stage)} is {what}: the Code allows no extra stage such as "
                    f"'stage 0' or 'informal'; time spent in it delays stage 1, whose clocks "
                    f"the Code starts at receipt",
                    file,
                    ["stages", i, "formal" if not stage.formal else "id"],
                )
            )
    counted = view.counted
    ids = ", ".join(s.id for _, s in counted)
    if len(counted) > allowed:
        for i, stage in counted[allowed:]:
            out.append(
                Breach(
                    STAGE_COUNT,
                    f"{_stage_label(stage)} is formal stage {view.number[stage.id]} of "
                    f"{len(counted)} ({ids}): the Code allows exactly {allowed}",
                    file,
                    ["stages", i],
                )
            )
    elif len(counted) < allowed:
        out.append(
            Breach(
                STAGE_COUNT,
                f"the procedure has {len(counted)} formal stage{'' if len(counted) == 1 else 's'}"
                f"{f' ({ids})' if ids else ''}: the Code requires exactly {allowed}",
                file,
                ["stages"],
            )
        )
    return out


def _deadline(view: _View, code: _View, event: str, number: str, file: str) -> Breach | None:
    """Is ``event`` at the procedure's stage ``number`` due no later than the Code allows, on
    every path the procedure's own clocks allow?

    The Code measures from its own start point X (receipt for an acknowledgement; the
    acknowledgement for a response). The procedure's due date is the earliest of its clocks
    that end at ``event``, each followed back to X, or else to the stage's entry (receipt, or
    the escalation). Every other event may come as late as the procedure allows, which only
    moves its due date later; X may come as early as the entry itself, which moves the Code's
    due date earlier and a due date measured from the entry not at all. So the worst path puts
    X on the day of entry, and a clock bounded only from the entry breaks the Code when its
    days exceed the Code's from X: "15 working days from receipt" against "10 from
    acknowledgement" breaks 6.3 for a complaint acknowledged the day it arrives.
    """
    mine, theirs = view.nth(number), code.nth(number)
    if mine is None or theirs is None:
        return None
    index, stage = mine
    limits = code.reach(event, theirs[1].id)
    if not limits:
        return None
    provision = _provision(theirs[1], event, number)
    start_point, limit = min(limits.items(), key=lambda item: item[1].days or 0)
    entries = code.reach("acknowledged", theirs[1].id)
    entry = min(entries.items(), key=lambda item: item[1].days or 0)[0] if entries else start_point
    allows = _allows(limit)
    verb = _VERB.get(event, event)
    clocks = [(ci, c) for ci, c in enumerate(stage.clocks) if event in c.until]
    if not clocks:
        return Breach(
            provision,
            f"{_stage_label(stage)} sets no time to {verb} (no clock ends at '{event}'); "
            f"the Code allows {allows}",
            file,
            ["stages", index, "clocks"],
        )
    if all(c.within.amount is None for _, c in clocks):
        ci, clock = clocks[0]
        return Breach(
            provision,
            f"{_clock_label(stage, clock)} is '{clock.within.describe()}' with no fallback, so "
            f"it has no upper bound; the Code allows {allows}",
            file,
            ["stages", index, "clocks", ci, "within"],
        )
    seen = frozenset({(event, stage.id)})
    best: tuple[int, _Reach, bool] | None = None  # (days, how, measured from the start point)
    unbounded: list[tuple[int, Clock, _Reach | None]] = []
    for ci, clock in clocks:
        worst: tuple[int, _Reach, bool] | None = None
        for alternative in (clock.start, *clock.also_from):
            one = replace(clock, start=alternative, also_from=())
            reach = view.clock_reach(index, ci, one, seen)
            via_x = start_point in reach
            got = reach.get(start_point) or reach.get(entry)
            if got is None or got.days is None:
                unbounded.append((ci, clock, got))
                worst = None
                break
            if worst is None or got.days > worst[0]:
                worst = (got.days, got, via_x)
        if worst is not None and (best is None or worst[0] < best[0]):
            best = worst
    if best is None:
        ci, clock, got = unbounded[0]
        if got is not None:
            return Breach(
                provision,
                f"{_clock_label(stage, clock)}: {got.chain()}; an 'as agreed' time with no "
                f"fallback leaves it with no upper bound; the Code allows {allows}",
                file,
                [*got.path, "within"],
            )
        starts = " or ".join(view.anchor(s, stage.id)[1] for s in (clock.start, *clock.also_from))
        points = " or ".join(sorted({r.origin for r in limits.values()}))
        return Breach(
            provision,
            f"{_clock_label(stage, clock)} runs from {starts}, which the procedure sets no time "
            f"for, so its due date has no bound from {points}; the Code allows {allows}",
            file,
            ["stages", index, "clocks", ci, "from"],
        )
    days, got, via_x = best
    if days <= (limit.days or 0):
        return None
    clock = _clock_at(view, got.path)
    total = f": up to {days} working days from {got.origin}" if len(got.steps) > 1 else ""
    path = ""
    if not via_x and entry != start_point:
        path = (
            f"; acknowledged on the day it arrives (as the procedure allows), the response may "
            f"then come {days} working days after the acknowledgement"
        )
    return Breach(
        provision,
        f"{_clock_label(stage, clock)}: {got.chain()}{total}{path}; the Code allows {allows}",
        file,
        [*got.path, "within"],
    )


def _allows(limit: _Reach) -> str:
    if len(limit.steps) == 1:
        return limit.chain()
    return f"{limit.days} working days from {limit.origin} ({limit.chain()})"


def _clock_at(view: _View, path: tuple[str | int, ...]) -> Clock:
    stage_index, clock_index = path[1], path[3]
    assert isinstance(stage_index, int) and isinstance(clock_index, int)
    return view.policy.stages[stage_index].clocks[clock_index]


def _extensions(view: _View, code: _View, number: str, file: str) -> Breach | None:
    mine, theirs = view.nth(number), code.nth(number)
    if mine is None or theirs is None or theirs[1].extension_cap is None:
        return None
    index, stage = mine
    limit = theirs[1].extension_cap
    provision = limit.provision or ""
    cap = stage.extension_cap
    if cap is None:
        extendable = [(ci, c) for ci, c in enumerate(stage.clocks) if c.extendable]
        if not extendable:
            return None  # no extension is allowed at all: stricter than the Code
        ci, clock = extendable[0]
        return Breach(
            provision,
            f"{_clock_label(stage, clock)} can be extended but {_stage_label(stage)} sets no cap "
            f"on extensions; the Code allows no more than {limit.working_days} working days "
            f"without good reason",
            file,
            ["stages", index, "clocks", ci, "extendable"],
        )
    if cap.working_days > limit.working_days:
        return Breach(
            provision,
            f"{_stage_label(stage)} caps extensions at {cap.working_days} working days; the Code "
            f"allows no more than {limit.working_days} without good reason",
            file,
            ["stages", index, "extension_cap", "working_days"],
        )
    return None


def _handlers(view: _View, code: _View, file: str) -> Breach | None:
    wanted = code.policy.rules.different_handler
    provision = code.policy.rules.different_handler_provision or ""
    mapped = []
    for code_id in wanted:
        number = code.number.get(code_id)
        mine = view.nth(number) if number else None
        if mine is None:
            return None  # the stage is missing: reported under 5.3
        mapped.append(mine[1].id)
    have = view.policy.rules.different_handler
    pairs = set(pairwise(have))
    missing = [p for p in pairwise(mapped) if p not in pairs]
    if not missing:
        return None
    first, second = missing[0]
    return Breach(
        provision,
        f"no rule that stage {second} is considered by someone other than whoever considered "
        f"stage {first}; the Code requires a different person",
        file,
        ["rules", "different_handler"],
    )


def _refusal_limit(view: _View, code: _View, file: str) -> Breach | None:
    limit = code.policy.rules.refusal_time_limit_months
    mine = view.policy.rules.refusal_time_limit_months
    # No limit at all is more generous than the Code's: only a shorter one is a breach.
    if limit is None or mine is None or mine >= limit:
        return None
    return Breach(
        code.policy.rules.refusal_time_limit_provision or "",
        f"complaints may be refused after {mine} months; the Code requires them to be accepted "
        f"within {limit} months of the issue (or of the resident becoming aware of it)",
        file,
        ["rules", "refusal_time_limit", "months"],
    )


def _refusal_reasons(view: _View, code: _View, file: str) -> Breach | None:
    if not code.policy.rules.escalation_refusal_needs_reason:
        return None
    if view.policy.rules.escalation_refusal_needs_reason:
        return None
    return Breach(
        code.policy.rules.escalation_refusal_provision or "",
        "no requirement to give reasons when refusing to escalate a complaint; the Code allows "
        "a refusal only for valid reasons, clearly set out",
        file,
        ["rules", "escalation_refusal_needs_reason"],
    )


def check_against_code(policy: Policy, code: Policy) -> list[Breach]:
    """Every way ``policy``'s text falls short of ``code`` (the hoc-2024 Policy).

    In the order of the file: stages, then each Code stage's deadlines and extension cap, then
    the rules. An empty list means the text meets every timescale and rule the Code has as data.
    """
    view, ref = _View(policy), _View(code)
    file = policy.file
    out = _stage_shape(view, ref, file)
    for number in (str(k + 1) for k in range(len(ref.counted))):
        for event in ("acknowledged", "responded"):
            found = _deadline(view, ref, event, number, file)
            if found is not None:
                out.append(found)
        capped = _extensions(view, ref, number, file)
        if capped is not None:
            out.append(capped)
    for rule in (_handlers, _refusal_limit, _refusal_reasons):
        found = rule(view, ref, file)
        if found is not None:
            out.append(found)
    return out
