"""Schema validation: a compiled validator for the fast path, detailed errors for bad files.

``fastjsonschema`` compiles the schema to Python once per process and stops at the first error;
``jsonschema`` then lists every error with its path, which ``yamlfile.locate`` turns into lines.
Valid files, the vast majority, never pay for the second.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterator
from functools import cache
from typing import Any

from . import yamlfile
from .problems import Problem
from .schemas import schema

_FORMATS = {"date": r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}  # real validity is checked by records


def _compile(doc: dict[str, Any]) -> Callable[[Any], Any]:
    # Imported here: a warm check validates nothing (its cache knows what was valid).
    import fastjsonschema

    return fastjsonschema.compile(doc, formats=_FORMATS)


def _dispatch(event: dict[str, Any]) -> tuple[dict[str, Any], dict[str, dict[str, Any]]]:
    """Split `allOf: [{if: {type: const X}, then: S}, ...]` into a base and one schema per X.

    Compiled as written, every event would try each `if` in turn, and each failing `if`
    raises inside the generated code: most of the time of `check` went there. Checking the
    base and then only the matching `then` is the same test, done once per event.
    """
    base = {k: v for k, v in event.items() if k != "allOf"}
    per_type = {}
    for branch in event.get("allOf", ()):
        const = branch["if"]["properties"]["type"]["const"]
        per_type[const] = {"type": "object", **branch["then"]}
    return base, per_type


class _CaseValidator:
    """The case schema, with events validated by their type's own schema."""

    def __init__(self) -> None:
        doc = schema("case")
        base_event, per_type = _dispatch(doc["$defs"]["event"])
        defs = {**doc["$defs"], "event": base_event}
        # The events are validated here, one by one, rather than as the items of the case:
        # there, each call to the event's validator first formatted its name (".events[3]",
        # through locals()), a twentieth of a check that reads every file.
        events = {**doc["properties"]["events"], "items": {}}
        self._case = _compile(
            {**doc, "$defs": defs, "properties": {**doc["properties"], "events": events}}
        )
        root: dict[str, Any] = {k: doc[k] for k in ("$schema", "$id") if k in doc}  # as the case
        self._event = _compile({**root, "$defs": defs, **base_event})
        # Compiled when an event of the type is first seen: compiling all of them took as
        # long as validating a thousand cases, and a repository uses a few types.
        self._parts = per_type
        self._events: dict[str, Callable[[Any], Any]] = {}

    def __call__(self, data: Any) -> Any:
        self._case(data)
        for event in data["events"]:
            self._event(event)
            check = self._events.get(event["type"])
            if check is None:
                check = self._events[event["type"]] = _compile(self._parts[event["type"]])
            check(event)
        return data


@cache
def _fast(name: str) -> Callable[[Any], Any]:
    if name == "case":
        return _CaseValidator()
    return _compile(schema(name))


@cache
def _detailed(name: str) -> Any:
    import jsonschema  # imported only when a file is invalid: it is slow to import

    return jsonschema.Draft202012Validator(schema(name))


def is_valid(name: str, data: Any) -> bool:
    check = _fast(name)
    from fastjsonschema import JsonSchemaException  # imported by _fast, so found at once

    try:
        check(data)
    except JsonSchemaException:
        return False
    return True


def _path_text(path: list[str | int]) -> str:
    out = ""
    for step in path:
        out += f"[{step}]" if isinstance(step, int) else (f".{step}" if out else str(step))
    return out


def _leaf_errors(error: Any) -> Iterator[Any]:
    """The most specific errors under an anyOf/allOf (what a person needs to fix)."""
    if error.context and error.validator in ("anyOf", "oneOf"):
        # Prefer the branch that got furthest; report it alone.
        import jsonschema

        best = jsonschema.exceptions.best_match(error.context)
        if best is not None:
            yield best
            return
    yield error


# Keys whose values are people's words or details. Messages go into CI logs and pull request
# annotations, so a message names the field and the rule and never quotes such a value; no
# value at all is quoted except a short token in a field that holds none of these (a mistyped
# channel or date is worth showing; a name is not).
PERSONAL_KEYS = frozenset(
    {
        "complainant", "name", "email", "phone", "address", "adjustments", "advocate",
        "summary", "definition", "notes", "note", "learning", "reason", "explanation",
        "description", "reference", "tags", "category",
    }
)  # fmt: skip
_TOKEN = re.compile(r"[A-Za-z0-9_.:/-]{1,40}")


def _shown(error: Any) -> str:
    """The value as a message may quote it, or '' when it must not be quoted."""
    path = list(error.absolute_path)
    if any(isinstance(s, str) and (s in PERSONAL_KEYS or s.startswith("x-")) for s in path):
        return ""
    value = error.instance
    if isinstance(value, bool) or value is None or isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str) and _TOKEN.fullmatch(value):
        return repr(value)
    return ""


