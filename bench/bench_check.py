"""How close `complaints check` comes to the floor of reading and parsing every case file.

    python bench/bench_check.py                      # 10,000 cases, 5 runs of each
    python bench/bench_check.py --n 2000 --runs 3 --assert
    python bench/bench_check.py --sizes 1000,5000,10000   # is memory flat in N?

For each size it writes N synthetic cases (putright.demo.synthetic_cases) into a temporary
repository with this repository's complaints.yml and policies/hoc-2024.yaml, then times, in
turn so that machine noise hits both alike:

  (a) the floor: a fresh Python process that reads every case file and parses it with
      yaml.load(..., Loader=yaml.CSafeLoader), and nothing else;
  (b) cold, one process: `complaints --repo TMP check --format json --today D --no-cache
      --jobs 1`, output to /dev/null (bar: 1.5 times the floor);
  (c) cold: the same with its workers (one per core);
  (d) warm: `check` with its cache (.putright-cache/) filled by an earlier run and nothing
      changed since (bar: half the floor);
  (e) warm after a checkout: the same, but every case file touched first (new dates, same
      bytes), as a workflow's fresh checkout leaves them: each file is read and its digest
      compared, none is parsed (no bar; the cache is rewritten with the new dates).

It prints a Markdown table of the medians, their ratios to the floor and each process's
peak RSS (from os.wait4, which reports the one child's own rusage; RUSAGE_CHILDREN would
give the running maximum over every child so far), with the machine's load average, since
the ratio, not the seconds, is what carries from one machine to another. With --assert it
exits 1 when a ratio is above its bar.
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
from dataclasses import dataclass, field

from floor import FLOOR

from putright.demo import synthetic_cases

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TODAY = dt.date(2026, 11, 24)


@dataclass
class Runs:
    seconds: list[float] = field(default_factory=list)
    peak_kib: list[int] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)

    @property
    def peak_mib(self) -> float:
        return max(self.peak_kib) / 1024


def make_repo(folder: str, n: int, today: dt.date, seed: int, size: int) -> None:
    os.makedirs(os.path.join(folder, "policies"))
    shutil.copy(os.path.join(ROOT, "complaints.yml"), os.path.join(folder, "complaints.yml"))
    shutil.copy(
        os.path.join(ROOT, "policies", "hoc-2024.yaml"),
        os.path.join(folder, "policies", "hoc-2024.yaml"),
    )
    made: set[str] = set()
    for rel, text in synthetic_cases(n, today, seed, target_bytes=size):
        path = os.path.join(folder, *rel.split("/"))
        parent = os.path.dirname(path)
        if parent not in made:
            os.makedirs(parent, exist_ok=True)
            made.add(parent)
        with open(path, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)


def complaints_command() -> list[str]:
    found = shutil.which("complaints")
    # Without the console script (an uninstalled checkout), the same entry point by hand.
    return [found] if found else [sys.executable, "-c", "from putright.cli import main; main()"]


def timed(argv: list[str]) -> tuple[float, int, int]:
    """Wall seconds, peak RSS in KiB and exit status of one process, its output discarded."""
    start = time.perf_counter()
    with subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE) as proc:
        assert proc.stderr is not None
        errors = proc.stderr.read()  # small; read before waiting so the pipe cannot fill
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)  # wait4 reaped it, not Popen
    if proc.returncode != 0:
        sys.stderr.write(errors.decode("utf-8", "replace"))
    return elapsed, usage.ru_maxrss, proc.returncode  # ru_maxrss is KiB on Linux


MODES = {
    "cold, 1 process": ["--no-cache", "--jobs", "1"],
    "cold, workers": ["--no-cache"],
    "warm (cached)": [],
    "warm, files touched": [],
}
TOUCHED = "warm, files touched"
BARS = {"cold, 1 process": 1.5, "warm (cached)": 0.5}


def touch_cases(repo: str) -> None:
    """Give every case file new dates, its bytes unchanged (as a fresh checkout does)."""
    for folder, _dirs, files in os.walk(os.path.join(repo, "cases")):
        for name in files:
            os.utime(os.path.join(folder, name))


def measure(repo: str, runs: int, today: dt.date) -> dict[str, Runs]:
    floor_argv = [sys.executable, "-c", FLOOR, repo]
    base = [*complaints_command(), "--repo", repo, "check", "--format", "json"]
    argvs = {"floor": floor_argv}
    for mode, extra in MODES.items():
        argvs[mode] = [*base, "--today", today.isoformat(), *extra]
    results = {name: Runs() for name in argvs}
    # One untimed run of each first, so all find the files in the page cache (and the warm
    # run its cache filled).
    for argv in argvs.values():
        _, _, status = timed(argv)
        if status != 0:
            raise SystemExit(
                f"{' '.join(argv[:3])}... exited {status}: the benchmark means nothing"
            )
    names = list(argvs)
    for i in range(runs):
        # Rotate which goes first, so a drift in machine load favours none.
        for name in names[i % len(names) :] + names[: i % len(names)]:
            if name == TOUCHED:
                touch_cases(repo)  # not timed
            seconds, peak, _ = timed(argvs[name])
            results[name].seconds.append(seconds)
            results[name].peak_kib.append(peak)
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=10_000, help="cases to generate (default 10000)")
    parser.add_argument("--sizes", help="comma-separated N values, e.g. 1000,5000,10000")
    parser.add_argument("--runs", type=int, default=5, help="timed runs of each (default 5)")
    parser.add_argument(
        "--bytes", type=int, default=4096, help="size of a case file (default 4096)"
    )
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--today", type=dt.date.fromisoformat, default=TODAY)
    parser.add_argument(
        "--assert",
        dest="check_ratio",
        action="store_true",
        help="exit 1 if a ratio is above its bar",
    )
    parser.add_argument(
        "--max-ratio", type=float, default=None, help="the cold single-process bar (1.5)"
    )
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")] if args.sizes else [args.n]

    rows = []
    for n in sizes:
        with tempfile.TemporaryDirectory(prefix="putright-bench-") as tmp:
            repo = os.path.join(tmp, "repo")
            started = time.perf_counter()
            make_repo(repo, n, args.today, args.seed, args.bytes)
            made = time.perf_counter() - started
            print(
                f"N={n}: wrote {n:,} cases in {made:.1f} s; timing {args.runs} runs of each",
                file=sys.stderr,
            )
            rows.append((n, measure(repo, args.runs, args.today), os.getloadavg()[0]))

    print(
        f"\n`complaints check` against the floor (median of {args.runs}, "
        f"~{args.bytes:,}-byte cases, Python {sys.version.split()[0]}, "
        f"{os.cpu_count()} CPUs)\n"
    )
    print("| N | run | seconds | ratio to floor | bar | peak RSS (MiB) | load average |")
    print("|---:|---|---:|---:|---:|---:|---:|")
    failed = False
    for n, results, load in rows:
        floor = results["floor"]
        for name, runs in results.items():
            ratio = runs.median / floor.median
            bar = BARS.get(name)
            if args.max_ratio is not None and name == "cold, 1 process":
                bar = args.max_ratio
            missed = bar is not None and ratio > bar
            failed |= missed
            verdict = "" if bar is None else f"{bar:g}{' MISSED' if missed else ''}"
            print(
                f"| {n:,} | {name} | {runs.median:.2f} | {ratio:.2f} | {verdict} "
                f"| {runs.peak_mib:.0f} | {load:.1f} |"
            )
    if args.check_ratio and failed:
        print("\nFAIL: a ratio is above its bar", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
