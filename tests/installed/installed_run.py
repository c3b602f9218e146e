"""The type of the `advisor` fixture: runs the installed console script, returns the process.

A module of its own, imported as `installed.installed_run` (tests/ is on the path through its
conftest.py): `from conftest import ...` picks whichever conftest.py was imported first when
several test folders run together."""

from __future__ import annotations

import subprocess
from collections.abc import Callable

Run = Callable[..., subprocess.CompletedProcess[str]]
