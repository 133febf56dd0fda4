"""Helpers for the GitHub Actions workflows (pure: the `complaints ci` commands present them)."""

from __future__ import annotations

from .overdue import MARKER, OverdueReport, Row, overdue_report, render_json, render_markdown

__all__ = ["MARKER", "OverdueReport", "Row", "overdue_report", "render_json", "render_markdown"]
