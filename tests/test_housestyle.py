"""One house style: the Python writer and the editor's putright-yaml format write the same bytes."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from helpers import complaints
from putright import yamlfile
from putright.cms.page import SCHEMA_REF, format_source
from putright.demo import demo_cases
from putright.housestyle import dump_case, key_order

TODAY = dt.date(2026, 11, 24)  # the shipped demo set is made as of this day

ROOT = Path(__file__).resolve().parents[1]

# Values people type, each with the line a hand would write for it in the house style.
WRITTEN = [
    ({"id": "2026-0001"}, "id: 2026-0001\n"),
    ({"received": "2026-03-02"}, "received: 2026-03-02\n"),
    ({"officer": "jsmith"}, "officer: jsmith\n"),
    ({"notes": "yes"}, 'notes: "yes"\n'),
    ({"notes": "Off"}, 'notes: "Off"\n'),
    ({"notes": "12"}, 'notes: "12"\n'),
    ({"notes": "note: #1"}, 'notes: "note: #1"\n'),
    ({"notes": "- dash"}, 'notes: "- dash"\n'),
    ({"notes": "trailing "}, 'notes: "trailing "\n'),
    ({"notes": "café"}, 'notes: "café"\n'),
    ({"complainant": {"phone": "07700 900101"}}, 'complainant:\n  phone: "07700 900101"\n'),
    ({"summary": "One.\nTwo.\n"}, "summary: |\n  One.\n  Two.\n"),
    ({"summary": "One.\nTwo."}, "summary: |-\n  One.\n  Two.\n"),
    ({"summary": "One.\n\nTwo.\n"}, "summary: |\n  One.\n\n  Two.\n"),
    ({"summary": " indented\nline"}, 'summary: " indented\\nline"\n'),
    ({"summary": "two\n\n"}, 'summary: "two\\n\\n"\n'),
    ({"summary": "", "notes": None, "complainant": {}}, "{}\n"),
    ({"events": []}, "events: []\n"),
    (
        {"events": [{"type": "closed", "date": "2026-01-12", "by": "cdavies"}]},
        "events:\n  - {date: 2026-01-12, type: closed, by: cdavies}\n",
    ),
    (
        {
            "events": [
                {"date": "2026-01-12", "type": "note", "note": "Rang, no answer, left message"}
            ]
        },
        'events:\n  - {date: 2026-01-12, type: note, note: "Rang, no answer, left message"}\n',
    ),
    (
        {"events": [{"date": "2026-01-12", "type": "note", "note": "Line one.\nLine two.\n"}]},
        "events:\n  - date: 2026-01-12\n    type: note\n    note: |\n      Line one.\n      Line two.\n",
    ),
    ({"events": [{"date": "2026-01-12", "type": "x", "amount": 12.5}]}, None),
]


def _documents() -> list[tuple[str, Any]]:
    """Every demo case, and every hand-written line above, as data."""
    out = []
    for rel, text in demo_cases(TODAY):
        data, problems = yamlfile.parse(text, rel)
        assert not problems
        out.append((rel, data))
    out += [(f"written-{n}", data) for n, (data, _) in enumerate(WRITTEN)]
    return out


@pytest.mark.parametrize(("data", "expected"), [w for w in WRITTEN if w[1] is not None])
def test_the_house_style_writes_what_a_hand_would(data: dict[str, Any], expected: str) -> None:
    written = dump_case(data, SCHEMA_REF)
    assert written == f"# yaml-language-server: $schema={SCHEMA_REF}\n{expected}"
    assert yamlfile.parse(written, "t.yaml")[0] == {
        k: v for k, v in data.items() if v not in ("", None, {})
    }


def test_every_demo_case_is_in_the_house_style() -> None:
    for rel, text in demo_cases(TODAY):
        data, _ = yamlfile.parse(text, rel)
        assert dump_case(data, SCHEMA_REF) == text, rel


def test_keys_follow_the_schema() -> None:
    order = key_order()
    assert order[""][:3] == ("id", "received", "kind")
    assert order["events[]"][:3] == ("date", "type", "stage")
    assert order["events[].remedies[]"][0] == "type"


def test_complaints_new_writes_the_house_style(make_repo: Any) -> None:

    root = make_repo()
    ran = complaints(
        root,
        "new",
        "--received",
        "2026-03-02",
        "--channel",
        "phone",
        "--category",
        "repairs",
        "--name",
        "Ada Testperson",
        "--phone",
        "07700 900123",
        "--summary",
        "Leak.\nStill leaking: yes",
        "--today",
        "2026-03-02",
        "--no-input",
    )
    assert ran.code == 0, ran.err
    path = next((root / "cases" / "2026").glob("*.yaml"))
    text = path.read_text("utf-8")
    data, _ = yamlfile.parse(text, "x")
    assert dump_case(data, SCHEMA_REF) == text
    assert '  phone: "07700 900123"\n' in text
    assert "summary: |-\n  Leak.\n  Still leaking: yes\n" in text


RUNNER = """
import fs from 'fs';
const [yamlIndex, formatFile, orderFile, inputFile] = process.argv.slice(2);
const YAML = (await import(yamlIndex)).default;
const { makeFormat, dump } = await import(formatFile);
const order = JSON.parse(fs.readFileSync(orderFile, 'utf8'));
const format = makeFormat(YAML, order, '../../.schemas/case.schema.json');
const out = {};
for (const [name, item] of Object.entries(JSON.parse(fs.readFileSync(inputFile, 'utf8')))) {
  out[name] = item.text !== undefined ? format.toFile(format.fromFile(item.text)) : format.toFile(item.data);
}
process.stdout.write(JSON.stringify(out));
"""


@pytest.mark.skipif(shutil.which("node") is None, reason="no Node.js")
def test_the_editor_writes_the_same_bytes_as_python(tmp_path: Path) -> None:
    """The admin page's format, run by Node over every demo case (read from its text, as the
    editor reads a file) and over the hand-written values (given as data, as the form gives
    them): byte for byte what Python writes."""
    from putright.cms.packages import ensure_installed

    installed = ensure_installed()
    (tmp_path / "format.mjs").write_bytes(format_source())
    (tmp_path / "run.mjs").write_text(RUNNER, "utf-8")
    (tmp_path / "order.json").write_text(json.dumps(key_order()), "utf-8")
    texts = dict(demo_cases(TODAY))
    inputs: dict[str, Any] = {}
    expected: dict[str, str] = {}
    for name, data in _documents():
        inputs[name] = {"text": texts[name]} if name in texts else {"data": data}
        expected[name] = texts.get(name) or dump_case(data, SCHEMA_REF)
    (tmp_path / "in.json").write_text(json.dumps(inputs), "utf-8")
    done = subprocess.run(
        [
            "node",
            str(tmp_path / "run.mjs"),
            installed.module("yaml", "browser", "index.js"),
            str(tmp_path / "format.mjs"),
            str(tmp_path / "order.json"),
            str(tmp_path / "in.json"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    written = json.loads(done.stdout)
    assert len(written) == len(expected) > 72
    for name, text in expected.items():
        assert written[name] == text, name


def test_complaints_event_keeps_a_house_style_file_in_the_house_style(make_repo: Any) -> None:
    """An event added on the command line is written as the editor would write it, so the
    editor's next save of the case changes nothing; every other line is kept."""
    rel, text = next((r, t) for r, t in demo_cases(TODAY) if "type: closed" not in t)
    root = make_repo({rel: text})
    case_id = rel.rsplit("/", 1)[1][: -len(".yaml")]
    ran = complaints(
        root, "event", case_id, "extended", "--date", "2026-11-30", "--by", "cdavies",
        "--set", "working_days=5", "--set", "reason=waiting for the contractor, who is away",
        "--today", "2026-11-30",
    )  # fmt: skip
    assert ran.code == 0, ran.err
    after = (root / rel).read_text("utf-8")
    data, _ = yamlfile.parse(after, rel)
    assert dump_case(data, SCHEMA_REF) == after
    assert after.startswith(text.rstrip("\n").removesuffix("events: []"))
    assert after.endswith(
        "  - date: 2026-11-30\n    type: extended\n    by: cdavies\n    working_days: 5\n"
        "    reason: waiting for the contractor, who is away\n"
    )
