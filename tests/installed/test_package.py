"""The tests import the installed package, and the wheel carries every file the package reads."""

from __future__ import annotations

import json
import subprocess
import sys
import sysconfig
import zipfile
from importlib import metadata
from pathlib import Path

import advisor

REPO = Path(__file__).resolve().parents[2]
SKIP_DIRS = {"__pycache__", "_data", ".mypy_cache"}


def _is_editable() -> bool:
    """Is the package installed in this environment's site-packages in editable (dev) mode?"""
    site = sysconfig.get_paths()["purelib"]
    (installed,) = [d for d in metadata.distributions(path=[site]) if d.metadata["Name"] == "aws-ml-advisor"]
    direct_url = installed.read_text("direct_url.json")
    return bool(direct_url and json.loads(direct_url).get("dir_info", {}).get("editable"))


def test_tests_exercise_the_installed_package_not_the_source_tree() -> None:
    """With a normal install (CI, the README), `advisor` must come from site-packages, or a file
    missing from the wheel would go unseen."""
    imported = Path(advisor.__file__).resolve()
    from_source = imported.is_relative_to(REPO / "advisor")
    if _is_editable():
        assert from_source  # a developer's editable install
    else:
        assert not from_source, f"tests imported the source tree: {imported}"
        assert imported.is_relative_to(Path(sysconfig.get_paths()["purelib"]).resolve())


def test_wheel_ships_every_non_python_file_of_the_package(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(tmp_path), str(REPO)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    (wheel,) = tmp_path.glob("*.whl")
    shipped = set(zipfile.ZipFile(wheel).namelist())
    package_files = [name for name in _files("advisor") if not name.endswith((".py", ".pyc"))]
    assert "advisor/tui/advisor.tcss" in package_files
    assert [name for name in package_files if name not in shipped] == []
    data_files = [f"advisor/_data/{name}" for name in [*_files("rules"), *_files("scenarios")]]
    assert len(data_files) > 100
    assert [name for name in data_files if name not in shipped] == []


def _files(folder: str) -> list[str]:
    """Every file below a top-level folder of the checkout, as a wheel path."""
    root = REPO / folder
    return sorted(
        path.relative_to(REPO).as_posix()
        for path in root.rglob("*")
        if path.is_file() and not SKIP_DIRS & set(path.relative_to(root).parts)
    )
