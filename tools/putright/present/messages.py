"""What the commands that write files say: copies compared or refreshed (`schemas`,
`ci workflows`, `cms config`), a letter refused for its gaps or written, the demo set and its
history, a repository created, a site built. One line each, from the command's result."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # named in annotations only: `check` imports this module, and must not load
    # GitPython (the demo history's) or the scaffold to say one line about its cache
    from ..demo_history import DemoHistory
    from ..letters.requirements import Item
    from ..scaffold.create import Created
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


def demo_removed_text(removed: int, cases_dir: str) -> str:
    return f"removed {removed} case file(s) from {cases_dir}\n"


def procedures_text(policies: dict[str, str]) -> str:
    """The shipped procedures, id and name, for `init`'s prompt."""
    return "Procedures that ship with Putright:\n" + "".join(
        f"  {policy_id:24} {name}\n" for policy_id, name in policies.items()
    )


def created_text(created: Created, organisation: str, branch: str) -> str:
    return (
        f"Created a case repository for {organisation} in {created.root}: "
        f"{len(created.files)} files, first commit {created.commit[:7]} on {branch} "
        f"by {created.author}.\n"
        "Next: create a PRIVATE repository on GitHub, push this one to it, and protect main "
        "(Putright's docs/setup/github.md). Then log the first complaint with `complaints new`.\n"
    )


def policy_list_text(files: dict[str, str]) -> str:
    """`complaints policy list`: id, then file, tab-separated (for scripts too)."""
    return "".join(f"{policy_id}\tpolicies/{name}\n" for policy_id, name in files.items())


def template_written_text(path: str) -> str:
    return f"wrote {path}: a blank complaints log with the default headings\n"


def bundle_written_text(path: str, members: int) -> str:
    return f"wrote {path}: {members} files (manifest.json has their SHA-256)\n"


def digest_sent_text(period: str, recipients: int) -> str:
    return f"Sent the {period} digest to {recipients} address(es).\n"


def cache_note_text(note: str) -> str:
    return f"note: {note}\n"


# --- the form editor (`complaints cms`) ------------------------------------------------------


def editor_stale_text(stale: Sequence[str]) -> str:
    return (
        f"complaints: warning: {', '.join(stale)} out of date: "
        "run `complaints cms config --write` and commit\n"
    )


def editor_installing_text(folder: str) -> str:
    return f"Installing the editor's npm packages into {folder} (first use only)...\n"


def editor_started_text(url: str) -> str:
    return f"The editor is at {url} (Ctrl-C stops it)\n"


EDITOR_DIED = "complaints: decap-server stopped; stopping the editor\n"
EDITOR_STOPPING = "Stopping the editor.\n"


def editor_installed_text(folder: str, *, fresh: bool) -> str:
    state = "installed" if fresh else "already installed"
    return f"The editor's npm packages are {state} in {folder}\n"


def editor_bundled_text(out: str, written: Sequence[str]) -> str:
    return f"Wrote the editor's page into {out}: {', '.join(written)}\n"
