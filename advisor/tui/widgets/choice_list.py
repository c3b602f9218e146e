"""Numbered answers of a single-choice, scale or yes/no question."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option as ListOption

from advisor.tui.data.views import Option


class ChoiceList(OptionList):
    """The answers, numbered 1 to 9 for the digit keys; arrows and enter work too."""

    def __init__(self, options: tuple[Option, ...], current: tuple[str | bool, ...] = ()) -> None:
        super().__init__(
            *(
                ListOption(choice_row(number, option.label), id=f"choice-{number}")
                for number, option in enumerate(options, start=1)
            )
        )
        self.choices = options
        self._current = current

    def on_mount(self) -> None:
        values = [option.value for option in self.choices]
        chosen = next((values.index(v) for v in self._current if v in values), 0)
        self.highlighted = chosen if values else None

    def value_at(self, index: int) -> str | bool:
        return self.choices[index].value


def choice_row(number: int, label: str, mark: str = "") -> Table:
    """`1  label` (`[x] 1  label` with a tick mark), a long label wrapping under itself."""
    row = Table.grid(padding=(0, 2))
    row.add_column(no_wrap=True)
    row.add_column(ratio=1)
    key = f"{mark} " if mark else ""
    row.add_row(Text.assemble(key, (f"{number}" if number <= 9 else " ", "bold")), Text(label))
    return row
