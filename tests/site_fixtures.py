"""Case repositories for the staff-site tests: ordinary cases plus one written to attack the page."""

from __future__ import annotations

HOSTILE_ID = "2026-0666"

# Every free-text field tries something: HTML that would run, Markdown that would render,
# Jinja that would be evaluated if case text were ever treated as a template.
HOSTILE = f"""\
id: {HOSTILE_ID}
received: 2026-03-02
channel: email
category: repairs
tenure: lcra
officer: "</title><script>alert('officer')</script>"
complainant:
  name: "<script>alert('name')</script>"
  email: "x@example.org"
summary: |
  <script>alert(1)</script> and <img src=x onerror=alert(2)> and [x](javascript:alert(3)) and **bold** and | pipes | and {{{{ 7*7 }}}} and {{% for x in y %}}loop{{% endfor %}}

  # heading x
definition: "- list item {{{{ 7*7 }}}}"
notes: "1. numbered <iframe src=javascript:alert(4)></iframe>"
learning: "<svg onload=alert(5)> learned {{{{ 7*7 }}}}"
events:
  - {{date: 2026-03-03, type: acknowledged, by: "<b>bob</b>", note: "<script>alert('note')</script> | x | [y](javascript:alert(6))"}}
  - date: 2026-03-10
    type: responded
    by: "<b>bob</b>"
    outcome: upheld
    learning: "[click](javascript:alert(7)) {{{{ config }}}}"
    remedies:
      - {{type: repair, description: "<script>alert('remedy')</script> **fix** # h", due: 2026-03-20}}
      - {{type: financial, amount_gbp: 100}}
"""

CLOSED = """\
id: 2026-0001
received: 2026-01-05
channel: phone
category: damp_and_mould
officer: jsmith
complainant: {name: Jane Example}
summary: Damp in the bedroom.
events:
  - {date: 2026-01-06, type: acknowledged, by: jsmith}
  - {date: 2026-01-15, type: extended, working_days: 5, reason: contractor report}
  - date: 2026-01-26
    type: responded
    by: jsmith
    outcome: partially_upheld
    remedies:
      - {type: apology}
      - {type: financial, amount_gbp: 75}
  - {date: 2026-01-27, type: closed}
"""

OPEN_LATE = """\
id: 2026-0002
received: 2026-03-16
channel: letter
events:
  - {date: 2026-03-17, type: acknowledged, by: mpatel}
"""

DUE_SOON = """\
id: 2026-0004
received: 2026-03-27
channel: email
officer: mpatel
events: []
"""

SERVICE = """\
id: 2025-0009
received: 2025-11-03
kind: service_request
channel: website
events:
  - {date: 2025-11-04, type: contacted, by: desk}
"""

INVALID = "id: 2026-0003\nreceived: not-a-date\nevents: []\n"

CASES: dict[str, str | bytes] = {
    f"cases/2026/{HOSTILE_ID}.yaml": HOSTILE,
    "cases/2026/2026-0001.yaml": CLOSED,
    "cases/2026/2026-0002.yaml": OPEN_LATE,
    "cases/2026/2026-0004.yaml": DUE_SOON,
    "cases/2025/2025-0009.yaml": SERVICE,
    "cases/2026/2026-0003.yaml": INVALID,
}
SETTINGS = "organisation: Test Housing Trust\nhomes: 1000\nofficers: [jsmith, mpatel, nobody]\n"
