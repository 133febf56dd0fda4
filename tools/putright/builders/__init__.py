"""Builders: a staged docs folder (``putright.site.staging``) to a static site.

Edges, like the CLI: they may import mkdocs or run zensical. ``mkdocs_build`` is the default
and the reference; ``zensical_build`` builds the same staged pages with Zensical, and
refuses a configuration whose plugins or hooks Zensical would silently drop.
"""

from __future__ import annotations

BUILDERS = ("mkdocs", "zensical")
