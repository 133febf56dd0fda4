"""Putright: a UK housing landlord's complaints, kept as YAML in Git and checked against the Code."""

from __future__ import annotations

__version__ = "0.1.0"
