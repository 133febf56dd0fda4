"""Presenting a CheckResult: each reporter is a pure function from the result to text."""

from __future__ import annotations

from .github import render_github
from .json_report import render_json
from .markdown import render_markdown
from .text import render_text

__all__ = [
    "render_github",
    "render_json",
    "render_markdown",
    "render_text",
]
