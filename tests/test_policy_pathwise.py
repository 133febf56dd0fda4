"""`policy check` held to a brute force: every acknowledgement day a generated procedure allows.

The rule (issue 10): a procedure breaks a Code timescale when any due date it allows, on any
path its own other clocks allow, falls after the Code's due date measured from the Code's own
start point. The oracle below shares no code with putright.policy.code_check: it tries every
day (in working days from receipt) on which the procedure lets the complaint be acknowledged
and logged, works out the procedure's response due date (the earliest of its response clocks)
and the Code's ("within 10 working days of the complaint being acknowledged", 6.3;
acknowledged "within 5 working days of the complaint being received", 6.2), and compares.
"""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import POLICIES
from putright.policy.code_check import check_against_code
from putright.policy.loading import load_policy
from putright.policy.model import Clock, Duration, Policy, Start

CODE, _ = load_policy(str(POLICIES / "hoc-2024.yaml"), "policies/hoc-2024.yaml")
assert CODE is not None
CODE_ACK, CODE_RESPOND = 5, 10  # Code 6.2 and 6.3, in working days


def _oracle(ack: int, log: int | None, responds: list[tuple[str, int]]) -> set[str]:
    """Which of 6.2 and 6.3 the procedure breaks, by trying every day it allows."""
    found = set()
    if ack > CODE_ACK:  # the procedure lets the acknowledgement come on day `ack`
        found.add("6.2")
    for a in range(ack + 1):  # acknowledged on any day the procedure allows
        for logged in range((log if log is not None else 0) + 1):
            starts = {"received": 0, "acknowledged": a, "logged": logged}
            due = min(starts[start] + days for start, days in responds)
            if due > a + CODE_RESPOND:
                found.add("6.3")
    return found


def _procedure(ack: int, log: int | None, responds: list[tuple[str, int]]) -> Policy:
    code_one = CODE.stages[0]
    clocks = [
        Clock("acknowledge", "Acknowledge", Start("received"), Duration(ack, "working_days"),
              ("acknowledged",)),
    ]  # fmt: skip
    if log is not None:
        clocks.append(
            Clock("log", "Log", Start("received"), Duration(log, "working_days"), ("logged",))
        )
    for n, (start, days) in enumerate(responds):
        clocks.append(
            Clock(
                f"respond_{n}",
                "Respond",
                Start(start),
                Duration(days, "working_days"),
                ("responded",),
                or_due_of="acknowledge" if start == "acknowledged" else None,
            )
        )
    one = replace(code_one, clocks=tuple(clocks))
    return replace(
        CODE, id="generated", file="policies/generated.yaml", stages=(one, CODE.stages[1])
    )


@settings(max_examples=400, deadline=None)
@given(
    ack=st.integers(min_value=0, max_value=8),
    log=st.one_of(st.none(), st.integers(min_value=0, max_value=7)),
    responds=st.lists(
        st.tuples(
            st.sampled_from(["received", "acknowledged", "logged"]),
            st.integers(min_value=0, max_value=22),
        ),
        min_size=1,
        max_size=3,
    ),
)
def test_policy_check_agrees_with_every_acknowledgement_day(
    ack: int, log: int | None, responds: list[tuple[str, int]]
) -> None:
    if log is None:
        responds = [(s if s != "logged" else "received", d) for s, d in responds]
    found = {b.provision for b in check_against_code(_procedure(ack, log, responds), CODE)}
    assert found & {"6.2", "6.3"} == _oracle(ack, log, responds)


def test_herefordshires_reading_by_hand() -> None:
    # "Aim to acknowledge the complaint in writing, within 3 working days"; "will aim to write
    # to the complainant within 15 working days": acknowledged on day 0, the response may come
    # on day 15, 15 working days after the acknowledgement; Code 6.3 allows 10. Acknowledged on
    # day 3 it is still 12.
    assert _oracle(3, None, [("received", 15)]) == {"6.3"}
    found = check_against_code(_procedure(3, None, [("received", 15)]), CODE)
    assert [b.provision for b in found] == ["6.3"]
    # 10 from receipt is within 10 of any acknowledgement on or after receipt.
    assert _oracle(3, None, [("received", 10)]) == set()
    assert check_against_code(_procedure(3, None, [("received", 10)]), CODE) == []
