"""The check pipeline: discover, load, validate, evaluate; results as data, never printed here.

``iter_evaluated`` yields every case file's outcome one at a time (the site generator keeps
them all; ``run_check`` keeps only the small per-case results, so memory stays flat in the
number of files beyond the report itself).
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace

from . import yamlfile
from .casewalk import read_case_bytes
from .engine import CaseResult, evaluate, stage_flaws
from .engine.rules import category_flaws, tenure_flaws
from .letters.checks import letter_path_flaws, response_content_flaws
from .problems import Flaw, Problem, locate
from .records import Case, load_case
from .repository import Repository


@dataclass(slots=True)
class Evaluated:
    """One case file's outcome: the case and its result when it could be read, and problems."""

    rel: str
    case: Case | None
    result: CaseResult | None
    problems: list[Problem]


@dataclass
class CheckResult:
    today: dt.date
    cases: list[CaseResult] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    files: int = 0

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def invalid_files(self) -> int:
        return len({p.file for p in self.errors})

    def overdue(self) -> list[CaseResult]:
        return [c for c in self.cases if c.worst_state == "overdue"]

    def add(self, outcome: Evaluated) -> None:
        """Count one file's outcome in (every consumer of outcomes adds them the same way)."""
        self.files += 1
        self.problems.extend(outcome.problems)
        if outcome.result is not None:
            self.cases.append(outcome.result)


def _never_closed(case: Case, days: int, today: dt.date) -> list[Flaw]:
    """A refused or withdrawn complaint left unclosed: its personal data has no end date until
    it is closed (``history.retention``), so `check` reminds after ``days``."""
    ended = [e for e in case.events if e.type in ("refused", "withdrawn")]
    if not ended or any(e.type == "closed" and e.date >= ended[-1].date for e in case.events):
        return []
    last = ended[-1]
    if (today - last.date).days <= days:
        return []
    return [
        Flaw(
            ("events", last.index),
            f"{last.type} on {last.date} and never closed: add a `closed` event so its retention "
            "period is clear (complaints.yml retention.close_ended_after_days)",
            "warning",
            rule="close_ended",
        )
    ]


def evaluate_bytes(repo: Repository, rel: str, raw: bytes, today: dt.date) -> Evaluated:
    """One case file in the context of its repository."""
    case, problems, text = load_case(raw, rel)
    if case is None:
        return Evaluated(rel, None, None, problems)
    policy_id = case.policy or repo.settings.default_policy
    policy = repo.policies.get(policy_id)
    if policy is None:
        known = ", ".join(sorted(repo.policies)) or "none"
        where = ("policy",) if case.policy else ("id",)
        flaw = Flaw(where, f"unknown policy {policy_id!r} (policies/ has: {known})")
        return Evaluated(rel, case, None, problems + locate([flaw], text, rel, case.id))
    flaws = stage_flaws(case, policy) + category_flaws(case, repo.settings.categories)
    flaws += tenure_flaws(case, repo.settings.tsm.lcho_apart)
    if any(f.severity == "error" for f in flaws):
        return Evaluated(rel, case, None, problems + locate(flaws, text, rel, case.id))
    result = evaluate(case, policy, repo.calendar, today)
    flaws += result.flaws
    flaws += response_content_flaws(case, policy, repo.settings, repo.calendar, today)
    flaws += letter_path_flaws(case)
    flaws += _never_closed(case, repo.settings.close_ended_after_days, today)
    if case.received > today:
        flaws.append(
            Flaw(
                ("received",),
                f"received {case.received} is after today ({today}); the case is not evaluated yet",
                "warning",
            )
        )
    if flaws:
        problems = problems + locate(flaws, text, rel, case.id)
    return Evaluated(rel, case, result, problems)


