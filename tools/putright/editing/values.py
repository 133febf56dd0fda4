"""Typing ``--set KEY=VALUE`` text by the case schema, so the file gets ``5`` and not ``"5"``.

The schema is the one source of what an event of each type may hold: its ``allOf`` has one
``if type == T then properties ...`` branch per type. A value is refused here, with the
allowed keys or values named, rather than written and then refused by validation with a
message about JSON types that an officer cannot act on.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from functools import cache
from typing import Any

from ..schemas import schema
from ..vocab import event_types

# Lists of mappings cannot be typed as KEY=VALUE text; they are written in the file.
_NOT_SETTABLE = {
    "remedies": "remedies cannot be given with --set: add the event, then type its remedies "
    "into the file under it (see docs/guide/editing.md), and run complaints check",
}

_TRUE = frozenset({"true", "yes", "y", "on"})
_FALSE = frozenset({"false", "no", "n", "off"})
_INTEGER = re.compile(r"^[+-]?[0-9]+$")
_NUMBER = re.compile(r"^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)$")


class ValueRefused(ValueError):
    """A --set value that does not fit the schema; the message says what would."""


@cache
def event_properties(event_type: str) -> dict[str, Any]:
    """The properties an event of ``event_type`` may have, by the schema's branch for it."""
    event = schema("case")["$defs"]["event"]
    for branch in event.get("allOf", []):
        const = branch.get("if", {}).get("properties", {}).get("type", {}).get("const")
        if const == event_type:
            props: dict[str, Any] = branch["then"]["properties"]
            return props
    # A type with no branch of its own may hold anything the generic event allows.
    generic: dict[str, Any] = event["properties"]
    return generic


@cache
def event_required(event_type: str) -> tuple[str, ...]:
    """The keys an event of ``event_type`` must have beyond date and type."""
    event = schema("case")["$defs"]["event"]
    for branch in event.get("allOf", []):
        const = branch.get("if", {}).get("properties", {}).get("type", {}).get("const")
        if const == event_type:
            return tuple(k for k in branch["then"].get("required", []) if k not in ("date", "type"))
    return ()


def check_event_type(event_type: str) -> None:
    if event_type not in event_types():
        known = ", ".join(sorted(event_types()))
        raise ValueRefused(f"{event_type!r} is not an event type; the types are: {known}")


def settable_keys(event_type: str) -> list[str]:
    return [k for k in event_properties(event_type) if k not in ("date", "type")]


def split_assignment(text: str) -> tuple[str, str]:
    """``KEY=VALUE`` -> (KEY, VALUE); the value may itself contain ``=``."""
    key, sep, value = text.partition("=")
    key = key.strip()
    if not sep or not key:
        raise ValueRefused(f"--set {text!r} is not KEY=VALUE (for example --set working_days=5)")
    return key, value


def type_value(event_type: str, key: str, text: str) -> Any:
    """``text`` as the value ``key`` holds in an event of ``event_type``, or ValueRefused."""
    props = event_properties(event_type)
    if key in _NOT_SETTABLE:
        raise ValueRefused(_NOT_SETTABLE[key])
    if key.startswith("x-"):
        return text  # the organisation's own keys: free text
    if key not in props or key in ("date", "type"):
        allowed = ", ".join(settable_keys(event_type)) or "none"
        raise ValueRefused(
            f"a {event_type} event has no key {key!r}; keys it may have: {allowed} "
            "(or your own, starting x-)"
        )
    return _by_schema(props[key], key, text)


def _by_schema(prop: Mapping[str, Any], key: str, text: str) -> Any:
    if "anyOf" in prop:
        # Try each form in turn (stage: a whole number, else a short name).
        reasons: list[str] = []
        for option in prop["anyOf"]:
            try:
                return _by_schema(option, key, text)
            except ValueRefused as exc:
                reasons.append(str(exc))
        raise ValueRefused(" or ".join(dict.fromkeys(reasons)))
    if "enum" in prop:
        options = [str(o) for o in prop["enum"]]
        if text not in options:
            raise ValueRefused(f"{key}={text!r} is not one of: {', '.join(options)}")
        return text
    kind = prop.get("type")
    if kind == "integer":
        if not _INTEGER.match(text.strip()):
            raise ValueRefused(f"{key}={text!r}: {key} must be a whole number, like {key}=5")
        number = int(text.strip())
        _in_range(prop, key, number)
        return number
    if kind == "number":
        if not _NUMBER.match(text.strip()):
            raise ValueRefused(f"{key}={text!r}: {key} must be a number, like {key}=75.50")
        value = float(text.strip())
        whole = int(value)
        result: int | float = whole if value == whole and "." not in text else value
        _in_range(prop, key, result)
        return result
    if kind == "boolean":
        word = text.strip().lower()
        if word in _TRUE:
            return True
        if word in _FALSE:
            return False
        raise ValueRefused(f"{key}={text!r}: {key} must be true or false (or yes or no)")
    if kind == "string":
        return _string(prop, key, text)
    raise ValueRefused(_NOT_SETTABLE.get(key, f"{key} cannot be given with --set; edit the file"))


def _in_range(prop: Mapping[str, Any], key: str, number: float) -> None:
    low, high = prop.get("minimum"), prop.get("maximum")
    if low is not None and number < low:
        raise ValueRefused(f"{key}={number}: {key} must be at least {low}")
    if high is not None and number > high:
        raise ValueRefused(f"{key}={number}: {key} must be at most {high}")


def _string(prop: Mapping[str, Any], key: str, text: str) -> str:
    if prop.get("format") == "date":
        parse_date(text, what=key)
        return text
    if len(text) < prop.get("minLength", 0):
        raise ValueRefused(f"{key} may not be empty")
    pattern = prop.get("pattern")
    if pattern and not re.search(pattern, text):
        raise ValueRefused(f"{key}={text!r} is not a valid {key} (it must match {pattern})")
    return text


def parse_date(text: str, *, what: str = "date") -> dt.date:
    """An ISO ``YYYY-MM-DD`` date that exists (2026-02-30 does not)."""
    if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text):
        raise ValueRefused(f"{what} {text!r} is not a date in the form YYYY-MM-DD")
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ValueRefused(f"{what} {text!r} is not a real date") from None


def stage_value(text: str) -> int | str:
    """``--stage`` as the file writes it: 2, or a procedure's own stage name."""
    value = _by_schema(schema("case")["$defs"]["event"]["properties"]["stage"], "stage", text)
    assert isinstance(value, int | str)
    return value


def typed_assignments(event_type: str, pairs: Iterable[tuple[str, str]]) -> dict[str, Any]:
    """Every --set pair typed, refusing a key given twice."""
    out: dict[str, Any] = {}
    for key, text in pairs:
        if key in out:
            raise ValueRefused(f"--set {key}=... is given twice")
        out[key] = type_value(event_type, key, text)
    return out


def type_case_value(key: str, text: str) -> Any:
    """A case field (``channel``, ``received``...) or ``complainant.KEY``, typed by the schema."""
    props: dict[str, Any] = schema("case")["properties"]
    name = key
    if key.startswith("complainant."):
        name = key.split(".", 1)[1]
        props = props["complainant"]["properties"]
    if name not in props:  # pragma: no cover - the CLI only passes known fields
        raise ValueRefused(f"a case has no field {key!r}")
    return _by_schema(props[name], name, text)
