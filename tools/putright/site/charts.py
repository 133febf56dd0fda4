"""Static SVG charts (matplotlib, no JavaScript, no external resources) with their numbers.

Every chart carries its alt text and the table of the numbers it draws, so a page shows the
picture and, beside it, the same figures as a Markdown table (for screen readers, for
copying, and for anyone who reads numbers better than bars).

Output is deterministic (fixed hash salt, no date in the metadata, text kept as text), so
rebuilding an unchanged repository changes no file. One figure is reused and cleared for
every chart: creating figures is most of matplotlib's cost. The figure is built without
pyplot, so no GUI backend or global figure manager is involved (and nothing leaks).
"""

from __future__ import annotations

import io
import threading
from collections.abc import Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Any

import matplotlib
from matplotlib.figure import Figure

from ..textsafe import md_inline

_RC: dict[str, Any] = {
    "svg.fonttype": "none",  # text stays text: smaller, searchable, no embedded glyph paths
    "svg.hashsalt": "putright",  # stable clip-path ids between builds
    # Labels come from records: plain text, never mathtext ("$\\undefinedmacro$" crashed the
    # build) or TeX.
    "text.parse_math": False,
    "text.usetex": False,
    "font.family": "sans-serif",
    "font.size": 10,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "axes.axisbelow": True,
    "grid.alpha": 0.3,
}
# Colour-blind-safe (Okabe-Ito), fixed order so a series keeps its colour across charts.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")
_SIZE = (7.0, 3.2)


def _style() -> AbstractContextManager[None]:
    # matplotlib types rc keys as a Literal of every known name; ours are all real keys.
    return matplotlib.rc_context(_RC)  # type: ignore[arg-type]


_lock = threading.Lock()  # the shared figure is not safe to draw on from two threads
_figure: Any = None


@dataclass(frozen=True, slots=True)
class Chart:
    """An SVG picture, its alt text and the numbers it shows (header row + rows)."""

    title: str
    svg: str
    alt: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]

    def table_markdown(self) -> str:
        """The numbers as a Markdown table; every cell escaped (labels may come from records)."""
        lines = [
            "| " + " | ".join(md_inline(h) for h in self.header) + " |",
            "|" + "|".join(" --- " if i == 0 else " ---: " for i in range(len(self.header))) + "|",
        ]
        lines += ["| " + " | ".join(md_inline(c) for c in row) + " |" for row in self.rows]
        return "\n".join(lines)


def _fmt(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"


def _table(
    labels: Sequence[str], series: dict[str, list[float]], label_header: str
) -> tuple[tuple[str, ...], tuple[tuple[str, ...], ...]]:
    header = (label_header, *series)
    rows = tuple(
        (str(label), *(_fmt(values[i]) for values in series.values()))
        for i, label in enumerate(labels)
    )
    return header, rows


def _axes() -> Any:
    global _figure
    if _figure is None:
        with _style():
            _figure = Figure(figsize=_SIZE)
    _figure.clear()
    return _figure.add_subplot(1, 1, 1)


def _render(ax: Any, title: str, ylabel: str, legend: bool) -> str:
    ax.set_title(title, loc="left", fontsize=11)
    if ylabel:
        ax.set_ylabel(ylabel)
    if legend:
        ax.legend(frameon=False, fontsize=8, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    _figure.tight_layout()
    buffer = io.StringIO()
    _figure.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    return buffer.getvalue()


def _xticks(ax: Any, labels: Sequence[str]) -> None:
    ax.set_xticks(range(len(labels)))
    ax.set_xticklabels(
        labels,
        rotation=45 if len(labels) > 6 else 0,
        ha="right" if len(labels) > 6 else "center",
        fontsize=8,
    )


def bar_chart(
    title: str,
    labels: Sequence[str],
    series: dict[str, list[float]],
    alt: str,
    *,
    ylabel: str = "",
    label_header: str = "",
    stacked: bool = False,
) -> Chart:
    """Grouped (or stacked) bars: one group per label, one bar per series."""
    header, rows = _table(labels, series, label_header or "Label")
    with _lock, _style():
        ax = _axes()
        count = max(len(series), 1)
        width = 0.8 if stacked else 0.8 / count
        bottom = [0.0] * len(labels)
        for n, (name, values) in enumerate(series.items()):
            if stacked:
                xs = [float(i) for i in range(len(labels))]
                ax.bar(
                    xs, values, width, bottom=bottom, label=name, color=PALETTE[n % len(PALETTE)]
                )
                bottom = [b + v for b, v in zip(bottom, values, strict=True)]
            else:
                xs = [i - 0.4 + width * (n + 0.5) for i in range(len(labels))]
                ax.bar(xs, values, width, label=name, color=PALETTE[n % len(PALETTE)])
        _xticks(ax, labels)
        ax.grid(axis="x", visible=False)
        svg = _render(ax, title, ylabel, legend=len(series) > 1)
    return Chart(title, svg, alt, header, rows)


def line_chart(
    title: str,
    labels: Sequence[str],
    series: dict[str, list[float | None]],
    alt: str,
    *,
    ylabel: str = "",
    label_header: str = "",
    percent: bool = False,
) -> Chart:
    """One line per series over the labels (months); None leaves a gap (no data that month)."""
    cells = {
        name: [float("nan") if v is None else v for v in values] for name, values in series.items()
    }
    header = (label_header or "Label", *series)
    rows = tuple(
        (str(label), *("–" if values[i] is None else _fmt(values[i]) for values in series.values()))  # type: ignore[arg-type]
        for i, label in enumerate(labels)
    )
    with _lock, _style():
        ax = _axes()
        for n, (name, values) in enumerate(cells.items()):
            ax.plot(
                range(len(labels)),
                values,
                marker="o",
                markersize=3,
                label=name,
                color=PALETTE[n % len(PALETTE)],
            )
        _xticks(ax, labels)
        if percent:
            ax.set_ylim(0, 105)
        svg = _render(ax, title, ylabel, legend=len(series) > 1)
    return Chart(title, svg, alt, header, rows)


def close() -> None:
    """Release the shared figure (tests, long-lived processes)."""
    global _figure
    with _lock:
        _figure = None
