"""What each letter must say, as data: the Code's items, with the provision that asks for each.

A response must confirm the stage, the complaint definition, the decision, the reasons, any
remedy, outstanding actions and how to escalate (Code 6.9 at stage 1; 6.19 at stage 2, where
escalation is to the Housing Ombudsman). An extension gives the new date, the reason and the
Ombudsman's details (6.5 at stage 1, 6.16 at stage 2). A refusal gives the reason and the
right to take the decision to the Ombudsman (2.4; 5.11 for a refused escalation).
"""

from __future__ import annotations

from dataclasses import dataclass

# The kinds of letter and the event each one goes with (`update` may go without one).
KIND_EVENTS: dict[str, str] = {
    "acknowledgement": "acknowledged",
    "extension": "extended",
    "response": "responded",
    "refusal": "refused",
    "escalation_refusal": "escalation_refused",
    "update": "update_sent",
}
KINDS: tuple[str, ...] = tuple(KIND_EVENTS)


@dataclass(frozen=True, slots=True)
class Item:
    key: str
    label: str  # what the letter must state, in words an officer reads in a refusal
    provision: str

    def describe(self) -> str:
        return f"{self.label} (Code {self.provision})"


def _response(provision: str, escalate: str) -> tuple[Item, ...]:
    return (
        Item("stage", "the complaint stage", f"{provision}(a)"),
        Item("definition", "the complaint definition", f"{provision}(b)"),
        Item("decision", "the decision on each point (points:)", f"{provision}(c)"),
        Item("reasons", "the reasons for each decision (points: reasons)", f"{provision}(d)"),
        Item("remedy", "details of any remedy offered", f"{provision}(e)"),
        Item("actions", "outstanding actions, each with its date", f"{provision}(f)"),
        Item("escalation", escalate, f"{provision}(g)"),
    )


RESPONSE_STAGE_1 = _response("6.9", "how to escalate to the next stage")
RESPONSE_FINAL = _response("6.19", "how to escalate to the Housing Ombudsman, with its details")


def required_items(kind: str, final: bool) -> tuple[Item, ...]:
    """The items a letter of ``kind`` must state; ``final``: the procedure's last stage."""
    if kind == "response":
        return RESPONSE_FINAL if final else RESPONSE_STAGE_1
    if kind == "extension":
        provision = "6.16" if final else "6.5"
        return (
            Item("new_date", "the new date for the response", provision),
            Item("reason", "the reason for the extension", provision),
            Item("ombudsman", "the Housing Ombudsman's contact details", provision),
        )
    if kind == "refusal":
        return (
            Item("reason", "why the complaint is not accepted", "2.4"),
            Item("ombudsman", "the right to take the decision to the Housing Ombudsman", "2.4"),
        )
    if kind == "escalation_refusal":
        return (
            Item("reason", "the reason escalation is refused", "5.11"),
            Item("ombudsman", "the right to take the decision to the Housing Ombudsman", "2.4"),
        )
    if kind == "acknowledgement":
        return (
            Item("stage", "the complaint stage", "5.6"),
            Item("definition", "the complaint definition", "5.6"),
            Item("response_due", "when the response is due", "6.14" if final else "6.3"),
        )
    return (Item("stage", "the complaint stage", "5.9"),)
