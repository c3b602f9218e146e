"""Where practice in the TUI reads its questions and progress: a leaf module, so that the app and
the home screen are built without the practice engine (imported when practice opens)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from advisor.practice.clock import Clock, system_clock


@dataclass(frozen=True)
class PracticeSetup:
    """Where practice reads its questions and progress, and its clock (tests inject both)."""

    scenarios: Path | None = None
    """The scenario folder (None: the shipped scenarios)."""
    database: Path | None = None
    """The progress database (None: the default in the data folder)."""
    clock: Clock = field(default=system_clock)
