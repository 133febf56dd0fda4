"""How long `complaints site build` (the staff dashboard) takes at scale, and how big it is.

    python bench/bench_site.py                 # 10,000 cases, one build
    python bench/bench_site.py --n 2000 --runs 3
    python bench/bench_site.py --assert        # exit 1 when a bar is missed

It writes N synthetic cases (putright.demo.synthetic_cases, or simple valid cases of its own
when that module is missing) into a temporary repository with this repository's
complaints.yml and policies/, then times, in a fresh process each run,

    complaints --repo TMP site build --today D --out TMP/site

and reports the median seconds, the site's size on disk, its page count and the build's
peak RSS, against the bars: under 60 seconds and under 500 MB at 10,000 cases.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TODAY = dt.date(2026, 11, 24)
MAX_SECONDS = 60.0
MAX_MB = 500.0
CLI = "from putright.cli import main; main()"


def _simple_cases(n: int, today: dt.date, seed: int) -> Iterator[tuple[str, str]]:
    """Plain valid complaints, for when putright.demo is not there."""
    rng = random.Random(seed)
    for i in range(1, n + 1):
        received = today - dt.timedelta(days=rng.randint(0, 700))
        lines = [
            f"id: {received.year}-{i:05d}",
            f"received: {received.isoformat()}",
            "channel: email",
            f"summary: Synthetic complaint number {i}.",
            "events:",
        ]
        ack = received + dt.timedelta(days=rng.randint(1, 6))
        if ack <= today:
            lines.append(f"  - {{date: {ack.isoformat()}, type: acknowledged, by: officer{i % 7}}}")
            done = ack + dt.timedelta(days=rng.randint(3, 20))
            if done <= today:
                lines.append(
                    f"  - {{date: {done.isoformat()}, type: responded, by: officer{i % 7}, outcome: not_upheld}}"
                )
                lines.append(f"  - {{date: {done.isoformat()}, type: closed}}")
        yield f"cases/{received.year}/{received.year}-{i:05d}.yaml", "\n".join(lines) + "\n"


def cases(n: int, today: dt.date, seed: int) -> Iterator[tuple[str, str]]:
    try:
        from putright.demo import synthetic_cases
    except ImportError:
        return _simple_cases(n, today, seed)
    return synthetic_cases(n, today, seed)


def make_repo(root: str, n: int, today: dt.date, seed: int) -> None:
    shutil.copy(os.path.join(ROOT, "complaints.yml"), os.path.join(root, "complaints.yml"))
    shutil.copytree(os.path.join(ROOT, "policies"), os.path.join(root, "policies"))
    for rel, text in cases(n, today, seed):
        path = os.path.join(root, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(text)


def size_mb(folder: str) -> tuple[float, int, int]:
    """Bytes on disk (allocated blocks, as du counts), files, HTML pages."""
    blocks = files = pages = 0
    for path, _dirs, names in os.walk(folder):
        for name in names:
            stat = os.lstat(os.path.join(path, name))
            blocks += stat.st_blocks * 512
            files += 1
            pages += name.endswith(".html")
    return blocks / 1e6, files, pages


def build_once(repo: str, out: str, today: dt.date) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds (the build and its worker processes), peak RSS in KiB."""
    shutil.rmtree(out, ignore_errors=True)
    command = [
        sys.executable,
        "-c",
        CLI,
        "--repo",
        repo,
        "site",
        "build",
        "--today",
        today.isoformat(),
        "--out",
        out,
    ]
    start = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    _pid, status, usage = os.wait4(proc.pid, 0)  # the one child's own peak RSS
    seconds = time.perf_counter() - start
    stdout, stderr = proc.communicate()
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"the build failed:\n{stdout.decode()}{stderr.decode()}")
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--n", type=int, default=10_000, help="cases (default 10,000)")
    parser.add_argument(
        "--runs", type=int, default=1, help="builds to time (the median is reported)"
    )
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument(
        "--keep", action="store_true", help="keep the temporary repository and site"
    )
    parser.add_argument(
        "--assert", dest="check", action="store_true", help="exit 1 when a bar is missed"
    )
    args = parser.parse_args()

    tmp = tempfile.mkdtemp(prefix="putright-bench-site-")
    try:
        repo, out = os.path.join(tmp, "repo"), os.path.join(tmp, "site")
        os.mkdir(repo)
        start = time.perf_counter()
        make_repo(repo, args.n, TODAY, args.seed)
        made = time.perf_counter() - start
        runs = [build_once(repo, out, TODAY) for _ in range(args.runs)]
        seconds = statistics.median(s for s, _, _ in runs)
        cpu = statistics.median(c for _, c, _ in runs)
        peak_mib = max(kib for _, _, kib in runs) / 1024
        mb, files, pages = size_mb(out)
        cases_mb, _, _ = size_mb(os.path.join(repo, "cases"))
        ok_time, ok_size = seconds < MAX_SECONDS, mb < MAX_MB
        print(
            f"complaints site build: {args.n:,} cases ({cases_mb:.0f} MB of YAML, written in {made:.1f} s), "
            f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} at the end, {args.runs} run(s)"
        )
        print()
        print("| measure | value | bar | |")
        print("| --- | ---: | ---: | --- |")
        print(
            f"| build time (median) | {seconds:.1f} s | < {MAX_SECONDS:.0f} s | {'ok' if ok_time else 'MISSED'} |"
        )
        print(f"| CPU time (build + workers) | {cpu:.1f} s | | |")
        print(
            f"| site size on disk | {mb:.0f} MB | < {MAX_MB:.0f} MB | {'ok' if ok_size else 'MISSED'} |"
        )
        print(f"| files / HTML pages | {files:,} / {pages:,} | | |")
        print(f"| peak RSS of the build | {peak_mib:.0f} MiB | | |")
        if args.keep:
            print(f"\nkept: {tmp}")
        if args.check and not (ok_time and ok_size):
            sys.exit(1)
    finally:
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
