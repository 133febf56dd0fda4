"""The fast validator (per-type dispatch over fastjsonschema) accepts exactly what the schema does.

`jsonschema` over the full case schema is the reference; Hypothesis builds events that are
valid, nearly valid and wrong in each way the schema can reject.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jsonschema
from hypothesis import given, settings
from hypothesis import strategies as st

from putright import validation, vocab, yamlfile
from putright.schemas import schema

REFERENCE = jsonschema.Draft202012Validator(schema("case"))
EXAMPLES = Path(__file__).parent / "examples"

values = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-3, 40),
    st.text(max_size=8),
    st.sampled_from(["2026-03-04", "2026-3-4", "upheld", "over_12_months", "apology", "1", "x-1"]),
    st.lists(
        st.fixed_dictionaries(
            {"type": st.sampled_from(["apology", "financial", "bogus"])},
            optional={"amount_gbp": st.integers(-5, 100), "due": st.just("2026-04-01")},
        ),
        max_size=2,
    ),
)
keys = st.sampled_from(
    [
        "stage",
        "by",
        "note",
        "working_days",
        "reason",
        "outcome",
        "remedies",
        "finding",
        "clock",
        "due",
        "remedy",
        "to",
        "agreed",
        "x-mine",
        "bogus",
        "incident_date",
    ]
)
events = st.builds(
    lambda kind, date, extra: {"date": date, "type": kind, **extra},
    st.sampled_from([*vocab.event_types(), "nonsense"]),
    st.sampled_from(["2026-03-04", "2026-13-01", "yesterday"]),
    st.dictionaries(keys, values, max_size=3),
)


@settings(max_examples=600, deadline=None)
@given(st.lists(events, max_size=3))
def test_fast_validator_agrees_with_the_schema(event_list: list[dict[str, Any]]) -> None:
    case = {"id": "x", "received": "2026-03-02", "events": event_list}
    assert validation.is_valid("case", case) == REFERENCE.is_valid(case)


def test_examples_agree() -> None:
    checked = 0
    for path in sorted(EXAMPLES.glob("*/*.yaml")):
        loaded = yamlfile.load(path.read_bytes(), path.name)  # dates stay text, as in check
        if isinstance(loaded.data, dict):
            assert validation.is_valid("case", loaded.data) == REFERENCE.is_valid(loaded.data), (
                path.name
            )
            checked += 1
    assert checked > 25
