"""A practice round: the question with lettered options, the explanation after each answer (not in
an exam simulation, which shows its timer instead), then the report."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from advisor.practice.report import round_report
from advisor.practice.round import Answer, PracticeRound
from advisor.tui.data.practice import explanation_detail, question_view
from advisor.tui.screens.practice_report import PracticeReportScreen, export_round
from advisor.tui.widgets.detail_pane import DetailPane
from advisor.tui.widgets.exam_timer import ExamTimer
from advisor.tui.widgets.practice_question import PracticeQuestion


class PracticeRoundScreen(Screen[None]):
    """Owns the round; every answer is stored by the round before it is shown as answered."""

    SUB_TITLE = "Practice"
    BINDINGS = [
        *(Binding(letter, f"answer('{letter.upper()}')", show=False) for letter in "abcd"),
        Binding("n", "next", "Next"),
        Binding("e", "export", "Export"),
        Binding("escape", "finish", "End round"),
    ]

    def __init__(self, practice: PracticeRound) -> None:
        super().__init__()
        self.practice = practice
        self.shown: Answer | None = None
        """The answer on screen with its explanation (feedback modes), until `n`."""

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="practice-bar"):
            yield Static(id="practice-progress", markup=False)
            yield ExamTimer(id="exam-timer")
        with Horizontal(id="practice-body"):
            yield PracticeQuestion(id="practice-question")
            yield DetailPane(id="practice-explanation")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.sub_title = f"Practice · {self.practice.mode}"
        if self.practice.deadline is not None:
            self.set_interval(1, self.tick)
        self.tick()
        self.show_current()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """`n` only while an answer is shown; no export during an exam (it would show the keys)."""
        if action == "next":
            return self.shown is not None
        return self.practice.feedback if action == "export" else True

    def tick(self) -> None:
        """Update the timer; end the exam when its time is over."""
        self.query_one(ExamTimer).left = self.practice.time_left()
        if self.practice.expired() and self.is_current:
            self.action_finish()

    def show_current(self) -> None:
        practice = self.practice
        posed = practice.current()
        if posed is None:
            self.action_finish()
            return
        self.shown = None
        self.refresh_bindings()
        self.query_one("#practice-explanation", DetailPane).display = False
        stage = practice.engine.kb.stages[posed.question.stage].name
        view = question_view(posed, practice.position + 1, len(practice.questions), stage)
        self.query_one(PracticeQuestion).view = view
        self.show_progress()

    def show_progress(self) -> None:
        """The bar's left side: exam code, mode and (with feedback) the score so far."""
        practice = self.practice
        right = sum(a.correct for a in practice.answers)
        score = f" · {right} of {len(practice.answers)} right" if practice.feedback else ""
        self.query_one("#practice-progress", Static).update(f"{practice.exam.code} · {practice.mode}{score}")

    def on_practice_question_answered(self, message: PracticeQuestion.Answered) -> None:
        self.action_answer(message.letter)

    def action_answer(self, letter: str) -> None:
        practice = self.practice
        if practice.expired():
            self.action_finish()
            return
        if self.shown is not None or practice.current() is None:
            return
        answer = practice.answer(letter)
        if not practice.feedback:
            self.show_current()
            return
        self.shown = answer
        self.refresh_bindings()
        self.show_progress()
        index = len(practice.answers) - 1
        stage = practice.engine.kb.stages[answer.posed.question.stage].name
        self.query_one(PracticeQuestion).view = question_view(
            answer.posed, index + 1, len(practice.questions), stage, answer
        )
        pane = self.query_one("#practice-explanation", DetailPane)
        pane.display = True
        pane.detail = explanation_detail(practice.explanation(index), answer)
        pane.focus()

    def action_next(self) -> None:
        if self.shown is not None:
            self.show_current()

    def action_finish(self) -> None:
        """End the round (every answer is already stored) and show its report."""
        self.practice.end()
        self.app.switch_screen(PracticeReportScreen(self.practice))

    def action_export(self) -> None:
        export_round(self, round_report(self.practice), self.practice)
