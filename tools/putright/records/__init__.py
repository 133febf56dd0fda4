"""Case records: the model the engine reads, built from schema-valid data."""

from __future__ import annotations

from .build import build_case, load_case, structure_flaws
from .model import PERSONAL_CASE_KEYS, PERSONAL_EVENT_KEYS, Case, Event, Remedy

__all__ = [
    "PERSONAL_CASE_KEYS",
    "PERSONAL_EVENT_KEYS",
    "Case",
    "Event",
    "Remedy",
    "build_case",
    "load_case",
    "structure_flaws",
]
