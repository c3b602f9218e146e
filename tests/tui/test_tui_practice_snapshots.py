"""Snapshots of the practice screens at 80x24 on the fixture knowledge and scenarios, with a fixed
clock (so the draw, the dates and the timer never change between runs).

Regenerate with `pytest tests/tui --snapshot-update` and look at the SVGs before committing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from practice_setup import FakeClock
from textual.pilot import Pilot
from tui_pilot import press

from advisor.knowledge import KnowledgeBase
from advisor.tui import AdvisorApp, PracticeSetup, make_app

from fixtures_path import FIXTURE_SCENARIOS

SnapCompare = Callable[..., bool]


@pytest.fixture
def practice_app(fixture_kb: KnowledgeBase) -> AdvisorApp:
    return make_app(fixture_kb, practice=PracticeSetup(scenarios=FIXTURE_SCENARIOS, clock=FakeClock()))


def keys(*pressed: str) -> Callable[[Pilot[Any]], Any]:
    async def run(pilot: Pilot[Any]) -> None:
        await press(pilot, *pressed)

    return run


def test_practice_home(snap_compare: SnapCompare, practice_app: AdvisorApp) -> None:
    """Practice: "Exam one (EX-01)", "6 questions · 0 answers recorded · 0 due today", the six
    entries with their keys (due, drill, exam in 20 min, full exam, review 0, progress), the
    first highlighted, the +/- hint, and the footer keys."""
    assert snap_compare(practice_app, run_before=keys("p"))


def test_drill_explanation(snap_compare: SnapCompare, practice_app: AdvisorApp) -> None:
    """A drill question answered wrongly with A: left, the question with A marked ✗ and the key C
    ✓; right, the explanation: "C) Warehouse", "Not quite: you chose A.", "Why C wins (how)"
    with STO-002 +2 and the skills fact, then "Why not A · your answer"; the bar reads
    "EX-01 · drill · 0 of 1 right"; footer n Next, e Export, esc End round."""
    assert snap_compare(practice_app, run_before=keys("p", "r", "a"))


def test_exam_with_timer(snap_compare: SnapCompare, practice_app: AdvisorApp) -> None:
    """A five-question exam simulation after one answer: question 2 of 5 fills the width (no
    explanation), the bar shows "EX-01 · exam" and the timer "10:00 left" on the right."""
    assert snap_compare(practice_app, run_before=keys("p", "minus", "e", "a"))


def test_exam_report(snap_compare: SnapCompare, practice_app: AdvisorApp) -> None:
    """The report of that exam ended after two answers: the score line with "(70% needed) · 3
    unanswered (counted as wrong)", the table of Domain one/two and tasks 1.1/1.2, the two
    answers marked ✓/✗, and the first answer's explanation on the right."""
    assert snap_compare(practice_app, run_before=keys("p", "minus", "e", "a", "b", "escape"))


def test_progress_plots(snap_compare: SnapCompare, practice_app: AdvisorApp) -> None:
    """Progress after two drill answers: the summary line, the accuracy plot with a point per
        domain on 03-03 (100% and 0%) and its legend, the due bar chart (the missed question due
    on +1, the right one on +2), and "No leeches."."""
    assert snap_compare(practice_app, run_before=keys("p", "r", "a", "n", "a", "escape", "p"))
