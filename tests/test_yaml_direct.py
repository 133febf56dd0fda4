"""The direct construction of records gives what PyYAML's own constructor gives, or defers to it.

``yamlfile`` builds plain records in one walk and leaves anything unusual (explicit tags, merge
keys, duplicate or non-scalar keys, very deep nesting) to PyYAML's constructor. Each document
here is parsed both ways (the direct walk switched off for the second) and must give the
same data, with the same types, or the same problem at the same line and column.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from putright import yamlfile

ROOT = Path(__file__).resolve().parent.parent

TRICKY = [
    "a: 1\nb: 0x1F\nc: 0o17\nd: 1_000\ne: 1:20\nf: -0b101\n",
    "a: 1.5\nb: .inf\nc: -.Inf\nd: .nan\ne: 6.02e+23\nf: 1_0.5\n",
    "a: yes\nb: No\nc: on\nd: OFF\ne: true\nf: False\n",
    "a: ~\nb: null\nc:\nd: Null\n",
    "a: 2025-06-02\nb: '2025-06-02'\nc: 2025-06-02T10:00:00Z\nd: 2025-6-2\n",
    "a: '1'\nb: \"yes\"\nc: !!str 12\nd: !!int '12'\ne: !!float '1'\n",
    "1: one\n2.5: two\ntrue: three\n~: four\n",
    "a: &x 1\nb: *x\n",
    "<<: {a: 1}\nb: 2\n",
    "base: {a: 1}\nm:\n  <<: {b: 2}\n  c: 3\n",
    "s: !!set {a, b}\n",
    "b: !!binary aGVsbG8=\n",
    "o: !!omap [a: 1, b: 2]\n",
    "p: !!pairs [a: 1, a: 2]\n",
    "a: 1\na: 2\n",
    "x:\n  k: 1\n  k: 2\n",
    "? [a, b]\n: 1\n",
    "? {a: 1}\n: 1\n",
    "a: !!python/object:os.system echo\n",
    "a: !custom x\n",
    "= : 1\n",
    "a: [1, [2, [3, {b: [4]}]]]\nc: {}\nd: []\n",
    "- 1\n- two\n- {three: 3}\n",
    "just text\n",
    "",
    "a: |\n  line one\n  line two\nb: >\n  folded\n  text\n",
    "a: 'it''s'\nb: \"tab\\there\"\n",
    "a: " + "[" * 40 + "]" * 40 + "\n",
    "a: b: c\n",
    "a: 1\n---\nb: 2\n",
]


def both_ways(text: str, monkeypatch: pytest.MonkeyPatch) -> tuple[Any, Any]:
    direct = yamlfile.parse(text, "x.yaml")
    with monkeypatch.context() as patched:

        def refuse(loader: object, node: object) -> Any:
            raise yamlfile._Unusual

        patched.setattr(yamlfile, "_direct", refuse)
        patched.setattr(yamlfile, "_RESOLVED", {})
        standard = yamlfile.parse(text, "x.yaml")
    return direct, standard


def typed(value: Any) -> Any:
    """The value with every type spelled out (1 == 1.0 == True in Python)."""
    if isinstance(value, dict):
        return {(type(k).__name__, k): typed(v) for k, v in value.items()}
    if isinstance(value, list):
        return [typed(v) for v in value]
    if isinstance(value, float) and value != value:
        return ("float", "nan")
    return (type(value).__name__, repr(value))


@pytest.mark.parametrize("text", TRICKY)
def test_tricky_documents(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    (data, problems), (want_data, want_problems) = both_ways(text, monkeypatch)
    assert typed(data) == typed(want_data)
    assert problems == want_problems


def case_files() -> list[Path]:
    found = sorted((ROOT / "cases").rglob("*.yaml"))
    found += sorted((ROOT / "tests" / "examples").rglob("*.yaml"))
    return found


def test_every_demo_and_example_file(monkeypatch: pytest.MonkeyPatch) -> None:
    files = case_files()
    assert len(files) > 100
    for path in files:
        text, _problems = yamlfile.decode(path.read_bytes(), path.name)
        if text is None:
            continue
        (data, got), (want, want_problems) = both_ways(text, monkeypatch)
        assert typed(data) == typed(want), path
        assert got == want_problems, path


def test_a_record_takes_the_direct_path() -> None:
    """Not a test that passes by always deferring: a demo record is built by the direct walk."""
    text = case_files()[0].read_text(encoding="utf-8")
    loader = yamlfile._Loader(text)
    try:
        node = loader.get_single_node()
        assert typed(yamlfile._direct(loader, node)) == typed(yamlfile.parse(text, "x")[0])
    finally:
        loader.dispose()
