"""axe-core in the page: WCAG 2.2 AA checks on a page Playwright has open.

axe-core is pinned in tests/browser/package.json (installed by `.ci/run` with `npm ci`) and is
injected from disk: no CDN, no network. Every rule with a WCAG 2.0/2.1/2.2 A or AA tag runs;
none is disabled and no element is excluded.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

AXE = Path(__file__).resolve().parent / "node_modules" / "axe-core" / "axe.min.js"
PACKAGE = Path(__file__).resolve().parent / "package.json"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
BLOCKING = ("serious", "critical")
WIDTHS = {"desktop": 1280, "phone": 375}


@dataclass(frozen=True)
class Violation:
    rule: str
    impact: str
    help: str
    nodes: tuple[str, ...]  # each node's CSS selector and axe's summary of what is wrong

    def __str__(self) -> str:
        shown = "\n    ".join(self.nodes[:5])
        more = f"\n    ... and {len(self.nodes) - 5} more" if len(self.nodes) > 5 else ""
        return (
            f"{self.rule} ({self.impact}, {len(self.nodes)} nodes): {self.help}\n    {shown}{more}"
        )


def axe_version() -> str:
    """The version package.json pins (so a report can say what measured it)."""
    pinned: str = json.loads(PACKAGE.read_text(encoding="utf-8"))["devDependencies"]["axe-core"]
    return pinned


def run_axe(page: Any) -> list[Violation]:
    """Every WCAG 2.2 A/AA violation axe finds on the page as it is now, worst first."""
    assert AXE.is_file(), f"{AXE} is missing: run `npm ci --prefix tests/browser` (.ci/run does)"
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    raw = page.evaluate(
        """async (tags) => {
            const results = await axe.run(document, {
                runOnly: {type: 'tag', values: tags},
                resultTypes: ['violations'],
            });
            return results.violations.map(v => ({
                rule: v.id, impact: v.impact || '', help: v.help,
                nodes: v.nodes.map(n => n.target.join(' ') + ': ' + (n.failureSummary || '')
                    .replace(/\\s+/g, ' ').slice(0, 300)),
            }));
        }""",
        TAGS,
    )
    order = {"critical": 0, "serious": 1, "moderate": 2, "minor": 3}
    found = [Violation(v["rule"], v["impact"], v["help"], tuple(v["nodes"])) for v in raw]
    return sorted(found, key=lambda v: (order.get(v.impact, 4), v.rule))


def blocking(violations: list[Violation]) -> list[Violation]:
    """The serious and critical ones: a page with any of these fails."""
    return [v for v in violations if v.impact in BLOCKING]


def open_search(page: Any, query: str) -> None:
    """Material's search dialog, opened and typed into key by key (as a person does)."""
    page.keyboard.press("/")  # Material's shortcut; the dialog opens with the box focused
    box = page.locator("input.md-search__input")
    if not box.is_visible():
        page.locator("label.md-search__icon").first.click()
    box.press_sequentially(query, delay=30)
    page.locator(".md-search-result__item").first.wait_for(timeout=15_000)
