"""`complaints audit`: evidence from real Git histories built with controlled commit dates."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import time
from pathlib import Path

import git
import pytest

from helpers import History, at, case_text, ev, kinds, run, run_in
from putright.calendar import WorkingCalendar
from putright.config import load_settings
from putright.errors import GitError
from putright.history import audit_repository
from putright.history.versions import EventKey, match_events

POLICY = Path(__file__).resolve().parents[1] / "policies" / "hoc-2024.yaml"
UTC = dt.UTC
SCHEMA_LINE = "# yaml-language-server: $schema=../../.schemas/case.schema.json"


@pytest.fixture
def history(tmp_path: Path) -> History:
    return History(tmp_path / "repo")


# --- a clean history -----------------------------------------------------------------------


def test_a_clean_history_has_no_findings(history: History) -> None:
    path = "cases/2026/2026-0001.yaml"
    history.commit(at("2026-03-02"), {path: case_text("2026-0001", "2026-03-02")})
    ack = ev("2026-03-04", "acknowledged", by="jsmith")
    history.commit(at("2026-03-04", 16), {path: case_text("2026-0001", "2026-03-02", ack)})
    resp = ev("2026-03-13", "responded", by="jsmith", outcome="upheld")
    history.commit(at("2026-03-16", 9), {path: case_text("2026-0001", "2026-03-02", ack, resp)})
    closed = ev("2026-03-16", "closed")
    done = case_text("2026-0001", "2026-03-02", ack, resp, closed)
    history.commit(at("2026-03-16", 17), {path: done})
    # Moving a case to another folder neither logs it again nor rewrites anything.
    history.commit(at("2026-04-01"), {path: None, "cases/closed/2026-0001.yaml": done})
    other = "cases/2026/2026-0002.yaml"
    history.commit(
        at("2026-03-20"),
        {other: case_text("2026-0002", "2026-03-19", ev("2026-03-20", "acknowledged"))},
    )

    result = history.audit()

    assert result.findings == ()
    assert result.notes == ()
    assert [c.id for c in result.cases] == ["2026-0001", "2026-0002"]
    first = result.case("2026-0001")
    assert first is not None
    assert first.logged == dt.date(2026, 3, 2)
    assert first.file == "cases/closed/2026-0001.yaml"
    assert not first.deleted
    assert result.commits == 6


# --- the three findings --------------------------------------------------------------------


def test_late_logging_is_found_and_configurable(tmp_path: Path) -> None:
    for limit, expected in (("", 1), ("audit: {late_logging_working_days: 10}\n", 0)):
        history = History(tmp_path / f"repo{len(limit)}", limit)
        path = "cases/2026/2026-0003.yaml"
        # Received Monday 2 March; first committed Monday 16 March: 10 working days later.
        history.commit(at("2026-03-16"), {path: case_text("2026-0003", "2026-03-02")})
        result = history.audit()
        assert len(result.findings) == expected
        if expected:
            (finding,) = result.findings
            assert finding.kind == "late_logging"
            assert finding.working_days == 10
            assert finding.commit.date == dt.date(2026, 3, 16)
            assert finding.file == path


def test_late_event_is_found(history: History) -> None:
    path = "cases/2026/2026-0004.yaml"
    history.commit(at("2026-03-02"), {path: case_text("2026-0004", "2026-03-02")})
    ack = ev("2026-03-04", "acknowledged")
    first_late = history.commit(at("2026-03-20"), {path: case_text("2026-0004", "2026-03-02", ack)})

    result = history.audit()

    assert kinds(result) == [("2026-0004", "late_event")]
    (finding,) = result.findings
    assert finding.event_index == 0
    assert finding.commit.sha == first_late
    assert finding.working_days == 12  # Wed 4 March to Fri 20 March
    data = json.loads(json.dumps(finding.to_json()))
    assert data["commit"] == first_late[:7]
    assert data["committed"] == "2026-03-20"


def test_late_event_limit_is_configurable(tmp_path: Path) -> None:
    history = History(tmp_path / "repo", "audit: {late_event_working_days: 12}\n")
    path = "cases/2026/2026-0004.yaml"
    history.commit(at("2026-03-02"), {path: case_text("2026-0004", "2026-03-02")})
    ack = ev("2026-03-04", "acknowledged")
    history.commit(at("2026-03-20"), {path: case_text("2026-0004", "2026-03-02", ack)})
    assert history.audit().findings == ()


def test_a_rewritten_event_date_is_found_with_both_values_and_commits(history: History) -> None:
    path = "cases/2026/2026-0005.yaml"
    ack = ev("2026-03-04", "acknowledged", by="jsmith")
    first = history.commit(at("2026-03-04"), {path: case_text("2026-0005", "2026-03-02", ack)})
    # Weeks later the acknowledgement is backdated, and a new event is inserted before it.
    backdated = ev("2026-03-03", "acknowledged", by="jsmith")
    contact = ev("2026-03-02", "contacted")
    resp = ev("2026-03-13", "responded", outcome="not_upheld")
    later = history.commit(
        at("2026-03-25"), {path: case_text("2026-0005", "2026-03-02", contact, backdated, resp)}
    )

    result = history.audit()

    rewrites = [f for f in result.findings if f.kind == "date_rewritten"]
    assert len(rewrites) == 1
    (rewrite,) = rewrites
    assert (rewrite.old, rewrite.new) == ("2026-03-04", "2026-03-03")
    assert rewrite.event_index == 1
    assert rewrite.field == "events[1].date"
    assert rewrite.old_commit is not None and rewrite.old_commit.sha == first
    assert rewrite.commit.sha == later
    data = rewrite.to_json()
    assert data["old_commit"] == {"sha": first[:7], "committed": "2026-03-04"}
    assert data["new_commit"] == {"sha": later[:7], "committed": "2026-03-25"}
    # The inserted contact and the response were recorded late; the acknowledgement was not
    # (it was first committed on 4 March, one working day after the date it now claims).
    late = {f.event_index for f in result.findings if f.kind == "late_event"}
    assert late == {0, 2}


def test_a_rewritten_received_date_is_found(history: History) -> None:
    path = "cases/2026/2026-0006.yaml"
    first = history.commit(at("2026-03-03"), {path: case_text("2026-0006", "2026-03-02")})
    later = history.commit(at("2026-03-10"), {path: case_text("2026-0006", "2026-03-05")})

    (finding,) = history.audit().findings

    assert finding.kind == "date_rewritten"
    assert finding.field == "received"
    assert finding.event_index is None
    assert (finding.old, finding.new) == ("2026-03-02", "2026-03-05")
    assert finding.old_commit is not None and finding.old_commit.sha == first
    assert finding.commit.sha == later


# --- UK time --------------------------------------------------------------------------------


def test_commit_times_are_uk_dates_across_bst_and_gmt(history: History) -> None:
    # Event Monday 1 June 2026 (BST). 23:30 UTC on Monday 8 June is 00:30 on Tuesday 9 June
    # in London: 6 working days after the event, so late; in UTC it would be 5, on time.
    late_path = "cases/2026/2026-0010.yaml"
    on_time_path = "cases/2026/2026-0011.yaml"
    history.commit(at("2026-06-01", 12), {
        late_path: case_text("2026-0010", "2026-06-01"),
        on_time_path: case_text("2026-0011", "2026-06-01"),
    })  # fmt: skip
    history.commit(
        at("2026-06-08", 23, 30),
        {late_path: case_text("2026-0010", "2026-06-01", ev("2026-06-01", "acknowledged"))},
    )
    history.commit(
        at("2026-06-08", 22, 30),
        {on_time_path: case_text("2026-0011", "2026-06-01", ev("2026-06-01", "acknowledged"))},
    )
    # Winter (GMT): 23:30 UTC is 23:30 in London, the same day, whatever offset the
    # committer's own clock had (+01:00 here).
    gmt_path = "cases/2026/2026-0012.yaml"
    paris = dt.timezone(dt.timedelta(hours=1))
    history.commit(at("2026-01-13", 0, 30, paris), {gmt_path: case_text("2026-0012", "2026-01-05")})

    result = history.audit()

    assert kinds(result) == [("2026-0010", "late_event")]
    assert result.findings[0].working_days == 6
    assert result.findings[0].commit.date == dt.date(2026, 6, 9)
    assert result.findings[0].commit.when.tzinfo is not None
    gmt = result.case("2026-0012")
    assert gmt is not None and gmt.logged == dt.date(2026, 1, 12)  # 5 working days: on time


# --- what must not crash --------------------------------------------------------------------


def test_a_broken_version_in_the_middle_is_skipped_and_noted(history: History) -> None:
    path = "cases/2026/2026-0020.yaml"
    ack = ev("2026-03-04", "acknowledged")
    first = history.commit(at("2026-03-04"), {path: case_text("2026-0020", "2026-03-02", ack)})
    broken = history.commit(at("2026-03-05"), {path: "id: 2026-0020\nreceived: [2026-03-02\n"})
    history.commit(at("2026-03-06"), {path: "- just\n- a list\n"})
    resp = ev("2026-03-16", "responded", outcome="upheld")
    moved_ack = ev("2026-03-03", "acknowledged")
    last = history.commit(
        at("2026-03-16"), {path: case_text("2026-0020", "2026-03-02", moved_ack, resp)}
    )

    result = history.audit()

    assert result.notes[0].commit.sha == broken
    assert len(result.notes) == 2
    assert "line" in result.notes[0].message
    # The next good version is compared with the last good one, across the broken ones.
    (finding,) = result.findings
    assert finding.kind == "date_rewritten"
    assert finding.old_commit is not None and finding.old_commit.sha == first
    assert finding.commit.sha == last


def test_a_deleted_case_does_not_crash_and_keeps_its_evidence(history: History) -> None:
    path = "cases/2026/2026-0030.yaml"
    history.commit(at("2026-03-20"), {path: case_text("2026-0030", "2026-03-02")})
    history.commit(at("2026-03-23"), {path: None})
    # A file that was only ever broken and then deleted.
    history.commit(at("2026-03-24"), {"cases/2026/junk.yaml": "{{{"})
    history.commit(at("2026-03-25"), {"cases/2026/junk.yaml": None})

    result = history.audit()

    assert kinds(result) == [("2026-0030", "late_logging")]
    gone = result.case("2026-0030")
    assert gone is not None and gone.deleted
    junk = result.case("junk")
    assert junk is not None and junk.received is None and junk.deleted
    text = run_in(history.root, "audit").output
    assert "cases/2026/2026-0030.yaml (deleted)" in text


def test_a_case_deleted_and_added_back_is_not_logged_again(history: History) -> None:
    path = "cases/2026/2026-0031.yaml"
    text = case_text("2026-0031", "2026-03-02", ev("2026-03-03", "acknowledged"))
    history.commit(at("2026-03-03"), {path: text})
    history.commit(at("2026-03-04"), {path: None})
    history.commit(at("2026-04-20"), {path: text})
    result = history.audit()
    assert result.findings == ()
    case = result.case("2026-0031")
    assert case is not None and case.logged == dt.date(2026, 3, 3) and not case.deleted


def test_parallel_branches_are_not_each_others_rewrites(history: History) -> None:
    path = "cases/2026/2026-0040.yaml"
    ack = ev("2026-03-04", "acknowledged")
    note = ev("2026-03-05", "note")
    base = [ack, note, ev("2026-03-06", "contacted")]
    history.commit(at("2026-03-06"), {path: case_text("2026-0040", "2026-03-02", *base)})
    main = history.repo.active_branch
    side = history.repo.create_head("side")
    side.checkout()
    # On the branch: the acknowledgement is backdated.
    history.commit(
        at("2026-03-09"),
        {path: case_text("2026-0040", "2026-03-02", ev("2026-03-03", "acknowledged"), *base[1:])},
    )
    main.checkout()
    # Meanwhile on main: a response is added (the old acknowledgement date is still there).
    resp = ev("2026-03-10", "responded", outcome="upheld")
    history.commit(at("2026-03-10"), {path: case_text("2026-0040", "2026-03-02", *base, resp)})
    env = {"GIT_AUTHOR_DATE": "2026-03-11T10:00:00Z", "GIT_COMMITTER_DATE": "2026-03-11T10:00:00Z"}
    history.repo.git.merge("side", "--no-edit", env=env)
    merged = (history.root / path).read_text()
    assert "2026-03-03, type: acknowledged" in merged and "responded" in merged
    history.commit(at("2026-03-12"), {path: merged + "  - " + ev("2026-03-12", "closed") + "\n"})

    result = history.audit()

    rewrites = [f for f in result.findings if f.kind == "date_rewritten"]
    assert [(f.old, f.new) for f in rewrites] == [("2026-03-04", "2026-03-03")]


def test_a_date_rewritten_while_resolving_a_merge_conflict_is_found(history: History) -> None:
    # The merge's own change (made while resolving the conflict) is as much a change to the
    # record as any commit: `git log` shows a merge's diff only when asked, so it is asked.
    path = "cases/2026/2026-0041.yaml"
    ack = ev("2026-03-04", "acknowledged")
    history.commit(at("2026-03-04"), {path: case_text("2026-0041", "2026-03-02", ack)})
    main = history.repo.active_branch
    side = history.repo.create_head("side")
    side.checkout()
    note = ev("2026-03-09", "note")
    history.commit(at("2026-03-09"), {path: case_text("2026-0041", "2026-03-02", ack, note)})
    main.checkout()
    resp = ev("2026-03-10", "responded", outcome="upheld")
    history.commit(at("2026-03-10"), {path: case_text("2026-0041", "2026-03-02", ack, resp)})
    when = {"GIT_AUTHOR_DATE": "2026-03-11T10:00:00Z", "GIT_COMMITTER_DATE": "2026-03-11T10:00:00Z"}
    with pytest.raises(git.GitCommandError):  # both added an event at the end: a conflict
        history.repo.git.merge("side", "--no-edit", env=when)
    # Resolved by keeping both events, and (the thing to find) backdating the acknowledgement.
    backdated = ev("2026-03-03", "acknowledged")
    (history.root / path).write_text(case_text("2026-0041", "2026-03-02", backdated, note, resp))
    history.repo.git.add(path)
    history.repo.git.commit("--no-edit", env=when)
    merge = history.repo.head.commit.hexsha

    result = history.audit()

    rewrites = [f for f in result.findings if f.kind == "date_rewritten"]
    assert [(f.old, f.new, f.commit.sha) for f in rewrites] == [("2026-03-04", "2026-03-03", merge)]
    # The note and the response were each committed on the day they happened, on their own
    # branches: bringing them together in the merge is not recording them late.
    assert [f for f in result.findings if f.kind == "late_event"] == []


def test_a_renumbered_case_keeps_its_history(history: History) -> None:
    old = "cases/2026/2026-0042.yaml"
    ack = ev("2026-03-03", "acknowledged")
    history.commit(at("2026-03-02"), {old: case_text("2026-0042", "2026-03-02", ack)})
    # `complaints renumber` weeks later: only the id and the file name change.
    new = "cases/2026/2026-0043.yaml"
    history.commit(at("2026-04-20"), {old: None, new: case_text("2026-0043", "2026-03-02", ack)})

    result = history.audit()

    assert result.findings == ()
    (case,) = result.cases
    assert (case.id, case.file, case.previous_ids) == ("2026-0043", new, ("2026-0042",))
    assert case.logged == dt.date(2026, 3, 2)


def test_two_branches_that_chose_the_same_id_hold_two_cases(history: History) -> None:
    path = "cases/2026/2026-0042.yaml"
    main = history.repo.active_branch
    side = history.repo.create_head("side")
    jane = case_text("2026-0042", "2026-03-02", ev("2026-03-03", "acknowledged"))
    history.commit(at("2026-03-03", 9), {path: jane})
    side.checkout()
    sam = case_text("2026-0042", "2026-03-03", ev("2026-03-04", "contacted"))
    history.commit(at("2026-03-04", 9), {path: sam})
    renumbered = "cases/2026/2026-0043.yaml"
    sam_43 = case_text("2026-0043", "2026-03-03", ev("2026-03-04", "contacted"))
    history.commit(at("2026-03-05", 9), {path: None, renumbered: sam_43})
    main.checkout()
    when = {"GIT_AUTHOR_DATE": "2026-03-05T12:00:00Z", "GIT_COMMITTER_DATE": "2026-03-05T12:00:00Z"}
    history.repo.git.merge("side", "--no-edit", env=when)
    history.commit(at("2026-03-06"), {path: jane + "  - " + ev("2026-03-06", "note") + "\n"})

    result = history.audit()

    assert result.findings == ()  # neither case rewrote the other's dates
    assert [(c.id, c.logged, c.deleted) for c in result.cases] == [
        ("2026-0042", dt.date(2026, 3, 3), False),
        ("2026-0043", dt.date(2026, 3, 4), False),
    ]


# --- the command ----------------------------------------------------------------------------


def test_the_command_prints_json_and_text_and_exits_0(history: History) -> None:
    path = "cases/2026/2026-0050.yaml"
    history.commit(at("2026-03-20"), {path: case_text("2026-0050", "2026-03-02")})
    history.commit(at("2026-03-23"), {path: case_text("2026-0050", "2026-03-03")})

    out = run_in(history.root, "audit", "--format", "json")
    assert out.exit_code == 0
    data = json.loads(out.output)
    assert [f["kind"] for f in data["findings"]] == ["late_logging", "date_rewritten"]
    for finding in data["findings"]:
        for key in ("case", "kind", "file", "message", "commit", "committed", "event_index",
                    "old", "new", "old_commit", "new_commit"):  # fmt: skip
            assert key in finding
    assert data["findings"][1]["old"] == "2026-03-02"

    text = run_in(history.root, "audit")
    assert text.exit_code == 0
    lines = text.output.splitlines()
    assert lines[0] == f"2026-0050  {path}"
    assert lines[1].startswith("  late_logging: ")
    assert lines[2].startswith("  date_rewritten: received changed from 2026-03-02")
    assert "2 finding(s) in 1 case(s)" in text.output

    failing = run_in(history.root, "audit", "--fail-on-findings")
    assert failing.exit_code == 1


def test_today_leaves_out_later_commits(history: History) -> None:
    path = "cases/2026/2026-0051.yaml"
    history.commit(at("2026-03-03"), {path: case_text("2026-0051", "2026-03-02")})
    history.commit(at("2026-03-23"), {path: case_text("2026-0051", "2026-02-20")})
    assert (
        len(json.loads(run_in(history.root, "audit", "--format", "json").output)["findings"]) == 2
    )
    early = json.loads(
        run_in(history.root, "audit", "--format", "json", "--today", "2026-03-20").output
    )
    assert early["findings"] == []
    assert early["commits"] == 1  # the set-up commit does not touch cases/; the later one is out


def test_no_findings_text(history: History) -> None:
    out = run_in(history.root, "audit")
    assert out.exit_code == 0
    assert out.output.strip() == "No findings: 0 case(s) in 0 commit(s) read."


def test_not_a_git_repository_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "complaints.yml").write_text("organisation: Test Trust\n")
    with pytest.raises(GitError, match="not in a Git repository"):
        settings = load_settings(str(tmp_path))
        audit_repository(str(tmp_path), settings, WorkingCalendar("ENG"))
    out = run("--repo", str(tmp_path), "audit")
    assert out.exit_code == 1
    assert "not in a Git repository" in out.output
    assert "Traceback" not in out.output


def test_a_case_repository_inside_a_larger_git_repository(tmp_path: Path) -> None:
    outer = tmp_path / "outer"
    history = History(outer / "complaints")  # its own repo first, to copy settings from
    shutil.rmtree(outer / "complaints" / ".git")
    repo = git.Repo.init(outer)
    with repo.config_writer() as config:
        config.set_value("user", "name", "T")
        config.set_value("user", "email", "t@example.org")
    rel = "complaints/cases/2026/2026-0060.yaml"
    (outer / rel).parent.mkdir(parents=True)
    (outer / rel).write_text(case_text("2026-0060", "2026-03-02"))
    (outer / "cases").mkdir()
    (outer / "cases" / "decoy.yaml").write_text(case_text("decoy", "2020-01-01"))
    repo.index.add([rel, "cases/decoy.yaml", "complaints/complaints.yml"])
    when = at("2026-03-20")
    repo.index.commit("add", author_date=when, commit_date=when)

    result = history.audit()

    assert [c.id for c in result.cases] == ["2026-0060"]
    assert result.cases[0].file == "cases/2026/2026-0060.yaml"
    assert kinds(result) == [("2026-0060", "late_logging")]


# --- matching events between versions -------------------------------------------------------


def _keys(*items: tuple[str, str]) -> list[EventKey]:
    return [EventKey(t, "1", dt.date.fromisoformat(d)) for t, d in items]


def test_match_events_by_key_then_position_and_type() -> None:
    old = _keys(("acknowledged", "2026-03-04"), ("responded", "2026-03-10"))
    # inserted before, date changed: still the same two events
    new = _keys(
        ("contacted", "2026-03-02"), ("acknowledged", "2026-03-03"), ("responded", "2026-03-10")
    )
    assert match_events(old, new) == {2: 1, 1: 0}
    # removed: the other keeps its partner
    assert match_events(old, old[1:]) == {0: 1}
    # a changed type is not the same event
    assert match_events(old, _keys(("note", "2026-03-04"), ("responded", "2026-03-10"))) == {1: 1}
    # never matched across an event that stayed
    crossed = _keys(("responded", "2026-03-09"), ("acknowledged", "2026-03-04"))
    assert match_events(
        _keys(("acknowledged", "2026-03-04"), ("responded", "2026-03-10")), crossed
    ) == {1: 0}


# --- a long history -------------------------------------------------------------------------


def _fast_import(root: Path, commits: int, cases: int) -> None:
    """Build a history of ``commits`` commits over ``cases`` cases with git fast-import."""
    out: list[bytes] = []
    start = dt.datetime(2024, 1, 1, 9, tzinfo=UTC)
    events: dict[int, list[str]] = {}

    def data(text: str) -> None:
        raw = text.encode()
        out.append(b"data %d\n" % len(raw) + raw + b"\n")

    for n in range(commits):
        when = start + dt.timedelta(days=n)
        seconds = int(when.timestamp())
        out.append(b"commit refs/heads/main\n")
        out.append(b"committer T <t@example.org> %d +0000\n" % seconds)
        data(f"commit {n}")
        if n == 0:
            out.append(b"M 100644 inline complaints.yml\n")
            data("organisation: Test Trust\ncalendar: {nation: ENG}\n")
        for c in range(n % cases, n % cases + 3):  # three cases a commit
            case_id = f"2024-{c % cases:04d}"
            mine = events.setdefault(c % cases, [])
            day = (when - dt.timedelta(days=2 if n % 7 else 30)).date().isoformat()
            mine.append(ev(day, "note" if len(mine) % 3 else "contacted"))
            if n % 11 == 0 and mine:  # now and then a date is rewritten
                mine[0] = mine[0].replace("date: 20", "date: 19", 1)
            received = (start.date() + dt.timedelta(days=c % cases)).isoformat()
            out.append(f"M 100644 inline cases/2024/{case_id}.yaml\n".encode())
            data(case_text(case_id, received, *mine[-40:]))
        out.append(b"\n")
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    subprocess.run(["git", "fast-import", "--quiet"], cwd=root, input=b"".join(out), check=True)
    subprocess.run(["git", "checkout", "-q", "main"], cwd=root, check=True)


def test_a_long_history_is_read_quickly(tmp_path: Path) -> None:
    root = tmp_path / "long"
    _fast_import(root, commits=300, cases=20)
    settings = load_settings(str(root))
    calendar = WorkingCalendar(settings.nation, settings.closures)

    started = time.perf_counter()
    result = audit_repository(str(root), settings, calendar)
    elapsed = time.perf_counter() - started

    assert result.commits == 300
    assert len(result.cases) == 20
    assert any(f.kind == "date_rewritten" for f in result.findings)
    assert any(f.kind == "late_event" for f in result.findings)
    print(f"\naudit of {result.commits} commits x {len(result.cases)} cases: {elapsed:.2f}s")
    assert elapsed < float(os.environ.get("PUTRIGHT_AUDIT_BUDGET", "10"))
