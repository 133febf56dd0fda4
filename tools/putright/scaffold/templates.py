"""The files `complaints init` writes, as the package ships them (package data, read-only).

Workflows are copied byte for byte but for one rewrite: every ``uses:`` line is pinned to the
commit in ``pins.ACTIONS`` (the one place the pins are kept). They are also the files this
repository's own .github/workflows/ holds (a test keeps the two identical), so what a trust
runs is what Putright's CI runs, and GitHub's ``${{ }}`` expressions never meet a template engine.
The few rendered templates (``*.tmpl``) use ``string.Template`` (``${name}``): it fails loudly
on a placeholder with no value, and needs no escaping of YAML or Markdown braces.
"""

from __future__ import annotations

import json
import string
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any

import yaml

from ..packagedata import data_dir
from ..schemas import SCHEMA_FILES
from .pins import pin_actions

WORKFLOWS = ("check.yml", "numbers.yml", "overdue.yml", "publish.yml", "digest.yml")
WORKFLOWS_DIR = ".github/workflows"
SCHEMAS_DIR = ".schemas"


def _templates() -> Traversable:
    return resources.files(__package__).joinpath("templates")


def template_bytes(name: str) -> bytes:
    """A template file by its path under scaffold/templates/ ("workflows/check.yml")."""
    return _templates().joinpath(name).read_bytes()


def render(name: str, values: dict[str, str]) -> str:
    """A ``string.Template`` under scaffold/templates/, every placeholder filled (KeyError if not)."""
    return string.Template(template_bytes(name).decode("utf-8")).substitute(values)


def site_config(public: bool, site_name: str) -> dict[str, Any]:
    """The staff (or public) site's MkDocs settings as `complaints init` writes them
    (mkdocs.yml, mkdocs.public.yml), as data: `complaints site build` uses them in a
    repository without its own, so there is one set of settings to keep."""
    name, key = (
        ("mkdocs.public.yml.tmpl", "public_site_name_yaml")
        if public
        else ("mkdocs.yml.tmpl", "site_name_yaml")
    )
    # JSON's string syntax is a YAML double-quoted scalar (as plan.yaml_string).
    config: dict[str, Any] = yaml.safe_load(render(name, {key: json.dumps(site_name)}))
    return config


def workflow_files() -> dict[str, bytes]:
    """.github/workflows/<name> -> content, for every workflow a case repository gets, each
    action pinned by commit."""
    return {
        f"{WORKFLOWS_DIR}/{name}": pin_actions(
            template_bytes(f"workflows/{name}").decode("utf-8")
        ).encode("utf-8")
        for name in WORKFLOWS
    }


def schema_files() -> dict[str, bytes]:
    """.schemas/<file> -> content, for every schema the package has.

    Reads the package folder rather than the known names so a schema still being written
    (or a new one) is copied as soon as it exists, and a missing one is simply left out.
    """
    folder = resources.files("putright.schemas")
    names = {entry.name for entry in folder.iterdir() if entry.name.endswith(".schema.json")}
    names |= {name for name in SCHEMA_FILES.values() if folder.joinpath(name).is_file()}
    return {f"{SCHEMAS_DIR}/{name}": folder.joinpath(name).read_bytes() for name in sorted(names)}


def _policy_folder() -> Traversable:
    # A wheel's copy, or the checkout's policies/ (packagedata).
    return data_dir("policies")


def policy_bytes(policy_id: str) -> bytes:
    return _policy_folder().joinpath(f"{policy_id}.yaml").read_bytes()


def available_policies() -> dict[str, str]:
    """id -> name of every procedure the package ships, from each file's `name:`."""
    found: dict[str, str] = {}
    folder = _policy_folder()
    if not folder.is_dir():
        return found
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".yaml"):
            continue
        policy_id = entry.name.removesuffix(".yaml")
        data = yaml.safe_load(entry.read_text("utf-8"))
        name = data.get("name") if isinstance(data, dict) else None
        found[policy_id] = str(name) if name else policy_id
    return found


def letter_template_files() -> dict[str, bytes]:
    """letters/templates/: Putright's letters, for the trust to put its letterhead and voice on."""
    from ..letters.render import TEMPLATES_DIR, default_template
    from ..letters.requirements import KINDS

    return {
        f"{TEMPLATES_DIR}/{kind}{ext}": default_template(kind, fmt)
        for kind in KINDS
        for fmt, ext in (("docx", ".docx"), ("markdown", ".md"))
    }
