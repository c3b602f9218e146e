"""Export dialog: choose the file for the answers (YAML) or the report (Markdown), then write it."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from advisor.errors import AdvisorError
from advisor.tui.data.files import write_file


class ExportDialog(ModalScreen[Path | None]):
    """Writes `text` to the path typed; dismisses with the absolute path written, or None."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, title: str, text: str, default: Path, note: str = "") -> None:
        super().__init__(classes="dialog")
        self.title_text, self.text, self.default, self.note = title, text, default, note
        self._confirmed: Path | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label(self.title_text, id="dialog-title", markup=False)
            yield Static(self.note, id="dialog-note", markup=False)
            yield Input(str(self.default), id="dialog-path")
            yield Static(id="dialog-error", markup=False)
            with Horizontal(id="dialog-buttons"):
                yield Button("Save", id="save", variant="primary")
                yield Button("Cancel", id="cancel")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.save()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "save":
            self.save()
        else:
            self.dismiss(None)

    def action_cancel(self) -> None:
        self.dismiss(None)

    def save(self) -> None:
        """Write the file; a file that exists is overwritten only when asked a second time."""
        typed = self.query_one("#dialog-path", Input).value.strip()
        if not typed:
            self._show_error("Type a file name.")
            return
        path = Path(typed)
        if path.is_file() and self._confirmed != path:
            self._confirmed = path
            self._show_error(f"{path} exists: press enter again to overwrite it.")
            return
        try:
            self.dismiss(write_file(path, self.text))
        except AdvisorError as error:
            self._show_error(str(error))

    def _show_error(self, message: str) -> None:
        self.query_one("#dialog-error", Static).update(message)
