"""Digests over a hand-built repository whose every figure is counted by hand below.

England, no closures. March 2026 has no bank holiday; Good Friday is 3 April 2026 and Easter
Monday 6 April. The reporting year runs April to March, so 31 March 2026 ends both a quarter
and a year, and 31 December 2025 ends a quarter (and a calendar year).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from helpers import complaints, write_repo
from putright import yamlfile
from putright.digest import gather
from putright.digest.figures import period_figures
from putright.digest.periods import month_of, reported_period, runs_today
from putright.repository import Repository

SETTINGS = """\
organisation: Test Housing Trust
homes: 1000
teams:
  - name: North
    line_manager: Nia North
    head_of_service: Hal Head
    officers: [alice, bob]
  - name: South
    line_manager: Sam South
    head_of_service: Hal Head
    officers: [carol]
    categories: [estate_services]
"""

CASES = {
    # alice: acknowledged 3 Mar; respond due 10 wd later = 17 Mar; no event since: on 18 Mar it
    # is overdue, and 11 working days have passed since its last event (stalled).
    "cases/2026/2026-0001.yaml": """\
id: 2026-0001
received: 2026-03-02
officer: alice
events:
  - {date: 2026-03-03, type: acknowledged, stage: 1, by: alice}
""",
    # alice: no event; acknowledgement due 23 Mar (5 wd after 16 Mar): within the next 5 wd of
    # 18 Mar (to 25 Mar) but not "due soon" (3 wd away; the Code's window is 2).
    "cases/2026/2026-0002.yaml": """\
id: 2026-0002
received: 2026-03-16
officer: alice
events: []
""",
    # bob: answered 13 Mar, upheld; a repair due 16 Mar never done: an overdue action.
    "cases/2026/2026-0003.yaml": """\
id: 2026-0003
received: 2026-03-09
officer: bob
about: {party: contractor, name: Acme Repairs}
events:
  - {date: 2026-03-10, type: acknowledged, stage: 1, by: bob}
  - date: 2026-03-13
    type: responded
    stage: 1
    by: bob
    outcome: upheld
    learning: Check the contractor's sign-off before closing a job
    remedies:
      - {type: repair, due: 2026-03-16}
  - {date: 2026-03-16, type: survey, satisfied: true, score: 8, comment: Quick and fair}
""",
    # carol (South): acknowledgement due 18 Mar, today: due soon. A restriction on 12 Mar with a
    # review on 26 Mar, never reviewed.
    "cases/2026/2026-0004.yaml": """\
id: 2026-0004
received: 2026-03-11
officer: carol
events:
  - date: 2026-03-12
    type: restriction
    restricts: phone contact to one named officer
    reason: abusive calls
    review: 2026-03-26
""",
    # Nobody's case, category estate_services: South by its category. Ack due 24 Mar.
    "cases/2026/2026-0005.yaml": """\
id: 2026-0005
received: 2026-03-17
category: estate_services
events: []
""",
    # dave is in no team, repairs in no team's categories: "(no team)". Done in February.
    "cases/2026/2026-0006.yaml": """\
id: 2026-0006
received: 2026-02-02
officer: dave
category: repairs
about: {party: contractor, name: Acme Repairs}
events:
  - {date: 2026-02-03, type: acknowledged, stage: 1, by: dave}
  - {date: 2026-02-10, type: responded, stage: 1, by: dave, outcome: not_upheld}
  - {date: 2026-02-11, type: closed}
  - {date: 2026-02-20, type: survey, satisfied: false, score: 3}
  - {date: 2026-02-23, type: survey, satisfied: null}
""",
    # carol: received in December (Q3), refused in January (Q4) for unacceptable behaviour.
    "cases/2025/2026-0008.yaml": """\
id: 2026-0008
received: 2025-12-29
officer: carol
events:
  - {date: 2026-01-05, type: refused, reason: unacceptable_behaviour}
  - {date: 2026-01-05, type: closed}
""",
    # bob: a 2025 case closed long ago; the Ombudsman's determination of 20 Feb 2026 ordered an
    # apology by 6 Mar (done 5 Mar: complied on time) and a payment by 13 Mar (never done).
    "cases/2025/2025-0009.yaml": """\
id: 2025-0009
received: 2025-06-02
officer: bob
events:
  - {date: 2025-06-03, type: acknowledged, stage: 1, by: bob}
  - {date: 2025-06-10, type: responded, stage: 1, by: bob, outcome: not_upheld}
  - {date: 2025-06-11, type: closed}
  - {date: 2025-07-01, type: referred}
  - date: 2026-02-20
    type: ombudsman_determination
    finding: maladministration
    orders:
      - {order: apologise in writing, due: 2026-03-06, done: 2026-03-05}
      - {order: pay 200 pounds, due: 2026-03-13}
