"""Validation messages name the field and the rule, never a personal field's value.

Messages go into CI logs and pull request annotations, which outlive a redaction and reach
people who never open the case. Each personal field below breaks a different rule with a
marker in its value; no output format may carry the marker.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

MARK = "Zqv9Personal"
BAD = f"""\
id: 2026-0001
received: 2026-03-02
channel: "{MARK} rang"
category: "{MARK}s boiler"
complainant:
  name: ["{MARK}"]
  email: {{address: "{MARK}@example.org"}}
  phone: "{MARK}"
  unexpected: "{MARK}"
summary: {{text: "{MARK}"}}
x-crm: {{deep: ["{MARK}"]}}
events:
  - {{date: 2026-03-03, type: acknowledged, stage: 1, note: ["{MARK}"]}}
  - {{date: 2026-03-10, type: refused, reason: "{MARK} said so"}}
"""


@pytest.mark.parametrize("fmt", ["text", "json", "github", "markdown"])
def test_no_personal_value_in_any_message(
    make_repo: Callable[..., Path], run: Callable[..., Result], fmt: str
) -> None:
    repo = make_repo(
        {"cases/2026/2026-0001.yaml": BAD},
        settings="organisation: T\ncategories: [repairs]\n",
    )
    result = run("--repo", str(repo), "check", "--format", fmt, "--today", "2026-03-20")
    assert result.exit_code == 1
    assert MARK not in result.output
    # The messages still say which field broke which rule.
    assert "2026-0001.yaml" in result.output
    assert re.search(r"channel", result.output)


def test_a_mistyped_token_in_a_field_that_is_not_personal_is_still_shown(
    make_repo: Callable[..., Path], run: Callable[..., Result]
) -> None:
    repo = make_repo(
        {"cases/2026/2026-0001.yaml": BAD.replace(f'"{MARK} rang"', "phnoe")},
        settings="organisation: T\ncategories: [repairs]\n",
    )
    result = run("--repo", str(repo), "check", "--today", "2026-03-20")
    assert "'phnoe' is not one of" in result.output
