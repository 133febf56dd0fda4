"""Complaint procedures as data: the model, its loading, and holding one against the Code."""

from __future__ import annotations
