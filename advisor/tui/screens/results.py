"""Results: a per-stage tree of candidates beside the detail of the one under the cursor."""

from __future__ import annotations

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Footer, Header
from textual.worker import get_current_worker

from advisor.engine.result import Result
from advisor.interview import Interview
from advisor.tui.data.detail import Explainer
from advisor.tui.data.rows import result_rows
from advisor.tui.data.session import Session
from advisor.tui.data.views import Detail, TreeItem
from advisor.tui.screens.exporting import export_answers, export_html_report, export_report
from advisor.tui.widgets.candidate_tree import CandidateTree
from advisor.tui.widgets.detail_pane import DetailPane


class ResultsScreen(Screen[None]):
    """Owns the lens shown (it is the interview's lens) and the item whose detail is shown."""

    BINDINGS = [
        Binding("l", "toggle_lens", "Lens"),
        Binding("e", "export_report", "Report"),
        Binding("h", "export_html_report", "HTML"),
        Binding("a", "export_answers", "Save"),
        Binding("escape", "app.pop_screen", "Back"),
    ]
    PALETTE = (
        ("Toggle lens", "Switch between the exam and current lenses", "toggle_lens"),
        ("Export report", "Write the recommendation as Markdown", "export_report"),
        ("Export HTML report", "Write the recommendation as one HTML page", "export_html_report"),
        ("Export answers", "Write the answers as YAML", "export_answers"),
    )

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.result: Result | None = None
        self.explainer: Explainer | None = None
        self.item: TreeItem | None = None
        self.detail: Detail | None = None

    @property
    def interview(self) -> Interview:
        return self.session.interview

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="results"):
            yield CandidateTree(id="tree")
            yield DetailPane(id="detail")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.show_result()

    def show_result(self) -> None:
        """Reason with the interview's answers and lens, and show the tree."""
        interview = self.interview
        self.result = interview.result()
        self.explainer = Explainer(interview.engine, dict(interview.answers), self.result)
        self.sub_title = f"Results · {interview.lens} lens"
        tree = self.query_one(CandidateTree)
        tree.border_title = f"{interview.lens} lens · l to switch"
        tree.rows = result_rows(interview.engine.kb, self.result)
        if not self.result.stages:
            self.query_one(DetailPane).detail = Detail(
                "No recommendation", "No rule fired for these answers."
            )

    def on_candidate_tree_highlighted(self, message: CandidateTree.Highlighted) -> None:
        self.item = message.item
        self.show_detail(self.explainer)

    def show_detail(self, explainer: Explainer | None) -> None:
        """Show the item's detail; what would change it follows from a thread worker."""
        if explainer is None or explainer is not self.explainer or self.item is None:
            return
        self.detail = explainer.detail(self.item)
        self.query_one(DetailPane).detail = self.detail
        if not explainer.knows_changes(self.item.stage):
            self.work_out_changes(explainer, self.item.stage)

    @work(thread=True, exclusive=True, group="changes")
    def work_out_changes(self, explainer: Explainer, stage: str) -> None:
        explainer.changes(stage)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self.show_detail, explainer)

    def action_toggle_lens(self) -> None:
        self.interview.set_lens("current" if self.interview.lens == "exam" else "exam")
        self.show_result()

    def action_export_report(self) -> None:
        export_report(self, self.session)

    def action_export_html_report(self) -> None:
        export_html_report(self, self.session)

    def action_export_answers(self) -> None:
        export_answers(self, self.session)
