"""One case followed through its versions: which event is which, and when each date was set.

An event keeps its identity when its date changes (``versions.match_events``), so the audit can
say both when it was first recorded and that its date was rewritten. Findings are made with
the case's id at the time and relabelled at the end, since a case can be renumbered later.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field

from .model import CommitRef, Finding, Note
from .versions import EventKey, Version, match_events


@dataclass(frozen=True, slots=True)
class Tracked:
    """A readable version with the identity of each event and where each date came from."""

    version: Version
    received_from: CommitRef  # the commit that set the current received date
    identities: tuple[int, ...]
    dates_from: tuple[CommitRef, ...]  # per event: the commit that set its current date


@dataclass
class CaseTrack:
    """One case's line of versions, from the commit that first added it."""

    id: str
    first_commit: CommitRef
    file: str
    paths: set[str] = field(default_factory=set)  # where the case is now (usually one path)
    previous_ids: list[str] = field(default_factory=list)
    versions: int = 0
    latest: Tracked | None = None
    first_seen: dict[int, CommitRef] = field(default_factory=dict)  # identity -> first commit
    last_key: dict[int, EventKey] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    _reported: set[tuple[object, ...]] = field(default_factory=set)

    def relabelled(self) -> tuple[list[Finding], list[Note]]:
        """Findings and notes under the case's final id."""
        return (
            [dataclasses.replace(f, case=self.id) for f in self.findings],
            [dataclasses.replace(n, case=self.id) for n in self.notes],
        )

    def derive(
        self, base: Tracked | None, version: Version, commit: CommitRef, path: str
    ) -> Tracked:
        """Track ``version`` committed in ``commit`` as a successor of ``base``."""
        events = version.events
        if base is None:
            fresh = tuple(self._new_identity(key, commit) for key in events)
            return Tracked(version, commit, fresh, (commit,) * len(events))
        received_from = base.received_from
        if base.version.received != version.received:
            was = (base.version.received, base.received_from)
            self._rewritten(path, commit, "received", was, version.received)
            received_from = commit
        pairs = match_events(base.version.events, events)
        identities: list[int] = []
        dates_from: list[CommitRef] = []
        in_use = {base.identities[j] for j in pairs.values()}
        for i, key in enumerate(events):
            j = pairs.get(i)
            if j is None:
                identity = self._reused(key, in_use) or self._new_identity(key, commit)
                in_use.add(identity)
                identities.append(identity)
                dates_from.append(self.first_seen[identity])
                continue
            identity = base.identities[j]
            old = base.version.events[j]
            identities.append(identity)
            self.last_key[identity] = key
            if old.date == key.date:
                dates_from.append(base.dates_from[j])
                continue
            was = (old.date, base.dates_from[j])
            self._rewritten(path, commit, f"events[{i}].date", was, key.date, (i, identity, key))
            dates_from.append(commit)
        return Tracked(version, received_from, tuple(identities), tuple(dates_from))

    def _new_identity(self, key: EventKey, commit: CommitRef) -> int:
        identity = len(self.first_seen) + 1  # identities are never removed, so this is unique
        self.first_seen[identity] = commit
        self.last_key[identity] = key
        return identity

    def _reused(self, key: EventKey, in_use: set[int]) -> int | None:
        # An event removed and put back (or added on two branches) is the same event: its
        # first appearance is the earlier one.
        for identity, last in self.last_key.items():
            if last == key and identity not in in_use:
                return identity
        return None

    def _rewritten(
        self,
        path: str,
        commit: CommitRef,
        what: str,
        was: tuple[dt.date, CommitRef],
        new: dt.date,
        event: tuple[int, int, EventKey] | None = None,
    ) -> None:
        """Record a changed date; ``was`` is the old date and the commit that recorded it."""
        old, old_commit = was
        # The same change reached by two routes (a branch and its merge) is one finding.
        key = (event[1] if event else what, old, new)
        if key in self._reported:
            return
        self._reported.add(key)
        index = event[0] if event else None
        subject = f"event {index} ({event[2].describe()}): date" if event else "received"
        message = (
            f"{subject} changed from {old.isoformat()} (recorded in {old_commit}) "
            f"to {new.isoformat()} in {commit}"
        )
        self.findings.append(
            Finding(self.id, "date_rewritten", path, message, commit, event_index=index,
                    field=what, old=old.isoformat(), new=new.isoformat(), old_commit=old_commit)
        )  # fmt: skip
