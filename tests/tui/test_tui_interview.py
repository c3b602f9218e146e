"""The interview screen: the question shown, answering by keyboard, skip, back, why, the end."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.widgets import Input, OptionList, Static
from tui_pilot import SIZE, SMALLEST, drawn_at_rows, highlighted_rows, press, shown_rows

from advisor.knowledge import load_knowledge
from advisor.tui import AdvisorApp, make_app
from advisor.tui.screens.interview import InterviewScreen
from advisor.tui.screens.results import ResultsScreen
from advisor.tui.screens.why_dialog import WhyDialog
from advisor.tui.widgets.choice_list import ChoiceList
from advisor.tui.widgets.multi_choice import MultiChoice
from advisor.tui.widgets.question_head import QuestionHead
from advisor.tui.widgets.question_panel import QuestionPanel
from advisor.tui.widgets.recommendations import RecommendationsPanel

from fixtures_path import FIXTURE_KB


def interview_of(app: AdvisorApp) -> InterviewScreen:
    assert isinstance(app.screen, InterviewScreen)
    return app.screen


def shown(app: AdvisorApp) -> str | None:
    """The id of the question on screen (None at the end)."""
    view = interview_of(app).query_one(QuestionPanel).question
    return view.id if view else None


def live(app: AdvisorApp) -> dict[str, str]:
    """Stage name -> top pick in the live recommendations panel."""
    return {pick.stage: pick.top for pick in interview_of(app).query_one(RecommendationsPanel).picks}


async def test_new_interview_asks_the_most_useful_question_first(app: AdvisorApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "n", "enter")
        assert shown(app) == "arrival"
        view = interview_of(app).query_one(QuestionPanel).question
        assert view is not None
        assert [o.label for o in view.options] == ["in batches", "as a stream"]
        assert view.assumed == "in batches"  # what skipping means is on screen
        assert live(app) == {"Ingestion": "Old D", "Storage": "Lake"}


async def test_a_digit_answers_and_the_live_panel_follows(app: AdvisorApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "n", "enter", "2")
        screen = interview_of(app)
        assert screen.interview.answers == {"arrival": "stream"}
        assert live(app)["Ingestion"] == "Stream A"
        changed = [p.stage for p in screen.query_one(RecommendationsPanel).picks if p.changed]
        assert changed == ["Ingestion"]
        assert shown(app) == "record_mb"


async def test_the_live_panel_shows_the_stages_in_focus_first(app: AdvisorApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "n", "3", "enter")  # deciding storage only
        panel = interview_of(app).query_one(RecommendationsPanel)
        assert [(p.stage, p.in_focus) for p in panel.picks] == [("Storage", True), ("Ingestion", False)]
        text = str(panel.query_one("#picks", Static).render())
        assert text.index("Storage") < text.index("Outside your focus") < text.index("Ingestion")


async def test_arrows_and_enter_answer_too(app: AdvisorApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "n", "enter", "down", "enter")
        assert interview_of(app).interview.answers == {"arrival": "stream"}


async def test_a_number_takes_a_unit_and_a_bad_unit_shows_why(app: AdvisorApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "n", "enter", "2")
        await press(pilot, "2", "space", "X", "B", "enter")
        panel = interview_of(app).query_one(QuestionPanel)
        assert panel.error == "unknown unit 'XB' for 'record_mb' (use one of: MB, GB, KB)"
        assert shown(app) == "record_mb"
        error = panel.query_one("#question-error", Static)
        assert error.region.y == panel.query_one(Input).region.bottom  # right under the box
        panel.query_one(Input).value = ""
        await press(pilot, "2", "space", "M", "B", "enter")
        assert interview_of(app).interview.answers["record_mb"] == 2.0
        assert live(app)["Ingestion"] == "Buffer B"  # Stream A takes records up to 1 MB
        assert panel.error == ""


async def test_multi_choice_toggles_with_digits_and_submits_with_enter(app: AdvisorApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "n", "enter", "2")
        interview_of(app).query_one(Input).value = "0.5 MB"
        await press(pilot, "enter")
        assert shown(app) == "skills"
        await press(pilot, "1")
        assert interview_of(app).query_one(MultiChoice).ticked() == ["sql"]
        await press(pilot, "enter")
        assert interview_of(app).interview.answers["skills"] == frozenset({"sql"})
        assert live(app)["Storage"] == "Warehouse"


async def test_skip_and_back(app: AdvisorApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "n", "enter", "s")
        screen = interview_of(app)
        assert screen.interview.answers == {"arrival": None}
        assert shown(app) == "skills"
        await press(pilot, "b")
        assert screen.interview.answers == {}
        assert shown(app) == "arrival"


async def test_back_in_a_number_answer_is_typed_then_entered(app: AdvisorApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "n", "enter", "2", "b", "enter")
        assert shown(app) == "arrival"
        view = interview_of(app).query_one(QuestionPanel).question
        assert view is not None and view.current == ("stream",)  # the undone answer is preselected


async def test_back_at_the_first_question_says_so(app: AdvisorApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "n", "enter", "b")
        assert shown(app) == "arrival"
        assert [n.message for n in app._notifications] == [
            "Nothing to go back to: this is the first question."
        ]


async def test_why_lists_what_each_answer_would_change(app: AdvisorApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "n", "enter", "w")
        assert isinstance(app.screen, WhyDialog)
        assert [(line.lead, line.text) for line in app.screen.lines] == [
            ("Ingestion", "'as a stream' → Stream A (now Old D)")
        ]
        await press(pilot, "escape")
        assert shown(app) == "arrival"


async def test_the_end_shows_the_stop_reason_and_offers_results(app: AdvisorApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "n", "enter", "1")
        screen = interview_of(app)
        while shown(app) is not None:
            await press(pilot, "s")
        panel = screen.query_one(QuestionPanel)
        assert panel.finished == screen.interview.stop_reason()
        assert panel.finished.startswith("No remaining question can change")
        await press(pilot, "enter")  # the focused "See results" button
        assert isinstance(app.screen, ResultsScreen)


async def test_r_opens_the_results_and_escape_comes_back(app: AdvisorApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "n", "enter", "2", "escape", "r")
        assert isinstance(app.screen, ResultsScreen)
        await press(pilot, "escape")
        assert shown(app) == "record_mb"


async def test_escape_goes_home_and_the_interview_can_be_continued(app: AdvisorApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "n", "enter", "2", "escape", "escape")
        assert type(app.screen).__name__ == "HomeScreen"
        await press(pilot, "c")
        assert interview_of(app).interview.answers == {"arrival": "stream"}
        assert shown(app) == "record_mb"


async def test_knowledge_text_is_shown_as_written_not_as_markup(kb_with: Callable[..., Path]) -> None:
    vocabulary = (FIXTURE_KB / "vocabulary.yaml").read_text(encoding="utf-8")
    vocabulary = vocabulary.replace("How does data arrive?", "How does [bold]data[/bold] arrive?")
    vocabulary = vocabulary.replace("label: in batches", "label: '[in] batches'")
    app = make_app(load_knowledge(kb_with(vocabulary=vocabulary), use_cache=False))
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "n", "enter")
        panel = interview_of(app).query_one(QuestionPanel)
        assert str(panel.query_one("#question-text", Static).render()) == "How does [bold]data[/bold] arrive?"
        await press(pilot, "1")
        assert interview_of(app).interview.answers == {"arrival": "batch"}


# -- long lists at the smallest sizes (tests/tui/long_knowledge.yaml) ------------------------


def assert_highlight_visible(options: OptionList) -> None:
    """The highlighted choice is inside the list's scrolled window, and the screen draws the
    list there (no parent clips it, no hint covers it)."""
    rows = highlighted_rows(options)
    assert rows.start in shown_rows(options) and rows.stop - 1 in shown_rows(options)
    assert drawn_at_rows(options, rows) == {type(options).__name__}


@pytest.mark.parametrize("size", [SMALLEST, SIZE], ids=["80x24", "100x30"])
async def test_a_long_list_scrolls_to_keep_the_highlighted_choice_in_view(
    long_app: Callable[..., AdvisorApp], size: tuple[int, int]
) -> None:
    app = long_app()
    async with app.run_test(size=size) as pilot:
        await press(pilot, "n", "enter")
        assert shown(app) == "workload"
        choices = interview_of(app).query_one(ChoiceList)
        assert len(shown_rows(choices)) < choices.option_count  # too long for the panel
        for _ in range(18):
            await press(pilot, "down")
            assert_highlight_visible(choices)
        await press(pilot, *["down"] * 6)
        assert choices.highlighted == 24
        assert_highlight_visible(choices)
        assert choices.scroll_offset.y > 0
        await press(pilot, "enter")
        assert interview_of(app).interview.answers == {"workload": "other"}


async def test_enter_answers_the_highlighted_choice_after_scrolling_back(
    long_app: Callable[..., AdvisorApp],
) -> None:
    app = long_app()
    async with app.run_test(size=SMALLEST) as pilot:
        await press(pilot, "n", "enter", "end", *["up"] * 5)
        choices = interview_of(app).query_one(ChoiceList)
        assert choices.highlighted == 19
        assert_highlight_visible(choices)
        await press(pilot, "enter")
        assert interview_of(app).interview.answers == {"workload": "transactions"}


async def test_a_long_multi_choice_list_scrolls_and_ticks_the_highlighted_choice(
    long_app: Callable[..., AdvisorApp],
) -> None:
    app = long_app()
    async with app.run_test(size=SMALLEST) as pilot:
        await press(pilot, "n", "enter", "s")
        assert shown(app) == "formats"
        toggles = interview_of(app).query_one(MultiChoice)
        await press(pilot, *["down"] * 11)
        assert toggles.highlighted == 11
        assert_highlight_visible(toggles)
        await press(pilot, "space", "3")
        assert toggles.ticked() == ["parquet", "text"]
        assert_highlight_visible(toggles)  # the digit moved the highlight back up to 3
        await press(pilot, "enter")
        assert interview_of(app).interview.answers["formats"] == frozenset({"parquet", "text"})


async def test_a_wrapped_multi_choice_shows_each_tick_on_its_own_choice(
    long_app: Callable[..., AdvisorApp],
) -> None:
    """Textual's SelectionList drew ticks per screen line, so a choice wrapping onto a second
    line showed the next choice's tick there; each choice now carries its own mark."""
    app = long_app()
    async with app.run_test(size=SMALLEST) as pilot:
        await press(pilot, "n", "enter", "s", "end", "space")
        toggles = interview_of(app).query_one(MultiChoice)
        rows = highlighted_rows(toggles)
        assert len(rows) > 1  # the last choice wraps
        top = toggles.scroll_offset.y
        lines = [toggles.render_line(row - top).text for row in rows]
        assert lines[0].lstrip().startswith("[x]") and "[" not in "".join(lines[1:])


async def test_a_long_help_text_scrolls_and_leaves_the_answers_room(
    long_app: Callable[..., AdvisorApp],
) -> None:
    long_help = "It decides how often the data is read back, " + "and more words to read " * 40
    app = long_app(replace=("It decides how often the data is read back, ", long_help))
    async with app.run_test(size=SMALLEST) as pilot:
        await press(pilot, "n", "enter")
        panel = interview_of(app).query_one(QuestionPanel)
        head, choices = panel.query_one(QuestionHead), panel.query_one(ChoiceList)
        assert head.max_scroll_y > 0  # the help is cut, and scrolls ...
        assert head.region.height <= panel.content_region.height // 2
        assert len(shown_rows(choices)) >= 6  # ... so the answers keep room
        assert choices.has_focus
        await press(pilot, "shift+tab")  # the help can be reached by keyboard to scroll it
        assert head.has_focus
        await press(pilot, "end")
        assert head.scroll_offset.y == head.max_scroll_y


async def test_a_short_help_text_is_not_a_tab_stop(app: AdvisorApp) -> None:
    async with app.run_test(size=SMALLEST) as pilot:
        await press(pilot, "n", "enter", "shift+tab")
        assert not interview_of(app).query_one(QuestionHead).has_focus
