"""The Ombudsman evidence pack for one case: ``build_bundle`` returns its files; ``zip_bundle``."""

from __future__ import annotations

from .build import Bundle, build_bundle, zip_bundle

__all__ = ["Bundle", "build_bundle", "zip_bundle"]
