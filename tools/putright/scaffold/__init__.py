"""A new case repository for a trust (`complaints init`), and the package files it copies.

Pure core: nothing here imports click. ``plan_repository`` says what would be written;
``create_repository`` writes it into an empty folder and makes the first commit;
``sync`` keeps copies of the schemas and workflows identical to the package's.
"""

from __future__ import annotations

from .create import COMMIT_MESSAGE, INITIAL_BRANCH, Created, create_repository, refuse_unless_empty
from .guides import guide_files, localise_links
from .options import CODE_POLICY, NATIONS, InitOptions, ScaffoldError, checked
from .plan import PlannedFile, plan_repository
from .sync import Copy, compare, refresh
from .templates import available_policies, schema_files, workflow_files

__all__ = [
    "CODE_POLICY",
    "COMMIT_MESSAGE",
    "INITIAL_BRANCH",
    "NATIONS",
    "Copy",
    "Created",
    "InitOptions",
    "PlannedFile",
    "ScaffoldError",
    "available_policies",
    "checked",
    "compare",
    "create_repository",
    "guide_files",
    "localise_links",
    "plan_repository",
    "refresh",
    "refuse_unless_empty",
    "schema_files",
    "workflow_files",
]
