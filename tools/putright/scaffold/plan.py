"""Every file of a new case repository, as (path, bytes): pure, so it is tested without a disk."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from .. import __version__
from ..cms.config import EditorSettings
from ..cms.page import admin_files_for
from ..textsafe import md_inline
from . import guides, templates
from .options import CODE_POLICY, InitOptions
from .source import putright_source

# Files copied as they are: repository path -> template path.
VERBATIM = {
    ".gitignore": "gitignore",
    ".pre-commit-config.yaml": "pre-commit-config.yaml",
    ".github/CODEOWNERS.example": "github/CODEOWNERS.example",
    ".github/pull_request_template.md": "github/pull_request_template.md",
    ".github/dependabot.yml": "github/dependabot.yml",
    "cases/README.md": "cases-README.md",
    # The public site's docs_dir (mkdocs.public.yml): the plugin makes every page; this
    # placeholder only gives MkDocs a folder that holds nothing internal.
    "site_templates/public_docs/index.md": "public-docs-index.md",
}
# Files rendered with the organisation's answers: repository path -> template path.
RENDERED = {
    "complaints.yml": "complaints.yml.tmpl",
    "requirements.txt": "requirements.txt.tmpl",
    "README.md": "README.md.tmpl",
    "mkdocs.yml": "mkdocs.yml.tmpl",
    "mkdocs.public.yml": "mkdocs.public.yml.tmpl",
}


@dataclass(frozen=True, slots=True)
class PlannedFile:
    path: str  # relative, "/" separators
    content: bytes


def yaml_string(text: str) -> str:
    """A YAML double-quoted scalar: JSON's string syntax is valid YAML and quotes everything
    YAML would otherwise read as something else (a leading *, a colon, `yes`, a number)."""
    return json.dumps(text, ensure_ascii=False)


def values(options: InitOptions) -> dict[str, str]:
    """The placeholders of the rendered templates, each already escaped for where it goes."""
    if options.homes is None:
        homes = "# Homes owned or managed, the denominator of TSM CH01: fill in and remove the #.\n# homes: 0"
    else:
        homes = f"# Homes owned or managed: the denominator of TSM CH01.\nhomes: {options.homes}"
    return {
        "organisation_yaml": yaml_string(options.organisation),
        "organisation_md": md_inline(options.organisation),
        "site_name_yaml": yaml_string(f"{options.organisation}: complaints, staff only"),
        "public_site_name_yaml": yaml_string(f"{options.organisation}: complaints"),
        "homes_line": homes,
        "nation": options.nation,
        "year_start": options.year_start,
        "policy": options.policy,
        "version": __version__,
        "requirement": putright_source(options.putright_source, __version__).requirement,
    }


def policy_ids(options: InitOptions) -> list[str]:
    """The Code's procedure always (procedures are held against it), and the chosen one."""
    return sorted({CODE_POLICY, options.policy})


def plan_repository(options: InitOptions) -> list[PlannedFile]:
    """Every file `complaints init` writes, in path order. ``options`` must be checked already."""
    fills = values(options)
    files: dict[str, bytes] = {}
    for path, name in VERBATIM.items():
        files[path] = templates.template_bytes(name)
    for path, name in RENDERED.items():
        files[path] = templates.render(name, fills).encode("utf-8")
    for policy_id in policy_ids(options):
        files[f"policies/{policy_id}.yaml"] = templates.policy_bytes(policy_id)
    files.update(templates.schema_files())
    files.update(templates.workflow_files())
    files.update(guides.guide_files())
    wheel = putright_source(options.putright_source, __version__).wheel
    if wheel is not None:  # a wheel from this computer, so the workflows can install it too
        files[wheel[0]] = wheel[1]
    files.update(templates.letter_template_files())
    # The form editor's page and configuration, as `complaints cms config --write` makes them.
    editor = EditorSettings(years=(dt.date.today().year,), policies=tuple(policy_ids(options)))
    files.update(admin_files_for(editor))
    return [PlannedFile(path, content) for path, content in sorted(files.items())]
