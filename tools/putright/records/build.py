"""From parsed YAML to a Case: real dates, and the checks that need the data but no policy."""

from __future__ import annotations

import datetime as dt
import os
from typing import Any

from .. import validation, yamlfile
from ..problems import Flaw, Problem, locate
from .model import About, Case, Event, Order, Remedy

_from_iso = dt.date.fromisoformat


def _date(value: Any, path: tuple[str | int, ...], flaws: list[Flaw]) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except (TypeError, ValueError):
        flaws.append(Flaw(path, f"{value!r} is not a real date"))
        return None


def _remedies(
    raw: list[dict[str, Any]], base: tuple[str | int, ...], flaws: list[Flaw]
) -> tuple[Remedy, ...]:
    out = []
    for i, item in enumerate(raw):
        due, done = item.get("due"), item.get("done")
        if due is not None or done is not None:  # the path only for a date to check
            path = (*base, "remedies", i)
            due = _date(due, (*path, "due"), flaws)
            done = _date(done, (*path, "done"), flaws)
        out.append(
            Remedy(
                item["type"],
                i,
                item.get("id"),
                item.get("amount_gbp"),
                due,
                done,
                item.get("description"),
            )
        )
    return tuple(out)


def _orders(
    raw: list[dict[str, Any]], base: tuple[str | int, ...], flaws: list[Flaw]
) -> tuple[Order, ...]:
    out = []
    for i, item in enumerate(raw):
        path = (*base, "orders", i)
        due = _date(item.get("due"), (*path, "due"), flaws)
        out.append(
            Order(
                index=i,
                order=str(item.get("order", "")),
                due=due or dt.date.min,
                done=_date(item.get("done"), (*path, "done"), flaws),
            )
        )
    return tuple(out)


def _about(value: Any) -> About | None:
    if not isinstance(value, dict) or not isinstance(value.get("party"), str):
        return None
    name = value.get("name")
    return About(value["party"], name if isinstance(name, str) else None)


def build_case(data: dict[str, Any], rel: str) -> tuple[Case | None, list[Flaw]]:
    """A Case from schema-valid data; None with flaws when a date is impossible."""
    flaws: list[Flaw] = []
    received = _date(data["received"], ("received",), flaws)
    events = []
    # A warm check builds every case from its cached reading: this loop runs for every event
    # of every case, so what most events lack (remedies, orders, a review date) costs a look.
    for i, raw in enumerate(data["events"]):
        day: dt.date | None
        try:
            day = _from_iso(raw["date"])
        except (TypeError, ValueError):
            day = _date(raw["date"], ("events", i, "date"), flaws)
        if "review" in raw:  # a restriction's review date
            _date(raw["review"], ("events", i, "review"), flaws)
        remedies = raw.get("remedies")
        orders = raw.get("orders")
        stage = raw.get("stage", 1)
        events.append(
            Event(
                i,
                day or dt.date.min,
                raw["type"],
                stage if type(stage) is str else str(stage),
                raw.get("by"),
                raw,
                _remedies(remedies, ("events", i), flaws) if remedies else (),
                _orders(orders, ("events", i), flaws) if orders else (),
            )
        )
    incident = _date(data.get("incident_date"), ("incident_date",), flaws)
    redacted = _date(data.get("redacted"), ("redacted",), flaws)
    if flaws or received is None:
        return None, flaws
    case = Case(
        id=str(data["id"]),
        file=rel,
        received=received,
        events=tuple(events),
        data=data,
        kind=data.get("kind", "complaint"),
        policy=data.get("policy"),
        channel=data.get("channel"),
        category=data.get("category"),
        tenure=data.get("tenure"),
        officer=data.get("officer"),
        incident_date=incident,
        redacted=redacted,
        about=_about(data.get("about")),
    )
    return case, structure_flaws(case)


def structure_flaws(case: Case) -> list[Flaw]:
    """What makes a record invalid whatever its procedure: its name, and event order."""
    flaws = []
    expected = os.path.splitext(os.path.basename(case.file))[0]
    if case.id != expected:
        flaws.append(Flaw(("id",), f"id {case.id!r} differs from the file name {expected!r}.yaml"))
    previous: Event | None = None
    for event in case.events:
        if event.date < case.received:
            flaws.append(
                Flaw(
                    (*event.path, "date"),
                    f"{event.type} on {event.date} is before the complaint was received ({case.received})",
                )
            )
        elif previous is not None and event.date < previous.date:
            flaws.append(
                Flaw(
                    (*event.path, "date"),
                    f"events out of date order: {event.type} on {event.date} comes after {previous.type} on {previous.date}",
                )
            )
        previous = event
    return flaws


def load_case(raw: bytes, rel: str) -> tuple[Case | None, list[Problem], str | None]:
    """Read one case file's bytes: the Case (or None), its problems, and its text."""
    loaded = yamlfile.load(raw, rel)
    if loaded.problems or loaded.text is None:
        return None, loaded.problems, loaded.text
    data = loaded.data
    if not isinstance(data, dict):
        kind = "empty" if data is None else f"a {type(data).__name__}"
        return (
            None,
            [
                Problem(
                    rel,
                    1,
                    f"a case file must be a mapping of keys (id:, received:, events:), not {kind}",
                )
            ],
            loaded.text,
        )
    problems = validation.problems("case", data, loaded.text, rel)
    if problems:
        case_id = data.get("id") if isinstance(data.get("id"), str) else None
        return None, [_with_case(p, case_id) for p in problems], loaded.text
    case, flaws = build_case(data, rel)
    if flaws:
        return (
            case if case and all(f.severity != "error" for f in flaws) else None,
            locate(flaws, loaded.text, rel, str(data["id"])),
            loaded.text,
        )
    return case, [], loaded.text


def _with_case(problem: Problem, case_id: str | None) -> Problem:
    if case_id is None:
        return problem
    return Problem(
        problem.file, problem.line, problem.message, problem.severity, problem.column, case_id
    )
