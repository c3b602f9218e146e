"""Export actions of the interview, results and check screens."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.screen import Screen

from advisor.check.findings import CheckReport
from advisor.render.words import counted
from advisor.tui.data.files import (
    DEFAULT_ANSWERS,
    DEFAULT_HTML_REPORT,
    DEFAULT_REPORT,
    answers_text,
    report_html,
    report_text,
)
from advisor.tui.data.session import Session
from advisor.tui.data.step import state_key
from advisor.tui.screens.export_dialog import ExportDialog


def export_answers(screen: Screen[Any], session: Session) -> None:
    """Ask where to save the answers as YAML, write them, and confirm the path."""
    lens = session.interview.lens
    answers = counted(len(session.interview.answers), "answer")
    note = f"{answers}, {lens} lens; 'advisor recommend FILE' reads it."
    dialog = ExportDialog(
        "Export answers (YAML)", answers_text(session.interview, session.title), DEFAULT_ANSWERS, note
    )

    def saved(path: Path | None) -> None:
        if path is not None:
            session.saved = state_key(session.interview)
        _confirm(screen, "answers", path)

    screen.app.push_screen(dialog, callback=saved)


def export_report(screen: Screen[Any], session: Session) -> None:
    """Ask where to save the Markdown report of the current result, write it, and confirm."""
    text = report_text(session.interview, session.title)
    _export_report(screen, session, "Export report (Markdown)", text, DEFAULT_REPORT)


def export_html_report(screen: Screen[Any], session: Session) -> None:
    """Ask where to save the HTML report (one page a browser opens offline), write it, and confirm."""
    text = report_html(session.interview, session.title)
    _export_report(screen, session, "Export report (HTML)", text, DEFAULT_HTML_REPORT)


def _export_report(screen: Screen[Any], session: Session, heading: str, text: str, default: Path) -> None:
    note = f"The recommendation so far under the {session.interview.lens} lens, with reasons and sources."
    dialog = ExportDialog(heading, text, default, note)
    screen.app.push_screen(dialog, callback=lambda path: _confirm(screen, "report", path))


CHECK_EXPORTS = {"markdown": ("Markdown", ".md"), "html": ("HTML", ".html")}


def export_check(screen: Screen[Any], report: CheckReport, fmt: str) -> None:
    """Ask where to save the design check as Markdown or HTML (as `advisor check --format`)."""
    from advisor.check.formats import render_check

    label, suffix = CHECK_EXPORTS[fmt]
    note = f"{report.summary()}; every finding with its rule, fix and sources."
    dialog = ExportDialog(
        f"Export check ({label})", render_check([report], fmt), Path(f"advisor-check{suffix}"), note
    )
    screen.app.push_screen(dialog, callback=lambda path: _confirm(screen, "check", path))


def _confirm(screen: Screen[Any], what: str, path: Path | None) -> None:
    if path is not None:
        screen.notify(f"Wrote the {what} to {path}", title="Exported", timeout=8)
