"""Small value types the report is made of: a rate per 1,000 homes, a share, a count table."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal


def one_decimal(value: float | Decimal) -> float:
    """Round half up to one decimal place (12.25 -> 12.3), as published figures are read.

    Python's round() rounds half to even and works on binary floats, so 12.25 could become 12.2;
    Decimal keeps the rule people expect.
    """
    return float(Decimal(str(value)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


@dataclass(frozen=True, slots=True)
class PerThousand:
    """A count per 1,000 homes (TSM CH01); ``value`` is None when the homes are not known."""

    count: int
    homes: int | None

    @property
    def value(self) -> float | None:
        if not self.homes:
            return None
        return one_decimal(Decimal(self.count) * 1000 / Decimal(self.homes))

    def to_json(self) -> dict[str, object]:
        return {"count": self.count, "homes": self.homes, "per_1000": self.value}


@dataclass(frozen=True, slots=True)
class Share:
    """``part`` of ``whole`` as a percentage to one decimal (None when the whole is 0)."""

    part: int
    whole: int

    @property
    def percent(self) -> float | None:
        if self.whole == 0:
            return None
        return one_decimal(Decimal(self.part) * 100 / Decimal(self.whole))

    def to_json(self) -> dict[str, object]:
        return {"part": self.part, "whole": self.whole, "percent": self.percent}

    def __add__(self, other: Share) -> Share:
        return Share(self.part + other.part, self.whole + other.whole)


@dataclass(frozen=True, slots=True)
class Table:
    """Counts by label, in a fixed order, with their total (one group for suppression).

    Every row of a table counts the same population (so the rows add up to the total).
    """

    key: str
    title: str
    label_header: str
    rows: tuple[tuple[str, int], ...]

    @property
    def total(self) -> int:
        return sum(count for _, count in self.rows)

    def count(self, label: str) -> int:
        return next((n for name, n in self.rows if name == label), 0)

    def to_json(self) -> dict[str, object]:
        return {"title": self.title, "rows": dict(self.rows), "total": self.total}


def table(
    key: str,
    title: str,
    label_header: str,
    values: Iterable[str | None],
    order: Iterable[str] = (),
    *,
    missing: str = "not recorded",
    keep_zero: bool = True,
) -> Table:
    """Count ``values`` into a Table: labels in ``order`` first (zeros kept), then the rest."""
    counts: dict[str, int] = {}
    for value in values:
        label = missing if value is None else value
        counts[label] = counts.get(label, 0) + 1
    return table_of(key, title, label_header, counts, order, keep_zero=keep_zero)


def table_of(
    key: str,
    title: str,
    label_header: str,
    counts: Mapping[str, int],
    order: Iterable[str] = (),
    *,
    keep_zero: bool = True,
) -> Table:
    rows: list[tuple[str, int]] = []
    seen: set[str] = set()
    for label in order:
        if label in seen:
            continue
        seen.add(label)
        if keep_zero or counts.get(label, 0):
            rows.append((label, counts.get(label, 0)))
    rows += sorted(((k, v) for k, v in counts.items() if k not in seen), key=lambda kv: kv[0])
    return Table(key, title, label_header, tuple(rows))
