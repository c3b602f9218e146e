"""The HTML report: every section, escaped user text, nothing fetched from anywhere, same bytes."""

from __future__ import annotations

import re

import pytest

from advisor.engine.engine import Engine
from advisor.engine.result import Result
from advisor.knowledge import KnowledgeBase
from advisor.render.html import render_report
from advisor.render.html.diagram import layout_pipeline
from advisor.render.html.report import build_report
from advisor.render.markdown import render_markdown

from html_page import HOSTILE, escaped, parse

BIG_RECORDS = {"arrival": "stream", "record_mb": 2, "skills": ["sql"]}
PATH = r"M (\S+) (\S+) H (\S+) V (\S+) H (\S+)"


@pytest.fixture
def report(fixture_engine: Engine) -> str:
    result = fixture_engine.run(BIG_RECORDS, "exam")
    return render_report(fixture_engine, BIG_RECORDS, result, "Big records")


def test_report_has_summary_pipeline_answers_and_each_stage_explained(report: str) -> None:
    page = parse(report)
    assert page.rows[:3] == [
        ["Stage", "Pick", "Status", "Exam and current lens"],
        ["Ingestion", "Buffer B", "active", "same pick"],
        ["Storage", "Warehouse", "active", "same pick"],
    ]
    assert ["Largest record?", "2 MB"] in page.rows
    assert ["Largest record?", "2 MB", "990 KB", "Stream A"] in page.rows  # what would change it
    assert ["Skills?", "SQL", "none", "Lake"] in page.rows
    text = page.text
    assert "The knowledge records no delivers-to, feeds or reads-from relation between these picks." in text
    assert "Recommended: Buffer B Buffer B is the top pick for Ingestion with score 1." in text
    assert "How ING-002 +1 A stream store is needed: A stream store is needed.[1]" in text
    assert (
        "Why not the alternatives Stream A rejected: Stream A was rejected for Ingestion by ING-005: "
        "Stream A accepts records up to 1 MB; yours are 2 MB. ING-005 Records larger than the service "
        "accepts: Stream A accepts records up to 1 MB; yours are 2 MB.[2]" in text
    )
    assert "Lake ranked lower: Lake scores 1, below Warehouse (2)" in text
    assert "Warnings ING-005 Stream A takes at most 1 MB.[2]" in text
    assert "Sources https://docs.aws.amazon.com/r2 https://docs.aws.amazon.com/r5 Storage" in text


def test_report_says_what_each_stage_assumed(fixture_engine: Engine) -> None:
    page = parse(render_report(fixture_engine, {}, fixture_engine.run({}, "exam")))
    assert "Assumptions this stage rests on" in page.text
    assert ["How does data arrive?", "in batches", "Batch is the simpler default."] in page.rows


def test_sources_are_plain_links_and_nothing_is_fetched(report: str) -> None:
    page = parse(report)
    assert page.fetching() == []
    assert page.links() == [f"https://docs.aws.amazon.com/{page}" for page in ("r2", "r5", "s1", "s2")]
    assert "url(" not in report.replace("url(#arrowhead)", "")  # the only url() is the SVG marker
    assert "@import" not in report


@pytest.mark.parametrize("hostile", HOSTILE)
def test_a_hostile_title_is_escaped_everywhere(fixture_engine: Engine, hostile: str) -> None:
    html = render_report(fixture_engine, BIG_RECORDS, fixture_engine.run(BIG_RECORDS), hostile)
    assert "<script" not in html
    assert 'onload="' not in html
    assert html.count(escaped(hostile)) == 2  # <title> and <h1>
    page = parse(html)
    assert page.text.startswith(hostile)  # the heading shows it as text
    assert [attrs for tag, attrs in page.tags if tag == "body"] == [{}]


def test_report_is_deterministic(fixture_engine: Engine) -> None:
    first = render_report(fixture_engine, BIG_RECORDS, fixture_engine.run(BIG_RECORDS), "t")
    again = render_report(
        fixture_engine, dict(reversed(BIG_RECORDS.items())), fixture_engine.run(BIG_RECORDS), "t"
    )
    assert first == again


