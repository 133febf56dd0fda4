"""Build a staged docs folder with Zensical (`complaints site build --builder zensical`).

Zensical reads mkdocs.yml but runs no MkDocs plugin and no hooks, silently. So this writes
a configuration of its own into the staging folder (outside the repository): the site's
config with the pages already generated, search as Zensical's own, the staff theme override
as the one custom_dir, and the case pages kept out of the navigation. A config that asks for
any other plugin, or for hooks, is refused rather than built without them. Zensical's
``.cache/`` (the rendered pages, personal data included) stays in that staging folder and is
removed with it.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from typing import Any

import yaml

from ..errors import ConfigError, PutrightError
from ..site.staging import Staged, nav_patterns

VERSION = "0.0.73"  # the version measured and tested (pyproject's `zensical` extra)
# Plugins whose work is done before Zensical runs (putright) or that Zensical does itself.
HANDLED_PLUGINS = frozenset({"putright", "search"})


def _plugin_names(plugins: Any) -> list[str]:
    if isinstance(plugins, dict):
        return [str(k) for k in plugins]
    names = []
    for item in plugins or []:
        names.append(str(next(iter(item))) if isinstance(item, dict) else str(item))
    return names


def _material_only(folder: str, names: list[str]) -> set[str]:
    """Overrides of Material's own search partial: Zensical's search is another component
    (its dialog in a shadow root), which that partial would replace and break."""
    if os.path.basename(folder) == "partials":
        return {"search.html"} & set(names)
    return set()


def zensical_config(
    source: dict[str, Any],
    config_file: str,
    staged_root: str,
    theme_dir: str | None,
    public: bool = False,
) -> dict[str, Any]:
    """The configuration Zensical builds from, or ConfigError naming what it would drop."""
    name = os.path.basename(config_file)
    if source.get("hooks"):
        raise ConfigError(
            "it has hooks, which Zensical ignores: build it with --builder mkdocs", file=name
        )
    dropped = [p for p in _plugin_names(source.get("plugins")) if p not in HANDLED_PLUGINS]
    if dropped:
        raise ConfigError(
            f"Zensical would silently skip the plugin(s) {', '.join(dropped)}: "
            "build it with --builder mkdocs",
            file=name,
        )
    config = dict(source)
    theme = dict(config.get("theme") or {"name": "material"})
    # One custom_dir only, inside the config's folder: the staff override, then the site's own
    # custom_dir over it (a landlord's main.html still wins, as with MkDocs).
    theme_dirs = [d for d in (theme_dir, theme.get("custom_dir")) if d]
    if theme_dirs:
        target = os.path.join(staged_root, "theme")
        for folder in theme_dirs:
            base = os.path.dirname(os.path.abspath(config_file))
            shutil.copytree(
                os.path.join(base, folder), target, dirs_exist_ok=True, ignore=_material_only
            )
        theme["custom_dir"] = "theme"
    theme.setdefault("variant", "classic")  # "modern" drops the coloured (PRIVATE red) header
    config["theme"] = theme
    config["plugins"] = ["search"]
    # What the plugin tells the theme under MkDocs: whether to show the PRIVATE bar.
    config["extra"] = {**(config.get("extra") or {}), "putright_private": not public}
    # Said outright (MkDocs's default when unset), as the pages' HTML links were made for it.
    config["use_directory_urls"] = bool(source.get("use_directory_urls", True))
    config["docs_dir"] = "docs"  # staged_root/docs: both must sit in the config's folder
    config["site_dir"] = "site"
    return config


def build_with_zensical(
    config_file: str,
    staged: Staged,
    staged_root: str,
    site_dir: str,
    strict: bool,
    theme_dir: str | None,
    public: bool = False,
) -> str:
    """Run Zensical over ``staged`` (which is ``staged_root``/docs); move the site to site_dir."""
    if importlib.util.find_spec("zensical") is None:  # an optional extra: say how to get it
        raise PutrightError(
            f"Zensical is not installed: pip install 'putright[zensical]' (zensical=={VERSION})"
        )
    with open(config_file, encoding="utf-8") as handle:
        try:
            source = yaml.safe_load(handle) or {}
        except yaml.YAMLError as exc:
            raise ConfigError(f"not readable as plain YAML ({exc})", file=config_file) from None
    config = zensical_config(source, config_file, staged_root, theme_dir, public)
    patterns = nav_patterns(staged)
    if patterns:
        config["not_in_nav"] = "\n".join(patterns) + "\n"
    written = os.path.join(staged_root, "mkdocs.yml")
    with open(written, "w", encoding="utf-8") as handle:
        yaml.safe_dump(config, handle, sort_keys=False, allow_unicode=True)
    command = [sys.executable, "-m", "zensical", "build", "-f", written]
    if strict:
        command.append("--strict")
    # Its cache and everything it writes stay under staged_root (a temporary folder).
    ran = subprocess.run(command, cwd=staged_root, capture_output=True, text=True, check=False)
    if ran.returncode != 0:
        lines = [ln for ln in (ran.stderr + ran.stdout).splitlines() if ln.strip()]
        reason = _reason(lines)
        raise PutrightError(f"Zensical did not build the site: {reason}")
    built = os.path.join(staged_root, "site")
    if os.path.isdir(site_dir):
        shutil.rmtree(site_dir)
    shutil.move(built, site_dir)
    return site_dir


def _reason(lines: list[str]) -> str:
    """The error from Zensical's output (its strict mode ends in a traceback)."""
    for line in reversed(lines):
        if "Error" in line or "error" in line or "warning" in line.lower():
            return line.strip()[:500]
    return lines[-1].strip()[:500] if lines else "no output"
