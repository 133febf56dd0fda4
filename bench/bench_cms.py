"""How long the form editor takes to list this year's cases in a 10,000-case repository.

    python bench/bench_cms.py                  # 5 years x 2,000 cases, 3 runs
    python bench/bench_cms.py --per-year 500 --years 2 --runs 1

It writes ``--years`` year folders of ``--per-year`` synthetic cases each
(putright.demo.synthetic_cases, about 4 KB a case) into a temporary Git repository with this
repository's complaints.yml and policies/, makes admin/ with `complaints cms config --write`,
starts `complaints cms serve` (the pinned Decap CMS over decap-server's git mode) and, in
headless Chromium, times:

- backend: decap-server's answer to the listing request for the newest year's folder
  (``entriesByFolder``: every file of the year, read and sent), straight to /api/v1;
- listed: from opening the newest year's collection to its newest case at the top of the
  list (sorted newest first, which needs every entry of the year loaded), with no error;
- numbered: `complaints cms serve`'s answer to the case number box of a new form
  (``/putright/next-id``: every branch and its history counted, as `complaints new` does).

The floor is the first of these: the editor cannot list faster than its backend answers.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tests", "browser"))
CLI = [sys.executable, "-c", "from putright.cli import main; main()"]
TODAY = dt.date(2026, 11, 24)


def _write_year(root: str, year: int, count: int) -> None:
    """``count`` cases received in ``year``, ids YEAR-0001 upwards (synthetic, valid)."""
    from putright.demo import synthetic_cases

    end = min(dt.date(year, 12, 31), TODAY)
    written = 0
    for rel, text in synthetic_cases(count * 3, end, seed=year):
        if not rel.startswith(f"cases/{year}/"):
            continue
        path = os.path.join(root, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(text)
        written += 1
        if written == count:
            return
    raise SystemExit(f"only {written} synthetic cases fell in {year}")


def _run(root: str, *args: str) -> None:
    subprocess.run([*CLI, "--repo", root, *args], check=True, capture_output=True)


def _git(root: str, *args: str) -> None:
    subprocess.run(
        ["git", "-C", root, "-c", "user.name=Bench", "-c", "user.email=b@example.org", *args],
        check=True,
        capture_output=True,
    )


def build(root: str, years: int, per_year: int) -> int:
    os.makedirs(root)
    shutil.copy(os.path.join(ROOT, "complaints.yml"), root)
    shutil.copytree(os.path.join(ROOT, "policies"), os.path.join(root, "policies"))
    newest = TODAY.year
    for year in range(newest - years + 1, newest + 1):
        _write_year(root, year, per_year)
    _run(root, "cms", "config", "--write", "--today", TODAY.isoformat())
    _git(root, "init", "-q", "-b", "main")
    _git(root, "add", "-A")
    _git(root, "commit", "-qm", "Bench cases")
    return newest


def _backend_seconds(base: str, year: int) -> tuple[float, int]:
    body = {
        "action": "entriesByFolder",
        "params": {"branch": "main", "folder": f"cases/{year}", "extension": "yaml", "depth": 1},
    }
    request = urllib.request.Request(
        base + "/api/v1",
        data=json.dumps(body).encode(),
        headers={"Content-Type": "application/json"},
    )
    start = time.perf_counter()
    with urllib.request.urlopen(request, timeout=300) as answer:
        entries = json.loads(answer.read())
    return time.perf_counter() - start, len(entries)


def measure(root: str, year: int, runs: int) -> dict[str, list[float]]:
    from browser_support import ARGS, CHROMIUM
    from cms_support import start_editor
    from playwright.sync_api import sync_playwright

    server, started = start_editor(root)
    assert started is not None, server.stderr.read() if server.stderr else ""
    url = started
    base = url[: -len("/admin/")]
    times: dict[str, list[float]] = {"backend": [], "listed": [], "numbered": []}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            for _ in range(runs):
                seconds, count = _backend_seconds(base, year)
                assert count > 0
                times["backend"].append(seconds)
                start = time.perf_counter()
                with urllib.request.urlopen(f"{base}/putright/next-id?year={year}") as answer:
                    allocated = json.loads(answer.read())["id"]
                times["numbered"].append(time.perf_counter() - start)
                assert allocated == f"{year}-{count + 1:04d}", allocated
                page = browser.new_page(viewport={"width": 1280, "height": 900})
                page.goto(url)
                page.get_by_role("button", name="Login").click()
                page.get_by_text(f"Cases {year}").first.wait_for(timeout=300_000)
                page.goto(url + "#/collections/settings")  # away, so the next is a fresh load
                start = time.perf_counter()
                page.goto(url + f"#/collections/cases-{year}")
                newest = f"{year}-{count:04d}"
                first = page.get_by_text(re.compile(rf"^{year}-\d{{4}} ")).first
                first.wait_for(timeout=300_000)
                times["listed"].append(time.perf_counter() - start)
                assert first.inner_text().startswith(newest)
                assert page.get_by_text("Error").count() == 0
                page.close()
            browser.close()
    finally:
        server.send_signal(2)
        server.wait(timeout=30)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--per-year", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    work = tempfile.mkdtemp(prefix="bench-cms-")
    try:
        root = os.path.join(work, "repo")
        started = time.perf_counter()
        year = build(root, args.years, args.per_year)
        print(
            f"{args.years * args.per_year} cases written in {time.perf_counter() - started:.0f} s"
        )
        times = measure(root, year, args.runs)
        for name, values in times.items():
            print(
                f"{name:14} median {statistics.median(values):6.2f} s  (runs: "
                + ", ".join(f"{v:.2f}" for v in values)
                + ")"
            )
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
