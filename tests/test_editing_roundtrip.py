"""Adding events keeps every byte of a case file: a corpus of differently written files.

Each file in tests/examples/roundtrip/ gets one to three events through the same path as
`complaints event` (in a real case repository, with the repository check), and then:
every original byte is still there in order (only insertions), the file reads back as the old
data plus exactly the new events, and it is valid.
"""

from __future__ import annotations

import datetime as dt
import difflib
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import trust_repo
from putright import validation, yamlfile
from putright.editing.append import NewEvent, add_event
from putright.editing.insert import insert_event
from putright.editing.scalars import render
from putright.errors import EditRefused

CORPUS = Path(__file__).resolve().parent / "examples" / "roundtrip"
TODAY = dt.date(2026, 6, 30)

HOSTILE = [
    'Tenant said: "it\'s {urgent}" # not a comment',
    "two\nlines: and - a dash\n- third",
    "- starts with a dash",
    "ends with a colon:",
    "&anchor *alias !tag %directive @at `tick`",
    "[not, a, list]",
    "key: value, other: {x: 1}",
    "trailing spaces   ",
    "   leading spaces",
    "yes",
    "2026-05-01",
    "Dŵr yn gollwng 💧 — مرحبا — שלום",
    "tab\there and CRLF\r\nhere",
    "",
    "'",
    '"',
    "#",
    "...",
    "---",
]

# Files whose existing text is changed by more than insertions, and how (the `[]` token goes).
TOKEN_REMOVED = {"empty-flow.yaml": "[]"}
# Files where the new event joins an existing line (flow lists), so lines are not all kept whole.
JOINS_A_LINE = {"flow-sequence.yaml", "flow-sequence-multiline.yaml", "empty-flow.yaml"}


def corpus_files() -> list[Path]:
    return sorted(CORPUS.glob("*.yaml"))


def plan(name: str) -> list[dict[str, Any]]:
    """One to three events per file, with hostile text, dated after anything in the corpus."""
    count = 1 + len(name) % 3
    events: list[dict[str, Any]] = [
        {"type": "note", "date": "2026-05-01", "note": HOSTILE[len(name) % len(HOSTILE)]},
        {"type": "update_sent", "date": "2026-05-01", "by": "a.patel", "stage": "1"},
        {
            "type": "contacted",
            "date": "2026-05-04",
            "note": HOSTILE[(len(name) + 3) % len(HOSTILE)],
        },
    ]
    return events[:count]


def only_insertions(old: str, new: str) -> list[tuple[str, str]]:
    """The changes from old to new that are not insertions (should be none)."""
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    return [
        (old[i1:i2], new[j1:j2])
        for tag, i1, i2, j1, j2 in matcher.get_opcodes()
        if tag not in ("equal", "insert")
    ]


def test_the_corpus_is_big_and_varied() -> None:
    files = corpus_files()
    assert len(files) >= 12
    raw = {f.name: f.read_bytes() for f in files}
    assert b"\r\n" in raw["crlf.yaml"] and b"\n" not in raw["crlf.yaml"].replace(b"\r\n", b"")
    assert not raw["no-trailing-newline.yaml"].endswith(b"\n")
    assert raw["bom.yaml"].startswith(b"\xef\xbb\xbf")
    assert b"\t" in raw["tabs-in-comments.yaml"]


@pytest.mark.parametrize("path", corpus_files(), ids=lambda p: p.name)
def test_corpus_file_is_valid_as_it_stands(path: Path) -> None:
    loaded = yamlfile.load(path.read_bytes(), path.name)
    assert loaded.problems == [] and loaded.text is not None
    found = validation.problems("case", loaded.data, loaded.text, path.name)
    if path.name == "null-events.yaml":  # `events:` with nothing: invalid until an event is added
        assert [p.message for p in found] == ["events: expected array, found nothing (empty)"]
    else:
        assert found == []


@pytest.mark.parametrize("path", corpus_files(), ids=lambda p: p.name)
def test_adding_events_keeps_every_byte(path: Path, tmp_path: Path) -> None:
    original = path.read_bytes()
    old_data = yamlfile.load(original, path.name).data
    case_id = old_data["id"]
    root = trust_repo(tmp_path / "repo", {f"cases/2026/{case_id}.yaml": original})
    target = root / "cases" / "2026" / f"{case_id}.yaml"

    added: list[dict[str, Any]] = []
    for spec in plan(path.name):
        request = NewEvent(
            case_id,
            spec["type"],
            spec["date"],
            stage=spec.get("stage"),
            by=spec.get("by"),
            note=spec.get("note"),
        )
        result = add_event(str(root), request, TODAY)
        added.append(result.event)
        assert result.file.rel == f"cases/2026/{case_id}.yaml"

    new = target.read_bytes()
    old_text, new_text = original.decode("utf-8"), new.decode("utf-8")

    # Every byte outside the new events is kept, in order.
    if path.name in TOKEN_REMOVED:
        token = TOKEN_REMOVED[path.name]
        assert only_insertions(old_text.replace(token, "", 1), new_text) == []
    else:
        assert only_insertions(old_text, new_text) == []
    if path.name not in JOINS_A_LINE:
        diff = list(difflib.ndiff(old_text.splitlines(), new_text.splitlines()))
        assert [line for line in diff if line.startswith("- ")] == []

    # The file's own conventions carry on.
    if b"\r\n" in original:
        assert new.count(b"\n") == new.count(b"\r\n")
    assert new.endswith(b"\n") == original.endswith(b"\n")
    assert new.startswith(b"\xef\xbb\xbf") == original.startswith(b"\xef\xbb\xbf")

    # Exactly the old data plus the new events, and valid.
    loaded = yamlfile.load(new, target.name)
    assert loaded.problems == [] and loaded.text is not None
    expected = dict(old_data)
    expected["events"] = [*(old_data["events"] or []), *added]
    assert loaded.data == expected
    assert validation.problems("case", loaded.data, loaded.text, target.name) == []
    for event, spec in zip(added, plan(path.name), strict=True):
        if "note" in spec:
            assert event["note"] == spec["note"]


