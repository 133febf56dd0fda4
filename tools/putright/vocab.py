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


@cache
def event_enum(event_type: str, field: str) -> tuple[str, ...]:
    """The enum a field takes on one type of event (its if/then branch in the schema), e.g.
    event_enum("refused", "reason")."""
    for branch in schema("case")["$defs"]["event"].get("allOf", ()):
        if branch.get("if", {}).get("properties", {}).get("type", {}).get("const") != event_type:
            continue
        node = branch.get("then", {}).get("properties", {}).get(field, {})
        if "enum" in node:
            return tuple(node["enum"])
    raise KeyError(f"the case schema has no enum for {field!r} on a {event_type!r} event")
