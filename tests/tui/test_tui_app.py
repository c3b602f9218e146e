"""The app as a whole: the factory, help, the command palette, the theme."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from tui_pilot import SIZE, STREAM, press

from advisor.errors import AdvisorError
from advisor.knowledge import KnowledgeBase
from advisor.tui import AdvisorApp, make_app
from advisor.tui.screens.help import HelpScreen
from advisor.tui.screens.interview import InterviewScreen
from advisor.tui.screens.knowledge import KnowledgeScreen


def test_make_app_refuses_a_bad_answers_file_before_drawing(
    fixture_kb: KnowledgeBase, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("answers:\n  skills: [cobol]\n", encoding="utf-8")
    with pytest.raises(AdvisorError) as error:
        make_app(fixture_kb, bad)
    assert str(error.value) == (
        f"{bad}:2: answers.skills: 'cobol' is not a value of 'skills' (expected one of: sql, spark)"
    )


def test_make_app_refuses_an_unknown_lens(fixture_kb: KnowledgeBase) -> None:
    with pytest.raises(AdvisorError, match="unknown lens 'future'"):
        make_app(fixture_kb, None, "future")


async def test_an_answers_file_opens_the_interview_over_home(app_with: Callable[..., AdvisorApp]) -> None:
    app = app_with(STREAM, None)
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot)
        assert isinstance(app.screen, InterviewScreen)
        assert app.screen.interview.lens == "current"  # lens None: the file's
        await press(pilot, "escape")
        assert type(app.screen).__name__ == "HomeScreen"


async def test_f1_opens_help_from_anywhere_and_escape_closes_it(app: AdvisorApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "n", "enter", "f1")
        assert isinstance(app.screen, HelpScreen)
        await press(pilot, "escape")
        assert isinstance(app.screen, InterviewScreen)


async def test_the_palette_lists_the_screen_commands_and_runs_them(app: AdvisorApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot)
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert titles == [
            "New interview",
            "Open answers file",
            "Knowledge browser",
            "Practice",
            "Check a design",
            "Help",
            "Light / dark theme",
            "Quit",
        ]
        await press(pilot, "ctrl+p", *"knowledge", "enter")
        assert isinstance(app.screen, KnowledgeScreen)


async def test_t_switches_between_dark_and_light(app: AdvisorApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        assert app.theme == "textual-dark"
        await press(pilot, "t")
        assert app.theme == "textual-light"


async def test_q_warns_once_about_answers_not_saved(app: AdvisorApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "n", "enter", "1", "q")
        assert app.is_running
        assert [n.message for n in app._notifications] == [
            "Your 1 answer is not saved: a saves it, q again quits."
        ]
        await press(pilot, "q")
        assert not app.is_running


async def test_q_quits_at_once_when_the_answers_are_saved(app: AdvisorApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "n", "enter", "1", "a", "enter", "q")
        assert not app.is_running
