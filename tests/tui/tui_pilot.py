"""Driving the app in Pilot tests: the size, the fixture answers, and pressing keys the way a
person does (waiting for the screen, and for thread workers, after each key)."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets import OptionList

from fixtures_path import FIXTURES

SIZE = (100, 30)
SMALLEST = (80, 24)
"""The smallest terminal the app is laid out for."""
STREAM = FIXTURES / "answers" / "stream.yaml"
"""arrival stream, speed fast, record_mb 2 MB, skills [sql], lens current."""
BATCH = FIXTURES / "answers" / "batch.yaml"
"""arrival batch."""


async def settle(pilot: Pilot[None]) -> None:
    """Let messages, thread workers and the callbacks they post all finish."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def press(pilot: Pilot[None], *keys: str) -> None:
    """Press keys one at a time, settling after each (as a person waits to see the screen)."""
    for key in keys:
        await pilot.press(key)
        await settle(pilot)
    if not keys:
        await settle(pilot)


def highlighted_rows(options: OptionList) -> range:
    """The lines of the list (scrolled or not) that the highlighted option takes."""
    index = options.highlighted
    assert index is not None
    first = options._index_to_line[index]
    return range(first, first + options._heights[index])


def shown_rows(options: OptionList) -> range:
    """The lines of the list inside its scrolled window."""
    top = options.scroll_offset.y
    return range(top, top + options.scrollable_content_region.height)


def drawn_at_rows(options: OptionList, rows: range) -> set[str]:
    """Which widgets the screen draws where those lines of the list would be (the list itself,
    unless something hides them: a parent clipping the list, or a widget on top)."""
    x, y = options.content_region.offset
    top = options.scroll_offset.y
    widgets = (options.screen.get_widget_at(x + 1, y + row - top)[0] for row in rows)
    return {type(widget).__name__ for widget in widgets}
