"""Reading YAML files safely, fast when they are good and precise when they are not.

The fast path is libyaml (``CSafeLoader``) with two changes: ISO dates stay strings (the schema
checks their form, ``records`` makes them real dates) and duplicate keys are refused. Nothing
here ever runs a Python tag. Locating a problem by line needs the node tree, which costs a
second parse, so ``locate`` is only called for files that already have problems.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import yaml

try:  # libyaml is the fast path; the pure-Python parser gives the same answers, slower.
    from yaml import CBaseLoader as _NodeLoader
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - only on a PyYAML built without libyaml
    from yaml import BaseLoader as _NodeLoader  # type: ignore[assignment]
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]

from .casewalk import read_at_most
from .problems import Problem

# A case file is a page or two of text; anything far larger is a mistake or an attack.
MAX_BYTES = 1_000_000
# How deep values may nest (a record itself needs 5: events, an event, remedies, a remedy).
MAX_DEPTH = 32


class _DuplicateKey(yaml.MarkedYAMLError):
    pass


class _Loader(_BaseLoader):
    """CSafeLoader that keeps timestamps as text and refuses duplicate keys."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        # Same as SafeConstructor.construct_mapping, plus the duplicate check.
        self.flatten_mapping(node)
        mapping: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=deep)
            try:
                seen = key in mapping
            except TypeError:
                raise yaml.constructor.ConstructorError(
                    "while constructing a mapping",
                    node.start_mark,
                    "found an unhashable key",
                    key_node.start_mark,
                ) from None
            if seen:
                raise _DuplicateKey(
                    None,
                    None,
                    f"duplicate key {key!r} (the same key twice in one mapping)",
                    key_node.start_mark,
                )
            mapping[key] = self.construct_object(value_node, deep=deep)
        return mapping

    # The fast path for what records are made of. PyYAML's constructor (which the floor pays
    # as well) defers every mapping through generators and resolves every scalar's tag with
    # regular expressions; a record is plain mappings, lists and scalars, with no anchors or
    # aliases (refused before parsing), so it is built here in one direct walk, and each
    # plain scalar's tag is remembered by its text. Anything else (an explicit tag, a merge
    # key, a duplicate or non-scalar key, a nesting too deep to recurse) is built by the
    # standard path above, from the start, with its own errors and their marks.

    def construct_document(self, node: yaml.Node) -> Any:
        try:
            return _direct(self, node)
        except (_Unusual, RecursionError):
            return super().construct_document(node)

    def resolve(self, kind: type[yaml.Node], value: Any, implicit: Any) -> Any:
        if kind is _SCALAR and implicit[0]:
            tag = _RESOLVED.get(value)
            if tag is not None:
                return tag
            tag = super().resolve(kind, value, implicit)  # type: ignore[no-untyped-call]
            if len(value) <= _REMEMBER_UP_TO and len(_RESOLVED) < _REMEMBER_AT_MOST:
                _RESOLVED[value] = tag
            return tag
        return super().resolve(kind, value, implicit)  # type: ignore[no-untyped-call]


# A plain scalar's tag depends on its text alone (no path resolvers here): short texts, which
# recur (keys, dates, stages, enums), are resolved once per process.
_RESOLVED: dict[str, str] = {}
_SCALAR = yaml.ScalarNode
_REMEMBER_UP_TO = 40
_REMEMBER_AT_MOST = 200_000


class _Unusual(Exception):
    """A node the direct walk leaves to PyYAML's own constructor."""


_TAG = "tag:yaml.org,2002:"
_AS_TEXT = frozenset({_TAG + "str", _TAG + "timestamp"})  # ISO dates stay text
_BY_CONSTRUCTOR = {
    _TAG + "null": _BaseLoader.construct_yaml_null,
    _TAG + "bool": _BaseLoader.construct_yaml_bool,
    _TAG + "int": _BaseLoader.construct_yaml_int,
    _TAG + "float": _BaseLoader.construct_yaml_float,
}
_MAP, _SEQ = _TAG + "map", _TAG + "seq"


