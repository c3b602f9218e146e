"""The knowledge browser's list of matching nodes, rules and questions."""

from __future__ import annotations

from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from advisor.tui.data.views import Entry

KIND_STYLE = {"node": "$accent", "rule": "$success", "question": "$warning"}


class EntryList(OptionList):
    """Shows `entries`; posts Highlighted for the entry under the cursor."""

    entries: reactive[tuple[Entry, ...]] = reactive((), init=False)

    class Highlighted(Message):
        """The cursor moved to an entry."""

        def __init__(self, entry: Entry) -> None:
            super().__init__()
            self.entry = entry

    def watch_entries(self, entries: tuple[Entry, ...]) -> None:
        self.clear_options()
        self.add_options([Option(_label(entry)) for entry in entries])
        if entries:
            self.highlighted = 0
            self.post_message(self.Highlighted(entries[0]))

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        if event.option_index < len(self.entries):
            self.post_message(self.Highlighted(self.entries[event.option_index]))


def _label(entry: Entry) -> Content:
    return Content.assemble((f"{entry.kind:<9}", KIND_STYLE[entry.kind]), entry.label)