def test_a_lens_difference_shows_in_the_summary_and_its_stage(fixture_engine: Engine) -> None:
    answers = {"arrival": "batch"}
    view = build_report(fixture_engine, answers, fixture_engine.run(answers, "current"))
    (ingestion,) = [s for s in view.stages if s.stage == "ingestion"]
    assert ingestion.pick == "New E"
    assert ingestion.stands_in_for == ("Old D",)
    assert ingestion.lens_note == "The exam expects Old D; a new customer today uses New E."
    (old,) = [a for a in ingestion.alternatives if a.name == "Old D"]
    assert old.verdict == "not available to new customers"
    assert ingestion.sources[old.reasons[0].refs[0] - 1] == "https://docs.aws.amazon.com/d-status"


def test_what_would_change_groups_answers_by_question(fixture_engine: Engine) -> None:
    view = build_report(fixture_engine, BIG_RECORDS, fixture_engine.run(BIG_RECORDS))
    (ingestion,) = [s for s in view.stages if s.stage == "ingestion"]
    (size,) = [g for g in ingestion.changes if g.question == "Largest record?"]
    assert size.current == "2 MB"
    assert ("990 KB", "Stream A") in size.options
    (speed,) = [g for g in ingestion.changes if g.question == "How fast?"]
    assert (speed.current, speed.options) == ("not answered", (("fast", "no pick"),))


def test_pipeline_arrows_follow_the_relations_between_picks(
    fixture_engine: Engine, fixture_kb: KnowledgeBase
) -> None:
    diagram = layout_pipeline(fixture_kb, fixture_engine.run({"arrival": "stream", "record_mb": 2}))
    assert [(b.stage, b.pick) for b in diagram.boxes] == [("ingestion", "Buffer B"), ("storage", "Lake")]
    assert [(a.relation, a.sentence) for a in diagram.arrows] == [
        ("delivers_to", "Buffer B delivers to Lake")
    ]
    first, second = diagram.boxes
    x0, y0, lane, y1, x1 = map(float, re.fullmatch(PATH, diagram.arrows[0].path).groups())  # type: ignore[union-attr]
    assert x0 == first.x + first.width and lane > x0 and x1 >= x0  # out of the first box, back to the second
    assert first.y < y0 < first.y + diagram.row_height < second.y < y1 < second.y + diagram.row_height
    assert diagram.width >= lane


def test_a_stage_without_a_pick_is_drawn_as_an_empty_box(
    fixture_engine: Engine, fixture_kb: KnowledgeBase
) -> None:
    diagram = layout_pipeline(
        fixture_kb, fixture_engine.run({"arrival": "stream", "speed": "fast", "record_mb": 2})
    )
    first = diagram.boxes[0]
    assert (first.stage, first.pick, first.full_pick) == ("ingestion", "no pick", "")
    assert diagram.arrows == ()


# -- focus, decisions within a stage, not-needed stages, diagnosis, calculations, design ----------

DECIDING = {"arrival": "stream", "speed": "fast", "write_mb_s": 250, "throttled": True, "skills": ["sql"]}
RUNS_TODAY = {"ingestion": frozenset({"stream_a"})}


@pytest.fixture
def deciding(check_kb: KnowledgeBase) -> tuple[Engine, Result]:
    """Focus on ingestion and training; a throttled Stream A runs today (decisions.yaml)."""
    engine = Engine(check_kb)
    return engine, engine.run(DECIDING, "exam", design=RUNS_TODAY, focus=("ingestion", "training"))


def test_focus_comes_first_with_decisions_nested_and_other_stages_folded(
    deciding: tuple[Engine, Result],
) -> None:
    html = render_report(deciding[0], DECIDING, deciding[1])
    page = parse(html)
    headings = re.findall(r"<h2>(.*?)</h2>", html)
    assert headings == [
        "Summary",
        "The recommended pipeline",
        "Answers",
        "Design (what runs today)",
        "Diagnosis",
        "Calculations",
        "Ingestion",
        "Ingestion: Stream capacity",
        "Training",
        "Other stages",
    ]
    assert "What you are deciding: Ingestion, Training." in page.text
    summary = page.rows[1:4]
    assert summary == [
        ["Ingestion", "Stream A", "active", "same pick"],
        ["↳ Stream capacity", "On-demand capacity", "active", "same pick"],
        ["Training", "—", "not needed", "same pick"],
    ]
    assert ["Storage", "Warehouse", "active"] in page.rows  # folded: the top pick only
    assert 'id="stage-storage"' not in html