""",
    # bob: received 26 Mar (Q4), answered 7 Apr (next quarter, next year) with 50 pounds.
    "cases/2026/2026-0010.yaml": """\
id: 2026-0010
received: 2026-03-26
officer: bob
events:
  - {date: 2026-03-27, type: acknowledged, stage: 1, by: bob}
  - date: 2026-04-07
    type: responded
    stage: 1
    by: bob
    outcome: partially_upheld
    remedies:
      - {type: financial, amount_gbp: 50}
  - {date: 2026-04-07, type: closed}
""",
}

WEEK_DAY = dt.date(2026, 3, 18)  # a Wednesday
LATER = dt.date(2026, 4, 8)  # after the quarter and the year ended


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return write_repo(tmp_path / "repo", dict(CASES), settings=SETTINGS)


def _json(root: Path, *args: str) -> dict[str, object]:
    ran = complaints(root, *args)
    assert ran.code == 0, ran.err
    loaded: dict[str, object] = json.loads(ran.out)
    return loaded


def test_week_per_officer_and_team(repo: Path) -> None:
    week = _json(repo, "digest", "--period", "week", "--today", "2026-03-18", "--format", "json")
    got = {
        o["officer"]: {
            k: o[k]
            for k in (
                "team",
                "open",
                "overdue",
                "due_soon",
                "due_within",
                "stalled",
                "remedies_overdue",
            )
        }  # type: ignore[index]
        for o in week["officers"]  # type: ignore[attr-defined]
    }
    assert got == {
        # 0001 (respond overdue, stalled), 0002 (ack due 23 Mar)
        "alice": dict(
            team="North", open=2, overdue=1, due_soon=0, due_within=1, stalled=1, remedies_overdue=0
        ),
        # 0003 open with its repair overdue; 2025-0009 closed but its payment order overdue
        "bob": dict(
            team="North", open=1, overdue=2, due_soon=0, due_within=0, stalled=0, remedies_overdue=2
        ),
        # 0004: ack due today; its restriction review (26 Mar) is beyond the 5 wd
        "carol": dict(
            team="South", open=1, overdue=0, due_soon=1, due_within=1, stalled=0, remedies_overdue=0
        ),
        # 0005, by its category
        "(no officer)": dict(
            team="South", open=1, overdue=0, due_soon=0, due_within=1, stalled=0, remedies_overdue=0
        ),
    }
    teams = {t["team"]: t for t in week["teams"]}  # type: ignore[attr-defined]
    assert teams["North"]["line_manager"] == "Nia North"
    assert teams["North"]["totals"]["overdue"] == 3
    assert week["period"] == {
        "kind": "week",
        "start": "2026-03-16",
        "end": "2026-03-22",
        "label": "week of 2026-03-16",
    }
    only = _json(
        repo,
        "digest",
        "--period",
        "week",
        "--today",
        "2026-03-18",
        "--format",
        "json",
        "--team",
        "south",
    )
    assert sorted(o["officer"] for o in only["officers"]) == ["(no officer)", "carol"]  # type: ignore[attr-defined]


def test_month_per_section(repo: Path) -> None:
    march = _json(repo, "digest", "--period", "month", "--today", "2026-04-08", "--format", "json")
    assert march["period"]["label"] == "March 2026"  # type: ignore[index]
    sections = {s["team"]: s for s in march["sections"]}  # type: ignore[attr-defined]
    assert list(sections) == ["North", "South", "(no team)"]
    north = sections["North"]
    assert [c["case"] for c in north["cases"]] == [
        "2026-0001",
        "2026-0002",
        "2026-0003",
        "2026-0010",
    ]
    figures = north["figures"]
    assert figures["received"] == {"stage1": 4, "stage2": 0}
    # acknowledged within 5 wd: 0001 (3 Mar), 0003 (10 Mar), 0010 (27 Mar); 0002 never was.
    assert figures["stages"]["stage1"]["acknowledged_on_time"] == {
        "part": 3,
        "whole": 4,
        "percent": 75.0,
    }
    # one response in March (0003, 13 Mar; due 24 Mar)
    assert figures["stages"]["stage1"]["responded_on_time"]["part"] == 1
    assert figures["stages"]["stage1"]["responded_on_time"]["whole"] == 1
    assert figures["outcomes"]["stage1"]["rows"]["upheld"] == 1
    assert figures["remedies"]["rows"]["repair"] == 1
    assert [line["case"] for line in north["learning"]] == ["2026-0003"]
    # the procedure (the Code here): acknowledgements of 0001, 0003, 0010 met; 0003's response met
    procedure = {(p["stage"], p["clock"]): p["on_time"]["part"] for p in north["procedure"]}
    assert procedure == {("1", "acknowledge"): 3, ("1", "respond"): 1}
    south = sections["South"]
    assert [c["case"] for c in south["cases"]] == ["2026-0004", "2026-0005"]
    assert south["figures"]["stages"]["stage1"]["acknowledged_on_time"]["part"] == 0
    assert south["head_of_service"] == "Hal Head"
    assert sections["(no team)"]["cases"] == []
    february = _json(
        repo, "digest", "--period", "month", "--today", "2026-03-18", "--format", "json"
    )
    none = {s["team"]: s for s in february["sections"]}["(no team)"]  # type: ignore[attr-defined]
    assert [c["case"] for c in none["cases"]] == ["2026-0006"]
    assert none["figures"]["closed"] == 1


def test_quarter_across_the_year_end(repo: Path) -> None:
    pack = _json(repo, "digest", "--period", "quarter", "--today", "2026-04-08", "--format", "json")
    assert pack["period"] == {
        "kind": "quarter",
        "start": "2026-01-01",
        "end": "2026-03-31",
        "label": "2025-26 Q4",
    }
    trend = [(t["period"]["label"], t["received"]["stage1"]) for t in pack["trend"]]  # type: ignore[attr-defined]
    # Q1: 2025-0009; Q3: 2026-0008 was refused, which CH01 leaves out; Q4: seven.
    assert trend == [("2025-26 Q1", 1), ("2025-26 Q2", 0), ("2025-26 Q3", 0), ("2025-26 Q4", 7)]
    figures = pack["figures"]
    # Q4's responses: 0006 (10 Feb) and 0003 (13 Mar), both on time; 0010 answered in April.
    assert figures["stages"]["stage1"]["responded_on_time"] == {
        "part": 2,
        "whole": 2,
        "percent": 100.0,
    }
    assert figures["upheld"] == {"part": 1, "whole": 2, "percent": 50.0}
    assert figures["compensation"]["offered"]["amount_gbp"] == 0
    assert figures["refusals"]["rows"]["unacceptable_behaviour"] == 1
    ombudsman = pack["ombudsman"]
    assert ombudsman["determinations"] == [
        {
            "case": "2025-0009",
            "date": "2026-02-20",
            "finding": "maladministration",
            "non_compliance": None,
        }
    ]
    assert [(o["due"], o["state"]) for o in ombudsman["orders"]] == [
        ("2026-03-06", "met"),
        ("2026-03-13", "overdue"),
    ]
    assert ombudsman["orders_by_state"]["overdue"] == 1
    about = {(p["party"], p["name"]): (p["received"], p["upheld"]) for p in pack["about"]}
    assert about == {("contractor", "Acme Repairs"): (2, 1), ("not recorded", None): (5, 0)}
    vexatious = pack["vexatious"]
    assert vexatious["refused_unacceptable_behaviour"] == ["2026-0008"]
    assert vexatious["restrictions_in_force"] == 1
    assert [(r["case"], r["review"], r["review_state"]) for r in vexatious["restrictions"]] == [
        ("2026-0004", "2026-03-26", "overdue")
    ]
    assert pack["satisfaction"] == {
        "surveys": 3,  # 0003 satisfied (8), 0006 not (3), and 0006's unanswered one
        "satisfied": 1,
        "dissatisfied": 1,
        "not_answered": 1,
        "satisfied_share": {"part": 1, "whole": 2, "percent": 50.0},
        "scores": 2,
        "mean_score": 5.5,
    }
    # The next quarter (to date): 0010's response and its 50 pounds, across the year end.
    q1 = _json(
        repo,
        "digest",
        "--period",
        "quarter",
        "--today",
        "2026-04-08",
        "--to-date",
        "--format",
        "json",
    )
    assert q1["period"]["label"] == "2026-27 Q1"  # type: ignore[index]
    assert q1["figures"]["compensation"]["offered"] == {"payments": 1, "amount_gbp": 50.0}  # type: ignore[index]
    assert q1["figures"]["outcomes"]["stage1"]["rows"]["partially_upheld"] == 1  # type: ignore[index]


def test_digest_counts_match_check_due_and_report(repo: Path) -> None:
    """Each week count against check's and due's JSON; the year's quarters and months against report's."""
    today = "2026-04-08"
    week = _json(repo, "digest", "--period", "week", "--today", today, "--format", "json")
    check = _json(repo, "check", "--today", today, "--format", "json")
    due = _json(repo, "due", "--today", today, "--within", "5", "--format", "json")
    for officer in week["officers"]:  # type: ignore[attr-defined]
        name = officer["officer"]
        mine = [c for c in check["cases"] if c.get("officer", "(no officer)") == name]  # type: ignore[attr-defined]
        states = [d["state"] for c in mine for d in c["deadlines"] + c.get("actions", [])]
        assert officer["open"] == sum(1 for c in mine if c["open"]), name
        assert officer["overdue"] == states.count("overdue"), name
        assert officer["due_soon"] == states.count("due_soon"), name
        assert officer["remedies_overdue"] == sum(
            1 for c in mine for a in c.get("actions", []) if a["state"] == "overdue"
        )
        items = [i for i in due["items"] if i["officer"] == name and i["state"] != "overdue"]  # type: ignore[attr-defined]
        assert officer["due_within"] == len(items), name
    assert sum(o["overdue"] for o in week["officers"]) > 0  # type: ignore[attr-defined]

    report = _json(repo, "report", "--year", "2025", "--today", today, "--format", "json")
    pack = _json(repo, "digest", "--period", "quarter", "--today", today, "--format", "json")
    trend = pack["trend"]
    for stage in ("stage1", "stage2"):
        assert sum(q["received"][stage] for q in trend) == report["received"][stage]  # type: ignore[index]
        for key in ("responded_on_time", "acknowledged_on_time"):
            for part in ("part", "whole"):
                assert (
                    sum(q["stages"][stage][key][part] for q in trend)
                    == report["stages"][stage][key][part]
                )  # type: ignore[index]
        assert (
            sum(q["outcomes"][stage]["total"] for q in trend) == report["outcomes"][stage]["total"]
        )  # type: ignore[index]
    assert sum(q["refusals"]["total"] for q in trend) == report["refusals"]["total"]  # type: ignore[index]
    assert sum(q["withdrawn"] for q in trend) == report["withdrawn"]
    assert (
        sum(q["compensation"]["offered"]["amount_gbp"] for q in trend)
        == report["compensation"]["offered"]["amount_gbp"]
    )  # type: ignore[index]

    # Twelve months add up to the year's monthly table.
    opened = Repository.open(str(repo))
    gathered = gather(opened, LATER)
    facts = [i.facts for i in gathered.items]
    day = dt.date(2025, 4, 1)
    months = report["months"]["stage1"]["rows"]  # type: ignore[index]
    for label, count in months.items():
        month = month_of(day)
        assert (
            period_figures(facts, opened.settings, month.start, month.end).received["1"] == count
        ), label
        day = month.end + dt.timedelta(days=1)


def test_periods_and_the_first_working_day(repo: Path) -> None:
    opened = Repository.open(str(repo))
    settings, calendar = opened.settings, opened.calendar
    # Easter Monday 6 April 2026: the week's digest goes on Tuesday 7 April.
    assert not runs_today("week", settings, calendar, dt.date(2026, 4, 6))
    assert runs_today("week", settings, calendar, dt.date(2026, 4, 7))
    # 1 August 2026 is a Saturday: the month's digest goes on Monday 3 August.
    assert not runs_today("month", settings, calendar, dt.date(2026, 8, 1))
    assert runs_today("month", settings, calendar, dt.date(2026, 8, 3))
    # The quarter starting 1 April 2026: 1 April is a Wednesday, a working day.
    assert runs_today("quarter", settings, calendar, dt.date(2026, 4, 1))
    assert not runs_today("quarter", settings, calendar, dt.date(2026, 5, 1))
    quarter = reported_period("quarter", settings, dt.date(2026, 1, 2), to_date=False)
    assert (quarter.start, quarter.end, quarter.label) == (
        dt.date(2025, 10, 1),
        dt.date(2025, 12, 31),
        "2025-26 Q3",
    )


def test_counts_only_issue_names_nobody(repo: Path) -> None:
    for period in ("week", "month", "quarter"):
        ran = complaints(repo, "ci", "digest-report", "--period", period, "--today", "2026-04-08")
        assert ran.code == 0, ran.err
        for private in (
            "alice",
            "bob",
            "carol",
            "Nia North",
            "Hal Head",
            "Acme",
            "apologise",
            "abusive",
            "phone contact",
            "sign-off",
            "Quick and fair",
        ):
            assert private not in ran.out, (period, private)
    issue = complaints(repo, "ci", "digest-report", "--period", "quarter", "--today", "2026-04-08")
    assert "2025-0009" in issue.out and "2026-03-13" in issue.out
    info = _json(
        repo,
        "ci",
        "digest-report",
        "--period",
        "month",
        "--today",
        "2026-04-01",
        "--format",
        "json",
    )
    assert info["runs_today"] is True and info["title"] == "Monthly complaints digest: March 2026"


def test_hostile_text_is_inert_in_every_format(repo: Path) -> None:
    hostile = "<script>alert(1)</script> [x](javascript:alert(1)) | **bold**"
    text = CASES["cases/2026/2026-0003.yaml"].replace(
        "Check the contractor's sign-off before closing a job", json.dumps(hostile)
    )
    (repo / "cases/2026/2026-0003.yaml").write_text(text, encoding="utf-8")
    html = complaints(
        repo, "digest", "--period", "month", "--today", "2026-04-08", "--format", "html"
    ).out
    assert "<script>" not in html and "&lt;script&gt;" in html
    markdown = complaints(
        repo, "digest", "--period", "month", "--today", "2026-04-08", "--format", "markdown"
    ).out
    assert (
        "<script>" not in markdown
        and "](javascript" not in markdown
        and "\\*\\*bold\\*\\*" in markdown
    )


def test_bad_team_and_bad_teams(repo: Path) -> None:
    ran = complaints(repo, "digest", "--period", "week", "--team", "East")
    assert ran.code == 2 and "no team 'East'" in ran.err and "'North'" in ran.err
    (repo / "complaints.yml").write_text(
        SETTINGS.replace("officers: [carol]", "officers: [carol, bob]")
    )
    ran = complaints(repo, "digest", "--period", "week")
    assert ran.code == 1 and "complaints.yml:11" in ran.err and "'bob'" in ran.err
    assert "Traceback" not in ran.err


def test_site_reports_pages_hold_the_same_digest_and_escape_case_text(repo: Path) -> None:
    from putright.digest import digest_of
    from putright.present.blocks import blocks_markdown
    from putright.present.digest import digest_blocks
    from putright.site.audit_view import AuditView as View
    from putright.site.internal import build_internal
    from putright.site.templating import make_env

    hostile = "<script>alert(1)</script> [x](javascript:alert(1))"
    text = CASES["cases/2026/2026-0003.yaml"].replace(
        "Check the contractor's sign-off before closing a job", json.dumps(hostile)
    )
    (repo / "cases/2026/2026-0003.yaml").write_text(text, encoding="utf-8")
    opened = Repository.open(str(repo))
    pages = {
        p.path: p
        for p in build_internal(
            opened, LATER, make_env(str(repo)), audit=lambda r, d: View(False, "no history")
        )
    }
    assert {
        f"reports/{n}.md"
        for n in ("index", "week", "month", "month-to-date", "quarter", "quarter-to-date")
    } <= set(pages)
    month = str(pages["reports/month.md"].content)
    expected = blocks_markdown(digest_blocks(digest_of("month", gather(opened, LATER), opened))[1:])
    assert expected.strip() in month
    assert "<script>" not in month and "](javascript" not in month
    assert "PRIVATE" in month


def test_redaction_keeps_what_the_digests_count_and_drops_the_words() -> None:
    from putright import validation
    from putright.history.redact import redact_text

    source = """\
