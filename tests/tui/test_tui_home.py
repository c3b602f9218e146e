"""Home and the open dialog: every entry works; a bad answers file shows its one-line error."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, OptionList, Static
from tui_pilot import SIZE, STREAM, press

from advisor.tui import AdvisorApp
from advisor.tui.screens.focus_dialog import FocusDialog
from advisor.tui.screens.home import HomeScreen
from advisor.tui.screens.interview import InterviewScreen
from advisor.tui.screens.knowledge import KnowledgeScreen
from advisor.tui.screens.open_dialog import OpenDialog


def menu(app: AdvisorApp) -> list[str]:
    options = app.screen.query_one("#menu", OptionList)
    return [str(options.get_option_at_index(i).id) for i in range(options.option_count)]


async def type_path(pilot_app: AdvisorApp, path: str) -> None:
    pilot_app.screen.query_one("#dialog-path", Input).value = path


async def test_home_offers_only_what_works(app: AdvisorApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert menu(app) == ["new", "open", "knowledge", "practice", "check", "app.help", "app.request_quit"]
        await press(pilot, "down", "down", "enter")
        assert isinstance(app.screen, KnowledgeScreen)


async def test_enter_on_the_first_entry_starts_an_interview(app: AdvisorApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "enter")
        assert isinstance(app.screen, FocusDialog)
        await press(pilot, "enter")  # nothing ticked: the whole pipeline
        assert isinstance(app.screen, InterviewScreen)
        assert app.screen.interview.focus == ()
        await press(pilot, "2", "escape", "escape")
        assert menu(app)[0] == "resume"  # the answers are kept
        resume = app.screen.query_one("#menu", OptionList).get_option_at_index(0)
        assert str(resume.prompt).endswith("Continue the interview (1 answer)")


async def test_a_new_interview_asks_what_you_are_deciding_first(app: AdvisorApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "n", "3", "enter")
        assert isinstance(app.screen, InterviewScreen)
        assert app.screen.interview.focus == ("storage",)
        assert app.screen.step is not None and app.screen.step.question is not None
        assert app.screen.step.question.id in ("skills", "wants_managed")


async def test_escape_in_the_focus_dialog_goes_back_home(app: AdvisorApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "n", "escape")
        assert isinstance(app.screen, HomeScreen)
        assert menu(app)[0] == "new"


async def test_open_an_answers_file_continues_from_its_answers(app: AdvisorApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "o")
        assert isinstance(app.screen, OpenDialog)
        await type_path(app, str(STREAM))
        await press(pilot, "enter")
        assert isinstance(app.screen, InterviewScreen)
        assert app.screen.session.title == "A fast stream with big records"
        assert app.screen.interview.lens == "current"  # the file's lens
        assert app.screen.interview.answers["record_mb"] == 2.0


async def test_a_bad_answers_file_shows_the_error_in_the_dialog(app: AdvisorApp, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("answers:\n  arival: stream\n", encoding="utf-8")
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "o")
        await type_path(app, str(bad))
        await press(pilot, "enter")
        assert isinstance(app.screen, OpenDialog)
        error = app.screen.query_one("#dialog-error", Static).content
        assert str(error) == f"{bad}:2: answers.arival: unknown question (did you mean 'arrival'?)"


async def test_a_missing_file_and_escape(app: AdvisorApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "o")
        await type_path(app, "nowhere.yaml")
        await press(pilot, "enter")
        assert str(app.screen.query_one("#dialog-error", Static).content) == "nowhere.yaml: no such file"
        await press(pilot, "escape")
        assert isinstance(app.screen, HomeScreen)
