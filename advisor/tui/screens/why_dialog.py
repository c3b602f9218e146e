"""Why are you asking this? The changes each answer to the current question would make."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from advisor.tui.data.views import Line


class WhyDialog(ModalScreen[None]):
    """Lists, per answer, the stage whose top pick it would change; any key listed closes it."""

    BINDINGS = [
        Binding("escape,w,question_mark,enter", "dismiss", "Close"),
    ]

    def __init__(self, question: str, lines: tuple[Line, ...]) -> None:
        super().__init__(classes="dialog")
        self.question, self.lines = question, lines

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label("Why are you asking this?", id="dialog-title")
            yield Static(self.question, id="dialog-note", markup=False)
            with VerticalScroll(id="why-lines"):
                yield Static(self.impact_lines())

    def impact_lines(self) -> Content:
        if not self.lines:
            return Content("This answer cannot change any recommendation any more.")
        rows = [Content("Each of these answers would change a stage's top pick:")]
        rows += [Content.assemble("• ", (f"{line.lead}: ", "bold"), line.text) for line in self.lines]
        return Content("\n").join(rows)
