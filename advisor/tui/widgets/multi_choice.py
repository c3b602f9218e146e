"""A multi-choice question's answers as toggles: space or a digit toggles, enter submits."""

from __future__ import annotations

from rich.table import Table
from textual.binding import Binding
from textual.message import Message
from textual.widgets import OptionList

from advisor.tui.data.views import Option
from advisor.tui.widgets.choice_list import choice_row


class MultiChoice(OptionList):
    """Toggles numbered 1 to 9; enter submits the ticked choices (none ticked is an answer too).

    An OptionList whose rows carry their own tick mark, rather than a SelectionList: Textual's
    SelectionList draws its check boxes per screen line, so a choice that wraps over two lines
    shows the next choice's tick on its second line.
    """

    BINDINGS = [
        Binding("space", "tick", "Tick", show=False),
        Binding("enter", "submit", "Submit", show=True),
    ]

    class Submitted(Message):
        """The person confirmed the ticked choices."""

        def __init__(self, values: list[str]) -> None:
            super().__init__()
            self.values = values

    def __init__(self, options: tuple[Option, ...], current: tuple[str | bool, ...] = ()) -> None:
        self.choices = options
        self._ticked = {index for index, option in enumerate(options) if option.value in current}
        super().__init__(*(self._row(index) for index in range(len(options))))

    def on_mount(self) -> None:
        self.highlighted = 0 if self.choices else None

    def toggle_number(self, number: int) -> None:
        """Toggle the `number`th choice (1-based) and move the cursor to it."""
        if 1 <= number <= len(self.choices):
            self._toggle(number - 1)
            self.highlighted = number - 1

    def ticked(self) -> list[str]:
        """The values of the ticked choices, in the question's order."""
        return [str(self.choices[index].value) for index in sorted(self._ticked)]

    def action_tick(self) -> None:
        if self.highlighted is not None:
            self._toggle(self.highlighted)

    def action_submit(self) -> None:
        self.post_message(self.Submitted(self.ticked()))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """A click on a choice toggles it."""
        event.stop()
        self._toggle(event.option_index)

    def _toggle(self, index: int) -> None:
        self._ticked ^= {index}
        self.replace_option_prompt_at_index(index, self._row(index))

    def _row(self, index: int) -> Table:
        return choice_row(index + 1, self.choices[index].label, "[x]" if index in self._ticked else "[ ]")
