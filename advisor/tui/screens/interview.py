"""The interview: the current question beside live recommendations that follow every answer."""

from __future__ import annotations

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Footer, Header, Input
from textual.worker import get_current_worker

from advisor.engine.result import Result
from advisor.errors import AdvisorError
from advisor.interview import Interview
from advisor.knowledge.values import Value
from advisor.tui.data.picks import stage_picks
from advisor.tui.data.questions import plain_error, progress_text, question_view
from advisor.tui.data.session import Session
from advisor.tui.data.step import StateKey, Step, next_step, snapshot, state_key
from advisor.tui.data.why import why_lines
from advisor.tui.screens.exporting import export_answers, export_html_report, export_report
from advisor.tui.screens.results import ResultsScreen
from advisor.tui.screens.why_dialog import WhyDialog
from advisor.tui.widgets.question_panel import QuestionPanel
from advisor.tui.widgets.recommendations import RecommendationsPanel

TYPED_KEYS = {"skip", "back", "why", "results", "export_report", "export_html_report", "export_answers"}
"""Actions whose keys a focused number answer takes as text."""


class InterviewScreen(Screen[None]):
    """Owns the session's interview; the next question is worked out in a thread worker."""

    SUB_TITLE = "Interview"
    BINDINGS = [
        Binding("q", "app.request_quit", "Quit", show=False),
        Binding("s", "skip", "Skip"),
        Binding("b", "back", "Back"),
        Binding("w", "why", "Why"),
        Binding("question_mark", "why", "Why?", show=False),
        Binding("r", "results", "Results"),
        Binding("e", "export_report", "Report", show=False),
        Binding("h", "export_html_report", "HTML report", show=False),
        Binding("a", "export_answers", "Save"),
        Binding("escape", "app.pop_screen", "Home"),
        *(Binding(str(n), f"pick({n})", show=False) for n in range(1, 10)),
    ]
    PALETTE = (
        ("Results", "See the recommendation with its reasons", "results"),
        ("Export report", "Write the recommendation as Markdown", "export_report"),
        ("Export HTML report", "Write the recommendation as one HTML page", "export_html_report"),
        ("Export answers", "Write the answers as YAML", "export_answers"),
        ("Skip question", "I don't know: reason with the stated assumption", "skip"),
        ("Back", "Undo the last answer", "back"),
        ("Why this question?", "What its answers would change", "why"),
    )

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.step: Step | None = None
        """The step shown; None while the next one is worked out."""
        self._steps: dict[StateKey, Step] = {}
        self._previous: Result | None = None
        self._revisit: dict[str, Value | None] = {}

    @property
    def interview(self) -> Interview:
        return self.session.interview

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Letter keys are typed into a number answer (escape leaves it); skip and why end with
        the interview."""
        if action in TYPED_KEYS and isinstance(self.focused, Input):
            return False
        finished = self.step is not None and self.step.question is None
        return not (finished and action in ("skip", "why", "pick"))

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="interview"):
            yield QuestionPanel(id="question")
            yield RecommendationsPanel(id="live")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.refresh_state()

    def on_screen_resume(self) -> None:
        if self.step is not None and self.step.key != state_key(self.interview):
            self.refresh_state()  # the lens changed on the results screen

    # -- state -> widgets ------------------------------------------------------------------

    def refresh_state(self) -> None:
        """Show the recommendations for the answers now, then the next step (from cache or worker)."""
        result = self.interview.result()
        live = self.query_one(RecommendationsPanel)
        live.lens = self.interview.lens
        live.picks = stage_picks(self.interview.engine.kb, result, self._previous)
        self._previous = result
        key = state_key(self.interview)
        self.step = None
        if key in self._steps:
            self.show_step(self._steps[key])
        else:
            self.query_one(QuestionPanel).thinking = True
            self.work_out_step(snapshot(self.interview))

    @work(thread=True, exclusive=True, group="lookahead")
    def work_out_step(self, interview: Interview) -> None:
        step = next_step(interview)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self.show_step, step)

    def show_step(self, step: Step) -> None:
        self._steps[step.key] = step
        if step.key != state_key(self.interview):
            return  # worked out for answers that have changed since
        self.step = step
        self.refresh_bindings()
        panel = self.query_one(QuestionPanel)
        panel.thinking = False
        if step.question is None:
            panel.finished = step.stop_reason or "The interview is over."
            return
        kb, question = self.interview.engine.kb, step.question
        progress = progress_text(self.interview.answers)
        panel.question = question_view(kb, question, self._revisit.get(question.id), progress)

    # -- messages and actions --------------------------------------------------------------

    def on_question_panel_answered(self, message: QuestionPanel.Answered) -> None:
        if self.step is None or self.step.question is None or message.question != self.step.question.id:
            return
        try:
            self.interview.answer(message.question, message.value)
        except AdvisorError as error:
            self.query_one(QuestionPanel).error = plain_error(error)
            return
        self._revisit = {}
        self.refresh_state()

    def on_question_panel_skipped(self) -> None:
        self.action_skip()

    def on_question_panel_back_requested(self) -> None:
        self.action_back()

    def on_question_panel_why_requested(self) -> None:
        self.action_why()

    def on_question_panel_results_requested(self) -> None:
        self.action_results()

    def action_pick(self, number: int) -> None:
        if self.step is not None:
            self.query_one(QuestionPanel).pick(number)

    def action_skip(self) -> None:
        if self.step is not None and self.step.question is not None:
            self.interview.skip(self.step.question.id)
            self._revisit = {}
            self.refresh_state()

    def action_back(self) -> None:
        if self.step is None:
            return
        before = dict(self.interview.answers)
        if not self.interview.back():
            self.notify("Nothing to go back to: this is the first question.")
            return
        self._revisit = {k: v for k, v in before.items() if k not in self.interview.answers}
        self.refresh_state()

    def action_why(self) -> None:
        step = self.step
        if step is None or step.question is None:
            return
        lines = why_lines(self.interview.engine.kb, step.impacts)
        self.app.push_screen(WhyDialog(step.question.text, lines))

    def action_results(self) -> None:
        self.app.push_screen(ResultsScreen(self.session))

    def action_export_report(self) -> None:
        export_report(self, self.session)

    def action_export_html_report(self) -> None:
        export_html_report(self, self.session)

    def action_export_answers(self) -> None:
        export_answers(self, self.session)
