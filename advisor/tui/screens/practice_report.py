"""The end of a practice round: the score and pass line, scores per domain and task statement,
and every answered question with the engine's explanation."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from advisor.practice.report import RoundReport, round_report
from advisor.practice.round import PracticeRound
from advisor.render.practice_markdown import round_markdown
from advisor.render.practice_text import score_line
from advisor.render.words import counted
from advisor.tui.data.practice import DEFAULT_EXPORT, explanation_detail, score_rows
from advisor.tui.screens.export_dialog import ExportDialog
from advisor.tui.screens.progress import ProgressScreen
from advisor.tui.widgets.detail_pane import DetailPane
from advisor.tui.widgets.score_table import ScoreTable


def export_round(screen: Screen[Any], report: RoundReport, practice: PracticeRound) -> None:
    """Ask where to write the round as Markdown, write it, and confirm."""
    text = round_markdown(report, lambda index: practice.explanation(index, with_changes=False))
    answers = counted(len(report.answers), "answer")
    note = f"{answers} with the engine's explanations, scores per domain and task."

    def written(path: Path | None) -> None:
        if path is not None:
            screen.notify(f"Wrote the practice round to {path}", title="Exported", timeout=8)

    dialog = ExportDialog("Export practice round (Markdown)", text, DEFAULT_EXPORT, note)
    screen.app.push_screen(dialog, callback=written)


class PracticeReportScreen(Screen[None]):
    """Owns the finished round; the detail shows the explanation of the answer under the cursor."""

    SUB_TITLE = "Practice · report"
    BINDINGS = [
        Binding("e", "export", "Export"),
        Binding("p", "progress", "Progress"),
        Binding("escape", "app.pop_screen", "Back"),
    ]

    def __init__(self, practice: PracticeRound) -> None:
        super().__init__()
        self.practice = practice
        self.report = round_report(practice)

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="report-score", markup=False)
        with Horizontal(id="report-body"):
            with Vertical(id="report-left"):
                yield ScoreTable(id="report-scores")
                yield OptionList(id="report-answers")
            yield DetailPane(id="report-detail")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        report = self.report
        lines = [score_line(report)]
        unanswered = report.asked - len(report.answers)
        if report.timed_out:
            lines.append("The time is over.")
        if report.mode == "exam" and unanswered:
            lines.append(f"{unanswered} unanswered (counted as wrong).")
        self.query_one("#report-score", Static).update(" · ".join(lines))
        self.query_one(ScoreTable).rows_shown = score_rows(report)
        answers = self.query_one("#report-answers", OptionList)
        answers.border_title = "Answers"
        answers.set_options(
            Option(
                Content.assemble(
                    ("✓ " if a.correct else "✗ ", "$success" if a.correct else "$error"),
                    f"{i}. {a.posed.question.title}",
                )
            )
            for i, a in enumerate(report.answers, start=1)
        )
        if report.answers:
            answers.highlighted = 0
        answers.focus()

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        index = event.option_index
        explanation = self.practice.explanation(index, with_changes=False)
        self.query_one(DetailPane).detail = explanation_detail(explanation, self.report.answers[index])

    def action_export(self) -> None:
        export_round(self, self.report, self.practice)

    def action_progress(self) -> None:
        practice = self.practice
        bank = [posed.question for posed in practice.questions]
        self.app.push_screen(ProgressScreen(practice.store, practice.exam, bank, practice.clock))
