"""The procedures in force, as rows a page shows (one table per procedure)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ..policy.model import Policy
from ..policy.table import COLUMNS, policy_rows


@dataclass(frozen=True, slots=True)
class PolicyTable:
    policy: Policy
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    caps: tuple[str, ...]  # extension caps and rules, as sentences


def _rows(policy: Policy) -> tuple[tuple[str, ...], tuple[tuple[str, ...], ...]]:
    """``policy.table.policy_rows``, so the site and `complaints policy show` print one table."""
    header = tuple(c.replace("_", " ").capitalize() for c in COLUMNS)
    return header, tuple(
        tuple(row.get(c, "") or "" for c in COLUMNS) for row in policy_rows(policy)
    )


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
        header, rows = _rows(policy)
        tables.append(PolicyTable(policy, header, rows, _caps(policy)))
    return tables
