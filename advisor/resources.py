"""Where the shipped knowledge and scenarios are, in a wheel install or a source checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _data_dir(name: str) -> Path:
    installed = _PACKAGE / "_data" / name
    return installed if installed.is_dir() else _PACKAGE.parent / name


def rules_dir() -> Path:
    """The shipped rules/ folder."""
    return _data_dir("rules")


def scenarios_dir() -> Path:
    """The shipped scenarios/ folder."""
    return _data_dir("scenarios")