def _direct(loader: _Loader, node: yaml.Node) -> Any:
    kind, tag = type(node), node.tag
    if kind is yaml.ScalarNode:
        if tag in _AS_TEXT:
            return node.value
        build = _BY_CONSTRUCTOR.get(tag)
        if build is None:
            raise _Unusual
        return build(loader, node)  # type: ignore[arg-type]
    if kind is yaml.SequenceNode and tag == _SEQ:
        return [_direct(loader, item) for item in node.value]
    if kind is yaml.MappingNode and tag == _MAP:
        mapping: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if type(key_node) is not yaml.ScalarNode:
                raise _Unusual  # unhashable: the standard path says so, with its place
            key = _direct(loader, key_node)  # a merge key ("<<") has its own tag: unusual
            if key in mapping:
                raise _Unusual  # a duplicate: the standard path reports it, with its place
            mapping[key] = _direct(loader, value_node)
        return mapping
    raise _Unusual


def _timestamp_as_text(loader: _Loader, node: yaml.ScalarNode) -> str:
    return str(node.value)


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_as_text)


@dataclass(slots=True)
class Loaded:
    """A file read and parsed: ``data`` is None when it could not be parsed at all."""

    path: str
    text: str | None
    data: Any
    problems: list[Problem]


def _line_of_offset(raw: bytes, offset: int) -> int:
    return raw.count(b"\n", 0, offset) + 1


def decode(raw: bytes, rel: str) -> tuple[str | None, list[Problem]]:
    """Bytes to text, refusing what is not a UTF-8 text file."""
    if len(raw) > MAX_BYTES:
        return None, [
            Problem(rel, 1, f"file is {len(raw):,} bytes; a case file may be at most {MAX_BYTES:,}")
        ]
    nul = raw.find(b"\x00")
    if nul >= 0:
        return None, [
            Problem(
                rel, _line_of_offset(raw, nul), "binary file (contains a NUL byte), not YAML text"
            )
        ]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = _line_of_offset(raw, exc.start)
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        return None, [
            Problem(
                rel,
                line,
                f"not UTF-8 text: byte 0x{raw[exc.start]:02x} cannot be decoded; save the file as UTF-8",
                column=col,
            )
        ]
    if text.startswith("\ufeff"):
        text = text[1:]
    return text, []


def _has_anchor_or_alias(text: str) -> tuple[int, int] | None:
    """Where the first anchor or alias is, if any: they are refused in records.

    Aliases let a small file expand exponentially (the "billion laughs"); no record needs
    them. The cheap test on the text rules out almost every file without parsing events.
    """
    if "&" not in text and "*" not in text:
        return None
    try:
        for event in yaml.parse(text, Loader=_BaseLoader):
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                mark = event.start_mark
                return (mark.line + 1, mark.column + 1) if mark else (1, 1)
    except yaml.YAMLError:
        return None  # the parse proper reports the syntax error with its place
    return None


