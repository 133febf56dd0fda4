"""How long `complaints site build` takes at scale, against a floor measured in the same run.

    python bench/bench_site.py                     # 10,000 cases, one run of each
    python bench/bench_site.py --n 2000 --runs 3
    python bench/bench_site.py --skip zensical     # leave out a builder
    python bench/bench_site.py --assert            # exit 1 when a bar is missed

It writes N synthetic cases (putright.demo.synthetic_cases) into a temporary repository
with this repository's complaints.yml and policies/, and a second one of 100 cases, then
times in a fresh process each:

  floor            a Python process that parses every case file with libyaml, nothing else
                   (the same floor as bench_check.py)
  staff, cold      complaints site build --no-cache (every case read afresh), MkDocs
  staff, warm      the same with check's cache filled (as in CI, where check runs first)
  staff, serial    warm, MkDocs with --jobs 1 (no worker processes, so no shells: every
                   page built by MkDocs in one process, big pages still without
                   Python-Markdown; putright.builders.fastpages)
  staff, zensical  warm, --builder zensical
  public N / 100   complaints site build --public, warm, at N and at 100 cases

Bars: the staff site at 10,000 cases in 30 s on the reference machine (2 cores, where the
floor takes 1.81 s: so 16.6 times the floor), the public site at N at most twice the time
at 100, the staff site under 500 MB on disk. Timings on a shared machine are noisy: the
ratios to the floor and to each other, taken in the same run, are what to compare; the
load average is printed beside them.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

from floor import FLOOR

from putright.demo import synthetic_cases

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TODAY = dt.date(2026, 11, 24)
REFERENCE_FLOOR = 1.81  # seconds: the floor at 10,000 cases on the reference machine
STAFF_SECONDS = 30.0
MAX_MB = 500.0
CLI = "from putright.cli import main; main()"


def make_repo(root: str, n: int, seed: int) -> None:
    os.makedirs(root)
    shutil.copy(os.path.join(ROOT, "complaints.yml"), os.path.join(root, "complaints.yml"))
    shutil.copy(os.path.join(ROOT, "mkdocs.public.yml"), os.path.join(root, "mkdocs.public.yml"))
    shutil.copytree(os.path.join(ROOT, "site_templates"), os.path.join(root, "site_templates"))
    shutil.copytree(os.path.join(ROOT, "policies"), os.path.join(root, "policies"))
    for rel, text in synthetic_cases(n, TODAY, seed):
        path = os.path.join(root, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(text)


def size_mb(folder: str) -> tuple[float, int]:
    """Bytes on disk (allocated blocks, as du counts) and HTML pages."""
    blocks = pages = 0
    for path, _dirs, names in os.walk(folder):
        for name in names:
            blocks += os.lstat(os.path.join(path, name)).st_blocks * 512
            pages += name.endswith(".html")
    return blocks / 1e6, pages


class Failed(Exception):
    """A build that did not finish (Zensical at 10,000 cases, say): reported, not fatal."""


def timed(argv: list[str]) -> tuple[float, int]:
    """Wall seconds and peak RSS (KiB) of one process; Failed (its last line) if it fails."""
    # Output goes to a file, not a pipe: `check` over 10,000 cases writes more than a pipe
    # holds, and waiting for a process blocked on a full pipe never ends.
    with tempfile.TemporaryFile() as output:
        start = time.perf_counter()
        with subprocess.Popen(argv, stdout=output, stderr=subprocess.STDOUT) as proc:
            _pid, status, usage = os.wait4(proc.pid, 0)
            seconds = time.perf_counter() - start
            proc.returncode = os.waitstatus_to_exitcode(status)  # wait4 reaped it, not Popen
        if proc.returncode != 0:
            output.seek(0)
            lines = output.read().decode("utf-8", "replace").strip().splitlines()
            raise Failed(f"failed after {seconds:.0f} s: {lines[-1] if lines else '?'}")
    return seconds, usage.ru_maxrss


def build_argv(repo: str, out: str, *extra: str) -> list[str]:
    site = ("site", "build", "--today", TODAY.isoformat(), "--out", out)
    return [sys.executable, "-c", CLI, "--repo", repo, *site, *extra]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--n", type=int, default=10_000, help="cases (default 10,000)")
    parser.add_argument("--runs", type=int, default=1, help="runs of each (median reported)")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument(
        "--skip",
        action="append",
        default=[],
        help="leave out: staff (every staff build), serial, zensical, cold, public",
    )
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    parser.add_argument("--assert", dest="check", action="store_true", help="exit 1 on a miss")
    args = parser.parse_args()

    tmp = tempfile.mkdtemp(prefix="putright-bench-site-")
    try:
        big, small = os.path.join(tmp, "big"), os.path.join(tmp, "small")
        make_repo(big, args.n, args.seed)
        make_repo(small, 100, args.seed)
        out = os.path.join(tmp, "site")
        warm = [sys.executable, "-c", CLI, "--repo", big, "check", "--today", TODAY.isoformat()]
        timed(warm)  # fills check's cache for the warm runs
        timed([*warm[:4], small, *warm[5:]])
        runs: dict[str, list[str]] = {"floor": [sys.executable, "-c", FLOOR, big]}
        staff = "staff" not in args.skip
        if staff and "cold" not in args.skip:
            runs["staff, cold (MkDocs)"] = build_argv(big, out, "--no-cache")
        if staff:
            runs["staff, warm (MkDocs)"] = build_argv(big, out)
        if staff and "serial" not in args.skip:
            runs["staff, warm, serial (MkDocs --jobs 1)"] = build_argv(big, out, "--jobs", "1")
        if staff and "zensical" not in args.skip:
            runs["staff, warm (Zensical)"] = build_argv(big, out, "--builder", "zensical")
        if "public" not in args.skip:
            runs[f"public, {args.n:,} cases"] = build_argv(big, out + "-p", "--public")
            runs["public, 100 cases"] = build_argv(small, out + "-p", "--public")
        seconds: dict[str, list[float]] = {name: [] for name in runs}
        peak: dict[str, int] = dict.fromkeys(runs, 0)
        sizes: dict[str, tuple[float, int]] = {}
        failures: dict[str, str] = {}
        for _ in range(args.runs):
            for name, argv in runs.items():
                if name in failures:
                    continue
                try:
                    s, kib = timed(argv)
                except Failed as exc:
                    if name == "floor" or not name.endswith("(Zensical)"):
                        sys.exit(f"{name}: {exc}")
                    failures[name] = str(exc)
                    continue
                seconds[name].append(s)
                peak[name] = max(peak[name], kib)
                if name.startswith("staff"):
                    sizes[name] = size_mb(out)
        med = {name: statistics.median(v) for name, v in seconds.items() if v}
        floor = med["floor"]
        print(
            f"complaints site build: {args.n:,} cases, {os.cpu_count()} CPUs, "
            f"load average {os.getloadavg()[0]:.1f} at the end, {args.runs} run(s) of each; "
            f"floor {floor:.2f} s (reference machine {REFERENCE_FLOOR} s)\n"
        )
        print(
            "| run | seconds | ratio to floor | scaled to reference (s) | peak RSS (MiB) | site MB / pages |"
        )
        print("| --- | ---: | ---: | ---: | ---: | ---: |")
        for name, value in med.items():
            # The reference floor grows with N: scale by the floor at this N.
            scaled = value / floor * REFERENCE_FLOOR * args.n / 10_000
            site = sizes.get(name)
            where = f"{site[0]:.0f} / {site[1]:,}" if site else ""
            print(
                f"| {name} | {value:.1f} | {value / floor:.1f} | {scaled:.1f} "
                f"| {peak[name] / 1024:.0f} | {where} |"
            )
        for name, why in failures.items():
            print(f"| {name} | {why} | | | | |")
        failed = []
        bar = STAFF_SECONDS / REFERENCE_FLOOR
        if staff:
            ratio = med["staff, warm (MkDocs)"] / floor
            print(
                f"\nstaff site (MkDocs, warm): {ratio:.1f} x floor; bar {bar:.1f} x "
                f"(30 s where the floor is {REFERENCE_FLOOR} s)"
            )
            if args.n == 10_000 and ratio > bar:
                failed.append("staff site")
        if "public" not in args.skip:
            ratio = med[f"public, {args.n:,} cases"] / med["public, 100 cases"]
            print(f"public site: {args.n:,} cases take {ratio:.2f} x the time for 100; bar 2")
            failed += ["public site"] if ratio > 2 else []
        mb = sizes.get("staff, warm (MkDocs)", (0.0, 0))[0]
        failed += ["site size"] if mb > MAX_MB else []
        if failed:
            print(f"MISSED: {', '.join(failed)}")
        if args.keep:
            print(f"\nkept: {tmp}")
        if args.check and failed:
            sys.exit(1)
    finally:
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
