"""The check cache: what reading a case file gives, kept between runs, never trusted blindly.

Reading a case (parse, schema validation, building the record) does not depend on today, so
``complaints check`` keeps its outcome in ``.putright-cache/`` (Git ignores it) and rebuilds
only the files whose bytes changed. States and due dates are computed for today on every run.

Trust: each entry is keyed by the file's path and a digest of its bytes, and the whole cache
by a digest of its context (Putright's version and code, the schemas, complaints.yml and
every procedure in policies/, and the installed holidays package). Any change there empties
it. Beside the entries it keeps two things a run would otherwise rework from that same
context: the bank holidays the holidays package gave (``calendar.known_holidays``), and
which of complaints.yml and the procedures were found valid (``validation.known_valid``).
A cache that cannot be read is rebuilt with a note, never an error. It is stored with
``marshal`` (plain data only: dicts, lists, strings, numbers) so loading it cannot run code,
and it holds personal data (the records as read): ``redact`` removes a redacted case's entry
(:func:`forget`). Where each file's findings are on its lines is kept with its reading, so a
warm run parses nothing (``problems.Lines``).
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import marshal
import mmap
import os
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from . import __version__, calendar, validation
from .casewalk import read_at_most
from .problems import Lines, Problem
from .yamlfile import MAX_BYTES

CACHE_DIR = ".putright-cache"
CACHE_FILE = "check.marshal"
FORMAT = 3
_PACKAGE = os.path.dirname(os.path.abspath(__file__))
SCHEMA_DIR = os.path.join(_PACKAGE, "schemas")
# What the repository holds that reading a case depends on (besides the case itself).
_CONTEXT_FILES = ("complaints.yml",)
_CONTEXT_DIRS = ("policies",)

# One cached reading: the record's data (None when the file is invalid), its problems, and
# where its flaws were placed on lines (``problems.Lines``: the text's, so keyed alike).
Entry = tuple[Any, list[Problem], Lines]


def cache_path(root: str) -> str:
    return os.path.join(root, CACHE_DIR, CACHE_FILE)


def digest(raw: bytes) -> bytes:
    return hashlib.blake2b(raw, digest_size=16).digest()


def _code_fingerprint(hasher: Any) -> None:
    """Putright's own code and schemas (a development install changes without a new version),
    by content: a workflow installs Putright afresh on every run, which gives every file a new
    date, so a fingerprint of dates never matched the cache the workflow had kept."""
    for folder, dirs, files in os.walk(_PACKAGE):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(files):
            if name.endswith((".py", ".json", ".yaml")):
                _hash_file(hasher, _PACKAGE, os.path.relpath(os.path.join(folder, name), _PACKAGE))


def _holidays_fingerprint(hasher: Any) -> None:
    """The installed holidays package, found without importing it (the cache keeps what it
    gave): its version (its dist-info folder's name) and the digests of every file it
    installed (that folder's RECORD), and its own rules for the United Kingdom by content."""
    spec = importlib.util.find_spec("holidays")
    folders = spec.submodule_search_locations if spec is not None else None
    if not folders:
        hasher.update(b"no holidays\0")
        return
    package = next(iter(folders))
    site = os.path.dirname(package)
    with contextlib.suppress(OSError):
        for name in sorted(os.listdir(site)):
            if name.startswith("holidays-") and name.endswith(".dist-info"):
                _hash_file(hasher, site, os.path.join(name, "RECORD"))
    for rel in ("__init__.py", os.path.join("countries", "united_kingdom.py")):
        _hash_file(hasher, package, rel)


def context_key(root: str) -> bytes:
    """A digest of everything but the case that reading a case depends on."""
    hasher = hashlib.blake2b(digest_size=16)
    hasher.update(f"{FORMAT}\0{__version__}\0{sys.version}\0".encode())
    _code_fingerprint(hasher)
    _holidays_fingerprint(hasher)
    for name in sorted(os.listdir(SCHEMA_DIR)):  # the schemas by content, whatever their dates
        if name.endswith(".json"):
            _hash_file(hasher, SCHEMA_DIR, name)
    for name in _CONTEXT_FILES:
        _hash_file(hasher, root, name)
    for name in _CONTEXT_DIRS:
        base = os.path.join(root, name)
        for folder, dirs, files in os.walk(base):
            dirs.sort()
            for file in sorted(files):
                _hash_file(hasher, root, os.path.relpath(os.path.join(folder, file), root))
    return hasher.digest()


def _hash_file(hasher: Any, root: str, rel: str) -> None:
    hasher.update(rel.encode("utf-8", "surrogateescape") + b"\0")
    try:
        with open(os.path.join(root, rel), "rb") as handle:
            hasher.update(digest(handle.read()))
    except OSError:
        hasher.update(b"-")


def _problem_row(p: Problem) -> tuple[Any, ...]:
    return (p.file, p.line, p.message, p.severity, p.column, p.case, p.provision, p.rule)


def pack(data: Any, problems: list[Problem], lines: Lines) -> bytes:
    """One reading as bytes (built where the file was read, so workers send bytes)."""
    return marshal.dumps((data, [_problem_row(p) for p in problems], lines))


def unpack(blob: bytes) -> Entry:
    data, rows, lines = marshal.loads(blob)
    if not isinstance(lines, dict):
        raise TypeError("lines")
    return data, [Problem(*row) for row in rows], lines


# A file's stamp, as Git's index keeps one: when it is unchanged the file is not read again.
Stamp = tuple[int, int, int, int]
# What a run learnt about one file: its stamp, the digest of its bytes, its packed reading
# (None: the cached one still holds), and whether the reading came from the cache (a hit may
# still bring a new packed reading: the same one, with lines it placed for the first time).
Learnt = tuple[Stamp, bytes, bytes | None, bool]


def stamp_of(path: str, st: os.stat_result | None = None) -> Stamp:
    st = os.stat(path) if st is None else st
    return (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)


@dataclass
class CheckCache:
    """The entries read at the start of a run (rel -> stamp, digest, packed reading), and
    those this run keeps."""

    root: str
    key: bytes
    old: dict[str, tuple[Stamp, bytes, bytes]] = field(default_factory=dict)
    new: dict[str, tuple[Stamp, bytes, bytes]] = field(default_factory=dict)
    note: str | None = None
    hits: int = 0
    memo: dict[str, Any] = field(default_factory=dict)  # as read at the start of the run

    def probe(
        self, path: str, rel: str, now: os.stat_result | None = None
    ) -> tuple[Entry | None, bytes | None, Learnt | None]:
        """The cached reading of the file as it is now, if any; its bytes if they were read.

        A file with the stamp it had when cached is taken as unchanged without reading it;
        any other is read and its digest compared (so a touched file is still a hit).
        ``now``: the file's status, if the caller has just taken it.
        """
        found = self.old.get(rel)
        if found is None:
            return None, None, None
        stamp = stamp_of(path, now)
        raw = None
        if stamp != found[0]:
            with open(path, "rb") as handle:
                raw = read_at_most(handle, MAX_BYTES)  # as check reads it: digests agree
            if digest(raw) != found[1]:
                return None, raw, None
        try:
            entry = unpack(found[2])
        except (ValueError, EOFError, TypeError):
            return None, raw, None  # a damaged entry is a miss
        return entry, raw, (stamp, found[1], None, True)

    def keep(self, rel: str, learnt: Learnt) -> None:
        stamp, file_digest, blob, hit = learnt
        if blob is None:  # the reading cached before still holds
            blob = self.old[rel][2]
        self.hits += hit
        self.new[rel] = (stamp, file_digest, blob)

    def save(self) -> None:
        """Write the entries of this run (files gone since drop out), atomically."""
        memo = _memo()
        if self.new == self.old and memo == self.memo:
            return
        _write(self.root, self.key, self.new, memo)


def _memo() -> dict[str, Any]:
    """What this process worked out from the cache's context alone (see the module's text)."""
    return {"holidays": calendar.known_holidays(), "valid": validation.known_valid()}


def _remember(memo: dict[str, Any]) -> None:
    calendar.remember_holidays(memo.get("holidays"))
    validation.remember_valid(memo.get("valid"))


def open_cache(root: str) -> CheckCache:
    """The cache of the repository at ``root``, its entries read if its context still holds.

    Opened before the repository is (``Repository.open``), so that the holidays and the
    validity it kept serve that too."""
    key = context_key(root)
    cache = CheckCache(root, key)
    path = cache_path(root)
    try:
        stored = _load(path)
    except FileNotFoundError:
        return cache
    except OSError as exc:
        cache.note = f"the check cache {path} could not be read ({exc.strerror}): rebuilding it"
        return cache
    except (ValueError, EOFError, TypeError):
        stored = None
    try:
        ok = isinstance(stored, tuple) and len(stored) >= 3
        if ok and stored[0] != FORMAT and type(stored[0]) is int:
            cache.note = (
                f"the check cache {path} was written by another version of Putright: rebuilding it"
            )
            return cache
        ok = ok and len(stored) == 4 and stored[0] == FORMAT
        ok = ok and isinstance(stored[2], dict) and isinstance(stored[3], dict)
    except (ValueError, EOFError, TypeError):
        ok = False
    if not ok:
        cache.note = f"the check cache {path} was damaged: rebuilding it"
        return cache
    if stored[1] == key:
        cache.old = stored[2]
        _remember(stored[3])
        cache.memo = _memo()
    return cache


def _load(path: str) -> Any:
    """What the cache file holds, read through a map of it: reading it first copied its tens
    of megabytes once more before marshal copied the entries out (a fortieth of a warm check).
    The file is only ever replaced whole (``_write``), never rewritten in place, so the map
    cannot shrink under the reader."""
    with open(path, "rb") as handle:
        try:
            mapped = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
        except (OSError, ValueError):  # an empty file (or one that cannot be mapped): read it
            return marshal.loads(handle.read())
        with mapped:
            return marshal.loads(mapped)


def _write(
    root: str,
    key: bytes,
    entries: dict[str, tuple[Stamp, bytes, bytes]],
    memo: dict[str, Any],
) -> bool:
    folder = os.path.join(root, CACHE_DIR)
    try:
        os.makedirs(folder, exist_ok=True)
        _ignore_folder(folder)
        import tempfile  # here: a run that changes nothing writes nothing

        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".check-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as handle:
                marshal.dump((FORMAT, key, entries, memo), handle)
            os.replace(tmp, cache_path(root))
        except BaseException:
            os.unlink(tmp)
            raise
    except OSError:
        return False  # a read-only checkout still checks; it just is not faster next time
    return True


def _ignore_folder(folder: str) -> None:
    """Git ignores the cache even in a repository whose .gitignore predates it."""
    marker = os.path.join(folder, ".gitignore")
    if not os.path.exists(marker):
        with open(marker, "w", encoding="utf-8") as handle:
            handle.write("# Putright's check cache: personal data, never commit it.\n*\n")


def forget(root: str, rels: Iterable[str]) -> None:
    """Remove these files' entries (a redacted case's personal data must not linger here)."""
    path = cache_path(root)
    if not os.path.exists(path):
        return
    drop = set(rels)
    try:
        with open(path, "rb") as handle:
            stored = marshal.loads(handle.read())
        entries = {k: v for k, v in stored[2].items() if k not in drop}
        key, memo = stored[1], stored[3]
    except (OSError, ValueError, EOFError, TypeError, IndexError, AttributeError, KeyError):
        entries, key, memo = {}, b"", {}
    if not (entries and isinstance(memo, dict) and _write(root, key, entries, memo)):
        # Unreadable, or not rewritable: it cannot be trusted to have dropped the case.
        with contextlib.suppress(FileNotFoundError):
            os.unlink(path)
