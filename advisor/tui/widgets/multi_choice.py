"""A multi-choice question's answers as toggles: space or a digit toggles, enter submits."""

from __future__ import annotations

from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widgets import SelectionList

from advisor.tui.data.views import Option


class MultiChoice(SelectionList[int]):
    """Toggles numbered 1 to 9; enter submits the ticked choices (none ticked is an answer too)."""

    BINDINGS = [Binding("enter", "submit", "Submit", show=True)]

    class Submitted(Message):
        """The person confirmed the ticked choices."""

        def __init__(self, values: list[str]) -> None:
            super().__init__()
            self.values = values

    def __init__(self, options: tuple[Option, ...], current: tuple[str | bool, ...] = ()) -> None:
        super().__init__(
            *(
                (
                    Content(f"{number if number <= 9 else ' '}  {option.label}"),
                    number - 1,
                    option.value in current,
                )
                for number, option in enumerate(options, start=1)
            )
        )
        self.choices = options

    def toggle_number(self, number: int) -> None:
        """Toggle the `number`th choice (1-based) and move the cursor to it."""
        if 1 <= number <= len(self.choices):
            self.toggle(number - 1)
            self.highlighted = number - 1

    def ticked(self) -> list[str]:
        """The values of the ticked choices, in the question's order."""
        return [str(self.choices[index].value) for index in sorted(self.selected)]

    def action_submit(self) -> None:
        self.post_message(self.Submitted(self.ticked()))