def test_a_not_needed_stage_says_which_rule_settled_it(deciding: tuple[Engine, Result]) -> None:
    view = build_report(deciding[0], DECIDING, deciding[1])
    (training,) = [s for s in view.stages if s.stage == "training"]
    assert (training.pick, training.status, training.alternatives, training.how) == ("", "not needed", (), ())
    assert [(r.rule, r.text) for r in training.not_needed] == [
        ("TRN-002", "The warehouse's built-in model answers it; nothing is trained.")
    ]
    assert training.sources[training.not_needed[0].refs[0] - 1] == "https://docs.aws.amazon.com/trn-2"
    text = parse(render_report(deciding[0], DECIDING, deciding[1])).text
    assert "Training Not needed. Nothing is picked" in text
    assert "Why it is not needed TRN-002 A warehouse answers the question without training:" in text


def test_diagnosis_names_symptom_cause_rule_fixes_and_sources(deciding: tuple[Engine, Result]) -> None:
    html = render_report(deciding[0], DECIDING, deciding[1])
    text = parse(html).text
    assert (
        "Diagnosis Symptom: Do writes fail with throughput exceptions? yes "
        "Cause: Stream A's shards take fewer writes than arrive. "
        "DIA-001 Writes exceed the provisioned throughput: Throughput exceptions mean the writes "
        "exceed what the shards take.[1] Fixes, and where each stands in its stage: "
        "On-demand capacity +5: the top pick for Stream capacity (score 8) "
        "Sources https://docs.aws.amazon.com/dia-1" in text
    )
    assert '<a href="#stage-capacity">On-demand capacity</a>' in html  # the fix's stage is explained below


def test_calculations_and_the_design_are_shown(deciding: tuple[Engine, Result]) -> None:
    page = parse(render_report(deciding[0], DECIDING, deciding[1]))
    assert (
        "Calculations shards = ceil(write_mb_s / 1) = ceil(250 / 1) = 250 shards CAP-002 "
        "Shards follow the write rate" in page.text
    )
    assert ["Ingestion", "Stream A"] in page.rows


def test_the_diagram_nests_a_decision_under_its_stage_and_mutes_stages_out_of_focus(
    deciding: tuple[Engine, Result], check_kb: KnowledgeBase
) -> None:
    diagram = layout_pipeline(check_kb, deciding[1])
    rows = [(b.stage, b.pick, b.within, b.folded) for b in diagram.boxes]
    assert rows == [
        ("ingestion", "Stream A", False, False),
        ("capacity", "On-demand capacity", True, False),
        ("storage", "Warehouse", False, True),
        ("training", "not needed", False, False),
    ]
    stage, decision = diagram.boxes[:2]
    assert decision.x > stage.x and decision.x + decision.width == stage.x + stage.width
    x, top, middle, end = map(float, re.fullmatch(r"M (\S+) (\S+) V (\S+) H (\S+)", decision.nest).groups())  # type: ignore[union-attr]
    assert stage.x < x < decision.x == end
    assert top == stage.y + diagram.row_height and middle == decision.y + diagram.row_height / 2
    assert diagram.boxes[3].full_pick == ""  # drawn as an empty box


def test_the_exam_lens_is_described_by_the_default_exam_profile(fixture_engine: Engine) -> None:
    """The exam's name is data (rules/exams): a second profile must not need a code change."""
    kb = fixture_engine.kb
    expected = f"what the {kb.default_exam.name} exam expects"
    result = fixture_engine.run(BIG_RECORDS, "exam")
    assert expected in parse(render_report(fixture_engine, BIG_RECORDS, result, "Big records")).text
    assert expected in render_markdown(kb, result)
    current = fixture_engine.run(BIG_RECORDS, "current")
    assert "what a new AWS customer can use today" in render_markdown(kb, current)
