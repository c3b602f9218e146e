"""The results screen: candidates per stage, what rejected what, the detail pane, the lens."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.pilot import Pilot
from tui_pilot import BATCH, SIZE, SMALLEST, STREAM, press

from advisor.tui import AdvisorApp
from advisor.tui.data.views import Detail
from advisor.tui.screens.results import ResultsScreen
from advisor.tui.widgets.candidate_tree import CandidateTree, label_parts
from advisor.tui.widgets.detail_pane import DetailPane


def results_of(app: AdvisorApp) -> ResultsScreen:
    assert isinstance(app.screen, ResultsScreen)
    return app.screen


def listed(app: AdvisorApp) -> dict[str, tuple[list[str], dict[str, str]]]:
    """Stage -> (candidates in rank order, rejected node -> rule ids) as the tree lists them."""
    rows = results_of(app).query_one(CandidateTree).rows
    return {
        r.stage.stage: ([c.node or "" for c in r.candidates], {e.node or "": e.note for e in r.exclusions})
        for r in rows
    }


async def highlight(pilot: Pilot[None], node: str) -> Detail:
    """Move the tree cursor to a node with the arrow keys and return the detail shown."""
    screen = results_of(pilot.app)  # type: ignore[arg-type]
    tree = screen.query_one(CandidateTree)
    pending = list(tree.root.children)
    while pending:
        found = pending.pop(0)
        if found.data and found.data.node == node:
            break
        pending.extend(found.children)
    else:
        raise AssertionError(f"{node} is not in the tree")
    while tree.cursor_line != found.line:
        await press(pilot, "down" if tree.cursor_line < found.line else "up")
    assert screen.detail is not None
    return screen.detail


async def open_results(pilot: Pilot[None]) -> None:
    await press(pilot)  # the interview stops at once: the file answers every useful question
    await press(pilot, "r")


async def test_candidates_and_rejections_per_stage(app_with: Callable[..., AdvisorApp]) -> None:
    app = app_with(STREAM, "exam")
    async with app.run_test(size=SIZE) as pilot:
        await open_results(pilot)
        assert listed(app) == {
            "ingestion": (
                [],
                {
                    "batch_c": "ING-003",
                    "buffer_b": "ING-003",
                    "new_e": "ING-003",
                    "old_d": "ING-003",
                    "stream_a": "ING-005",
                },
            ),
            "storage": (["warehouse", "lake"], {}),
        }


async def test_detail_of_a_rejected_alternative_says_which_rule_and_why(
    app_with: Callable[..., AdvisorApp],
) -> None:
    app = app_with(STREAM, "exam")
    async with app.run_test(size=SIZE) as pilot:
        await open_results(pilot)
        detail = await highlight(pilot, "stream_a")
        assert detail.summary == "Stream A was rejected for Ingestion by ING-005."
        why_not = detail.section("Why not")
        assert why_not is not None
        assert [(line.lead, line.text) for line in why_not.lines] == [
            (
                "ING-005",
                "Records larger than the service accepts: Stream A accepts records up to 1 MB; yours are 2 MB.",
            )
        ]
        facts = detail.section("Facts")
        assert facts is not None and ("record_mb", "2 MB") in [(f.lead, f.text) for f in facts.lines]
        assert detail.sources == ("https://docs.aws.amazon.com/r5", "https://docs.aws.amazon.com/a")


async def test_detail_of_the_top_pick_shows_how_and_what_would_change_it(
    app_with: Callable[..., AdvisorApp],
) -> None:
    app = app_with(STREAM, "exam")
    async with app.run_test(size=SIZE) as pilot:
        await open_results(pilot)
        detail = await highlight(pilot, "warehouse")
        assert detail.summary == "Warehouse is the top pick for Storage with score 2."
        how = detail.section("How")
        assert how is not None
        assert [(line.lead, line.text) for line in how.lines] == [
            ("STO-002 +2", "SQL teams can use a warehouse: The team knows SQL.")
        ]
        change = detail.section("What would change this")
        assert change is not None
        assert [(line.lead, line.text) for line in change.lines] == [("Skills?", ""), ("", "none → Lake")]
        assert "https://docs.aws.amazon.com/s2" in detail.sources
        shown = results_of(app).query_one(DetailPane).detail
        assert shown == detail


async def test_the_keyboard_moves_through_the_tree(app_with: Callable[..., AdvisorApp]) -> None:
    app = app_with(STREAM, "exam")
    async with app.run_test(size=SIZE) as pilot:
        await open_results(pilot)
        screen = results_of(app)
        assert screen.item is not None and (screen.item.kind, screen.item.stage) == ("stage", "ingestion")
        await press(pilot, "down", "down")
        assert screen.item is not None and (screen.item.kind, screen.item.node) == ("exclusion", "batch_c")


async def test_lens_toggle_swaps_a_closed_service_for_its_successor(
    app_with: Callable[..., AdvisorApp],
) -> None:
    app = app_with(BATCH, "exam")
    async with app.run_test(size=SIZE) as pilot:
        await open_results(pilot)
        screen = results_of(app)
        assert listed(app)["ingestion"] == (["old_d", "batch_c"], {})
        rows = screen.query_one(CandidateTree).rows
        assert rows[0].candidates[0].badge == "closed to new customers"
        await press(pilot, "l")
        assert screen.interview.lens == "current"
        assert screen.sub_title == "Results · current lens"
        assert listed(app)["ingestion"] == (["new_e", "batch_c"], {"old_d": "rejected by lens"})
        detail = await highlight(pilot, "old_d")
        assert detail.summary == (
            "Old D is closed to new customers since 2025-01-01; new customers use New E instead."
        )
        stands_in = (await highlight(pilot, "new_e")).section("Stands in for")
        assert stands_in is not None and stands_in.lines[0].lead == "Old D"


async def test_switching_lens_keeps_the_cursor_on_the_node(app_with: Callable[..., AdvisorApp]) -> None:
    """Old D is a candidate under the exam lens and rejected under the current one: the cursor
    follows it from one branch to the other rather than going back to the top."""
    app = app_with(BATCH, "exam")
    async with app.run_test(size=SIZE) as pilot:
        await open_results(pilot)
        screen = results_of(app)
        tree = screen.query_one(CandidateTree)
        await highlight(pilot, "old_d")
        await press(pilot, "l")
        assert tree.cursor_node is not None and tree.cursor_node.data is not None
        assert (tree.cursor_node.data.kind, tree.cursor_node.data.node) == ("exclusion", "old_d")
        assert screen.item == tree.cursor_node.data
        assert screen.detail is not None and screen.detail.title == "Old D"
        label = "".join(text for text, _ in label_parts(screen.item))
        assert label == "✗ Old D [closed to new customers]  rejected by lens"
        await press(pilot, "l")
        assert screen.item is not None and (screen.item.kind, screen.item.node) == ("candidate", "old_d")


async def test_switching_lens_keeps_the_stage_when_the_node_is_gone(
    long_app: Callable[..., AdvisorApp],
) -> None:
    """Deep Store stands in for the retired archive under the current lens only; under the exam
    lens it is not listed, so the cursor stays on its stage (Storage, not the first stage)."""
    app = long_app()
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "n", "enter", "1", "r", "l")
        screen = results_of(app)
        assert listed(app)["storage"][0][0] == "deep_store"
        await highlight(pilot, "deep_store")
        await press(pilot, "l")
        assert "deep_store" not in listed(app)["storage"][0]
        assert screen.item is not None and (screen.item.kind, screen.item.stage) == ("stage", "storage")
        assert screen.query_one(CandidateTree).cursor_node.data == screen.item  # type: ignore[union-attr]


async def test_a_long_name_ends_in_an_ellipsis_and_the_detail_shows_it_in_full(
    long_app: Callable[..., AdvisorApp],
) -> None:
    app = long_app()
    async with app.run_test(size=SMALLEST) as pilot:
        await press(
            pilot, "n", "enter", "1", "r", "l"
        )  # the archive workload, results under the current lens
        detail = await highlight(pilot, "cold_archive")
        name = "Cold Archive Tier for Rarely Read Compliance Records and Long-Term Retention Copies"
        assert (detail.title, detail.badge) == (name, "retired")
        tree = results_of(app).query_one(CandidateTree)
        row = tree.render_line(tree.cursor_line - tree.scroll_offset.y).text.rstrip()
        assert row.startswith("  └ ✗ Cold Archive Tier for") and row.endswith("…")
        assert len(row) <= tree.scrollable_content_region.width
        assert tree.max_scroll_x == 0  # nothing hidden off to the right either
        item = tree.cursor_node.data  # type: ignore[union-attr]
        assert item is not None and (item.badge, item.note) == ("retired", "rejected by lens")


async def test_diagnosis_focus_and_not_needed_in_the_results_tree(tmp_path: Path) -> None:
    """A design with a symptom shows a Diagnosis group first; stages outside the focus come
    after the focused ones, folded; a stage settled as not needed says so."""
    import shutil

    from advisor.knowledge import load_knowledge
    from advisor.tui import make_app
    from advisor.tui.data.rows import result_rows
    from advisor.tui.screens.results import ResultsScreen

    from fixtures_path import FIXTURE_KB, FIXTURES

    root = tmp_path / "kb"
    shutil.copytree(FIXTURE_KB, root)
    shutil.copy(FIXTURES / "kb_decisions" / "decisions.yaml", root / "decisions.yaml")
    answers = tmp_path / "a.yaml"
    answers.write_text(
        "focus: [ingestion]\ndesign: {ingestion: stream_a}\n"
        "answers: {arrival: stream, speed: fast, throttled: true, skills: [sql]}\n",
        encoding="utf-8",
    )
    app = make_app(load_knowledge(root, use_cache=False), answers)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.screen.action_results()  # type: ignore[attr-defined]  # the first question is a number: "r" would be typed
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ResultsScreen) and screen.result is not None
        rows = result_rows(screen.interview.engine.kb, screen.result)
        assert [(r.stage.label, r.folded) for r in rows] == [
            ("Diagnosis", False),
            ("Ingestion", False),
            ("Ingestion: Stream capacity", False),
            ("Storage", True),
            ("Training", True),
        ]
        assert rows[-1].stage.note == "not needed"
        detail = screen.explainer.detail(rows[0].candidates[0]) if screen.explainer else None
        assert detail is not None and detail.summary == "Stream A's shards take fewer writes than arrive."
        fixes = detail.section("Fixes")
        assert fixes is not None
        assert fixes.lines[0].lead == "On-demand capacity"
        assert fixes.lines[0].text.startswith("the top pick for Stream capacity")