id: 2019-0042
received: 2019-03-02
about: {party: contractor, name: Sole Trader Sam Smith}
events:
  - {date: 2019-03-03, type: restriction, restricts: calls to Sam only, reason: shouting, review: 2019-06-03}
  - date: 2019-05-20
    type: ombudsman_determination
    finding: maladministration
    orders:
      - {order: pay Jane 200 pounds, due: 2019-06-20, done: 2019-06-10}
  - {date: 2019-06-30, type: survey, satisfied: false, score: 2, comment: Jane says never again}
  - {date: 2019-07-01, type: closed}
"""
    done = redact_text(source, "cases/2019/2019-0042.yaml", dt.date(2026, 7, 1))
    for words in ("Sam", "Jane", "shouting", "never again"):
        assert words not in done.text, words
    import yaml

    after = yaml.safe_load(done.text)
    assert after["about"] == {"party": "contractor"}
    restriction, determination, survey = after["events"][:3]
    assert str(restriction["review"]) == "2019-06-03" and restriction["restricts"] == "[redacted]"
    assert [(str(o["due"]), str(o["done"]), o["order"]) for o in determination["orders"]] == [
        ("2019-06-20", "2019-06-10", "[redacted]")
    ]
    assert survey["satisfied"] is False and survey["score"] == 2 and "comment" not in survey
    text_data = yamlfile.parse(done.text, "x.yaml")[0]
    assert validation.problems("case", text_data, done.text, "x.yaml") == []
