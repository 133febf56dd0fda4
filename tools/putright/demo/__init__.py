"""Fictional case records: the shipped demo set and large synthetic sets for benchmarks.

Everything here is pure and deterministic: a seeded ``random.Random`` per call, ``today``
passed in, no global state, no files written. The YAML is written as text, not dumped, so a
demo file looks like one a complaints officer typed: flow-style one-line events, block style
for a response with remedies, strings quoted only where YAML would misread them.

A case is planned as a whole life (acknowledgement, response, escalation, closure...) and then
cut at ``today``: whatever would happen later is not yet known, which is what makes recent
cases open. Cases whose state as of ``today`` matters to the demo (overdue, due soon, the
Code warnings) are placed relative to ``today`` so they stay that way for any ``today``.

The package: ``words`` (the tables the dice draw from), ``life`` (the draft case and the
case-life simulator, with the ordinary lives), ``scenarios`` and ``reporting`` (the lives the
demo needs, one function each), and ``writer`` (every scenario once, cut at today, written
through ``putright.housestyle.dump_case``).
"""

from __future__ import annotations

from .life import CATEGORIES, DEMO_CLOSURES, DEMO_POLICIES, DEMO_SEED, demo_calendar, reporting_span
from .writer import MIN_DEMO_COUNT, demo_cases, synthetic_cases

__all__ = [
    "CATEGORIES",
    "DEMO_CLOSURES",
    "DEMO_POLICIES",
    "DEMO_SEED",
    "MIN_DEMO_COUNT",
    "demo_calendar",
    "demo_cases",
    "reporting_span",
    "synthetic_cases",
]
