"""Evidence from the Git history: when each case and each event was first committed.

The Ombudsman expects a full record of each complaint (Code 5.12) and a complaint logged
within 5 working days (Code 6.2). A YAML file says what happened and when; its history says
when that was written down, and whether a date was changed afterwards. This module walks the
history once (``gitlog``) and keeps, for each case, the events it has seen:

* an event's identity survives a changed date: versions are compared with
  ``versions.match_events`` (by type, stage and date, then by position and type);
* each version is compared with the version its commit actually changed (the old blob in
  the diff), not with whatever was committed last, so two branches edited in parallel do
  not look like each other's rewrites;
* a case is a line of versions, not a file name: a file added by the commit that deletes
  another is that case moved (same name) or renumbered (same record, new name); a file added
  under the name of a case that has no file left is that case back. Two branches that both
  add the same new id hold two complaints, and are kept apart.

Lateness is judged on the record as it stands at the end of the history: the dates it now
claims, against the commits that first recorded those events.
"""

from __future__ import annotations

import datetime as dt
import posixpath

from ..calendar import WorkingCalendar
from ..config import Settings
from .gitlog import Change, GitHistory, LogEntry
from .model import AuditResult, CaseHistory, CommitRef, Finding, Imported, Note
from .tracking import CaseTrack, Tracked
from .versions import Unreadable, Version, parse_version

# Working days are only counted between plausible dates: a typo such as 0206-03-01 must not
# make the calendar build two thousand years of bank holidays.
_PLAUSIBLE = (dt.date(1990, 1, 1), dt.date(2100, 12, 31))


def _later(day: dt.date, start: dt.date | None) -> dt.date:
    return day if start is None or day >= start else start


def _stem(path: str) -> str:
    return posixpath.splitext(posixpath.basename(path))[0]


