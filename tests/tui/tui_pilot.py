"""Driving the app in Pilot tests: the size, the fixture answers, and pressing keys the way a
person does (waiting for the screen, and for thread workers, after each key)."""

from __future__ import annotations

from textual.pilot import Pilot

from fixtures_path import FIXTURES

SIZE = (100, 30)
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
