"""Case records: the model the engine reads, built from schema-valid data."""

from __future__ import annotations

from .build import build_case, load_case, structure_flaws
from .model import About, Case, Event, Order, Remedy

__all__ = [
    "About",
    "Case",
    "Event",
    "Order",
    "Remedy",
    "build_case",
    "load_case",
    "structure_flaws",
]
