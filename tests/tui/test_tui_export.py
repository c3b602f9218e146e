"""Exports: the answers as YAML that reads back to the same answers, the report as Markdown or HTML."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.widgets import Input, Static
from tui_pilot import SIZE, STREAM, press

from advisor.knowledge import KnowledgeBase
from advisor.knowledge.answers import read_answers
from advisor.tui import AdvisorApp
from advisor.tui.screens.export_dialog import ExportDialog
from advisor.tui.screens.interview import InterviewScreen

from html_page import escaped, parse


def notes(app: AdvisorApp) -> list[str]:
    return [n.message for n in app._notifications]


async def test_export_answers_writes_yaml_that_reads_back(
    app: AdvisorApp, fixture_kb: KnowledgeBase, tmp_path: Path
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "n", "enter", "2", "s", "enter", "a")  # s + enter skips a number
        assert isinstance(app.screen, ExportDialog)
        assert app.screen.query_one(Input).value == "advisor-answers.yaml"
        await press(pilot, "enter")
        written = tmp_path / "advisor-answers.yaml"
        assert notes(app) == [f"Wrote the answers to {written}"]
        parsed, values = read_answers(fixture_kb, written)
        assert values == {"arrival": "stream", "record_mb": None}
        assert parsed.lens == "exam"


async def test_export_report_from_the_results(app_with: Callable[..., AdvisorApp], tmp_path: Path) -> None:
    app = app_with(STREAM, "exam")
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "r", "e")
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        dialog.query_one(Input).value = "out/report.md"
        await press(pilot, "enter")
        assert str(dialog.query_one("#dialog-error", Static).content) == (
            "out/report.md: folder does not exist; create it first or choose another path"
        )
        dialog.query_one(Input).value = "report.md"
        await press(pilot, "enter")
        text = (tmp_path / "report.md").read_text(encoding="utf-8")
        assert text.startswith("# A fast stream with big records\n")
        assert "**Recommended: Warehouse**" in text
        assert notes(app) == [f"Wrote the report to {tmp_path / 'report.md'}"]


async def test_export_html_report_from_the_results_escapes_the_title(
    app_with: Callable[..., AdvisorApp], tmp_path: Path
) -> None:
    hostile = '<script>alert(1)</script>" onload="x'
    answers = tmp_path / "hostile.yaml"
    stream = STREAM.read_text(encoding="utf-8").replace("A fast stream with big records", hostile)
    answers.write_text(stream.replace("title: ", "title: '", 1).replace("\n", "'\n", 1), encoding="utf-8")
    app = app_with(answers, "exam")
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "r", "h")
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        assert dialog.query_one(Input).value == "advisor-report.html"
        await press(pilot, "enter")
        written = tmp_path / "advisor-report.html"
        assert notes(app) == [f"Wrote the report to {written}"]
    html = written.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    assert "<script" not in html and escaped(hostile) in html
    page = parse(html)
    assert page.text.startswith(hostile)
    assert "Recommended: Warehouse" in page.text
    assert page.fetching() == []


async def test_an_existing_file_is_overwritten_only_when_confirmed(app: AdvisorApp, tmp_path: Path) -> None:
    target = tmp_path / "advisor-answers.yaml"
    target.write_text("keep me\n", encoding="utf-8")
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "n", "enter", "1", "a", "enter")
        assert isinstance(app.screen, ExportDialog)
        assert "exists: press enter again to overwrite it" in str(
            app.screen.query_one("#dialog-error", Static).content
        )
        assert target.read_text(encoding="utf-8") == "keep me\n"
        await press(pilot, "enter")
        assert isinstance(app.screen, InterviewScreen)
        assert "arrival: batch" in target.read_text(encoding="utf-8")


async def test_escape_cancels_an_export(app: AdvisorApp, tmp_path: Path) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "n", "enter", "a", "escape")
        assert isinstance(app.screen, InterviewScreen)
        assert list(tmp_path.iterdir()) == []
