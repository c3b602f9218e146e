"""The top of the question panel: the question and its help, scrolling when they are long."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static


class QuestionHead(VerticalScroll):
    """The question and its help text. Its height is capped so that the answers keep room; a
    help text taller than that scrolls, and only then does tab stop here to scroll it."""

    def compose(self) -> ComposeResult:
        yield Static(id="question-text", markup=False)
        yield Static(id="question-help", markup=False)

    def allow_focus(self) -> bool:
        return self.max_scroll_y > 0

    def show(self, text: str, help_text: str) -> None:
        self.query_one("#question-text", Static).update(text)
        self.query_one("#question-help", Static).update(help_text)
        self.query_one("#question-help").display = bool(help_text)
        self.scroll_home(animate=False)
