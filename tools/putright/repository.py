"""A case repository on disk: its settings, procedures, calendar and case files."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field

from .calendar import WorkingCalendar
from .casewalk import case_paths
from .config import Settings, load_settings
from .policy.loading import load_policies
from .policy.model import Policy
from .problems import Problem

CASES_DIR = "cases"


@dataclass
class Repository:
    root: str
    settings: Settings
    policies: dict[str, Policy]
    calendar: WorkingCalendar
    policy_problems: list[Problem] = field(default_factory=list)

    @classmethod
    def open(cls, root: str) -> Repository:
        """Read complaints.yml (ConfigError if bad) and policies/ (bad ones become problems)."""
        settings = load_settings(root)
        policies, problems = load_policies(root)
        calendar = WorkingCalendar(settings.nation, settings.closures)
        return cls(root, settings, policies, calendar, problems)

    def case_files(self) -> Iterator[tuple[str, str]]:
        """(absolute path, path relative to the root with / separators), in a stable order."""
        # UnreadableError for a folder that cannot be listed or a link out of the repository.
        return case_paths(self.root)

    def find_case_file(self, case_id: str) -> tuple[str, str] | None:
        for path, rel in self.case_files():
            if os.path.splitext(os.path.basename(rel))[0] == case_id:
                return path, rel
        return None