def check_case_bytes(root: str, rel: str, raw: bytes, today: dt.date) -> list[Problem]:
    """Validate one file's would-be content (for editing before it writes)."""
    repo = Repository.open(root)
    outcome = evaluate_bytes(repo, rel, raw, today)
    problems = list(outcome.problems)
    if outcome.case is not None:
        for _path, other in repo.case_files():
            if other != rel and os.path.splitext(os.path.basename(other))[0] == outcome.case.id:
                problems.append(
                    Problem(
                        rel,
                        1,
                        f"id {outcome.case.id} is also used by {other}",
                        case=outcome.case.id,
                    )
                )
    return problems


# Below this many files one process is quicker than starting workers.
PARALLEL_FROM = 1000
# The worker's view of the run, set once per worker process (inherited through fork).
_WORKER: tuple[Repository, dt.date, bool] | None = None


def _read_and_evaluate(repo: Repository, today: dt.date, path: str, rel: str) -> Evaluated:
    if rel.endswith(".yml"):
        return Evaluated(
            rel,
            None,
            None,
            [Problem(rel, None, "case files end in .yaml: rename it so it is read")],
        )
    # UnreadableError (exit 2), not a problem in the list: a file left out shrinks every count.
    raw = read_case_bytes(repo.root, path, yamlfile.MAX_BYTES)
    return evaluate_bytes(repo, rel, raw, today)


def _init_worker(repo: Repository, today: dt.date, keep_cases: bool) -> None:
    global _WORKER
    _WORKER = (repo, today, keep_cases)


def _work(item: tuple[str, str]) -> Evaluated:
    assert _WORKER is not None
    repo, today, keep_cases = _WORKER
    outcome = _read_and_evaluate(repo, today, *item)
    # Send back only what the caller keeps: a Case carries the whole record.
    return (
        outcome
        if keep_cases or outcome.case is None
        else replace(outcome, case=_slim(outcome.case))
    )


def _slim(case: Case) -> Case:
    return replace(case, data={}, events=())


def default_jobs(files: int) -> int:
    if files < PARALLEL_FROM or "fork" not in multiprocessing.get_all_start_methods():
        return 1
    return max(1, min(os.cpu_count() or 1, 8))


def iter_evaluated(
    repo: Repository,
    today: dt.date,
    progress: Callable[[int], None] | None = None,
    *,
    jobs: int | None = None,
    keep_cases: bool = True,
) -> Iterator[Evaluated]:
    """Every case file's outcome, in file order, plus a problem for an id used twice.

    Large repositories are read by a pool of worker processes (one per core): parsing
    dominates and is CPU-bound. Results come back in order, so the output is the same.
    With ``keep_cases=False`` the Case in each outcome is a slim copy without its data.
    """
    files = list(repo.case_files())
    jobs = default_jobs(len(files)) if jobs is None else jobs
    if jobs > 1:
        # fork: workers inherit the repository, policies and calendar already built.
        context = multiprocessing.get_context("fork")
        pool = context.Pool(jobs, initializer=_init_worker, initargs=(repo, today, keep_cases))
        outcomes: Iterator[Evaluated] = pool.imap(_work, files, chunksize=64)
    else:
        pool = None
        outcomes = (_read_and_evaluate(repo, today, path, rel) for path, rel in files)
    seen: dict[str, str] = {}
    try:
        for count, outcome in enumerate(outcomes, start=1):
            if outcome.case is not None:
                first = seen.setdefault(outcome.case.id, outcome.rel)
                if first != outcome.rel:
                    outcome.problems.append(
                        Problem(
                            outcome.rel,
                            1,
                            f"id {outcome.case.id} is also used by {first}: each case needs its own id",
                            case=outcome.case.id,
                        )
                    )
                    outcome.result = None
            if progress is not None:
                progress(count)
            yield outcome
    finally:
        if pool is not None:
            pool.terminate()
            pool.join()


def run_check(
    repo: Repository,
    today: dt.date,
    progress: Callable[[int], None] | None = None,
    *,
    jobs: int | None = None,
) -> CheckResult:
    result = CheckResult(today=today, problems=list(repo.policy_problems))
    for outcome in iter_evaluated(repo, today, progress, jobs=jobs, keep_cases=False):
        result.add(outcome)
    result.problems.sort(key=Problem.sort_key)
    return result
