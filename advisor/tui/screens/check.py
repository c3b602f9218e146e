"""Check a design: its findings grouped by severity beside the detail of the one under the cursor."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Footer, Header

from advisor.check.findings import CheckReport
from advisor.engine.engine import Engine
from advisor.tui.data.check import FindingExplainer, finding_groups, short_summary
from advisor.tui.data.views import Detail
from advisor.tui.screens.exporting import export_check
from advisor.tui.widgets.detail_pane import DetailPane
from advisor.tui.widgets.finding_tree import FindingTree


class CheckScreen(Screen[None]):
    """Owns the report shown and the finding whose detail is shown."""

    BINDINGS = [
        Binding("e", "export('markdown')", "Report"),
        Binding("h", "export('html')", "HTML"),
        Binding("escape", "app.pop_screen", "Back"),
    ]
    PALETTE = (
        ("Export check", "Write the findings as Markdown", "export('markdown')"),
        ("Export check as HTML", "Write the findings as one HTML page", "export('html')"),
    )

    def __init__(self, engine: Engine, report: CheckReport) -> None:
        super().__init__()
        self.report = report
        self.explainer = FindingExplainer(engine, report)
        self.finding: str | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="check"):
            yield FindingTree(id="findings")
            yield DetailPane(id="detail")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        report = self.report
        self.sub_title = f"Check · {report.title} · {report.result.lens} lens"
        tree = self.query_one(FindingTree)
        tree.border_title = short_summary(report)
        tree.groups = finding_groups(report)
        if not report.findings:
            self.query_one(DetailPane).detail = Detail(
                "No findings", "Every choice fits the requirements; nothing to report."
            )

    def on_finding_tree_highlighted(self, message: FindingTree.Highlighted) -> None:
        self.finding = message.row.id
        self.query_one(DetailPane).detail = self.explainer.detail(message.row.id)

    def action_export(self, fmt: str) -> None:
        export_check(self, self.report, fmt)