def test_new_events_follow_the_style_of_the_last_one() -> None:
    flow = (CORPUS / "flow-events.yaml").read_text(encoding="utf-8")
    out = insert_event(flow, {"date": "2026-05-01", "type": "closed"}, "f").text
    assert out.endswith("  - {date: 2026-05-01, type: closed}\n")
    block = (CORPUS / "odd-indentation.yaml").read_text(encoding="utf-8")
    out = insert_event(block, {"date": "2026-05-01", "type": "closed", "by": "x"}, "b").text
    assert "    -   date: 2026-05-01\n        type: closed\n        by: x\nsummary:" in out
    empty = (CORPUS / "empty-flow.yaml").read_text(encoding="utf-8")
    out = insert_event(empty, {"date": "2026-05-01", "type": "closed"}, "e").text
    assert "events:    # nothing yet\n  - {date: 2026-05-01, type: closed}\nsummary:" in out


def test_comment_under_the_last_event_stays_with_it() -> None:
    text = (CORPUS / "comment-under-last-item.yaml").read_text(encoding="utf-8")
    out = insert_event(text, {"date": "2026-05-01", "type": "closed"}, "c").text
    assert "    # the letter went second class\n  - date: 2026-05-01\n    type: closed\n" in out
    assert out.index("# a comment about the list itself") > out.index("type: closed")


# --- values that try to break out of their line --------------------------------------------

_TEXT = st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=60)
_TEMPLATES = [
    "id: x\nreceived: 2026-03-02\nevents:\n  - {date: 2026-03-04, type: acknowledged}\nnotes: after\n",
    "id: x\nreceived: 2026-03-02\nevents:\n  - date: 2026-03-04\n    type: acknowledged\n# end\n",
    "id: x\nreceived: 2026-03-02\nevents: [{date: 2026-03-04, type: acknowledged}]\n",
    "id: x\r\nreceived: 2026-03-02\r\nevents: []\r\n",
]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(note=_TEXT, by=_TEXT, template=st.sampled_from(_TEMPLATES))
def test_any_text_round_trips_exactly(note: str, by: str, template: str) -> None:
    event = {"date": "2026-03-05", "type": "note", "by": by, "note": note}
    out = insert_event(template, event, "t.yaml").text
    loaded = yamlfile.load(out.encode("utf-8"), "t.yaml")
    assert loaded.problems == []
    before = yamlfile.load(template.encode("utf-8"), "t.yaml").data
    assert loaded.data == {**before, "events": [*before["events"], event]}
    assert only_insertions(template.replace(" []", "", 1), out) == []


@given(value=_TEXT)
@settings(max_examples=300, deadline=None)
def test_a_rendered_value_is_one_line(value: str) -> None:
    text = render(value)
    assert not any(ch in text for ch in "\n\r\x85\u2028\u2029")
    assert yamlfile.parse(f"k: {text}\n", "v")[0] == {"k": value}
    assert yamlfile.parse(f"{{k: {text}}}\n", "v")[0] == {"k": value}


def test_rendering_types() -> None:
    assert render(True) == "true"
    assert render(5) == "5"
    assert render(dt.date(2026, 3, 4)) == "2026-03-04"
    assert render("2026-03-04") == "2026-03-04"  # dates are written plain, as people do
    assert render("yes") == "'yes'"  # would otherwise read as true
    assert render("5") == "'5'"


@pytest.mark.parametrize(
    ("before", "after"),
    [
        (  # a whole case on one line stays on one line
            "{id: x, received: 2026-03-02, events: []}",
            "{id: x, received: 2026-03-02, events: [{date: 2026-03-05, type: closed}]}",
        ),
        (
            "{id: x, events: [{date: 2026-03-04, type: note}]}",
            "{id: x, events: [{date: 2026-03-04, type: note}, {date: 2026-03-05, type: closed}]}",
        ),
        (  # an explicit null goes, its comment stays
            "id: x\nevents: ~  # none\nnext: 1",
            "id: x\nevents:   # none\n  - {date: 2026-03-05, type: closed}\nnext: 1",
        ),
        (
            "id: x\nevents:\n  []\nnext: 1\n",
            "id: x\nevents:\n  - {date: 2026-03-05, type: closed}\nnext: 1\n",
        ),
        (  # only the top-level events: is the case's list
            "c:\n  events: []\nevents: [\n]\n",
            "c:\n  events: []\nevents:\n  - {date: 2026-03-05, type: closed}\n",
        ),
        (  # kept blank lines (|+) are part of the note: the new event goes after them
            "events:\n  - date: 2026-03-04\n    note: |+\n      text\n\n",
            "events:\n  - date: 2026-03-04\n    note: |+\n      text\n\n"
            "  - date: 2026-03-05\n    type: closed\n",
        ),
    ],
)
def test_unusual_shapes(before: str, after: str) -> None:
    assert insert_event(before, {"date": "2026-03-05", "type": "closed"}, "f").text == after


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("id: x\nreceived: 2026-03-02\n", "has no events: list"),
        ("- a\n- b\n", "not a mapping"),
        ("id: x\nevents: {a: 1}\n", "events: is not a list"),
        ("id: x\nevents: [\n", "not valid YAML"),
    ],
)
def test_files_that_cannot_take_an_event(text: str, words: str) -> None:
    with pytest.raises(EditRefused, match=words):
        insert_event(text, {"date": "2026-03-05", "type": "closed"}, "f")
