"""What falls due (`complaints due`, ``deadlines.DueReport``) as text by officer, or as JSON."""

from __future__ import annotations

import json
from collections import defaultdict

from ..deadlines import DueItem, DueReport
from ..textsafe import printable


def due_json(report: DueReport) -> str:
    body = {
        "today": report.today.isoformat(),
        "until": report.until.isoformat(),
        "items": [
            {
                "officer": i.officer,
                "case": i.case,
                "stage": i.stage,
                "deadline": i.what,
                "due": i.due.isoformat(),
                "state": i.state,
            }
            for i in report.items
        ],
    }
    return json.dumps(body, indent=1, ensure_ascii=False) + "\n"


def due_text(report: DueReport) -> str:
    today, until = report.today, report.until
    if not report.items:
        return f"Nothing falls due between {today} and {until}, and nothing is overdue.\n"
    by_officer: dict[str, list[DueItem]] = defaultdict(list)
    for item in report.items:
        by_officer[item.officer].append(item)
    out = [f"Due by {until} (as of {today}), by officer", ""]
    for officer in sorted(by_officer):
        out.append(f"{printable(officer)} ({len(by_officer[officer])})")
        for item in sorted(by_officer[officer], key=lambda i: (i.due, i.case)):
            out.append(
                f"  {item.due}  {item.case}  stage {item.stage}  {item.what:<20} {item.state.replace('_', ' ')}"
            )
        out.append("")
    return "\n".join(out).rstrip() + "\n"
