"""What the commands that write files say: copies compared or refreshed (`schemas`,
`ci workflows`, `cms config`), a letter refused for its gaps or written, the demo set and its
history, a repository created, a site built. One line each, from the command's result."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from ..demo_history import DemoHistory
from ..letters.requirements import Item
from ..scaffold.sync import Copy


def copies_text(copies: Sequence[Copy], *, wrote: bool) -> str:
    out = []
    for copy in copies:
        if copy.state == "same":
            out.append(f"up to date  {copy.path}\n")
        elif wrote:
            out.append(f"wrote       {copy.path} (was {copy.state})\n")
        else:
            out.append(f"{copy.state:<11} {copy.path}\n")
    return "".join(out)


def stale_text(stale: int, fix: str) -> str:
    return f"{stale} file(s) out of date: run `{fix}`\n"


def letter_gaps_text(case_id: str, kind: str, gaps: Sequence[Item]) -> str:
    lines = [
        f"complaints: {case_id}: the record lacks what a {kind.replace('_', ' ')} letter "
        "must state; nothing was written:",
        *(f"  - {item.describe()}" for item in gaps),
        "Add it to the record, or write a marked draft with --draft.",
    ]
    return "\n".join(lines) + "\n"


def letter_written_text(shown: str, gaps: int, record_as: str | None) -> str:
    note = f" (draft: {gaps} gap(s) marked)" if gaps else ""
    out = f"wrote {shown}{note}\n"
    if record_as is not None:
        out += f"Record it on the event: letter: {record_as}\n"
    return out


def demo_text(written: Sequence[str], cases_dir: str, day: dt.date, seed: int) -> str:
    years = sorted({rel.split("/")[1] for rel in written})
    lines = [f"wrote {rel}" for rel in written]
    lines.append(
        f"{len(written)} fictional cases in {cases_dir} "
        f"({', '.join(years)}; as of {day.isoformat()}, seed {seed})"
    )
    return "\n".join(lines) + "\n"


def demo_history_text(built: DemoHistory, day: dt.date) -> str:
    lines = [
        f"Built a demo repository in {built.root}: {built.cases} fictional cases recorded in "
        f"{built.commits} commits up to {day.isoformat()}. Recorded late on purpose:"
    ]
    for p in built.planted:
        what = "logged" if p.event_index is None else f"event {p.event_index} recorded"
        lines.append(f"  {p.case}: {what} {p.working_days} working days late ({p.kind})")
    lines.append(f"See what the audit finds: complaints --repo {built.root} audit --today {day}")
    return "\n".join(lines) + "\n"


def site_built_text(where: str, pages: int, *, public: bool) -> str:
    if public:
        return f"Built the public report in {where}: {pages} pages.\n"
    return (
        f"Built the staff dashboard in {where}: {pages} pages.\n"
        "It is PRIVATE (personal data): keep it internal and never publish it.\n"
    )
