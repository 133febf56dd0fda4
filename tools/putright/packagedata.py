"""Where the files Putright ships beside its code are: the staff guide, procedures, site templates.

One source for each: the top-level folders of Putright's own repository (docs/guide, policies,
site_templates), which other work edits in place. A built wheel or sdist holds real copies
under putright/data/ (setup.py's build step copies them: Git symlinks would break on a Windows
clone without core.symlinks), so an installed package finds them there, and a source checkout
(an editable install) finds the top-level folders themselves.
"""

from __future__ import annotations

from pathlib import Path

# data/<name> in a built package -> the folder it is copied from, relative to the checkout.
SOURCES = {"guide": "docs/guide", "policies": "policies", "site_templates": "site_templates"}

_PACKAGE = Path(__file__).resolve().parent
_CHECKOUT = _PACKAGE.parent.parent  # tools/putright -> the repository's root


def data_dir(name: str) -> Path:
    """The folder for one of SOURCES: the package's copy if installed, else the checkout's."""
    if name not in SOURCES:
        raise KeyError(name)
    installed = _PACKAGE / "data" / name
    if installed.is_dir():
        return installed
    return _CHECKOUT / SOURCES[name]
