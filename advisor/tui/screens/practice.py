"""Practice: choose a round (due today, drill, exam simulation, review) or see the progress; the
exam profile is chosen here when there is more than one, and remembered."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from advisor.engine.engine import Engine
from advisor.errors import AdvisorError
from advisor.knowledge.models import ExamProfile
from advisor.practice.bank import BankQuestion, load_bank
from advisor.practice.draw import DEFAULT_COUNT, Mode, exam_minutes
from advisor.practice.round import PracticeRound, RoundRequest, draw_questions, round_seed
from advisor.practice.stats import practice_stats
from advisor.practice.store import ProgressStore
from advisor.render.words import counted
from advisor.tui.data.practice import EXAM_SETTING
from advisor.tui.data.practice_setup import PracticeSetup
from advisor.tui.screens.practice_round import PracticeRoundScreen
from advisor.tui.screens.progress import ProgressScreen

COUNT_STEP = 5


class PracticeScreen(Screen[None]):
    """Owns the progress database while practice is open, the exam profile and the round size."""

    SUB_TITLE = "Practice"
    BINDINGS = [
        Binding("d", "start('due')", "Due"),
        Binding("r", "start('drill')", "Drill"),
        Binding("e", "start('exam')", "Exam"),
        Binding("f", "full_exam", "Full exam", show=False),
        Binding("v", "start('review')", "Review"),
        Binding("p", "progress", "Progress"),
        Binding("plus,equals_sign", "resize(1)", "+5", show=False),
        Binding("minus", "resize(-1)", "-5", show=False),
        Binding("x", "switch_exam", "Profile", show=False),
        Binding("escape", "app.pop_screen", "Home"),
    ]
    PALETTE = (
        ("Practice: due today", "Due reviews, then new questions", "start('due')"),
        ("Practice: drill", "Questions with feedback after each", "start('drill')"),
        ("Practice: exam simulation", "Timed, by domain weights, feedback at the end", "start('exam')"),
        ("Practice: review missed", "The questions you last got wrong", "start('review')"),
        ("Practice: progress", "Accuracy per domain over time, due reviews", "progress"),
    )

    def __init__(self, engine: Engine, setup: PracticeSetup) -> None:
        super().__init__()
        self.engine, self.setup = engine, setup
        self.store: ProgressStore | None = None
        self.exam: ExamProfile = engine.kb.default_exam
        self.bank: list[BankQuestion] = []
        self.count = DEFAULT_COUNT
        self.error = ""

    def compose(self) -> ComposeResult:
        yield Header()
        with Center(), Vertical(id="practice-home"):
            yield Static(id="practice-title", markup=False)
            yield Static(id="practice-summary", markup=False)
            yield OptionList(id="practice-menu")
            yield Static(id="practice-hint", markup=False)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        try:
            self.store = ProgressStore(self.setup.database)
            chosen = self.store.setting(EXAM_SETTING)
            self.exam = self.engine.kb.exams.get(chosen or "", self.engine.kb.default_exam)
            self.bank = load_bank(self.engine.kb, self.exam, self.setup.scenarios)
        except AdvisorError as error:
            self.error = str(error)

    def on_unmount(self) -> None:
        if self.store is not None:
            self.store.close()

    def on_screen_resume(self) -> None:
        self.show_menu()

    def show_menu(self) -> None:
        menu = self.query_one("#practice-menu", OptionList)
        self.query_one("#practice-title", Static).update(f"{self.exam.name} ({self.exam.code})")
        if self.store is None:
            self.query_one("#practice-summary", Static).update(self.error)
            menu.display = False
            return
        stats = practice_stats(self.store, self.exam, self.setup.clock())
        missed = len(self.store.missed(self.exam.id))
        self.query_one("#practice-summary", Static).update(
            f"{counted(len(self.bank), 'question')} · {counted(stats.overall.attempts, 'answer')} recorded · "
            f"{stats.due_today} due today"
        )
        minutes = round(exam_minutes(self.exam, self.count))
        entries = [
            ("start('due')", "d", f"Due today: {stats.due_today} due, then new ones ({self.count})"),
            ("start('drill')", "r", f"Drill: {counted(self.count, 'question')}, feedback after each"),
            ("start('exam')", "e", f"Exam simulation: {counted(self.count, 'question')} in {minutes} min"),
            ("full_exam", "f", f"Full exam: {self.exam.questions} questions in {self.exam.minutes} min"),
            ("start('review')", "v", f"Review missed: {counted(missed, 'question')}"),
            ("progress", "p", "Progress: accuracy per domain, due reviews"),
        ]
        if len(self.engine.kb.exams) > 1:
            entries.append(("switch_exam", "x", f"Exam profile: {self.exam.code} (x switches)"))
        highlighted = menu.highlighted or 0
        menu.set_options(
            Option(Content.assemble((f"{key:<3}", "bold $accent"), label), id=action)
            for action, key, label in entries
        )
        menu.highlighted = min(highlighted, len(entries) - 1)
        menu.focus()
        self.query_one("#practice-hint", Static).update("+ / - change the number of questions · escape home")

    async def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        await self.run_action(str(event.option.id))

    def action_start(self, mode: Mode, count: int | None = None) -> None:
        """Draw a round and start it (a note says why when there is nothing to ask)."""
        if self.store is None:
            return
        now = self.setup.clock()
        request = RoundRequest(
            mode, count or (None if mode == "review" else self.count), round_seed(None, now)
        )
        questions = draw_questions(self.engine, self.store, self.bank, self.exam, request, now)
        if not questions:
            self.notify("Nothing to ask in this mode yet.", title="Practice")
            return
        practice = PracticeRound(
            self.engine, self.store, self.exam, mode, questions, request.seed, self.setup.clock
        )
        self.app.push_screen(PracticeRoundScreen(practice))

    def action_full_exam(self) -> None:
        self.action_start("exam", self.exam.questions)

    def action_progress(self) -> None:
        if self.store is not None:
            self.app.push_screen(ProgressScreen(self.store, self.exam, self.bank, self.setup.clock))

    def action_resize(self, steps: int) -> None:
        self.count = max(COUNT_STEP, min(self.exam.questions, self.count + steps * COUNT_STEP))
        self.show_menu()

    def action_switch_exam(self) -> None:
        """The next exam profile; remembered for the next time practice opens."""
        profiles = sorted(self.engine.kb.exams)
        if self.store is None or len(profiles) < 2:
            return
        self.exam = self.engine.kb.exams[profiles[(profiles.index(self.exam.id) + 1) % len(profiles)]]
        self.store.set_setting(EXAM_SETTING, self.exam.id)
        self.bank = load_bank(self.engine.kb, self.exam, self.setup.scenarios)
        self.show_menu()
