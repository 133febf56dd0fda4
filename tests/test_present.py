"""The presentation layer's table names its result types and presenters, so a command imports
only its own; every name in it must resolve (a typo would fail only when that format is asked)."""

from __future__ import annotations

import importlib

import pytest

from putright.present import PRESENTERS, formats, presenter, type_name


@pytest.mark.parametrize("name", sorted(PRESENTERS))
def test_every_result_type_and_presenter_resolves(name: str) -> None:
    module, _, qualname = name.rpartition(".")
    kind = getattr(importlib.import_module(module), qualname)
    assert isinstance(kind, type) and type_name(kind) == name
    assert formats(kind) == tuple(PRESENTERS[name])
    for fmt in formats(kind):
        assert callable(presenter(kind, fmt))
