"""Snapshots of the key screens at 80x24 on the fixture knowledge, dark theme (the longest
question and the longest name come from tests/tui/long_knowledge.yaml, added to it).

Regenerate with `pytest tests/tui --snapshot-update` and look at the SVGs before committing.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Input
from tui_pilot import STREAM, press

from advisor.knowledge import KnowledgeBase
from advisor.tui import AdvisorApp, make_app

from fixtures_path import CHECK

SnapCompare = Callable[..., bool]


def keys(*pressed: str) -> Callable[[Pilot[Any]], Any]:
    async def run(pilot: Pilot[Any]) -> None:
        await press(pilot, *pressed)

    return run


def test_home(snap_compare: SnapCompare, app: AdvisorApp) -> None:
    """Home: title, intro, the menu (new, open, knowledge, practice, check a design, help, quit,
    with their keys, the first one highlighted), the knowledge counts below it, and the footer keys."""
    assert snap_compare(app, run_before=keys())


def test_interview(snap_compare: SnapCompare, app: AdvisorApp) -> None:
    """Interview after answering "as a stream": the number question "Largest record?" with its
    input focused and the hint at the panel's foot; on the right, Ingestion's top pick Stream A
    marked ● as just changed, Storage's Lake unmarked, "exam lens" at the panel's foot."""
    assert snap_compare(app, run_before=keys("n", "enter", "2"))


def test_results_with_a_detail(snap_compare: SnapCompare, app_with: Callable[..., AdvisorApp]) -> None:
    """Results for the stream answers: Ingestion has no pick and five rejected alternatives
    (✗, with the rejecting rule; Old D with its [closed to new customers] badge, cut with …
    where the row is too long); the cursor is on Stream A, whose detail says it was rejected
    by ING-005, with the rule's reason, the facts it read and the source URLs."""
    app = app_with(STREAM, "exam")
    assert snap_compare(app, run_before=keys("r", *["down"] * 6))


def test_knowledge_browser(snap_compare: SnapCompare, app: AdvisorApp) -> None:
    """Knowledge browser after typing "buf" straight away (the search box has focus on arrival)
    and enter: Buffer B first in the list, highlighted; on the right its summary, status,
    traits, relations (delivers_to lake, alternative_to stream_a), the rules that mention it
    and its source."""
    assert snap_compare(app, run_before=keys("k", "b", "u", "f", "enter"))


def test_longest_question(snap_compare: SnapCompare, long_app: Callable[..., AdvisorApp]) -> None:
    """The 25-choice question at 80x24 with the last choice highlighted: stage line, the
    two-line question and its help text on top; the list below scrolled to its end, its
    scrollbar at the bottom, the highlighted "None of these: …" wrapping under its own text
    (no number: only 1-9 have keys) fully in view just above the two-line hint; nothing cut
    off at the panel's foot. On the right, the live recommendations."""
    assert snap_compare(long_app(), run_before=keys("n", "enter", "end"))


def test_longest_node_name(snap_compare: SnapCompare, long_app: Callable[..., AdvisorApp]) -> None:
    """Results under the current lens for an archive workload at 80x24: under Storage, Deep
    Store (standing in) and, rejected, "✗ Cold Archive Tier for Rarely Re…" cut with an
    ellipsis at the tree's edge (as is Old D's row under Ingestion, after its badge); the
    cursor is on it, and the detail pane shows its full name wrapped over three lines with the
    [retired] badge, then that it is retired and Deep Store replaces it."""
    assert snap_compare(long_app(), run_before=keys("n", "enter", "1", "r", "l", *["down"] * 9))


def test_check_a_design(snap_compare: SnapCompare, check_kb: KnowledgeBase, tmp_path: Path) -> None:
    """Check a design at 80x24: on the left "1 error, 0 warnings, 2 info, 2 suppressed" over
    Errors (1) with ✗ buffer_b (ingestion) ING-003 highlighted, Information (2) with the two
    focused stages without a choice, Suppressed (2) with old_d's findings marked ~; on the right
    the finding's title with its [error] badge, the message, where it is written, the
    requirement (How fast? fast), the fix naming Stream A, and the engine's why not."""
    shutil.copy(CHECK / "stream.design.yaml", tmp_path / "stream.design.yaml")

    async def run(pilot: Pilot[Any]) -> None:
        await press(pilot, "d")
        pilot.app.screen.query_one("#dialog-path", Input).value = "stream.design.yaml"
        await press(pilot, "enter")

    assert snap_compare(make_app(check_kb, lens=None), run_before=run)