class _Auditor:
    def __init__(self, settings: Settings, calendar: WorkingCalendar) -> None:
        self.settings = settings
        self.calendar = calendar
        self.tracks: list[CaseTrack] = []
        self.by_stem: dict[str, list[CaseTrack]] = {}
        self.path_owner: dict[str, CaseTrack] = {}  # who last wrote each path
        # Every version seen: the case it belongs to, and its tracking (None: unreadable,
        # with nothing readable before it).
        self.blobs: dict[str, tuple[CaseTrack, Tracked | None]] = {}
        self.parsed: dict[str, Version | Unreadable] = {}

    # --- reading the history ------------------------------------------------------------

    def read(self, history: GitHistory, entry: LogEntry) -> None:
        commit = entry.commit
        gone: list[tuple[Change, CaseTrack]] = []
        added: list[Change] = []
        for change in entry.changes:
            if entry.merge and change.new_blob is not None and change.new_blob in self.blobs:
                self._merged(change)  # a version read on the branch merged in: judged there
                continue
            if change.new_blob is None:
                track = self._owner(change)
                if track is not None:  # else: never seen (a shallow clone's boundary)
                    track.paths.discard(change.path)
                    gone.append((change, track))
            elif change.old_blob is None:
                added.append(change)
            else:
                track = self._owner(change) or self._new_track(change, commit)
                self._version(history, track, change, commit)
        for change in added:
            track = self._continued(history, change, gone) or self._new_track(change, commit)
            self._version(history, track, change, commit)

    def _merged(self, change: Change) -> None:
        """A merge brought in a version already read on its branch: the case now has it here."""
        assert change.new_blob is not None
        track, tracked = self.blobs[change.new_blob]
        if change.old_blob is not None:
            replaced = self._owner(change)
            if replaced is not None and replaced is not track:
                replaced.paths.discard(change.path)  # another case's file, replaced
        track.paths.add(change.path)
        track.file = change.path
        self.path_owner[change.path] = track
        if tracked is not None:
            track.latest = tracked

    def _owner(self, change: Change) -> CaseTrack | None:
        """The case a change's old version belongs to (by blob; by path for merge results)."""
        if change.old_blob is not None and change.old_blob in self.blobs:
            return self.blobs[change.old_blob][0]
        return self.path_owner.get(change.path)

    def _new_track(self, change: Change, commit: CommitRef) -> CaseTrack:
        track = CaseTrack(_stem(change.path), commit, change.path)
        self.tracks.append(track)
        self.by_stem.setdefault(track.id, []).append(track)
        return track

    def _continued(
        self, history: GitHistory, change: Change, gone: list[tuple[Change, CaseTrack]]
    ) -> CaseTrack | None:
        """The case a newly added file continues, if any: moved, renumbered or added back.

        Not a case of the same name that still has a file: two branches that both chose the
        same new id hold two different complaints (``complaints renumber`` separates them).
        """
        stem = _stem(change.path)
        for i, (deleted, track) in enumerate(gone):
            if _stem(deleted.path) == stem and not track.paths:  # moved to another folder
                return gone.pop(i)[1]
        parsed = self._parse(history, change)
        for i, (_deleted, track) in enumerate(gone):
            latest = track.latest.version if track.latest else None
            if (
                not track.paths
                and isinstance(parsed, Version)
                and latest is not None
                and ((latest.received, latest.events) == (parsed.received, parsed.events))
            ):  # renumbered: the same record under a new name, in the same commit
                gone.pop(i)
                track.previous_ids.append(track.id)
                self.by_stem.setdefault(stem, []).append(track)
                return track
        earlier = [t for t in self.by_stem.get(stem, []) if not t.paths]
        return earlier[-1] if earlier else None  # deleted, then added back

    def _parse(self, history: GitHistory, change: Change) -> Version | Unreadable:
        assert change.new_blob is not None
        parsed = self.parsed.get(change.new_blob)
        if parsed is None:
            try:
                parsed = parse_version(history.blob(change.new_blob), change.path)
            except Unreadable as exc:
                parsed = exc
            self.parsed[change.new_blob] = parsed
        return parsed

    def _version(
        self, history: GitHistory, track: CaseTrack, change: Change, commit: CommitRef
    ) -> None:
        assert change.new_blob is not None
        track.id = _stem(change.path)
        track.paths.add(change.path)
        track.file = change.path
        track.versions += 1
        self.path_owner[change.path] = track
        known = self.blobs.get(change.old_blob) if change.old_blob else None
        # Compared with the version this commit changed; when that is unknown (added, moved,
        # or a merge's own result), with the latest version of the case.
        base = known[1] if known is not None and known[0] is track else track.latest
        parsed = self._parse(history, change)
        if isinstance(parsed, Unreadable):
            track.notes.append(Note(track.id, change.path, commit, f"version skipped: {parsed}"))
            # The unreadable version changes nothing: the next one is compared with the base.
            self.blobs.setdefault(change.new_blob, (track, base))
            return
        tracked = track.derive(base, parsed, commit, change.path)
        self.blobs.setdefault(change.new_blob, (track, tracked))
        track.latest = tracked

    # --- judging the record as it stands ------------------------------------------------

    def _working_days(self, start: dt.date, end: dt.date) -> int | None:
        low, high = _PLAUSIBLE
        if not (low <= start <= high and low <= end <= high):
            return None
        return self.calendar.between(start, end)

    def judge(self) -> list[Finding]:
        findings: list[Finding] = []
        for track in self.tracks:
            if track.latest is not None:
                findings.extend(self._judged(track, track.latest))
        return findings

    def _start(self, version: Version) -> dt.date | None:
        """The day the audit's clocks start for a case, if not at its own dates: the day it was
        imported (imported.on), or complaints.yml's audit.not_before, whichever is later."""
        starts = [d for d in (version.imported_on, self.settings.audit_not_before) if d]
        return max(starts) if starts else None

    def imported(self) -> tuple[Imported, ...]:
        out = []
        for track in self.tracks:
            version = track.latest.version if track.latest else None
            if version is not None and version.imported_on is not None and track.paths:
                before = sum(1 for e in version.events if e.date < version.imported_on)
                out.append(Imported(track.id, track.file, version.imported_on, before))
        return tuple(sorted(out, key=lambda i: i.case))

    def _judged(self, track: CaseTrack, final: Tracked) -> list[Finding]:
        findings: list[Finding] = []
        version = final.version
        logged = track.first_commit
        # History from before the import (or before audit.not_before) was not recorded here:
        # the clock for late recording starts on that day, not on the dates it claims.
        start = self._start(version)
        limit = self.settings.late_logging_working_days
        late = self._working_days(_later(version.received, start), logged.date)
        # Compliments are logged for reports, not handled against a clock (Code 1.4, 6.2).
        if late is not None and late > limit and version.kind != "compliment":
            message = (
                f"received {version.received.isoformat()} but first committed in {logged}: "
                f"{late} working days later (more than {limit}; Code 6.2)"
            )
            findings.append(
                Finding(track.id, "late_logging", track.file, message, logged,
                        working_days=late, limit=limit)
            )  # fmt: skip
        limit = self.settings.late_event_working_days
        for index, key in enumerate(version.events):
            first = track.first_seen[final.identities[index]]
            late = self._working_days(_later(key.date, start), first.date)
            if late is None or late <= limit:
                continue
            message = (
                f"event {index} ({key.describe()}) dated {key.date.isoformat()} was first "
                f"committed in {first}: {late} working days later (more than {limit})"
            )
            findings.append(
                Finding(track.id, "late_event", track.file, message, first,
                        event_index=index, working_days=late, limit=limit)
            )  # fmt: skip
        return findings

    def result(self, commits: int) -> AuditResult:
        findings = self.judge()
        notes: list[Note] = []
        for track in self.tracks:
            rewrites, skipped = track.relabelled()
            not_before = self.settings.audit_not_before
            findings.extend(
                f for f in rewrites if not_before is None or f.commit.date >= not_before
            )
            notes.extend(skipped)
        cases = tuple(
            CaseHistory(
                t.id,
                t.file,
                t.first_commit,
                t.latest.version.received if t.latest else None,
                not t.paths,
                t.versions,
                tuple(t.previous_ids),
            )
            for t in sorted(self.tracks, key=lambda t: (t.id, t.first_commit.when))
        )
        notes.sort(key=lambda n: (n.commit.when, n.file))
        return AuditResult(
            tuple(sorted(findings, key=Finding.sort_key)),
            cases,
            tuple(notes),
            commits,
            self.imported(),
        )


def audit_repository(
    repo_path: str,
    settings: Settings,
    calendar: WorkingCalendar,
    *,
    until: dt.date | None = None,
) -> AuditResult:
    """Read the history of ``repo_path``'s cases/ once and return the findings.

    ``until``: audit the history as it stood at the end of that (UK) day. Raises GitError
    when ``repo_path`` is not in a Git repository or the history cannot be read.
    """
    auditor = _Auditor(settings, calendar)
    commits = 0
    with GitHistory(repo_path) as history:
        for entry in history.entries(until):
            commits += 1
            auditor.read(history, entry)
    return auditor.result(commits)
