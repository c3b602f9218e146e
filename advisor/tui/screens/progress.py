"""Practice progress: accuracy per domain over time, due reviews for the coming days, leeches."""

from __future__ import annotations

from collections.abc import Iterable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from advisor.knowledge.models import ExamProfile
from advisor.practice.bank import BankQuestion
from advisor.practice.clock import Clock
from advisor.practice.stats import practice_stats
from advisor.practice.store import ProgressStore
from advisor.tui.data.practice import accuracy_plot, due_plot, leech_lines, summary_line
from advisor.tui.widgets.progress_plot import ProgressPlot


class ProgressScreen(Screen[None]):
    """Reads the progress of one exam profile when shown."""

    SUB_TITLE = "Practice · progress"
    BINDINGS = [Binding("escape", "app.pop_screen", "Back")]

    def __init__(
        self, store: ProgressStore, exam: ExamProfile, questions: Iterable[BankQuestion], clock: Clock
    ) -> None:
        super().__init__()
        self.store, self.exam, self.clock = store, exam, clock
        self.titles = {q.id: q.title for q in questions}

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="progress-summary", markup=False)
        with Horizontal(id="progress-plots"):
            yield ProgressPlot("line", id="accuracy-plot")
            yield ProgressPlot("bar", id="due-plot")
        yield Static(id="progress-leeches", markup=False)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        stats = practice_stats(self.store, self.exam, self.clock())
        self.query_one("#progress-summary", Static).update(f"{self.exam.code} · {summary_line(stats)}")
        self.query_one("#accuracy-plot", ProgressPlot).data = accuracy_plot(stats)
        self.query_one("#due-plot", ProgressPlot).data = due_plot(stats)
        leeches = list(leech_lines(stats, self.titles))
        text = "Leeches (missed again and again): " + "; ".join(leeches) if leeches else "No leeches."
        self.query_one("#progress-leeches", Static).update(text)
