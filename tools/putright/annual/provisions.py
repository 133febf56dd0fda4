"""The Code's provisions as data (code_provisions.yaml), in the self-assessment form's order."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

PROVISIONS_FILE = "code_provisions.yaml"
DEFAULT_TOLERANCE = 0.0  # a "must" allows no shortfall: any one contradicts a "yes"


@dataclass(frozen=True, slots=True)
class Provision:
    id: str  # "6.2"
    section: int
    title: str
    requirement: str  # the project's own summary, never the Code's text
    confidence: str
    stage: str | None = None  # section 6 is split into stage 1 and stage 2
    evidence: str | None = None  # what the records can show (selfassess.EVIDENCE)
    tolerance: float = DEFAULT_TOLERANCE


@dataclass(frozen=True, slots=True)
class Section:
    number: int
    title: str
    provisions: tuple[Provision, ...]


def _provision(raw: dict[str, Any], section: int) -> Provision:
    return Provision(
        id=str(raw["id"]),
        section=section,
        title=str(raw["title"]),
        requirement=" ".join(str(raw["requirement"]).split()),
        confidence=str(raw["confidence"]),
        stage=None if raw.get("stage") is None else str(raw["stage"]),
        evidence=raw.get("evidence"),
        tolerance=float(raw.get("tolerance", DEFAULT_TOLERANCE)),
    )


@cache
def sections() -> tuple[Section, ...]:
    """Every section of the Code with its provisions (read once; the file ships with Putright)."""
    text = resources.files(__package__).joinpath(PROVISIONS_FILE).read_text("utf-8")
    data = yaml.safe_load(text)
    out = []
    for raw in data["sections"]:
        number = int(raw["number"])
        out.append(
            Section(
                number, str(raw["title"]), tuple(_provision(p, number) for p in raw["provisions"])
            )
        )
    return tuple(out)


@cache
def provisions() -> dict[str, Provision]:
    return {p.id: p for s in sections() for p in s.provisions}


def sort_key(provision_id: str) -> tuple[int, int]:
    section, _, number = provision_id.partition(".")
    return int(section), int(number or 0)
