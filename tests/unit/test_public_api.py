"""The package's public API: every name in `__all__` resolves, and nothing else is promised."""

from __future__ import annotations

import subprocess
import sys

import pytest

import advisor


@pytest.mark.parametrize("name", advisor.__all__)
def test_every_public_name_resolves(name: str) -> None:
    assert getattr(advisor, name) is not None


def test_all_lists_exactly_the_lazy_exports() -> None:
    assert sorted(advisor.__all__) == sorted([*advisor._EXPORTS, "__version__"])


def test_unknown_names_are_attribute_errors() -> None:
    with pytest.raises(AttributeError, match="no attribute 'nonexistent'"):
        _ = advisor.nonexistent  # type: ignore[attr-defined]


def test_importing_the_package_loads_nothing_heavy() -> None:
    """`import advisor` must stay cheap: the CLI's start-up depends on it."""
    heavy = "{'pydantic', 'networkx', 'textual', 'yaml'}"
    code = f"import sys, advisor; print(sorted(m for m in sys.modules if m.split('.')[0] in {heavy}))"
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert loaded.strip() == "[]"
