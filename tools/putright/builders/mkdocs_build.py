"""Build a staged docs folder with MkDocs and the repository's own configuration."""

from __future__ import annotations

import os
from typing import Any

from mkdocs.config.defaults import MkDocsConfig

from ..errors import ConfigError
from ..site.staging import Staged


def checked_config(
    config_file: str, site_dir: str | None, strict: bool, public: bool
) -> tuple[MkDocsConfig, Any]:
    """The site's MkDocs configuration and its putright plugin, or ConfigError.

    The plugin must be enabled with the right ``public`` whichever builder runs: never let
    a private config be built as the public site, or the reverse.
    """
    from mkdocs.config import load_config

    cfg = load_config(config_file=config_file, site_dir=site_dir, strict=strict)
    plugin: Any = cfg.plugins.get("putright")
    name = os.path.basename(config_file)
    if plugin is None:
        raise ConfigError(
            "it does not enable the putright plugin (plugins: [search, putright])", file=name
        )
    if bool(plugin.config.public) != public:
        want = "public: true" if public else "public: false"
        raise ConfigError(f"the putright plugin must have `{want}` for this build", file=name)
    return cfg, plugin


def build_with_mkdocs(cfg: MkDocsConfig, plugin: Any, staged: Staged) -> str:
    """Run MkDocs over ``staged`` in place of the config's docs_dir; return the site folder.

    The plugin adds the staff theme override and keeps case pages out of the navigation,
    but generates nothing: the pages are already staged.
    """
    from mkdocs.commands.build import build as mkdocs_build

    cfg.docs_dir = staged.docs_dir
    plugin.staged_out_of_nav = staged.not_in_nav
    plugin.staged_held = staged.held
    mkdocs_build(cfg)
    return str(cfg.site_dir)
