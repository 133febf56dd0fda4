"""Small-number suppression for published tables, sound against subtraction from the total.

The threat: a reader who knows every published count, the group's total (assume it is always
known: CH01 publishes the number of complaints, for one), and this rule exactly. A hidden count
is *recovered* if only one value is consistent with all of that. The rule, per group of counts
that add up to one total (a table's rows):

1. Nothing below ``min_cell`` but zeros: publish everything (zero may show).
2. Otherwise hide every count below ``min_cell`` in the group, zeros too: the *zone*. Showing
   the zeros would tell the reader where the small counts are not.
3. The zone alone is enough when it has at least two counts and their sum is at least 2 short
   of the most it could be (every count ``min_cell - 1``): then any hidden count can move by one
   to or from another without changing what is published (moving keeps every count in the zone
   and keeps the sum, so the rule makes the same choice).
4. Otherwise (one small count alone, or small counts all at or next to ``min_cell - 1``) also
   hide the smallest published count: secondary suppression, together with any count equal to
   it (a tie left visible would bound the hidden one from above, pinning it).

Step 3 is a proof; step 4 is checked by brute force: ``recovered`` enumerates every table
with the same published cells and total, applies this rule to each, and reports any hidden
count that takes a single value (tests/test_annual_suppression.py runs it over every table
of up to five cells in a range of values, for ``min_cell`` from 3 to 10). With ``min_cell`` 2
nothing can protect a group like (1, 1) with its total known; use 3 or more (the default is 5).

Tables are published one dimension at a time (no cross-tabulation), so every hidden count
belongs to exactly one group and the groups cannot be differenced against each other.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

SLACK = 2  # step 3: how far below "all at min_cell - 1" the zone must be


def suppress(values: Sequence[int], min_cell: int) -> tuple[int | None, ...]:
    """``values`` with hidden counts replaced by None (see the module's rule)."""
    if min_cell <= 1 or len(values) <= 1:
        return tuple(values)  # a single row is its table's total: nothing to hide it among
    zone = [i for i, v in enumerate(values) if v < min_cell]
    if not any(values[i] > 0 for i in zone):
        return tuple(values)
    hidden = set(zone)
    headroom = len(zone) * (min_cell - 1) - sum(values[i] for i in zone)
    if len(zone) < 2 or headroom < SLACK:
        outside = [values[i] for i in range(len(values)) if i not in hidden]
        if outside:
            smallest = min(outside)
            hidden |= {i for i, v in enumerate(values) if i not in hidden and v == smallest}
    return tuple(None if i in hidden else v for i, v in enumerate(values))


def safe_percent(part: int, whole: int, min_cell: int) -> bool:
    """May ``part`` of ``whole`` be published as a percentage?

    Not when the whole is a small number, and not when the part or the rest is a small count
    other than zero: "87.5% of 8" tells the reader that exactly 1 case went the other way.
    """

    def small(count: int) -> bool:
        return 0 < count < min_cell

    return whole >= min_cell and not small(part) and not small(whole - part)


def safe_amount(payments: int, min_cell: int) -> bool:
    """May a sum of money be published? Not when it adds up fewer than min_cell payments."""
    return payments == 0 or payments >= min_cell


# --- the brute-force check (tests use it; so can anyone who doubts a published table) --------


def recovered(values: Sequence[int], min_cell: int, *, limit: int = 2_000_000) -> set[int]:
    """Hidden positions whose value a reader could work out from what is published.

    A hidden count is safe once another table is found that keeps the published counts and the
    total, differs at that position, and publishes exactly the same thing under this rule. Moving
    one or two units between hidden positions finds one almost always; any position still
    without one is settled by enumerating every split of the hidden total (which raises
    ValueError past ``limit`` candidates rather than answer without being exhaustive).
    """
    published = suppress(values, min_cell)
    hidden = [i for i, v in enumerate(published) if v is None]
    if not hidden:
        return set()
    unsettled = set(hidden)
    for i, j in itertools.permutations(hidden, 2):
        if not unsettled:
            break
        if i not in unsettled and j not in unsettled:
            continue
        for step in (1, 2):
            if values[i] < step:
                continue
            candidate = list(values)
            candidate[i] -= step
            candidate[j] += step
            if suppress(candidate, min_cell) == published:
                unsettled -= {i, j}
                break
    if not unsettled:
        return set()
    total = sum(values[i] for i in hidden)
    seen: dict[int, set[int]] = {i: set() for i in hidden}
    for count, split in enumerate(_compositions(total, len(hidden))):
        if count >= limit:
            raise ValueError(f"more than {limit} tables to try: not exhaustive")
        candidate = list(values)
        for i, v in zip(hidden, split, strict=True):
            candidate[i] = v
        if suppress(candidate, min_cell) == published:
            for i, v in zip(hidden, split, strict=True):
                seen[i].add(v)
    return {i for i in unsettled if len(seen[i]) < 2}


def _compositions(total: int, parts: int) -> itertools.chain[tuple[int, ...]]:
    """Every way to write ``total`` as ``parts`` non-negative integers, in order."""

    def walk(remaining: int, slots: int) -> itertools.chain[tuple[int, ...]]:
        if slots == 1:
            return itertools.chain(((remaining,),))
        return itertools.chain.from_iterable(
            ((first, *rest) for rest in walk(remaining - first, slots - 1))
            for first in range(remaining + 1)
        )

    return walk(total, parts)
