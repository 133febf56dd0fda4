"""The privacy boundary made of types: the public templates get published objects only.

The public templates could reach the unsuppressed report (``YearView.bundle``), and the
self-assessment's helpers rendered unsuppressed by default. Now a template that reaches for
anything but the published figures fails the build with a message naming the template and
line, the helpers have no default, and notes carry their audience.
"""

from __future__ import annotations

import inspect
import shutil
from pathlib import Path

import pytest

import putright.cli.site_cmd  # noqa: F401  (registers `complaints site`)
from helpers import run
from putright.annual import selfassess
from putright.annual.model import Note
from putright.annual.published import HELD_NOTE, publish_public
from putright.site import public

ROOT = Path(__file__).resolve().parent.parent


def demo_copy(root: Path) -> Path:
    for name in ("cases", "policies", "reports", "site_templates"):
        shutil.copytree(ROOT / name, root / name)
    for name in ("complaints.yml", "mkdocs.public.yml"):
        shutil.copy(ROOT / name, root / name)
    return root


@pytest.mark.parametrize(
    "reach",
    [
        "{{ view.bundle.report.compensation_paid.amount }}",  # the report before suppression
        "{{ view.assessment.sections[0].rows[0].evidence }}",  # the raw evidence
        "{{ evidence_lines }}",  # the helper that rendered without suppression
    ],
)
def test_a_template_reaching_past_the_published_figures_fails_the_build(
    tmp_path: Path, reach: str
) -> None:
    repo = demo_copy(tmp_path / "repo")
    template = repo / "site_templates" / "public" / "report.md.j2"
    template.write_text(template.read_text(encoding="utf-8") + reach + "\n", encoding="utf-8")
    out = tmp_path / "out"
    result = run(
        "--repo", str(repo), "site", "build", "--public", "--out", str(out), "--today", "2026-11-24"
    )
    assert result.exit_code != 0
    assert "site_templates/public/report.md.j2:" in result.output
    assert "the public pages are not given" in result.output
    assert "Traceback" not in result.output
    assert not (out / "index.html").exists()


def test_the_year_view_holds_only_published_objects() -> None:
    fields = {f: str(t) for f, t in public.YearView.__annotations__.items()}
    assert "bundle" not in fields
    assert fields["report"] == "PublishedReport" and fields["assessment"] == "PublicAssessment"


def test_the_helpers_have_no_unsuppressed_default() -> None:
    for helper in (selfassess.evidence_lines, selfassess.contradiction_text):
        parameter = inspect.signature(helper).parameters["min_cell"]
        assert parameter.default is inspect.Parameter.empty, helper.__name__


def test_only_public_notes_are_published() -> None:
    import datetime as dt

    from putright.annual.collect import collect_facts
    from putright.annual.report import annual_report
    from putright.annual.tsm import Homes
    from putright.repository import Repository

    repo = Repository.open(str(ROOT))
    facts = collect_facts(repo, dt.date(2026, 9, 30))
    report = annual_report(
        facts.facts, repo.settings, 2026, Homes(None), today=facts.today, left_out=3
    )
    audiences = {n.audience for n in report.notes}
    assert audiences == {"public", "staff"}  # homes unset and files left out: staff notes
    published = publish_public(report, 5, ())
    assert all(isinstance(n, Note) and n.audience == "public" for n in published.notes)
    assert HELD_NOTE in [n.text for n in published.notes]
