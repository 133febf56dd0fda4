"""Evidence from the Git history (audit), retention of closed cases, and redaction.

The pure core of `complaints audit`, `complaints retention` and `complaints redact`: it never
imports click, and returns data that ``present.audit`` (or the staff site) presents.
"""

from __future__ import annotations

from .audit import audit_repository
from .model import AuditResult, CaseHistory, CommitRef, Finding, Note

__all__ = ["AuditResult", "CaseHistory", "CommitRef", "Finding", "Note", "audit_repository"]
