"""The knowledge browser: fuzzy search over nodes, rules and questions, and one item in full."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, Static

from advisor.knowledge import KnowledgeBase
from advisor.render.show import render_item
from advisor.tui.data.search import knowledge_entries, search
from advisor.tui.data.views import Entry
from advisor.tui.widgets.entry_list import EntryList


class KnowledgeScreen(Screen[None]):
    """Owns the query and the entry shown; the detail is `advisor kb show` for that entry."""

    SUB_TITLE = "Knowledge"
    BINDINGS = [
        Binding("slash", "search", "Search"),
        Binding("escape", "leave", "Back"),
    ]

    def __init__(self, kb: KnowledgeBase) -> None:
        super().__init__()
        self.kb = kb
        self.entries = knowledge_entries(kb)
        self.query_text = ""
        self.entry: Entry | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="knowledge"):
            with Vertical(id="knowledge-left"):
                yield Input(placeholder="/ search nodes, rules, questions", id="search")
                yield EntryList(id="entries")
            with VerticalScroll(id="item", can_focus=True):
                yield Static(id="item-body")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        """Show everything, with the search box focused: typing searches at once."""
        self.show_matches("")
        self.query_one("#search", Input).focus()

    def show_matches(self, query: str) -> None:
        self.query_text = query
        matches = search(self.entries, query)
        self.query_one(EntryList).entries = matches
        self.query_one("#knowledge-left").border_title = f"{len(matches)} of {len(self.entries)}"
        if not matches:
            self.entry = None
            self.query_one("#item-body", Static).update("Nothing matches.")

    def on_input_changed(self, event: Input.Changed) -> None:
        self.show_matches(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.query_one(EntryList).focus()

    def on_entry_list_highlighted(self, message: EntryList.Highlighted) -> None:
        self.entry = message.entry
        item = self.kb.find(message.entry.id)
        self.query_one("#item-body", Static).update(Content(render_item(self.kb, item)))
        self.query_one("#item", VerticalScroll).scroll_home(animate=False)

    def action_search(self) -> None:
        self.query_one("#search", Input).focus()

    def action_leave(self) -> None:
        """Escape: leave the search box first, then the browser."""
        search_box = self.query_one("#search", Input)
        if search_box.has_focus:
            self.query_one(EntryList).focus()
        else:
            self.app.pop_screen()