def parse(text: str, rel: str) -> tuple[Any, list[Problem]]:
    """Parse one YAML document; on failure return the problem with its line."""
    where = _has_anchor_or_alias(text)
    if where:
        return None, [
            Problem(
                rel,
                where[0],
                "YAML anchors and aliases (& and *) are not allowed in records",
                column=where[1],
            )
        ]
    try:
        data = yaml.load(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        message = _describe(exc)
        if mark is None:
            return None, [Problem(rel, 1, message)]
        return None, [Problem(rel, mark.line + 1, message, column=mark.column + 1)]
    except yaml.YAMLError as exc:  # pragma: no cover - libyaml errors are marked
        return None, [Problem(rel, 1, f"YAML error: {exc}")]
    except RecursionError:
        return None, [Problem(rel, 1, "YAML nested too deeply")]
    deep = too_deep(data)
    if deep is not None:
        where = locate(compose(text), deep[: MAX_DEPTH + 1])
        field = next((str(step) for step in deep if isinstance(step, str)), "the record")
        return None, [
            Problem(
                rel,
                where[0] if where else 1,
                f"{field} is nested more than {MAX_DEPTH} levels deep; no record needs that many "
                "(lists inside lists inside lists...): flatten it",
            )
        ]
    return data, []


def too_deep(data: Any) -> list[str | int] | None:
    """The path to the first value nested deeper than MAX_DEPTH, or None.

    Walked with a stack, not recursion: every later stage (validation, pages, charts) may
    recurse over a record, and a value 350 levels deep crashed the staff site's build with a
    RecursionError although `check` had passed the file.
    """
    if not _deeper_than(data, MAX_DEPTH):
        return None  # nearly every file: the paths are worked out only for one that is too deep
    stack: list[tuple[Any, list[str | int]]] = [(data, [])]
    while stack:
        value, path = stack.pop()
        if len(path) > MAX_DEPTH:
            return path
        if isinstance(value, dict):
            stack.extend((v, [*path, str(k)]) for k, v in value.items())
        elif isinstance(value, list):
            stack.extend((v, [*path, i]) for i, v in enumerate(value))
    return None


def _deeper_than(data: Any, limit: int) -> bool:
    """Is any value (a scalar too) more than ``limit`` levels down? Only containers are
    stacked, with their depth, so a valid record costs a walk over its mappings and lists."""
    if not isinstance(data, dict | list):
        return limit < 0
    stack: list[tuple[Any, int]] = [(data, 0)]
    while stack:
        value, depth = stack.pop()
        depth += 1  # of its children
        for child in value.values() if isinstance(value, dict) else value:
            if depth > limit:
                return True
            if isinstance(child, dict | list):
                stack.append((child, depth))
    return False


def _describe(exc: yaml.MarkedYAMLError) -> str:
    problem = exc.problem or "YAML error"
    if isinstance(exc, yaml.composer.ComposerError) and "single document" in str(exc):
        return (
            "more than one YAML document in the file (a '---' separator?); a record is one document"
        )
    if (
        isinstance(exc, yaml.constructor.ConstructorError)
        and "could not determine a constructor" in problem
    ):
        tag = problem.split("tag", 1)[-1].strip().strip("'").replace("tag:yaml.org,2002:", "!!")
        return f"YAML tag {tag} is not allowed (tags are never executed; remove it)"
    if exc.context and not isinstance(exc, _DuplicateKey):
        return f"{problem} ({exc.context})"
    return problem


def load(raw: bytes, rel: str) -> Loaded:
    text, problems = decode(raw, rel)
    if text is None:
        return Loaded(rel, None, None, problems)
    data, problems = parse(text, rel)
    return Loaded(rel, text, data, problems)


def load_file(path: str, rel: str) -> Loaded:
    try:
        with open(path, "rb") as handle:
            raw = read_at_most(handle, MAX_BYTES)
    except OSError as exc:
        return Loaded(rel, None, None, [Problem(rel, None, f"cannot read: {exc.strerror}")])
    return load(raw, rel)


# --- locating values by path -------------------------------------------------------------


def compose(text: str) -> yaml.Node | None:
    """The node tree (for line numbers); None if the text does not parse.

    Composed without resolving scalars' types (they stay text, as ``locate`` compares them):
    resolving them was most of what placing a file's warnings on lines cost."""
    try:
        return yaml.compose(text, Loader=_NodeLoader)
    except yaml.YAMLError:
        return None


def locate(
    root: yaml.Node | None, path: Sequence[str | int], *, key: bool = False
) -> tuple[int, int] | None:
    """Line and column (1-based) of the value at ``path``; of its key when ``key``.

    Walks as far down the path as the document goes, so a missing key is located at the
    mapping that should hold it.
    """
    node = root
    if node is None:
        return None
    mark = node.start_mark
    for step in path:
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                if key_node.value == str(step) or key_node.value == step:
                    mark = (
                        key_node.start_mark if key and step == path[-1] else value_node.start_mark
                    )
                    node = value_node
                    break
            else:
                break
        elif (
            isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value)
        ):
            node = node.value[step]
            mark = node.start_mark
        else:
            break
    return mark.line + 1, mark.column + 1
