"""The JSON Schemas of records, settings, procedures and yearly statements, and their validators."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

SCHEMA_FILES = {
    "case": "case.schema.json",
    "complaints": "complaints.schema.json",
    "policy": "policy.schema.json",
    "year": "year.schema.json",
}


@cache
def schema(name: str) -> dict[str, Any]:
    text = resources.files(__package__).joinpath(SCHEMA_FILES[name]).read_text("utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded
