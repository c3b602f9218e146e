"""The practice screens by keyboard on the fixture knowledge and scenarios, with a clock the test
moves: a drill with explanations, an exam simulation with its timer and end-of-test report, review,
export, progress plots, the exam profile choice, and a database that is not ours."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from practice_setup import FakeClock
from textual.pilot import Pilot
from textual.widgets import OptionList, Static
from tui_pilot import press

from advisor.knowledge import load_knowledge
from advisor.practice.store import ProgressStore
from advisor.tui import AdvisorApp, PracticeSetup, make_app
from advisor.tui.screens.export_dialog import ExportDialog
from advisor.tui.screens.practice import PracticeScreen
from advisor.tui.screens.practice_report import PracticeReportScreen
from advisor.tui.screens.practice_round import PracticeRoundScreen
from advisor.tui.screens.progress import ProgressScreen
from advisor.tui.widgets.detail_pane import DetailPane
from advisor.tui.widgets.exam_timer import ExamTimer
from advisor.tui.widgets.practice_question import PracticeQuestion
from advisor.tui.widgets.progress_plot import ProgressPlot
from advisor.tui.widgets.score_table import ScoreTable

from fixtures_path import FIXTURE_KB, FIXTURE_SCENARIOS

SIZE = (100, 30)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def practice_app(clock: FakeClock) -> AdvisorApp:
    kb = load_knowledge(FIXTURE_KB, use_cache=False)
    return make_app(kb, practice=PracticeSetup(scenarios=FIXTURE_SCENARIOS, clock=clock))


def attempts() -> list[tuple[str, str, bool]]:
    with ProgressStore() as store:
        return [(a.question, a.chosen, a.correct) for a in store.attempts()]


def round_screen(app: AdvisorApp) -> PracticeRoundScreen:
    assert isinstance(app.screen, PracticeRoundScreen)
    return app.screen


def explanation_shown(app: AdvisorApp) -> bool:
    return bool(app.screen.query_one("#practice-explanation", DetailPane).display)


async def answer_key(pilot: Pilot[None]) -> None:
    """Press the letter of the current question's key."""
    posed = round_screen(pilot.app).practice.current()  # type: ignore[arg-type]
    assert posed is not None
    await press(pilot, posed.key.lower())


async def test_a_drill_explains_each_answer_and_stores_it(practice_app: AdvisorApp) -> None:
    async with practice_app.run_test(size=SIZE) as pilot:
        await press(pilot, "p")
        assert isinstance(practice_app.screen, PracticeScreen)
        menu = practice_app.screen.query_one("#practice-menu", OptionList)
        assert menu.option_count == 6  # one exam profile: no profile entry
        await press(pilot, "r")
        screen = round_screen(practice_app)
        assert screen.practice.mode == "drill" and len(screen.practice.questions) == 6
        assert not explanation_shown(practice_app)
        assert not screen.query_one(ExamTimer).display
        first = screen.practice.current()
        assert first is not None
        wrong = next(c.letter for c in first.choices if c.letter != first.key)
        await press(pilot, wrong.lower())
        assert explanation_shown(practice_app)
        detail = screen.query_one("#practice-explanation", DetailPane).detail
        assert detail is not None and detail.summary.startswith(f"Not quite: you chose {wrong}.")
        headings = [s.heading for s in detail.sections]
        assert headings[0] == f"Why {first.key} wins (how)"
        assert f"Why not {wrong} · your answer" in headings
        assert screen.query_one(PracticeQuestion).view.key == first.key  # type: ignore[union-attr]
        await press(pilot, "a")  # ignored: this question is answered
        assert attempts() == [(first.question.id, wrong, False)]
        await press(pilot, "n")
        assert not explanation_shown(practice_app) and screen.practice.position == 1
        await answer_key(pilot)
        assert attempts()[-1][2] is True
        assert str(screen.query_one("#practice-progress", Static).content) == "EX-01 · drill · 1 of 2 right"
        await press(pilot, "escape")
        assert isinstance(practice_app.screen, PracticeReportScreen)
        assert practice_app.screen.report.score.total == 2
        await press(pilot, "escape")
        assert isinstance(practice_app.screen, PracticeScreen)
        summary = str(practice_app.screen.query_one("#practice-summary", Static).content)
        assert "2 answers recorded" in summary


async def test_an_exam_simulation_is_timed_silent_and_ends_in_a_domain_report(
    practice_app: AdvisorApp, clock: FakeClock
) -> None:
    async with practice_app.run_test(size=SIZE) as pilot:
        await press(pilot, "p", "minus", "e")  # 10 - 5 = 5 questions
        screen = round_screen(practice_app)
        assert len(screen.practice.questions) == 5
        timer = screen.query_one(ExamTimer)
        assert timer.display and str(timer.content) == "10:00 left"  # 20 minutes per 10 questions
        await answer_key(pilot)
        await press(pilot, "b")
        assert not explanation_shown(practice_app) and screen.practice.position == 2
        assert "right" not in str(screen.query_one("#practice-progress", Static).content)
        clock.advance(minutes=4, seconds=30)
        screen.tick()
        assert str(timer.content) == "5:30 left" and not timer.has_class("-low")
        clock.advance(minutes=5)
        screen.tick()
        assert timer.has_class("-low")
        clock.advance(minutes=1)
        await press(pilot, "a")  # too late: the time is over, the answer is not taken
        assert isinstance(practice_app.screen, PracticeReportScreen)
        report = practice_app.screen.report
        assert report.timed_out and len(report.answers) == 2 and report.score.total == 5
        score = str(practice_app.screen.query_one("#report-score", Static).content)
        assert score.startswith(f"Score: {report.score.correct} of 5") and "(70% needed)" in score
        assert "3 unanswered (counted as wrong)" in score
        rows = practice_app.screen.query_one(ScoreTable).rows_shown
        assert [r.label for r in rows] == ["Domain one", "Domain two", "1.1 Task one", "1.2 Task two"]
        assert sum(r.total for r in rows if not r.is_task) == 5
        detail = practice_app.screen.query_one(DetailPane).detail
        assert detail is not None and detail.sections[0].heading.startswith("Why ")  # explanations now


async def test_review_asks_the_missed_questions_newest_first(practice_app: AdvisorApp) -> None:
    async with practice_app.run_test(size=SIZE) as pilot:
        await press(pilot, "p", "r")
        missed = []
        for _ in range(3):
            posed = round_screen(practice_app).practice.current()
            assert posed is not None
            wrong = next(c.letter for c in posed.choices if c.letter != posed.key)
            await press(pilot, wrong.lower(), "n")
            missed.append(posed.question.id)
        await press(pilot, "escape", "escape")
        assert "Review missed: 3 questions" in str(
            practice_app.screen.query_one("#practice-menu", OptionList).get_option_at_index(4).prompt
        )
        await press(pilot, "v")
        review = round_screen(practice_app).practice
        assert [p.question.id for p in review.questions] == list(reversed(missed))
        await answer_key(pilot)
        await press(pilot, "escape", "escape")
        assert "Review missed: 2 questions" in str(
            practice_app.screen.query_one("#practice-menu", OptionList).get_option_at_index(4).prompt
        )


async def test_export_and_progress_from_the_report(practice_app: AdvisorApp, tmp_path: Path) -> None:
    async with practice_app.run_test(size=SIZE) as pilot:
        await press(pilot, "p", "r")
        await answer_key(pilot)
        await press(pilot, "escape", "e")
        assert isinstance(practice_app.screen, ExportDialog)
        await press(pilot, "enter")
        written = (tmp_path / "practice-round.md").read_text(encoding="utf-8")
        assert written.startswith("# Practice round: drill, 6 questions") and "**Why " in written
        await press(pilot, "p")
        assert isinstance(practice_app.screen, ProgressScreen)
        accuracy = practice_app.screen.query_one("#accuracy-plot", ProgressPlot).data
        assert accuracy is not None and len(accuracy.series) == 1 and accuracy.labels == ("03-03",)
        due = practice_app.screen.query_one("#due-plot", ProgressPlot).data
        assert due is not None and sum(due.series[0].y) == 1


async def test_the_exam_profile_is_chosen_and_remembered(
    kb_with: Callable[..., Path], clock: FakeClock
) -> None:
    second = (
        "exams:\n  - id: second\n    code: EX-02\n    name: Exam two\n    questions: 20\n    minutes: 30\n"
        "    pass_percent: 75\n    sources: [https://docs.aws.amazon.com/aws-certification/latest/userguide/x.html]\n"
        "    domains:\n      - {id: d, name: D, weight: 100}\n    tasks:\n      - {id: '1.1', domain: d, title: T}\n"
    )
    kb = load_knowledge(kb_with(zz=second), use_cache=False)
    setup = PracticeSetup(scenarios=FIXTURE_SCENARIOS, clock=clock)
    app = make_app(kb, practice=setup)
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "p")
        menu = app.screen.query_one("#practice-menu", OptionList)
        assert "Exam profile: EX-01" in str(menu.get_option_at_index(menu.option_count - 1).prompt)
        await press(pilot, "x")
        assert isinstance(app.screen, PracticeScreen) and app.screen.exam.id == "second"
    again = make_app(kb, practice=setup)
    async with again.run_test(size=SIZE) as pilot:
        await press(pilot, "p")
        assert isinstance(again.screen, PracticeScreen) and again.screen.exam.id == "second"


async def test_a_database_that_is_not_ours_is_named_and_kept(
    practice_app: AdvisorApp, _private_data: Path
) -> None:
    _private_data.mkdir()
    path = _private_data / "progress.sqlite3"
    path.write_text("not a database\n")
    async with practice_app.run_test(size=SIZE) as pilot:
        await press(pilot, "p", "r")
        assert isinstance(practice_app.screen, PracticeScreen)
        summary = str(practice_app.screen.query_one("#practice-summary", Static).content)
        assert summary == (
            f"{path}: not a usable practice database: not an SQLite file (move it away; a new one will be created)"
        )
    assert path.read_text() == "not a database\n"
