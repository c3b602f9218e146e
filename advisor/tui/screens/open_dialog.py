"""Open dialog: the path of an answers file; a file that cannot be used shows its one-line error."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Generic, TypeVar

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Button, Input, Label, Static

from advisor.errors import AdvisorError

T = TypeVar("T")

ANSWERS_NOTE = (
    "A YAML answers file (as exported here or written for 'advisor recommend'); "
    "the interview continues from its answers."
)


class OpenDialog(ModalScreen[T | None], Generic[T]):
    """Calls `load` with the path typed; dismisses with what it returns, or None when cancelled."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(
        self,
        load: Callable[[Path], T],
        suggestions: list[str] | None = None,
        *,
        title: str = "Open an answers file",
        note: str = ANSWERS_NOTE,
        placeholder: str = "path/to/answers.yaml",
    ) -> None:
        super().__init__(classes="dialog")
        self.load = load
        self.suggestions = suggestions or []
        self.title_text, self.note, self.placeholder = title, note, placeholder

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label(self.title_text, id="dialog-title")
            yield Static(self.note, id="dialog-note")
            yield Input(
                placeholder=self.placeholder,
                id="dialog-path",
                suggester=SuggestFromList(self.suggestions, case_sensitive=True),
            )
            yield Static(id="dialog-error", markup=False)
            with Horizontal(id="dialog-buttons"):
                yield Button("Open", id="open", variant="primary")
                yield Button("Cancel", id="cancel")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.open()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "open":
            self.open()
        else:
            self.dismiss(None)

    def action_cancel(self) -> None:
        self.dismiss(None)

    def open(self) -> None:
        typed = self.query_one("#dialog-path", Input).value.strip()
        if not typed:
            self.query_one("#dialog-error", Static).update("Type the path of a file.")
            return
        try:
            loaded = self.load(Path(typed).expanduser())
        except AdvisorError as error:
            self.query_one("#dialog-error", Static).update(str(error))
            return
        self.dismiss(loaded)


def yaml_files(folder: Path, suffixes: tuple[str, ...] = (".yaml", ".yml")) -> list[str]:
    """Files directly in `folder` with one of `suffixes`, as paths to suggest while typing (sorted)."""
    try:
        return sorted(str(p) for p in folder.iterdir() if p.suffix in suffixes and p.is_file())
    except OSError:
        return []
