"""The pure site generator: records and engine results become Markdown pages and SVG charts.

Nothing here imports mkdocs or click: the plugin (``putright.mkdocs_plugin``) and the
``complaints site`` command are the edges that call it.
"""

from __future__ import annotations

from .pages import Page

__all__ = ["Page"]
