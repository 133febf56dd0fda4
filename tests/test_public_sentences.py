"""Sentences go through suppression too: the brute force, extended to what the self-assessment
says beside each table.

"Stage 1 complaints arrived by N different channel(s)" was written from the unsuppressed
table: with the published cells and the total, N told which hidden counts were not zero, and
recovered every hidden count as 1. The brute force here enumerates every table, publishes it
*with its sentence*, and groups tables that publish the same thing (cells, total and words): a
hidden count is recovered if it takes one value in its group. The old sentence is caught; the
published one is not.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Callable, Hashable

import pytest

from putright.annual.figures import Table
from putright.annual.public_assessment import WOULD_REVEAL, cells_published, channel_sentence
from putright.annual.published import PublishedTable, publish_table
from putright.annual.selfassess import Evidence, Measure, evidence_lines

Sentence = Callable[[PublishedTable, tuple[int, ...], int], Hashable]


def pinned(
    sentence: Sentence, cells: int, min_cell: int, top: int, labels: tuple[str, ...]
) -> list[tuple[tuple[int, ...], int]]:
    """Every (table, hidden position) whose count is pinned by what is published with ``sentence``."""
    groups: dict[Hashable, list[tuple[int, ...]]] = defaultdict(list)
    shown_of: dict[Hashable, tuple[int | None, ...]] = {}
    for values in itertools.product(range(top + 1), repeat=cells):
        table = publish_table(
            Table("t", "T", "Label", tuple(zip(labels, values, strict=True))), min_cell
        )
        shown = tuple(r.count for r in table.rows)
        key = (sum(values), shown, table.total, sentence(table, values, min_cell))
        groups[key].append(values)
        shown_of[key] = shown
    found = []
    for key, tables in groups.items():
        if key[0] > top:
            continue  # not every table with this total was enumerated
        for i, v in enumerate(shown_of[key]):
            if v is None and len({t[i] for t in tables}) < 2:
                found.append((tables[0], i))
    return found


def old_channel_sentence(_table: PublishedTable, values: tuple[int, ...], _min: int) -> str:
    used = sum(1 for n in values if n)
    return f"Stage 1 complaints arrived by {used} different channel(s) in the year."


def new_channel_sentence(table: PublishedTable, _values: tuple[int, ...], _min: int) -> str:
    return channel_sentence(table)


CHANNELS = ("phone", "email", "letter", "in_person")


def test_the_brute_force_catches_the_old_channel_sentence() -> None:
    assert pinned(old_channel_sentence, 3, 5, 9, CHANNELS[:3])


@pytest.mark.parametrize("cells,min_cell,top", [(2, 3, 8), (3, 3, 8), (3, 5, 11), (4, 5, 8)])
def test_no_hidden_channel_count_is_recovered_with_the_sentence(
    cells: int, min_cell: int, top: int
) -> None:
    assert pinned(new_channel_sentence, cells, min_cell, top, CHANNELS[:cells]) == []


EXTENSIONS = ("none", "within the Code's cap", "beyond the Code's cap")


def extension_lines_unchecked(
    table: PublishedTable, values: tuple[int, ...], min_cell: int
) -> tuple[str, ...]:
    _none, within, beyond = values
    measure = Measure(
        "stage 1 responses sent after an extension",
        "kept it",
        "went beyond",
        within + beyond,
        beyond,
    )
    return tuple(evidence_lines(Evidence((measure,)), min_cell))


def extension_lines(
    table: PublishedTable, values: tuple[int, ...], min_cell: int
) -> tuple[str, ...]:
    # As public_assessment states the measure: only when the cells it gives away are published.
    if not cells_published(table, EXTENSIONS[1:]):
        return (WOULD_REVEAL,)
    return extension_lines_unchecked(table, values, min_cell)


def test_the_brute_force_catches_a_measure_that_states_hidden_cells() -> None:
    assert pinned(extension_lines_unchecked, 3, 5, 14, EXTENSIONS)


@pytest.mark.parametrize("min_cell,top", [(3, 10), (5, 14)])
def test_no_hidden_extension_count_is_recovered_with_its_measure(min_cell: int, top: int) -> None:
    assert pinned(extension_lines, 3, min_cell, top, EXTENSIONS) == []
