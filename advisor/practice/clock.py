"""The clock practice reads: a leaf module, so that faces can name it without the practice engine."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

Clock = Callable[[], datetime]
"""Returns the current moment, timezone-aware (tests pass a fixed or stepping clock)."""


def system_clock() -> datetime:
    return datetime.now(UTC)