_RULES = {
    "maxLength": "is longer than {v} characters",
    "minLength": "is shorter than {v} character(s)",
    "pattern": "does not match the pattern {v}",
    "minimum": "is less than the minimum of {v}",
    "maximum": "is greater than the maximum of {v}",
    "exclusiveMinimum": "must be more than {v}",
    "exclusiveMaximum": "must be less than {v}",
    "const": "must be {v}",
    "minItems": "has fewer than {v} item(s)",
    "maxItems": "has more than {v} item(s)",
    "uniqueItems": "has an item twice",
    "format": "is not a valid {v}",
}


def _message(error: Any) -> tuple[str, bool]:
    """A person's message for an error, and whether it should point at the key, not the value.

    Never quotes a personal field's value (``PERSONAL_KEYS``): the field and the rule only.
    """
    path = _path_text(list(error.absolute_path))
    where = f"{path}: " if path else ""
    validator = error.validator
    shown = _shown(error)
    value = f"{shown} " if shown else ("the value " if path else "")
    if validator == "additionalProperties":
        extra = sorted(set(error.instance) - set(error.schema.get("properties", {})))
        extra = [k for k in extra if not str(k).startswith("x-")]
        allowed = ", ".join(error.schema.get("properties", {}))
        keys = ", ".join(repr(k) for k in extra)
        return (
            f"{where}unknown key {keys} (allowed here: {allowed}; or prefix your own keys with x-)",
            True,
        )
    if validator == "required":
        missing = error.message.split("'")[1] if "'" in error.message else error.message
        return f"{where}missing required key '{missing}'", False
    if validator == "enum":
        options = ", ".join(str(o) for o in error.validator_value)
        return f"{where}{value}is not one of: {options}", False
    if validator == "pattern" and error.schema.get("format") == "date":
        return f"{where}{value}is not a date in the form YYYY-MM-DD", False
    if validator == "type":
        expected = error.validator_value
        got = type(error.instance).__name__
        names = {
            "dict": "mapping",
            "list": "list",
            "str": "text",
            "int": "whole number",
            "float": "number",
            "bool": "true/false",
            "NoneType": "nothing (empty)",
        }
        if isinstance(expected, list):
            expected = " or ".join(expected)
        return f"{where}expected {expected}, found {names.get(got, got)}", False
    rule = _RULES.get(validator)
    if rule is not None:
        return f"{where}{value}{rule.format(v=error.validator_value)}", False
    # jsonschema's own message quotes the value: name the rule instead.
    return f"{where}{value}does not meet the schema's `{validator}` rule", False


# Documents found valid, as (schema, digest of the text): complaints.yml and the procedures are
# validated on every run, and compiling their schemas' validators cost a twentieth of a warm
# check. The check cache keeps these between runs (only while the schemas, Putright and those
# very files are unchanged: its context), and hands them back through ``remember_valid``.
_KNOWN_VALID: set[tuple[str, bytes]] = set()


def _text_key(name: str, text: str) -> tuple[str, bytes]:
    return name, hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()


def known_valid() -> list[tuple[str, bytes]]:
    """The documents (other than cases) this process found valid, for the check cache."""
    return sorted(_KNOWN_VALID)


def remember_valid(known: object) -> None:
    """Take documents an earlier run found valid (from a cache whose context still holds)."""
    if isinstance(known, list):
        _KNOWN_VALID.update(
            (k[0], k[1])
            for k in known
            if isinstance(k, tuple) and len(k) == 2 and type(k[0]) is str and type(k[1]) is bytes
        )


def problems(name: str, data: Any, text: str, rel: str) -> list[Problem]:
    """Every schema error in ``data`` (parsed from ``text``) as a located problem (empty when
    valid)."""
    remembered = name != "case"  # cases have a cache of their own, by file
    if remembered and _text_key(name, text) in _KNOWN_VALID:
        return []
    if is_valid(name, data):
        if remembered:
            _KNOWN_VALID.add(_text_key(name, text))
        return []
    root = yamlfile.compose(text)
    found: list[Problem] = []
    seen: set[tuple[int | None, str]] = set()
    for top in _detailed(name).iter_errors(data):
        for error in _leaf_errors(top):
            message, at_key = _message(error)
            path = list(error.absolute_path)
            if error.validator == "additionalProperties":
                extra = [k for k in error.instance if k not in error.schema.get("properties", {})]
                path = [*path, extra[0]] if extra else path
            where = yamlfile.locate(root, path, key=at_key)
            line, col = where if where else (None, None)
            if (line, message) in seen:
                continue
            seen.add((line, message))
            found.append(Problem(rel, line, message, column=col))
    if not found:  # the two validators disagree: never let a bad file pass silently
        found.append(Problem(rel, 1, "the file does not match the schema"))
    return sorted(found, key=Problem.sort_key)
