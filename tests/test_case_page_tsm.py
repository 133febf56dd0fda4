"""The case page shows the TSM's verdict beside the clock where the two must differ, with why.

England, 2026 (Good Friday 3 Apr, Easter Monday 6 Apr). Received Mon 2 Mar, acknowledged Tue
3 Mar: Code 6.3 due 10 working days later, Tue 17 Mar. A 15 working day extension agreed Mon 9
Mar: the case's own clock adds all 15: 18-20, 23-27, 30, 31 Mar, 1, 2, 7, 8, 9 Apr -> Thu 9 Apr;
the TSM counts an extension only up to the Code's cap, "an extension must not exceed 10
working days without good reason" (6.4): 18-20, 23-27, 30, 31 Mar -> Tue 31 Mar. Answered Wed
1 Apr: met by the case's clock, late in CH02.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from putright.repository import Repository
from putright.site.audit_view import AuditView
from putright.site.internal import build_internal
from putright.site.templating import make_env

CASE = """id: 2026-0101
received: 2026-03-02
tenure: lcra
events:
  - {date: 2026-03-03, type: acknowledged, stage: 1, by: a}
  - {date: 2026-03-09, type: extended, stage: 1, working_days: 15, reason: survey, ombudsman_details_given: true}
  - {date: 2026-04-01, type: responded, stage: 1, by: a, outcome: upheld}
"""

PLAIN = """id: 2026-0102
received: 2026-03-02
tenure: lcra
events:
  - {date: 2026-03-03, type: acknowledged, stage: 1, by: a}
  - {date: 2026-03-09, type: extended, stage: 1, working_days: 5, reason: survey, ombudsman_details_given: true}
  - {date: 2026-03-20, type: responded, stage: 1, by: a, outcome: upheld}
"""


def _no_audit(repo: Repository, today: dt.date) -> AuditView:
    return AuditView(False, "not a Git repository")


def test_the_case_page_says_why_the_tsm_differs(make_repo: Callable[..., Path]) -> None:
    root = make_repo({"cases/2026-0101.yaml": CASE, "cases/2026-0102.yaml": PLAIN})
    repo = Repository.open(str(root))
    pages = {
        p.path: p
        for p in build_internal(repo, dt.date(2026, 4, 30), make_env(str(root)), audit=_no_audit)
    }
    page = str(pages["cases/2026/2026-0101.md"].content)
    assert "<td>Thu 9 Apr 2026</td>\n<td>Wed 1 Apr 2026</td>\n<td>met</td>" in page
    assert (
        "TSM CH02, stage 1: due 2026-03-31 by the Code; answered 2026-04-01: late (the Code "
        "counts an extension only up to its cap (6.4 / 6.15))." in page
    )
    # Within the cap (5 working days: due Tue 24 Mar; answered Fri 20 Mar) the two agree.
    assert "TSM CH02" not in str(pages["cases/2026/2026-0102.md"].content)
