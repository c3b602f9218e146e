"""Home: start a new interview, continue one, open an answers file, browse the knowledge, practise.

The other screens are imported when first opened, so that the home screen shows sooner."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from advisor.engine.engine import Engine
from advisor.tui.data.practice_setup import PracticeSetup
from advisor.tui.data.session import Session, answer_count, as_lens, new_session, open_session

if TYPE_CHECKING:
    from advisor.check.findings import CheckReport

INTRO = (
    "Answer questions about your machine learning problem; the advisor recommends AWS "
    "services stage by stage, with the rules, facts and AWS documentation behind each pick."
)
CHECK_NOTE = (
    "A design file (answers, design: and suppress:) or a CloudFormation template checked "
    "against NAME.design.yaml beside it; findings are grouped by severity."
)
MENU = (
    ("new", "n", "New interview"),
    ("open", "o", "Open an answers file"),
    ("knowledge", "k", "Knowledge browser"),
    ("practice", "p", "Practice exam questions"),
    ("check", "d", "Check a design or template"),
    ("app.help", "f1", "Help and keys"),
    ("app.request_quit", "q", "Quit"),
)
"""(action, key, label) of each menu entry."""


class HomeScreen(Screen[None]):
    """Owns the current session, so that leaving the interview does not lose the answers."""

    BINDINGS = [
        Binding("n", "new", "New"),
        Binding("c", "resume", "Continue", show=False),
        Binding("o", "open", "Open"),
        Binding("k", "knowledge", "Knowledge"),
        Binding("p", "practice", "Practice"),
        Binding("d", "check", "Check", show=False),
    ]
    PALETTE = (
        ("New interview", "Start answering questions from scratch", "new"),
        ("Open answers file", "Continue from a YAML answers file", "open"),
        ("Knowledge browser", "Search the services, rules and questions", "knowledge"),
        ("Practice", "Exam-style questions graded and explained by the engine", "practice"),
        ("Check a design", "Findings for a design file or CloudFormation template", "check"),
    )

    def __init__(
        self, engine: Engine, lens: str | None = None, practice: PracticeSetup | None = None
    ) -> None:
        super().__init__()
        self.engine, self.lens = engine, lens
        self.practice = practice or PracticeSetup()
        self.session: Session | None = None

    def compose(self) -> ComposeResult:
        kb = self.engine.kb
        yield Header()
        with Center(), Vertical(id="home"):
            yield Static("AWS ML Advisor", id="home-title")
            yield Static(INTRO, id="home-intro")
            yield OptionList(id="menu")
            yield Static(
                f"{len(kb.questions)} questions · {len(kb.nodes)} services, features and concepts · "
                f"{len(kb.rules)} rules",
                id="home-stats",
            )
        yield Footer(compact=True)

    def on_screen_resume(self) -> None:
        menu = self.query_one("#menu", OptionList)
        items = list(MENU)
        if self.session is not None:
            answered = answer_count(self.session.interview)
            items.insert(0, ("resume", "c", f"Continue the interview ({answered})"))
        menu.set_options(
            Option(Content.assemble((f"{key:<3}", "bold $accent"), label), id=name)
            for name, key, label in items
        )
        menu.highlighted = 0
        menu.focus()

    async def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        await self.app.run_action(str(event.option.id), self)

    def start(self, session: Session | None) -> None:
        """Make `session` the current one and interview it."""
        from advisor.tui.screens.interview import InterviewScreen

        if session is not None:
            self.session = session
            self.app.push_screen(InterviewScreen(session))

    def action_new(self) -> None:
        """Ask what the person is deciding, then start an interview for that."""
        from advisor.tui.screens.focus_dialog import FocusDialog

        def begin(focus: tuple[str, ...] | None) -> None:
            if focus is not None:
                self.start(new_session(self.engine, self.lens, focus))

        self.app.push_screen(FocusDialog(self.engine.kb), callback=begin)

    def action_resume(self) -> None:
        self.start(self.session)

    def action_open(self) -> None:
        from advisor.tui.screens.open_dialog import OpenDialog, yaml_files

        def load(path: Path) -> Session:
            return open_session(self.engine, path, None, default=self.lens)

        self.app.push_screen(OpenDialog(load, yaml_files(Path.cwd())), callback=self.start)

    def action_knowledge(self) -> None:
        from advisor.tui.screens.knowledge import KnowledgeScreen

        self.app.push_screen(KnowledgeScreen(self.engine.kb))

    def action_practice(self) -> None:
        from advisor.tui.screens.practice import PracticeScreen

        self.app.push_screen(PracticeScreen(self.engine, self.practice))

    def action_check(self) -> None:
        from advisor.tui.data.check import load_check
        from advisor.tui.screens.check import CheckScreen
        from advisor.tui.screens.open_dialog import OpenDialog, yaml_files

        def load(path: Path) -> CheckReport:
            lens = as_lens(self.lens) if self.lens else None  # None: the design file's lens
            return load_check(self.engine, path, lens, datetime.date.today())

        def show(report: CheckReport | None) -> None:
            if report is not None:
                self.app.push_screen(CheckScreen(self.engine, report))

        dialog = OpenDialog(
            load,
            yaml_files(Path.cwd(), (".yaml", ".yml", ".json")),
            title="Check a design",
            note=CHECK_NOTE,
            placeholder="path/to/stack.design.yaml",
        )
        self.app.push_screen(dialog, callback=show)
