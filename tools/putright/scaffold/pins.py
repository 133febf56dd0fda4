"""Every GitHub Action the workflows use, pinned by commit: the ONE place the pins are written.

A tag (``@v7``) can be moved by whoever controls the action's repository, so a workflow that
names a tag runs whatever the tag points at on the day; a commit cannot be moved. Each pin is
the commit the action's own repository tags with the release named beside it (dereferenced
from the tag, never typed from memory), at the action's current major version. Dependabot
(.github/dependabot.yml, which `complaints init` writes too) proposes new pins as releases
come out; copy its change into this table and run `complaints ci workflows --write`.

The workflow templates name an action with any ref (``actions/checkout@v7``); ``pin_actions``
rewrites every ``uses:`` line to the pinned commit with its tag as a comment, so a workflow
added later is pinned by the same table, and an action missing from it is an error.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Pin:
    commit: str  # 40 hex digits
    tag: str  # the release tag that points at it, "v7.0.1"


ACTIONS: dict[str, Pin] = {
    "actions/checkout": Pin("3d3c42e5aac5ba805825da76410c181273ba90b1", "v7.0.1"),
    "actions/setup-python": Pin("5fda3b95a4ea91299a34e894583c3862153e4b97", "v7.0.0"),
    "actions/cache": Pin("27d5ce7f107fe9357f9df03efb73ab90386fccae", "v5.0.5"),
    "actions/upload-artifact": Pin("bbbca2ddaa5d8feaa63e36b76fdaad77386f024f", "v7.0.0"),
    "actions/download-artifact": Pin("3e5f45b2cfb9172054b4087a40e8e0b5a5461e7c", "v8.0.1"),
    "actions/upload-pages-artifact": Pin("fc324d3547104276b827a68afc52ff2a11cc49c9", "v5.0.0"),
    "actions/deploy-pages": Pin("cd2ce8fcbc39b97be8ca5fce6e763baed58fa128", "v5.0.0"),
    # The project's own release workflow (not one `complaints init` writes); the newest tag in
    # the snapshot of its repository that could be read here.
    "pypa/gh-action-pypi-publish": Pin("81e9d935c883d0b210363ab89cf05f3894778450", "v1.8.14"),
}

# `uses: owner/name@ref` with an optional trailing comment, as the templates write it.
_USES = re.compile(
    r"^(?P<lead>\s*(?:-\s+)?uses:\s+)(?P<action>[A-Za-z0-9_.-]+/[A-Za-z0-9_./-]+)@\S+(?:[ \t]+#.*)?$",
    re.MULTILINE,
)


class UnpinnedAction(KeyError):
    """A workflow names an action that ACTIONS does not pin."""


def pinned(action: str) -> str:
    """``owner/name@<commit> # <tag>`` for an action in the table."""
    pin = ACTIONS.get(action)
    if pin is None:
        raise UnpinnedAction(
            f"{action} is not pinned: add it to ACTIONS in putright/scaffold/pins.py "
            "with the commit its release tag points at"
        )
    return f"{action}@{pin.commit} # {pin.tag}"


def pin_actions(text: str) -> str:
    """Every ``uses:`` line of a workflow rewritten to its pinned commit."""
    return _USES.sub(lambda m: m.group("lead") + pinned(m.group("action")), text)
