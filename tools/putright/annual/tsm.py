"""The Regulator's complaints measures: CH01 (per 1,000 homes) and CH02 (within the Code's time).

Every choice the Technical Requirements leave open, or that the reference notes could not
confirm, is a ``TsmOptions`` setting; docs/reference/tsm.md gives each one's source and
confidence. In short:

* CH01 stage 1 counts complaints *received* in the year; stage 2 counts escalations *asked for*
  in the year (the stage 2 ``escalated`` date). Per 1,000 homes, one decimal place.
* CH02 counts responses *sent* in the year (the denominator is responses, not complaints
  received), and how many of them met the Code's timescales.
* Refused complaints are left out unless ``count_refused``; withdrawn ones are kept unless
  ``count_withdrawn`` is false (each at the stage where it happened).
* Low-cost home ownership (``tenure: lcho``) is reported apart when ``lcho_apart``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..config import TsmOptions
from .facts import STAGES, CaseFacts, StageFacts
from .figures import PerThousand, Share


@dataclass(frozen=True, slots=True)
class Homes:
    """The homes a year's CH01 is measured against (the year file may state its own)."""

    total: int | None
    lcho: int | None = None


@dataclass(frozen=True, slots=True)
class TsmGroup:
    """CH01 and CH02 for one group of homes: all, low-cost rental (and other), or LCHO."""

    group: str  # "all" | "lcra" | "lcho"
    homes: int | None
    ch01: dict[str, PerThousand]
    ch02: dict[str, Share]
    note: str = ""

    def to_json(self) -> dict[str, object]:
        return {
            "group": self.group,
            "homes": self.homes,
            "CH01": {f"stage{s}": self.ch01[s].value for s in STAGES},
            "CH02": {f"stage{s}": self.ch02[s].percent for s in STAGES},
            "counts": {
                "CH01": {f"stage{s}": self.ch01[s].to_json() for s in STAGES},
                "CH02": {f"stage{s}": self.ch02[s].to_json() for s in STAGES},
            },
            "note": self.note,
        }


def in_period(day: dt.date | None, period: tuple[dt.date, dt.date]) -> bool:
    return day is not None and period[0] <= day <= period[1]


def counts_at(facts: CaseFacts, stage: str, options: TsmOptions) -> StageFacts | None:
    """The stage's facts if this complaint counts at that stage under the options, else None."""
    if facts.kind != "complaint":
        return None
    found = facts.stage(stage)
    if found is None:
        return None
    if found.refused and not options.count_refused:
        return None
    if found.withdrawn and not options.count_withdrawn:
        return None
    return found


def received_at(facts: CaseFacts, stage: str) -> dt.date | None:
    """When a complaint arrived at a stage: received (stage 1) or escalation asked (stage 2)."""
    if stage == "1":
        return facts.received
    found = facts.stage(stage)
    return found.escalated if found else None


def within_code(stage: StageFacts, options: TsmOptions) -> bool:
    verdict = (
        stage.responded_within_extension
        if options.extensions_within_code
        else stage.responded_within
    )
    return bool(verdict)


def ch01(
    facts: Iterable[CaseFacts],
    stage: str,
    period: tuple[dt.date, dt.date],
    options: TsmOptions,
    homes: int | None,
) -> PerThousand:
    count = sum(
        1
        for f in facts
        if counts_at(f, stage, options) is not None and in_period(received_at(f, stage), period)
    )
    return PerThousand(count, homes)


def ch02(
    facts: Iterable[CaseFacts], stage: str, period: tuple[dt.date, dt.date], options: TsmOptions
) -> Share:
    part = whole = 0
    for f in facts:
        found = counts_at(f, stage, options)
        if found is None or not in_period(found.responded, period):
            continue
        whole += 1
        part += within_code(found, options)
    return Share(part, whole)


def tsm_group(
    group: str,
    facts: Sequence[CaseFacts],
    period: tuple[dt.date, dt.date],
    options: TsmOptions,
    homes: int | None,
    note: str = "",
) -> TsmGroup:
    return TsmGroup(
        group=group,
        homes=homes,
        ch01={s: ch01(facts, s, period, options, homes) for s in STAGES},
        ch02={s: ch02(facts, s, period, options) for s in STAGES},
        note=note,
    )


def tsm_groups(
    facts: Sequence[CaseFacts], period: tuple[dt.date, dt.date], options: TsmOptions, homes: Homes
) -> tuple[TsmGroup, TsmGroup | None]:
    """The main group and, when LCHO is reported apart, the LCHO group.

    With ``lcho_apart`` the main group is low-cost rental (``tenure: lcra``) over
    ``homes - homes_lcho``; LCHO is over ``homes_lcho``. Complaints whose tenure is ``other`` or
    not recorded are in neither: ``tenure_unknown_group`` reports them on a line of their own.
    """
    if not options.lcho_apart:
        return tsm_group("all", facts, period, options, homes.total), None
    rental = [f for f in facts if f.tenure == "lcra"]
    ownership = [f for f in facts if f.tenure == "lcho"]
    if homes.lcho is None:
        main_homes = homes.total
        note = (
            ""
            if not ownership
            else (
                "homes_lcho is not set, so the low-cost rental figure is measured against every home"
            )
        )
        lcho_note = (
            "homes_lcho is not set in complaints.yml (or the year file): no rate per 1,000 homes"
        )
    else:
        main_homes = None if homes.total is None else max(homes.total - homes.lcho, 0)
        note = lcho_note = ""
    main = tsm_group("lcra", rental, period, options, main_homes, note)
    lcho = tsm_group("lcho", ownership, period, options, homes.lcho, lcho_note)
    return main, lcho


UNKNOWN_TENURE_NOTE = (
    "tenure other or not recorded: not folded into low-cost rental or ownership; no rate per "
    "1,000 homes (record each case's tenure: `complaints check` names them)"
)


def needs_tenure(facts: CaseFacts) -> bool:
    """A complaint the TSMs cannot place: tenure ``other`` or not recorded."""
    return facts.kind == "complaint" and facts.tenure not in ("lcra", "lcho")


def tenure_unknown_group(
    facts: Sequence[CaseFacts], period: tuple[dt.date, dt.date], options: TsmOptions
) -> TsmGroup | None:
    """CH01 counts and CH02 for complaints of unknown tenure, when LCHO is reported apart.

    None when tenure does not split the figures (``lcho_apart`` false) or no such complaint
    counts in the period. CH01 has no denominator: these complaints belong to no known group of
    homes.
    """
    if not options.lcho_apart:
        return None
    unknown = [f for f in facts if needs_tenure(f)]
    group = tsm_group("unknown", unknown, period, options, None, UNKNOWN_TENURE_NOTE)
    if not any(group.ch01[s].count or group.ch02[s].whole for s in STAGES):
        return None
    return group
