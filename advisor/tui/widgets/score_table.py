"""Scores per domain and per task statement at the end of a round."""

from __future__ import annotations

from textual.reactive import reactive
from textual.widgets import DataTable

from advisor.tui.data.views import ScoreRow


class ScoreTable(DataTable[str]):
    """One row per domain, then one per task statement (indented); the long names go last."""

    rows_shown: reactive[tuple[ScoreRow, ...]] = reactive((), init=False)

    def on_mount(self) -> None:
        self.cursor_type = "none"
        self.add_columns("Right", "%", "Domain / task statement")

    def watch_rows_shown(self, rows: tuple[ScoreRow, ...]) -> None:
        self.clear()
        for row in rows:
            label = f"  {row.label}" if row.is_task else row.label
            self.add_row(f"{row.correct}/{row.total}", f"{row.percent}%", label)
