"""The "Check a design" screen: opened from home, findings grouped by severity beside the
detail of the one under the cursor (the results screen's how / why not / sources), suppressed
findings in their own group; a file that cannot be used shows its one-line error."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from textual.widgets import Input, Static
from tui_pilot import SIZE, press

from advisor.knowledge import KnowledgeBase
from advisor.tui import AdvisorApp, make_app
from advisor.tui.data.check import finding_groups
from advisor.tui.screens.check import CheckScreen
from advisor.tui.screens.export_dialog import ExportDialog
from advisor.tui.screens.home import HomeScreen
from advisor.tui.screens.open_dialog import OpenDialog
from advisor.tui.widgets.detail_pane import DetailPane
from advisor.tui.widgets.finding_tree import FindingTree

from fixtures_path import CHECK

DESIGN = "stream.design.yaml"
"""Copied into the working folder: buffer_b rejected (error), old_d closed and rejected
(suppressed), storage and stream capacity in focus without a choice (information)."""


@pytest.fixture
def check_app(check_kb: KnowledgeBase, tmp_path: Path) -> AdvisorApp:
    shutil.copy(CHECK / DESIGN, tmp_path / DESIGN)
    return make_app(check_kb, lens=None)


async def open_check(app: AdvisorApp, pilot, path: str) -> None:  # type: ignore[no-untyped-def]
    await press(pilot, "d")
    assert isinstance(app.screen, OpenDialog)
    app.screen.query_one("#dialog-path", Input).value = path
    await press(pilot, "enter")


async def test_findings_are_grouped_by_severity_with_suppressed_ones_apart(check_app: AdvisorApp) -> None:
    async with check_app.run_test(size=SIZE) as pilot:
        await open_check(check_app, pilot, DESIGN)
        screen = check_app.screen
        assert isinstance(screen, CheckScreen)
        groups = finding_groups(screen.report)
        assert [g.label for g in groups] == ["Errors (1)", "Information (2)", "Suppressed (2)"]
        assert [r.id for r in groups[2].rows] == ["ING-003/ingestion/old_d", "status/ingestion/old_d"]
        tree = screen.query_one(FindingTree)
        assert tree.border_title == "1 error · 2 info · 2 suppressed"
        assert screen.finding == "ING-003/ingestion/buffer_b"  # the first finding, highlighted
        detail = screen.query_one(DetailPane).detail
        assert detail is not None and detail.badge == "error"
        assert detail.title == "Delivery slower than required"
        fix = detail.section("Fix")
        assert fix is not None and fix.lines[0].text.startswith("Use Stream A instead")
        why_not = detail.section("Why not")  # the engine's explanation of the chosen node
        assert why_not is not None and why_not.lines[0].lead == "ING-003"
        assert "https://docs.aws.amazon.com/r3" in detail.sources


async def test_a_suppressed_finding_shows_its_suppression(check_app: AdvisorApp) -> None:
    async with check_app.run_test(size=SIZE) as pilot:
        await open_check(check_app, pilot, DESIGN)
        await press(pilot, "end")
        screen = check_app.screen
        assert isinstance(screen, CheckScreen) and screen.finding == "status/ingestion/old_d"
        detail = screen.query_one(DetailPane).detail
        assert detail is not None and detail.badge == "suppressed"
        suppressed = detail.section("Suppressed")
        assert suppressed is not None
        assert suppressed.lines[0].text == "Being replaced by New E this quarter (until 2099-12-31)"
        await press(pilot, "escape")
        assert isinstance(check_app.screen, HomeScreen)


async def test_a_template_is_checked_against_the_design_file_beside_it(
    check_app: AdvisorApp, tmp_path: Path
) -> None:
    shutil.copy(CHECK / "all_tags.template.yaml", tmp_path / "stack.template.yaml")
    (tmp_path / "stack.design.yaml").write_text("answers: {arrival: stream, speed: fast}\n", encoding="utf-8")
    async with check_app.run_test(size=SIZE) as pilot:
        await open_check(check_app, pilot, "stack.template.yaml")
        screen = check_app.screen
        assert isinstance(screen, CheckScreen)
        assert screen.finding == "ING-003/ingestion/buffer_b"
        detail = screen.query_one(DetailPane).detail
        where = detail.section("Where") if detail else None
        assert where is not None and where.lines[0].text == "stack.template.yaml:30 (resource Delivery)"


async def test_a_file_that_cannot_be_checked_shows_its_error_in_the_dialog(
    check_app: AdvisorApp, tmp_path: Path
) -> None:
    (tmp_path / "bad.design.yaml").write_text("answers: {}\nsuppress: [{node: bufer_b, reason: r}]\n")
    async with check_app.run_test(size=SIZE) as pilot:
        await open_check(check_app, pilot, "bad.design.yaml")
        assert isinstance(check_app.screen, OpenDialog)
        error = str(check_app.screen.query_one("#dialog-error", Static).content)
        assert (
            error == "bad.design.yaml:2: suppress[0].node: unknown node 'bufer_b' (did you mean 'buffer_b'?)"
        )


@pytest.mark.parametrize(
    ("key", "name", "start"),
    [("h", "advisor-check.html", "<!DOCTYPE html>"), ("e", "advisor-check.md", "# ")],
)
async def test_the_check_exports_as_html_or_markdown(
    check_app: AdvisorApp, tmp_path: Path, key: str, name: str, start: str
) -> None:
    async with check_app.run_test(size=SIZE) as pilot:
        await open_check(check_app, pilot, DESIGN)
        await press(pilot, key)
        dialog = check_app.screen
        assert isinstance(dialog, ExportDialog)
        assert dialog.query_one(Input).value == name
        await press(pilot, "enter")
        assert isinstance(check_app.screen, CheckScreen)
    text = (tmp_path / name).read_text(encoding="utf-8")
    assert text.startswith(start)
    assert "ING-003/ingestion/buffer_b" in text and "Being replaced by New E this quarter" in text
