"""What are you deciding? Ticks the stages the interview should work for, before it starts."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from advisor.knowledge import KnowledgeBase
from advisor.tui.data.focus import chosen_focus, focus_options
from advisor.tui.widgets.multi_choice import MultiChoice

NOTE = (
    "Tick what you are deciding (space or a number), then enter. The interview asks only what "
    "can change those picks; nothing ticked means the whole pipeline."
)


class FocusDialog(ModalScreen[tuple[str, ...] | None]):
    """Dismisses with the focused stages (empty: the whole pipeline), or None when cancelled."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, kb: KnowledgeBase) -> None:
        super().__init__(classes="dialog")
        self.kb = kb

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label("What are you deciding?", id="dialog-title")
            yield Static(NOTE, id="dialog-note", markup=False)
            yield MultiChoice(focus_options(self.kb))

    def on_mount(self) -> None:
        self.query_one(MultiChoice).focus()

    def on_key(self, event: object) -> None:
        key = getattr(event, "character", None)
        if key is not None and key.isdigit() and key != "0":
            self.query_one(MultiChoice).toggle_number(int(key))

    def on_multi_choice_submitted(self, message: MultiChoice.Submitted) -> None:
        message.stop()
        self.dismiss(chosen_focus(message.values))

    def action_cancel(self) -> None:
        self.dismiss(None)
