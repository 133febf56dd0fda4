"""The check pipeline: discover, load, validate, evaluate; results as data, never printed here.

``iter_evaluated`` yields every case file's outcome one at a time (the site generator keeps
them all; ``run_check`` keeps only the small per-case results, so memory stays flat in the
number of files beyond the report itself).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import os
import stat
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass, field, replace

from . import yamlfile
from .cache import CheckCache, Learnt, digest, pack, stamp_of
from .casewalk import check_case_path, read_case_bytes
from .engine import CaseResult, evaluate, stage_flaws
from .engine.rules import category_flaws, tenure_flaws
from .letters.checks import letter_path_flaws, response_content_flaws
from .policy.model import Policy
from .problems import Flaw, Lines, Problem, locate
from .records import Case, build_case, load_case
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
    return evaluate_loaded(repo, rel, case, problems, text, today)


def evaluate_loaded(
    repo: Repository,
    rel: str,
    case: Case | None,
    problems: list[Problem],
    text: str | Callable[[], str | None] | None,
    today: dt.date,
    lines: Lines | None = None,
) -> Evaluated:
    """A case already read (from its file or the cache), against its procedure, for today.

    ``text`` may be a function giving it: a cached case's file is read only to place findings
    that ``lines`` (where earlier runs placed findings in the same text) does not hold; those
    placed now are added to it.
    """
    if case is None:
        return Evaluated(rel, None, None, problems)
    policy, flaws = _record_flaws(repo, case)
    if policy is None or any(f.severity == "error" for f in flaws):
        return Evaluated(rel, case, None, problems + locate(flaws, text, rel, case.id, lines))
    result = evaluate(case, policy, repo.calendar, today)
    later = result.flaws + response_content_flaws(case, policy, repo.settings, repo.calendar, today)
    later += letter_path_flaws(case)
    later += _never_closed(case, repo.settings.close_ended_after_days, today)
    if case.received > today:
        later.append(
            Flaw(
                ("received",),
                f"received {case.received} is after today ({today}); the case is not evaluated yet",
                "warning",
            )
        )
    # Whether a record counts must not depend on today: ``screen_loaded`` decides it without
    # evaluating, so what evaluation finds can only ever be a warning.
    if any(f.severity != "warning" for f in later):
        raise AssertionError(f"{rel}: an error found by evaluation; errors come before it")
    flaws += later
    if flaws:
        problems = problems + locate(flaws, text, rel, case.id, lines)
    return Evaluated(rel, case, result, problems)


def _record_flaws(repo: Repository, case: Case) -> tuple[Policy | None, list[Flaw]]:
    """The record's own flaws against its procedure, found before any evaluation: every error
    a valid file can have (so none of them depends on today). No procedure: None."""
    policy_id = case.policy or repo.settings.default_policy
    policy = repo.policies.get(policy_id)
    if policy is None:
        known = ", ".join(sorted(repo.policies)) or "none"
        where = ("policy",) if case.policy else ("id",)
        return None, [Flaw(where, f"unknown policy {policy_id!r} (policies/ has: {known})")]
    flaws = stage_flaws(case, policy) + category_flaws(case, repo.settings.categories)
    flaws += tenure_flaws(case, repo.settings.tsm.lcho_apart)
    return policy, flaws


def screen_loaded(
    repo: Repository, rel: str, case: Case | None, problems: list[Problem]
) -> Evaluated:
    """A case already read, screened only for what decides whether it counts in the figures:
    its reading's problems and the record's errors (``_record_flaws``), without lines and
    without evaluating it (``result`` is None). The annual figures evaluate each case against
    the Code themselves, so evaluating it against its own procedure for today, and placing its
    warnings on lines, would be work thrown away."""
    if case is None:
        return Evaluated(rel, None, None, problems)
    _policy, flaws = _record_flaws(repo, case)
    errors = [f for f in flaws if f.severity == "error"]
    return Evaluated(rel, case, None, problems + locate(errors, None, rel, case.id))


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


# The cache a caller several layers up chose for every reading below it (the site generator
# reads the cases through collect(), which knows nothing of caches): see ``reading_cache``.
_READING_CACHE: ContextVar[CheckCache | None] = ContextVar("putright_cache", default=None)


@contextlib.contextmanager
def reading_cache(cache: CheckCache | None) -> Iterator[None]:
    """Within this block, ``iter_evaluated`` reads through ``cache`` unless given another."""
    token = _READING_CACHE.set(cache)
    try:
        yield
    finally:
        _READING_CACHE.reset(token)


# Below this many files one process is quicker than starting workers.
PARALLEL_FROM = 1000
# The worker's view of the run, set once per worker process (inherited through fork).
_WORKER: tuple[Repository, dt.date, bool, CheckCache | None, bool] | None = None
# A file's outcome, and what the cache should learn about it (None: nothing).
_Done = tuple[Evaluated, Learnt | None]


def _read(root: str, path: str, rel: str) -> bytes | Evaluated:
    if rel.endswith(".yml"):
        return Evaluated(
            rel,
            None,
            None,
            [Problem(rel, None, "case files end in .yaml: rename it so it is read")],
        )
    # UnreadableError (exit 2), not a problem in the list: a file left out shrinks every count.
    # Every path here comes from the walk (``Repository.case_files``), which refused links out.
    return read_case_bytes(root, path, yamlfile.MAX_BYTES, walked=True)


def _read_and_evaluate(
    repo: Repository,
    today: dt.date,
    path: str,
    rel: str,
    cache: CheckCache | None = None,
    screen: bool = False,
) -> _Done:
    raw: bytes | Evaluated | None = None
    if cache is not None and rel.endswith(".yaml"):
        # A device is refused before the cache (a link out was, by the walk): one look at the
        # file tells that and gives the stamp the cache compares.
        try:
            found = os.stat(path)
        except OSError:
            found = None
        if found is None or not stat.S_ISREG(found.st_mode):
            check_case_path(repo.root, path, walked=True)  # says why it cannot be read
        try:
            entry, raw, learnt = cache.probe(path, rel, found)
        except OSError:
            entry, learnt = None, None  # reported below, as without a cache
        if entry is not None and learnt is not None:
            data, problems, lines = entry
            case = None if data is None else build_case(data, rel)[0]
            known = raw

            def read_text() -> str | None:
                got = _read(repo.root, path, rel) if known is None else known
                return yamlfile.decode(got, rel)[0] if isinstance(got, bytes) else None

            if screen:
                return screen_loaded(repo, rel, case, problems), learnt
            before = len(lines)
            outcome = evaluate_loaded(repo, rel, case, problems, read_text, today, lines)
            if len(lines) != before:  # findings placed for the first time: keep their lines
                with contextlib.suppress(ValueError):  # (not kept if marshal cannot hold them)
                    learnt = (learnt[0], learnt[1], pack(data, problems, lines), True)
            return outcome, learnt
    if raw is None:
        raw = _read(repo.root, path, rel)
    if isinstance(raw, Evaluated):
        return raw, None
    case, problems, text = load_case(raw, rel)
    placed: Lines = {}
    if screen:
        outcome = screen_loaded(repo, rel, case, problems)
    else:
        outcome = evaluate_loaded(repo, rel, case, problems, text, today, placed)
    if cache is None:
        return outcome, None
    try:  # what reading the file gave, before the procedure and today were applied
        blob = pack(None if case is None else case.data, problems, placed)
        return outcome, (stamp_of(path), digest(raw), blob, False)
    except (ValueError, OSError):  # a value marshal cannot hold: simply not cached
        return outcome, None


def _init_worker(
    repo: Repository,
    today: dt.date,
    keep_cases: bool,
    cache: CheckCache | None,
    screen: bool,
) -> None:
    global _WORKER
    _WORKER = (repo, today, keep_cases, cache, screen)


def _work(item: tuple[str, str]) -> _Done:
    assert _WORKER is not None
    repo, today, keep_cases, cache, screen = _WORKER
    outcome, learnt = _read_and_evaluate(repo, today, *item, cache=cache, screen=screen)
    # Send back only what the caller keeps: a Case carries the whole record.
    if not keep_cases and outcome.case is not None:
        outcome = replace(outcome, case=_slim(outcome.case))
    return outcome, learnt


def _slim(case: Case) -> Case:
    return replace(case, data={}, events=())


def default_jobs(files: int) -> int:
    if files < PARALLEL_FROM:
        return 1
    import multiprocessing  # here: a run of cached files starts no workers, so needs none of it

    if "fork" not in multiprocessing.get_all_start_methods():
        return 1
    return max(1, min(os.cpu_count() or 1, 8))


def iter_evaluated(
    repo: Repository,
    today: dt.date,
    progress: Callable[[int], None] | None = None,
    *,
    jobs: int | None = None,
    keep_cases: bool = True,
    cache: CheckCache | None = None,
    screen: bool = False,
) -> Iterator[Evaluated]:
    """Every case file's outcome, in file order, plus a problem for an id used twice.

    Large repositories are read by a pool of worker processes (one per core): parsing
    dominates and is CPU-bound. Results come back in order, so the output is the same.
    With ``keep_cases=False`` the Case in each outcome is a slim copy without its data.
    With a ``cache``, files it holds as they are now are not read again (only re-evaluated
    for today); the others are read and added to it (the caller saves it).
    With ``screen``, each case is only screened (``screen_loaded``), not evaluated.
    """
    files = list(repo.case_files())
    cache = _READING_CACHE.get() if cache is None else cache
    if jobs is None:
        # Workers pay for themselves only on files to parse: a cached reading is cheaper to
        # evaluate here than to send back from a worker.
        cached = sum(1 for _path, rel in files if rel in cache.old) if cache is not None else 0
        jobs = default_jobs(len(files) - cached)
    if jobs > 1:
        # fork: workers inherit the repository, policies, calendar and cache already built.
        import multiprocessing

        repo.calendar.ready()
        context = multiprocessing.get_context("fork")
        pool = context.Pool(
            jobs,
            initializer=_init_worker,
            initargs=(repo, today, keep_cases, cache, screen),
        )
        done: Iterator[_Done] = pool.imap(_work, files, chunksize=64)
    else:
        pool = None
        done = (_read_and_evaluate(repo, today, p, r, cache, screen) for p, r in files)
    seen: dict[str, str] = {}
    try:
        for count, (outcome, learnt) in enumerate(done, start=1):
            if cache is not None and learnt is not None:
                cache.keep(outcome.rel, learnt)
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
    cache: CheckCache | None = None,
) -> CheckResult:
    result = CheckResult(today=today, problems=list(repo.policy_problems))
    outcomes = iter_evaluated(repo, today, progress, jobs=jobs, keep_cases=False, cache=cache)
    with no_cycle_collection():
        for outcome in outcomes:
            result.add(outcome)
    result.problems.sort(key=Problem.sort_key)
    return result


@contextlib.contextmanager
def no_cycle_collection() -> Iterator[None]:
    """Python's cycle collector paused while a run builds its results (check's, or the
    site generator's pages).

    A run makes millions of small objects, and the results it keeps (one per case) make
    every full collection longer: a tenth of a warm check, and 1.8 s of generating a
    10,000-case staff site, went to collections that could find nothing, since records,
    results, problems and pages hold no reference cycles (reference counting frees them).
    Whatever cycle there is, is collected when it is switched back on.
    """
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()
