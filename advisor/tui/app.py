"""The Textual app: stylesheet, app-wide keys, and the commands of the command palette."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from functools import partial

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from advisor.engine.engine import Engine
from advisor.errors import crash_line
from advisor.tui.data.practice_setup import PracticeSetup
from advisor.tui.data.session import Session
from advisor.tui.data.step import StateKey, state_key
from advisor.tui.screens.home import HomeScreen

THEMES = ("textual-dark", "textual-light")


class AdvisorApp(App[None]):
    """AWS ML Advisor. Build it with `advisor.tui.make_app`."""

    CSS_PATH = "advisor.tcss"
    TITLE = "AWS ML Advisor"
    BINDINGS = [
        Binding("q", "request_quit", "Quit"),
        Binding("f1", "help", "Help"),
        Binding("t", "toggle_theme", "Theme", show=False),
    ]

    def __init__(
        self,
        engine: Engine,
        session: Session | None = None,
        lens: str | None = "exam",
        debug: bool = False,
        practice: PracticeSetup | None = None,
    ) -> None:
        super().__init__()
        self.engine, self.session, self.lens = engine, session, lens
        self.practice = practice or PracticeSetup()
        self.show_tracebacks = debug
        """Show a crash's full traceback rather than one line."""
        self._warned: StateKey | None = None
        self.theme = THEMES[0]

    def _print_error_renderables(self) -> None:
        """A crash is one line on stderr (Textual's full traceback only in debug mode)."""
        if self.show_tracebacks or not self._exit_renderables:
            super()._print_error_renderables()
            return
        self._exit_renderables.clear()
        print(
            f"advisor: internal error in the terminal app: {crash_line(self._exception)}"
            " (rerun with --debug for details)",
            file=sys.stderr,
        )

    def get_default_screen(self) -> Screen[None]:
        return HomeScreen(self.engine, self.lens, self.practice)

    def on_mount(self) -> None:
        home = self.screen
        if self.session is not None and isinstance(home, HomeScreen):  # home is the default screen
            home.start(self.session)

    def action_request_quit(self) -> None:
        """Quit; with answers not yet exported, only when asked twice (ctrl+q quits at once)."""
        session = self.session_shown()
        if session is not None and session.unsaved() and self._warned != state_key(session.interview):
            self._warned = state_key(session.interview)
            self.notify(session.unsaved_warning(), severity="warning")
            return
        self.exit()

    def session_shown(self) -> Session | None:
        """The session of the home screen (the one interviewed and shown in results)."""
        home = self.screen_stack[0] if self.screen_stack else None
        return home.session if isinstance(home, HomeScreen) else None

    def action_help(self) -> None:
        from advisor.tui.screens.help import HelpScreen  # here: most runs never open it

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_toggle_theme(self) -> None:
        self.theme = THEMES[1] if self.theme == THEMES[0] else THEMES[0]

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """The palette: the current screen's commands first, then help, theme and quit."""
        for title, help_text, action in getattr(screen, "PALETTE", ()):
            yield SystemCommand(title, help_text, partial(screen.run_action, action))
        yield SystemCommand("Help", "Keys and what each screen does", self.action_help)
        yield SystemCommand("Light / dark theme", "Switch between light and dark", self.action_toggle_theme)
        yield SystemCommand("Quit", "Quit AWS ML Advisor", self.action_request_quit)
