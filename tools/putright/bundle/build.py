"""What the Ombudsman asks a landlord for about one complaint, as the files of one zip.

- ``chronology.html``: the complaint, every event (date, who, details, what was sent), the
  deadlines with their verdicts and the procedure in force, the versions and audit findings;
- ``case/<id>.yaml``: the file as it is now; ``procedure/<policy>.yaml``: the procedure;
- ``versions/NN-<sha>.yaml`` and ``versions/versions.json``: every committed version, with
  commit id, author and date;
- ``letters/...``: the case's letters (letters/<id>/ and any an event names);
- ``deadlines.json``, ``audit.json``: the same facts for a machine;
- ``manifest.json``: the SHA-256 and size of every other file.

Only this case is read (its own file, its own history, its own letters): no other case's
data can reach the pack. Personal data stays in: the Ombudsman is entitled to it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import os
import zipfile
from dataclasses import dataclass, field

from ..engine import evaluate
from ..errors import RecordError
from ..history.audit import audit_repository
from ..letters.source import open_case
from ..repository import Repository
from .chronology import chronology, render_html
from .versions import case_versions

LETTERS_DIR = "letters"


@dataclass
class Bundle:
    case_id: str
    today: dt.date
    members: dict[str, bytes] = field(default_factory=dict)

    def manifest(self) -> bytes:
        entries = [
            {"path": name, "sha256": hashlib.sha256(data).hexdigest(), "bytes": len(data)}
            for name, data in sorted(self.members.items())
        ]
        body = {
            "case": self.case_id,
            "prepared": self.today.isoformat(),
            "by": "complaints bundle",
            "files": entries,
        }
        return (json.dumps(body, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def _json(value: object) -> bytes:
    return (json.dumps(value, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def _letters(root: str, case_id: str, named: list[str]) -> dict[str, bytes]:
    """letters/<id>/* and every letter an event names, if it is inside letters/<id>/."""
    found: dict[str, bytes] = {}
    folder = os.path.join(root, LETTERS_DIR, case_id)
    if os.path.isdir(folder):
        for base, dirs, files in os.walk(folder):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(files):
                if name.startswith(".") or name.startswith("~$"):
                    continue  # Word's lock files and hidden files are not letters
                path = os.path.join(base, name)
                rel = os.path.relpath(path, root).replace(os.sep, "/")
                with open(path, "rb") as handle:
                    found[rel] = handle.read()
    prefix = f"{LETTERS_DIR}/{case_id}/"
    for rel in named:
        # An event naming another case's folder is not followed: only this case's letters.
        path = os.path.join(root, rel)
        if rel.startswith(prefix) and rel not in found and os.path.isfile(path):
            with open(path, "rb") as handle:
                found[rel] = handle.read()
    return found


def build_bundle(repo: Repository, case_id: str, today: dt.date) -> Bundle:
    source = open_case(repo, case_id)
    case, policy = source.case, source.policy
    if case.received > today:
        raise RecordError(f"the case was received after {today}", file=source.rel)
    bundle = Bundle(case.id, today)
    members = bundle.members
    members[f"case/{os.path.basename(source.rel)}"] = source.raw
    with open(os.path.join(repo.root, policy.file), "rb") as handle:
        members[f"procedure/{os.path.basename(policy.file)}"] = handle.read()

    versions = case_versions(repo.root, source.rel)
    index = []
    for number, version in enumerate(versions, start=1):
        name = f"versions/{number:02d}-{version.sha[:12]}.yaml"
        members[name] = version.content
        index.append({**version.to_json(), "file": name})
    members["versions/versions.json"] = _json(index)

    named = [str(e.get("letter")) for e in case.events if e.get("letter")]
    letters = _letters(repo.root, case.id, named)
    members.update(letters)

    result = evaluate(case, policy, repo.calendar, today)
    members["deadlines.json"] = _json(
        {
            "today": today.isoformat(),
            "procedure": {"id": policy.id, "name": policy.name, "source": policy.source},
            "deadlines": [c.to_json() | {"cite": c.cite} for c in result.clocks],
            "actions": [a.to_json() for a in result.actions],
        }
    )
    audit = audit_repository(repo.root, repo.settings, repo.calendar, until=today)
    own = [f.to_json() for f in audit.findings_for(case.id)]
    members["audit.json"] = _json({"case": case.id, "findings": own})

    rows = chronology(case, set(letters))
    listed = sorted([*members, "chronology.html", "manifest.json"])
    members["chronology.html"] = render_html(
        case, policy, result, rows, index, own, listed, repo.settings.organisation, today
    ).encode("utf-8")
    return bundle


def zip_bundle(bundle: Bundle) -> bytes:
    """The zip: members in name order, dated ``today``, with manifest.json last."""
    stamp = (max(bundle.today.year, 1980), bundle.today.month, bundle.today.day, 0, 0, 0)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in [*sorted(bundle.members.items()), ("manifest.json", bundle.manifest())]:
            info = zipfile.ZipInfo(f"{bundle.case_id}/{name}", date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
    return out.getvalue()
