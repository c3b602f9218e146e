"""The exam simulation's countdown, in the corner of the practice screen."""

from __future__ import annotations

from datetime import timedelta

from textual.reactive import reactive
from textual.widgets import Static

LOW = timedelta(minutes=5)
"""Below this the timer turns to the warning colour."""


class ExamTimer(Static):
    """Shows `left`; hidden when there is no time limit."""

    left: reactive[timedelta | None] = reactive(None)

    def watch_left(self, left: timedelta | None) -> None:
        self.display = left is not None
        self.update(remaining_text(left))
        self.set_class(left is not None and left < LOW, "-low")


def remaining_text(left: timedelta | None) -> str:
    """The timer's text, e.g. `12:05 left` or `1:02:05 left`; empty without a time limit."""
    if left is None:
        return ""
    hours, rest = divmod(int(left.total_seconds()), 3600)
    clock = f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60}:{rest % 60:02d}"
    return f"{clock} left"
