"""The procedures in force, as rows a page shows (one table per procedure)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ..policy.model import Clock, Policy

HEADER = ("Stage", "Clock", "Starts", "Within", "Stopped by", "Extendable", "Source")


@dataclass(frozen=True, slots=True)
class PolicyTable:
    policy: Policy
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    caps: tuple[str, ...]  # extension caps and rules, as sentences


def _clock_row(stage: str, clock: Clock) -> tuple[str, ...]:
    start = clock.start.describe()
    if clock.or_due_of:
        start += f" (or when {clock.or_due_of} was due)"
    return (
        stage,
        clock.name,
        start,
        clock.within.describe(),
        ", ".join(clock.until),
        "yes" if clock.extendable else "no",
        clock.cite,
    )


def own_rows(policy: Policy) -> tuple[tuple[str, ...], tuple[tuple[str, ...], ...]]:
    rows = [
        _clock_row(stage.name or stage.id, clock)
        for stage in policy.stages
        for clock in stage.clocks
    ]
    rows += [_clock_row("Service requests", clock) for clock in policy.service_request_clocks]
    return HEADER, tuple(rows)


def _shared_rows(policy: Policy) -> tuple[tuple[str, ...], tuple[tuple[str, ...], ...]] | None:
    """``putright.policy.table.policy_rows`` when it exists, so the site and `complaints policy
    show` print the same table; None (use our own rows) when it is missing or its shape is
    not one we know."""
    try:
        from ..policy.table import policy_rows  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        return None
    rows: Any = policy_rows(policy)
    if not rows:
        return None
    first = rows[0]
    if isinstance(first, Mapping):
        header = tuple(str(k).replace("_", " ").capitalize() for k in first)
        return header, tuple(tuple(str(r.get(k, "") or "") for k in first) for r in rows)
    if isinstance(first, Sequence) and not isinstance(first, str):
        header = tuple(str(c) for c in first)
        return header, tuple(tuple(str(c) for c in r) for r in rows[1:])
    return None


def _caps(policy: Policy) -> tuple[str, ...]:
    out: list[str] = []
    for stage in policy.stages:
        if stage.extension_cap:
            cap = stage.extension_cap
            out.append(
                f"{stage.name}: extensions up to {cap.working_days} working days in all. {cap.cite}".strip()
            )
        if stage.escalation_window:
            window = stage.escalation_window
            out.append(
                f"{stage.name}: the complainant may ask for the next stage within {window.within.describe()}. {window.cite}".strip()
            )
    rules = policy.rules
    if rules.different_handler:
        out.append(
            f"Stages {' and '.join(rules.different_handler)} must be handled by different people."
        )
    if rules.refusal_time_limit_months:
        out.append(
            f"A complaint may be refused as too old only if the matter is over {rules.refusal_time_limit_months} months old."
        )
    if rules.escalation_refusal_needs_reason:
        out.append("Refusing to escalate needs a recorded reason.")
    out.append(f"Due soon: {policy.warning.describe()} or less before the due date.")
    return tuple(out)


def policy_tables(policies: Mapping[str, Policy]) -> list[PolicyTable]:
    tables = []
    for policy_id in sorted(policies):
        policy = policies[policy_id]
        header, rows = _shared_rows(policy) or own_rows(policy)
        tables.append(PolicyTable(policy, header, rows, _caps(policy)))
    return tables
