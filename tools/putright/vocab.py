"""Names the records use, read from the case schema so the schema stays the one source."""

from __future__ import annotations

from functools import cache

from .schemas import schema


@cache
def event_types() -> frozenset[str]:
    return frozenset(schema("case")["$defs"]["event"]["properties"]["type"]["enum"])


@cache
def enum_of(*path: str) -> tuple[str, ...]:
    """The enum at a path in the case schema, e.g. enum_of("properties", "channel")."""
    node = schema("case")
    for step in path:
        node = node[step]
    return tuple(node["enum"])


STOPPING_EVENTS = ("refused", "withdrawn", "closed")  # stop every clock of the case
OUTCOMES = enum_of("$defs", "event", "properties", "outcome")
PARTIES = enum_of("properties", "about", "properties", "party")  # who a complaint is about
