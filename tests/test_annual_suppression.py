"""Small-number suppression: no hidden count can be worked out from what is published.

The reader knows every published count, the group's total, and the rule itself. The brute
force enumerates every table with the same total, applies the rule to each, and groups tables
that publish the same thing: a hidden count is recovered if it takes one value in its group.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from known_repo import write_known_repo
from putright.annual.collect import collect_facts
from putright.annual.figures import Share, Table
from putright.annual.model import Money
from putright.annual.published import (
    OTHER_CATEGORIES,
    public_categories,
    publish,
    publish_rate,
    publish_table,
)
from putright.annual.report import annual_report
from putright.annual.suppress import recovered, suppress
from putright.annual.tsm import Homes
from putright.repository import Repository

Rule = Callable[[Sequence[int], int], tuple[int | None, ...]]


def recoverable_tables(
    rule: Rule, cells: int, min_cell: int, top: int
) -> list[tuple[tuple[int, ...], int]]:
    """Every (table, position) whose hidden count is pinned, over all tables of ``cells`` counts
    from 0 to ``top`` (a group of tables sharing a total is complete when the total <= top)."""
    groups: dict[tuple[int, tuple[int | None, ...]], list[tuple[int, ...]]] = defaultdict(list)
    for values in itertools.product(range(top + 1), repeat=cells):
        groups[(sum(values), rule(values, min_cell))].append(values)
    pinned = []
    for (total, shown), tables in groups.items():
        if total > top:
            continue  # not every table with this total was enumerated
        for i, v in enumerate(shown):
            if v is None and len({t[i] for t in tables}) < 2:
                pinned.append((tables[0], i))
    return pinned


@pytest.mark.parametrize(
    ("cells", "min_cell", "top"),
    [
        (2, 3, 20),
        (2, 5, 25),
        (2, 10, 30),
        (3, 3, 16),
        (3, 5, 18),
        (3, 10, 24),
        (4, 3, 10),
        (4, 5, 12),
        (5, 5, 9),
    ],
)
def test_no_hidden_count_is_recoverable(cells: int, min_cell: int, top: int) -> None:
    assert recoverable_tables(suppress, cells, min_cell, top) == []


def naive(values: Sequence[int], min_cell: int) -> tuple[int | None, ...]:
    """Hide small counts and, if only one, the next smallest: the textbook rule."""
    small = [i for i, v in enumerate(values) if 0 < v < min_cell]
    hidden = set(small)
    if len(small) == 1:
        rest = sorted((v, i) for i, v in enumerate(values) if i not in hidden and v > 0)
        if rest:
            hidden.add(rest[0][1])
    return tuple(None if i in hidden else v for i, v in enumerate(values))


def test_the_brute_force_catches_an_unsound_rule() -> None:
    # The textbook rule leaks: (0, 0, 3) publishes (0, 0, *) with total 3, so the hidden count
    # is 3. The same brute force over the same tables finds nothing under our rule.
    pinned = recoverable_tables(naive, 3, 5, 20)
    assert ((0, 0, 3), 2) in pinned
    assert recoverable_tables(suppress, 3, 5, 20) == []
    assert recovered((0, 0, 3), 5) == set()


def test_rule_examples() -> None:
    assert suppress([12, 7, 30], 5) == (12, 7, 30)  # nothing small
    assert suppress([12, 0, 30], 5) == (12, 0, 30)  # zero may show
    assert suppress([3, 0, 30], 5) == (None, None, 30)  # the zone, zero included
    assert suppress([3, 9, 30], 5) == (None, None, 30)  # one small count: the smallest other too
    assert suppress([3, 9, 9, 30], 5) == (None, None, None, 30)  # ...with any tie
    assert suppress([4, 4, 30], 5) == (None, None, None)  # zone at its most: secondary too
    assert suppress([7], 5) == (7,)  # a single row is the total


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.integers(min_value=0, max_value=40), min_size=2, max_size=9),
    st.sampled_from([3, 5, 10]),
)
def test_published_tables_cannot_be_undone(values: list[int], min_cell: int) -> None:
    try:
        pinned = recovered(values, min_cell, limit=200_000)
    except ValueError:
        assume(False)
        return
    assert pinned == set(), (values, suppress(values, min_cell))


def test_every_table_of_a_real_report(tmp_path: Path) -> None:
    repo = Repository.open(str(write_known_repo(tmp_path / "repo")))
    facts = collect_facts(repo, dt.date(2026, 6, 30))
    report = annual_report(
        facts.facts, repo.settings, 2025, Homes(1000, 100), today=dt.date(2026, 6, 30)
    )
    # The one list of tables every format shows, with nothing hidden (min_cell 1) ...
    staff = publish(report, 1, audience="staff")
    hidden = 0
    for whole in staff.tables:
        rows = tuple((r.label, r.count) for r in whole.rows if r.count is not None)
        assert len(rows) == len(whole.rows), whole.title
        values = [n for _, n in rows]
        # ... each published at 5, as the public site publishes it.
        table = Table(whole.key, whole.title, whole.label_header, rows)
        shown = publish_table(table, 5)
        hidden += sum(1 for r in shown.rows if r.count is None)
        assert all(r.count is None or r.count == 0 or r.count >= 5 for r in shown.rows)
        assert recovered(values, 5) == set(), table.title
    assert hidden > 0  # the known repository is small: something must have been hidden


def test_public_report_hides_small_standalone_figures(tmp_path: Path) -> None:
    repo = Repository.open(str(write_known_repo(tmp_path / "repo")))
    facts = collect_facts(repo, dt.date(2026, 6, 30))
    report = annual_report(
        facts.facts, repo.settings, 2025, Homes(1000, 100), today=dt.date(2026, 6, 30)
    )
    public = publish(report, 5, audience="public")
    assert public.counts["withdrawn"] is None  # 2 withdrawals
    assert public.counts["escalations_refused"] is None
    # Stage 2 acknowledgement: 2 complaints, too few for a percentage.
    assert (
        public.acknowledged_on_time["2"].withheld
        and public.acknowledged_on_time["2"].percent is None
    )
    # Stage 1 acknowledgement: 12 of 13 on time; 92.3% would give away the one late case.
    assert public.acknowledged_on_time["1"].withheld
    assert publish(report, 1, audience="staff").acknowledged_on_time["1"].percent == 92.3
    # TSMs are published whatever their size (the Regulator requires them).
    assert public.tsm.ch02["2"].percent == 100.0
    internal = publish(report, 1, audience="staff")
    assert internal.counts["withdrawn"] == 2


def test_rates_and_money() -> None:
    assert publish_rate(Share(3, 4), 5).withheld
    assert publish_rate(Share(4, 5), 5).withheld  # 80% of 5: the one other case would show
    assert publish_rate(Share(5, 5), 5).percent == 100.0
    assert publish_rate(Share(5, 10), 5).percent == 50.0
    assert publish_rate(Share(0, 7), 5).percent == 0.0
    assert (
        publish_rate(Share(0, 0), 5).percent is None and not publish_rate(Share(0, 0), 5).withheld
    )
    from putright.annual.published import publish_money

    assert publish_money(Money(2, 350.0), 5).amount is None
    assert publish_money(Money(6, 900.0), 5).amount == 900.0


def test_category_labels_from_records_are_not_published_when_rare() -> None:
    table = Table(
        "categories", "t", "Category", (("repairs", 9), ("Mrs Jones's boiler", 1), ("damp", 6))
    )
    # No list in complaints.yml: a rare label is merged into "other categories".
    merged = public_categories(table, (), 5)
    assert [label for label, _ in merged.rows] == ["repairs", OTHER_CATEGORIES, "damp"]
    # With a list, anything off it goes to "other" (when the list has it).
    listed = public_categories(table, ("repairs", "damp", "other"), 5)
    assert dict(listed.rows) == {"repairs": 9, "other": 1, "damp": 6}


def test_settings_min_cell_is_used(tmp_path: Path) -> None:
    repo = Repository.open(str(write_known_repo(tmp_path / "repo")))
    facts = collect_facts(repo, dt.date(2026, 6, 30))
    settings = dataclasses.replace(repo.settings, min_cell=3)
    report = annual_report(
        facts.facts, settings, 2025, Homes(1000, 100), today=dt.date(2026, 6, 30)
    )
    public = publish(report, settings.min_cell, audience="public")
    assert public.min_cell == 3
    assert public.acknowledged_on_time["2"].withheld is True  # 2 < 3


def test_a_common_label_that_reads_like_free_text_is_not_published() -> None:
    # Five complaints typed the same sentence into `category`: common, but not a category.
    table = Table(
        "categories", "t", "Category", (("Mr Smith at 4 Example Road", 5), ("damp_and_mould", 5))
    )
    merged = public_categories(table, (), 5)
    assert dict(merged.rows) == {OTHER_CATEGORIES: 5, "damp_and_mould": 5}
