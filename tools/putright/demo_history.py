"""`complaints demo --history DIR`: a demo case repository with a Git history staff would make.

The demo set (``demo.demo_cases``, without ``imported``) is committed day by day as it would
have been recorded: each case on the day it was received, each event on its own date. A few
are recorded late on purpose, and this module says which (``planted``), so that what
`complaints audit` finds there can be held against what was planted:

* one complaint logged 6 working days after it was received (Code 6.2 asks for 5), chosen
  with no event in its first working day, so its early events are recorded within 5 days;
* three complaints whose last event is first recorded 8 working days after its date.

Commits are made at 17:00 UK time, one a day with everything recorded that day.
"""

from __future__ import annotations

import datetime as dt
import os
from collections import defaultdict
from dataclasses import dataclass
from typing import Literal

import git

from . import demo, scaffold
from .calendar import WorkingCalendar
from .gitrepo import commit_staged
from .history.model import UK
from .packagedata import data_dir
from .scaffold.create import write_files
from .yamlfile import parse

ORGANISATION = "Brookfield Community Housing Trust (demo)"
LATE_LOGGING_DAYS = 6
LATE_EVENT_DAYS = 8
LATE_EVENTS = 3
_ACTOR = git.Actor("Brookfield complaints team", "complaints@brookfield.example")


@dataclass(frozen=True, slots=True)
class Planted:
    case: str
    kind: Literal["late_logging", "late_event"]
    event_index: int | None  # the event's place in the case's events (late_event)
    working_days: int


@dataclass(frozen=True, slots=True)
class DemoHistory:
    root: str
    cases: int
    commits: int
    planted: tuple[Planted, ...]


@dataclass
class _Case:
    rel: str
    id: str
    kind: str
    received: dt.date
    head: str  # the file up to "events:"
    events: list[tuple[dt.date, str]]  # (date, its lines)
    recorded: list[dt.date]  # when each event is first committed
    logged: dt.date


def _split(rel: str, text: str) -> _Case:
    data, problems = parse(text, rel)
    assert not problems and isinstance(data, dict), problems
    lines = text.splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if line.startswith("events:"))
    blocks: list[str] = []
    for line in lines[at + 1 :]:
        if line.startswith("  - "):
            blocks.append(line)
        else:
            blocks[-1] += line
    dates = [dt.date.fromisoformat(str(e["date"])) for e in data["events"]]
    received = dt.date.fromisoformat(str(data["received"]))
    return _Case(
        rel,
        str(data["id"]),
        str(data.get("kind", "complaint")),
        received,
        "".join(lines[:at]),
        list(zip(dates, blocks, strict=True)),
        list(dates),
        received,
    )


def _text(case: _Case, day: dt.date) -> str:
    shown = [
        block for (_, block), rec in zip(case.events, case.recorded, strict=True) if rec <= day
    ]
    return case.head + ("events:\n" + "".join(shown) if shown else "events: []\n")


def _plant(cases: list[_Case], cal: WorkingCalendar, today: dt.date) -> list[Planted]:
    planted: list[Planted] = []
    complaints = [c for c in cases if c.kind == "complaint"]
    late_logged = next(
        (
            c
            for c in complaints
            if cal.add(c.received, LATE_LOGGING_DAYS) <= today
            and all(d >= cal.add(c.received, 1) for d, _ in c.events)
        ),
        None,
    )
    if late_logged is not None:
        late_logged.logged = cal.add(late_logged.received, LATE_LOGGING_DAYS)
        planted.append(Planted(late_logged.id, "late_logging", None, LATE_LOGGING_DAYS))
    for case in complaints:
        if len([p for p in planted if p.kind == "late_event"]) == LATE_EVENTS:
            break
        if case is late_logged or not case.events:
            continue
        last = len(case.events) - 1
        day = cal.add(case.events[last][0], LATE_EVENT_DAYS)
        if day <= today:
            case.recorded[last] = day
            planted.append(Planted(case.id, "late_event", last, LATE_EVENT_DAYS))
    return planted


def build_history(
    target: str, today: dt.date, count: int = 72, seed: int = demo.DEMO_SEED
) -> DemoHistory:
    """Write the demo repository with its history into ``target`` (missing or empty)."""
    scaffold.refuse_unless_empty(target)
    options = scaffold.checked(
        scaffold.InitOptions(ORGANISATION, homes=1200), scaffold.available_policies()
    )
    files = scaffold.plan_repository(options)
    cal = WorkingCalendar(options.nation, ())
    policies = {name.removesuffix(".yaml") for name in os.listdir(data_dir("policies"))}
    made = demo.demo_cases(today, count, seed, calendar=cal, policies=policies, imported=False)
    cases = [_split(rel, text) for rel, text in made]
    planted = _plant(cases, cal, today)
    changes: dict[dt.date, dict[str, str]] = defaultdict(dict)
    for case in cases:
        case.recorded = [max(day, case.logged) for day in case.recorded]
        for day in sorted({case.logged, *case.recorded}):
            changes[day][case.rel] = _text(case, day)
    os.makedirs(target, exist_ok=True)
    write_files(target, files)
    for policy in sorted(policies):  # every shipped procedure: the demo cases name several
        path = os.path.join(target, "policies", f"{policy}.yaml")
        with open(path, "wb") as handle:
            handle.write((data_dir("policies") / f"{policy}.yaml").read_bytes())
    repo = git.Repo.init(target, initial_branch=scaffold.INITIAL_BRANCH)
    start = min(changes) - dt.timedelta(days=1)
    repo.git.add("--all")
    _commit(repo, "Start the complaints repository", start, 9)
    commits = 1
    for day in sorted(changes):
        for rel, text in changes[day].items():
            path = os.path.join(target, *rel.split("/"))
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w", encoding="utf-8", newline="\n") as handle:
                handle.write(text)
        repo.index.add(list(changes[day]))
        _commit(repo, f"Cases recorded on {day.isoformat()}", day, 17)
        commits += 1
    return DemoHistory(target, len(cases), commits, tuple(planted))


def _commit(repo: git.Repo, message: str, day: dt.date, hour: int) -> None:
    when = dt.datetime.combine(day, dt.time(hour, 0), tzinfo=UK)
    commit_staged(repo, message, _ACTOR, when)
