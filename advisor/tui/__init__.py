"""The Textual TUI, the product's main face: `advisor` with no arguments opens it."""

from __future__ import annotations

import gc
from pathlib import Path

from advisor.engine.engine import Engine
from advisor.knowledge import KnowledgeBase, load_knowledge
from advisor.tui.app import AdvisorApp
from advisor.tui.data.practice_setup import PracticeSetup
from advisor.tui.data.session import as_lens, open_session

__all__ = ["AdvisorApp", "PracticeSetup", "make_app", "run_tui"]


def make_app(
    kb: KnowledgeBase,
    answers_path: Path | None = None,
    lens: str | None = "exam",
    *,
    debug: bool = False,
    practice: PracticeSetup | None = None,
) -> AdvisorApp:
    """The app over `kb`, starting on home, or in an interview continued from `answers_path`.

    `lens` None means the answers file's lens, else exam. A bad answers file raises
    AdvisorError (one line) before any screen is drawn. `practice` says where practice reads
    its questions and progress (default: the shipped scenarios and the user's data folder).
    """
    engine = Engine(kb)
    as_lens(lens)
    session = open_session(engine, answers_path, lens) if answers_path is not None else None
    return AdvisorApp(engine, session, lens, debug, practice)


def run_tui(
    rules: Path | None, answers: Path | None, lens: str | None = "exam", *, debug: bool = False
) -> int:
    """Load the knowledge (`rules`, default the shipped rules), run the app in the terminal and
    return the process exit code: 0 when it quit normally, 70 when it crashed."""
    app = make_app(load_knowledge(rules), answers, lens, debug=debug)
    gc.freeze()  # the knowledge lives as long as the app: no collection walks it again (no pauses)
    app.run()
    return 70 if app.return_code else 0
