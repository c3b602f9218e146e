"""The knowledge browser: fuzzy search over nodes, rules and questions; an item in full."""

from __future__ import annotations

from textual.widgets import Input, Static
from tui_pilot import SIZE, press

from advisor.tui import AdvisorApp
from advisor.tui.screens.knowledge import KnowledgeScreen
from advisor.tui.widgets.entry_list import EntryList


def browser_of(app: AdvisorApp) -> KnowledgeScreen:
    assert isinstance(app.screen, KnowledgeScreen)
    return app.screen


def body(app: AdvisorApp) -> str:
    return str(browser_of(app).query_one("#item-body", Static).content)


async def test_lists_everything_and_shows_the_first_node(app: AdvisorApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "k")
        screen = browser_of(app)
        entries = screen.query_one(EntryList).entries
        assert len(entries) == 7 + 9 + 5  # nodes, rules, questions of the fixture
        assert screen.entry is not None and screen.entry.id == "stream_a"
        assert "Stream A  (stream_a, service)" in body(app)


async def test_typing_searches_at_once_on_the_first_visit(app: AdvisorApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "k")
        assert browser_of(app).query_one(Input).has_focus
        await press(pilot, "o", "l", "d")
        assert browser_of(app).query_text == "old"
        assert browser_of(app).entry is not None and browser_of(app).entry.id == "old_d"  # type: ignore[union-attr]


async def test_a_fuzzy_search_and_a_node_shows_traits_relations_rules(app: AdvisorApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "k", "b", "u", "f", "f")
        screen = browser_of(app)
        assert screen.query_one(Input).has_focus
        assert [e.id for e in screen.query_one(EntryList).entries][:1] == ["buffer_b"]
        text = body(app)
        assert "floor" in text and "medium" in text  # traits
        assert "delivers_to      lake" in text  # relations
        assert "alternative_to   stream_a" in text
        assert "ING-002  A stream store is needed" in text  # rules that mention it
        assert "ING-003  Delivery slower than required" in text


async def test_a_rule_and_a_closed_node(app: AdvisorApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "k", *"ING5", "enter")
        assert browser_of(app).entry is not None
        assert browser_of(app).entry.id == "ING-005"  # type: ignore[union-attr]
        assert "Records larger than the service accepts" in body(app)
        assert "For each node with trait max_mb where max_mb < {fact record_mb}" in body(app)  # not JSON
        await press(pilot, "slash", *["backspace"] * 4, "o", "l", "d", "space", "d")
        assert "closed_to_new_customers — Old D is closed to new customers since 2025-01-01" in body(app)


async def test_nothing_matches(app: AdvisorApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "k", *"zzzz")
        assert browser_of(app).query_one(EntryList).entries == ()
        assert body(app) == "Nothing matches."


async def test_escape_leaves_the_search_box_then_the_browser(app: AdvisorApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "k", "escape")
        assert browser_of(app).query_one(EntryList).has_focus
        await press(pilot, "slash")
        assert browser_of(app).query_one(Input).has_focus
        await press(pilot, "escape", "escape")
        assert type(app.screen).__name__ == "HomeScreen"
