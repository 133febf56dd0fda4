"""The evidence pack tests' cases: the case the pack is for, and its complainant's name beside
another case's, which must never reach the pack."""

from __future__ import annotations

OTHER_NAME = "Zebedee Quartermaine"  # the other case's complainant: never in the pack
OWN_NAME = "Alice Example"


def case_text(case_id: str, *events: str, name: str = OWN_NAME) -> str:
    lines = [
        f"id: {case_id}",
        "received: 2026-03-02",
        "channel: email",
        f"complainant: {{name: {name}}}",
        "definition: The <kitchen> & the damp.",
        "events:" if events else "events: []",
        *(f"  - {e}" for e in events),
    ]
    return "\n".join(lines) + "\n"
