"""The admin page (``admin/index.html``) and the files ``complaints cms config`` keeps current."""

from __future__ import annotations

import datetime as dt
import json
import os
from importlib import resources
from typing import Any

from .. import yamlfile
from ..config import CONFIG_FILE, load_settings
from ..errors import ConfigError
from ..housestyle import key_order
from .config import EditorSettings, case_years, render_config

ADMIN_DIR = "admin"
SCHEMA_REF = "../../.schemas/case.schema.json"  # from cases/<year>/, where the editor saves
FORMAT_FILE = "putright-yaml.js"
NUMBER_FILE = "putright-case-number.js"  # the case number widget
# Where the page finds Decap CMS and the YAML parser: `complaints cms serve` serves them from
# the pinned npm packages, and publish.yml copies them there (no CDN).
VENDOR = {"decap-cms": ("decap-cms", "dist"), "yaml": ("yaml", "browser")}

PAGE = """\
<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="robots" content="noindex">
  <title>Complaints editor</title>
  <!-- Made by `complaints cms config --write`: do not edit by hand. -->
</head>
<body>
  <script>window.CMS_MANUAL_INIT = true;</script>
  <script src="vendor/decap-cms/decap-cms.js"></script>
  <script type="module">
    import YAML from './vendor/yaml/index.js';
    import { makeFormat } from './putright-yaml.js';
    import { caseNumberControl } from './putright-case-number.js';

    // Each mapping's key order, from the case schema: the house style (putright.housestyle).
    const order = __ORDER__;
    CMS.registerCustomFormat('putright-yaml', 'yaml', makeFormat(YAML, order, '__SCHEMA_REF__'));
    CMS.registerWidget('putright-case-number', caseNumberControl(createClass, h));
    // On this computer (`complaints cms serve`), the local backend on the same address;
    // anywhere else Decap ignores it and signs in on GitHub.
    CMS.init({ config: { local_backend: { url: window.location.origin + '/api/v1' } } });
  </script>
</body>
</html>
"""


def render_page() -> str:
    order = json.dumps(key_order(), separators=(",", ":"))
    return PAGE.replace("__ORDER__", order).replace("__SCHEMA_REF__", SCHEMA_REF)


def asset(name: str) -> bytes:
    return resources.files(__package__).joinpath("assets", name).read_bytes()


def format_source() -> bytes:
    return asset(FORMAT_FILE)


def editor_settings(root: str, today: dt.date) -> EditorSettings:
    settings = load_settings(root)  # checked against its schema; ConfigError if wrong
    raw = yamlfile.load_file(os.path.join(root, CONFIG_FILE), CONFIG_FILE).data
    editor: dict[str, Any] = (raw or {}).get("editor") or {}
    policies_dir = os.path.join(root, "policies")
    policies = (
        sorted(n[: -len(".yaml")] for n in os.listdir(policies_dir) if n.endswith(".yaml"))
        if os.path.isdir(policies_dir)
        else []
    )
    if not os.path.isdir(root):
        raise ConfigError(f"no repository at {root}")
    return EditorSettings(
        years=case_years(root, today),
        categories=settings.categories,
        policies=tuple(policies),
        repo=editor.get("repo"),
        branch=editor.get("branch", "main"),
        base_url=editor.get("base_url"),
    )


def admin_files(root: str, today: dt.date) -> dict[str, bytes]:
    """Every file of admin/ for the repository at ``root``, as (repository path -> bytes)."""
    return admin_files_for(editor_settings(root, today))


def admin_files_for(settings: EditorSettings) -> dict[str, bytes]:
    return {
        f"{ADMIN_DIR}/config.yml": render_config(settings).encode("utf-8"),
        f"{ADMIN_DIR}/index.html": render_page().encode("utf-8"),
        f"{ADMIN_DIR}/{FORMAT_FILE}": format_source(),
        f"{ADMIN_DIR}/{NUMBER_FILE}": asset(NUMBER_FILE),
    }
