"""Snapshots of the key screens at 80x24 on the fixture knowledge, dark theme.

Regenerate with `pytest tests/tui --snapshot-update` and look at the SVGs before committing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.pilot import Pilot
from tui_pilot import STREAM, press

from advisor.tui import AdvisorApp

SnapCompare = Callable[..., bool]


def keys(*pressed: str) -> Callable[[Pilot[Any]], Any]:
    async def run(pilot: Pilot[Any]) -> None:
        await press(pilot, *pressed)

    return run


def test_home(snap_compare: SnapCompare, app: AdvisorApp) -> None:
    """Home: title, intro, the menu (new, open, knowledge, practice, help, quit, with their keys, the
    first one highlighted), the knowledge counts below it, and the footer keys."""
    assert snap_compare(app, run_before=keys())


def test_interview(snap_compare: SnapCompare, app: AdvisorApp) -> None:
    """Interview after answering "as a stream": the number question "Largest record?" with its
    input focused and the hint below; on the right, Ingestion's top pick Stream A marked ● as
    just changed, Storage's Lake unmarked, "exam lens" at the panel's foot."""
    assert snap_compare(app, run_before=keys("n", "2"))


def test_results_with_a_detail(snap_compare: SnapCompare, app_with: Callable[..., AdvisorApp]) -> None:
    """Results for the stream answers: Ingestion has no pick and five rejected alternatives
    (✗, with the rejecting rule); the cursor is on Stream A, whose detail says it was rejected
    by ING-005, with the rule's reason, the facts it read and the source URLs."""
    app = app_with(STREAM, "exam")
    assert snap_compare(app, run_before=keys("r", *["down"] * 6))


def test_knowledge_browser(snap_compare: SnapCompare, app: AdvisorApp) -> None:
    """Knowledge browser searching "buf": Buffer B first in the list; on the right its summary,
    status, traits, relations (delivers_to lake, alternative_to stream_a), the rules that
    mention it and its source."""
    assert snap_compare(app, run_before=keys("k", "slash", "b", "u", "f", "enter"))
