"""Helpers for the GitHub Actions workflows (pure: ``putright.present.overdue`` presents them)."""

from __future__ import annotations

from .overdue import MARKER, MAX_ROWS, OverdueReport, Row, overdue_report

__all__ = ["MARKER", "MAX_ROWS", "OverdueReport", "Row", "overdue_report"]
