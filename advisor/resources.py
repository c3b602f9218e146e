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


def shown_path(path: Path) -> str:
    """How a file reads in messages and reports: a shipped file as `scenarios/designs/x.yaml`
    (not the install folder it happens to sit in), any other file as given."""
    for shipped in (scenarios_dir(), rules_dir()):
        try:
            return (Path(shipped.name) / path.resolve().relative_to(shipped)).as_posix()
        except ValueError:
            continue
    return str(path)
