"""A procedure as a table people can read: one row per clock, then stages, rules and notes.

Pure: a Policy in, rows and lines of words out; ``present.policy`` writes them as text,
Markdown or JSON (``complaints policy show``) and the sites put them in their pages.
"""

from __future__ import annotations

from .model import Clock, Policy, Stage

COLUMNS = ("stage", "clock", "starts", "within", "stops", "extension_cap", "source")
HEADINGS = {
    "stage": "stage",
    "clock": "clock",
    "starts": "starts",
    "within": "within",
    "stops": "stops at",
    "extension_cap": "ext. cap",
    "source": "source",
}
SERVICE_REQUESTS = "service requests"


def _starts(clock: Clock) -> str:
    text = " or ".join(s.describe() for s in (clock.start, *clock.also_from))
    if clock.or_due_of:
        text += f" (or when '{clock.or_due_of}' is due)"
    return text


def _within(clock: Clock) -> str:
    text = clock.within.describe()
    if clock.extendable:
        text += " + extensions"
    if clock.warning is not None:
        text += f"; warn {clock.warning.describe()} before"
    return text


def _cap(stage: Stage | None, clock: Clock) -> str:
    if not clock.extendable:
        return ""
    if stage is None or stage.extension_cap is None:
        return "no cap"
    return f"{stage.extension_cap.working_days} working days"


def _stage_cell(stage: Stage) -> str:
    return stage.id if stage.formal else f"{stage.id} (informal)"


def _row(stage: Stage | None, label: str, clock: Clock) -> dict[str, str]:
    return {
        "stage": label,
        "clock": f"{clock.id}: {clock.name}" if clock.name else clock.id,
        "starts": _starts(clock),
        "within": _within(clock),
        "stops": " or ".join(clock.until),
        "extension_cap": _cap(stage, clock),
        "source": clock.cite,
    }


def policy_rows(policy: Policy) -> list[dict[str, str]]:
    """One row per clock, stage by stage, then the service-request clocks; every value a string."""
    rows = [_row(s, _stage_cell(s), c) for s in policy.stages for c in s.clocks]
    rows += [_row(None, SERVICE_REQUESTS, c) for c in policy.service_request_clocks]
    return rows


def stage_lines(policy: Policy) -> list[str]:
    """Each stage in words: its id, name and what it allows."""
    lines = []
    for stage in policy.stages:
        facts = [] if stage.formal else ["informal"]
        if stage.handled_by:
            facts.append(f"handled by {stage.handled_by}")
        if stage.extension_cap is not None:
            facts.append(f"extensions capped at {stage.extension_cap.working_days} working days")
        if stage.escalation_window is not None:
            facts.append(
                f"the complainant may ask for the next stage within "
                f"{stage.escalation_window.within.describe()}"
            )
        if not stage.clocks:
            facts.append("no clocks")
        lines.append(f"{stage.id}  {stage.name}" + (f": {'; '.join(facts)}" if facts else ""))
    return lines


def rule_lines(policy: Policy) -> list[str]:
    """The procedure's rules in words (empty when it states none)."""
    rules = policy.rules
    lines = []

    def code(provision: str | None) -> str:
        return f" (Code {provision})" if provision else ""

    if rules.different_handler:
        stages = ", ".join(rules.different_handler)
        lines.append(
            f"stages {stages} are considered by different people"
            + code(rules.different_handler_provision)
        )
    if rules.refusal_time_limit_months is not None:
        lines.append(
            f"a complaint may be refused as too old only after "
            f"{rules.refusal_time_limit_months} months" + code(rules.refusal_time_limit_provision)
        )
    if rules.escalation_refusal_needs_reason:
        lines.append(
            "a refusal to escalate must give its reasons" + code(rules.escalation_refusal_provision)
        )
    return lines
