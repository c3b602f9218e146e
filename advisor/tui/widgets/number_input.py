"""A number answer with an optional unit, e.g. `12 MB`."""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import Input


class NumberInput(Input):
    """Takes `12`, `12 MB`, `0.5 GB`; also `s` (skip), `b` (back) and `?` (why), like `advisor ask`.

    Letters are text here, so escape leaves the box: the screen's letter keys work again.
    """

    BINDINGS = [Binding("escape", "leave", "Leave the box")]

    def __init__(self, unit: str, units: tuple[str, ...], current: str = "") -> None:
        super().__init__(value=current, placeholder=f"a number, e.g. 12 {unit}" if unit else "a number")

    def action_leave(self) -> None:
        self.screen.set_focus(None)
