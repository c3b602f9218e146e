"""Fixtures for tests of the product as a user installs it: the console script of this
environment, run from a folder outside the checkout."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from installed.installed_run import Run

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def advisor_script() -> Path:
    """The `advisor` console script installed beside this Python."""
    script = Path(sys.executable).parent / "advisor"
    assert script.is_file(), f"no installed console script at {script}; install the package first"
    return script


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """An empty working folder outside the checkout."""
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    assert REPO not in folder.parents
    return folder


@pytest.fixture
def advisor(advisor_script: Path, outside: Path, tmp_path: Path) -> Run:
    """Run the installed `advisor` in `outside`, with a private cache; returns the process."""
    env = {**os.environ, "ADVISOR_CACHE_DIR": str(tmp_path / "cache"), "NO_COLOR": "1"}
    env.pop("ADVISOR_DEBUG", None)

    def run(*argv: str, stdin: str = "", timeout: float = 60) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(advisor_script), *argv],
            input=stdin,
            check=False,
            capture_output=True,
            text=True,
            cwd=outside,
            env=env,
            timeout=timeout,
        )

    return run
