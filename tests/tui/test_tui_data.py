"""The TUI's data layer on its own: what screens hand to widgets, worked out from the engine."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from advisor.engine.engine import Engine
from advisor.errors import AdvisorError
from advisor.interview import Interview
from advisor.knowledge import KnowledgeBase, load_knowledge
from advisor.tui.data.detail import PENDING, Explainer
from advisor.tui.data.files import answers_text, write_file
from advisor.tui.data.picks import stage_picks
from advisor.tui.data.questions import plain_error, progress_text, question_view
from advisor.tui.data.rows import result_rows
from advisor.tui.data.search import knowledge_entries, search
from advisor.tui.data.session import Session, answer_count
from advisor.tui.data.step import next_step, snapshot, state_key
from advisor.tui.data.views import Option, TreeItem
from advisor.tui.data.why import why_lines


def test_question_views_per_kind(fixture_kb: KnowledgeBase) -> None:
    arrival = question_view(fixture_kb, fixture_kb.questions["arrival"], "stream", "1 answered · 0 skipped")
    assert (arrival.kind, arrival.stage, arrival.assumed, arrival.current) == (
        "single",
        "Ingestion",
        "in batches",
        ("stream",),
    )
    managed = question_view(fixture_kb, fixture_kb.questions["wants_managed"])
    assert managed.options == (Option(True, "yes"), Option(False, "no"))
    speed = question_view(fixture_kb, fixture_kb.questions["speed"])
    assert [o.value for o in speed.options] == ["fast", "medium", "slow"]
    record = question_view(fixture_kb, fixture_kb.questions["record_mb"], 2.0)
    assert (record.kind, record.unit, record.units, record.current) == (
        "number",
        "MB",
        ("KB", "GB"),
        ("2 MB",),
    )
    skills = question_view(fixture_kb, fixture_kb.questions["skills"], frozenset({"spark", "sql"}))
    assert (skills.kind, skills.current) == ("multi", ("spark", "sql"))


def test_progress_and_plain_errors() -> None:
    assert progress_text({"a": "x", "b": None}) == "1 answered · 1 skipped"
    assert plain_error(AdvisorError("answers.record_mb: unknown unit 'XB'")) == "unknown unit 'XB'"
    assert plain_error(AdvisorError("file.yaml: no such file")) == "file.yaml: no such file"


def test_stage_picks_mark_what_changed(fixture_engine: Engine, fixture_kb: KnowledgeBase) -> None:
    before = fixture_engine.run({})
    after = fixture_engine.run({"arrival": "stream"})
    picks = stage_picks(fixture_kb, after, before)
    assert [(p.stage, p.top, p.score, p.badge, p.changed) for p in picks] == [
        ("Ingestion", "Stream A", 2, "", True),
        ("Storage", "Lake", 1, "", False),
    ]
    assert stage_picks(fixture_kb, before)[0].badge == "closed to new customers"


def test_stage_picks_put_the_stages_in_focus_first(fixture_engine: Engine, fixture_kb: KnowledgeBase) -> None:
    answers = {"arrival": "stream"}
    picks = stage_picks(fixture_kb, fixture_engine.run(answers, focus=("storage",)))
    assert [(p.stage, p.in_focus) for p in picks] == [("Storage", True), ("Ingestion", False)]
    unfocused = stage_picks(fixture_kb, fixture_engine.run(answers))
    assert [(p.stage, p.in_focus) for p in unfocused] == [("Ingestion", True), ("Storage", True)]


def test_result_rows_list_candidates_and_who_rejected_them(fixture_engine: Engine) -> None:
    kb = fixture_engine.kb
    result = fixture_engine.run({"arrival": "batch"}, "current")
    ingestion = result_rows(kb, result)[0]
    assert ingestion.stage == TreeItem("stage", "ingestion", None, "Ingestion")
    assert [(c.node, c.score, c.rank) for c in ingestion.candidates] == [("new_e", 3, 1), ("batch_c", 2, 2)]
    assert [(e.node, e.badge, e.note) for e in ingestion.exclusions] == [
        ("old_d", "closed to new customers", "rejected by lens")
    ]


def test_rejected_rows_carry_the_status_badge_whatever_rejected_them(fixture_engine: Engine) -> None:
    result = fixture_engine.run({"arrival": "stream", "speed": "fast", "record_mb": 2.0}, "exam")
    rejected = {e.node: (e.badge, e.note) for e in result_rows(fixture_engine.kb, result)[0].exclusions}
    assert rejected["old_d"] == ("closed to new customers", "ING-003")
    assert rejected["stream_a"] == ("", "ING-005")


def test_the_unsaved_answers_warning_counts_in_words(fixture_engine: Engine) -> None:
    session = Session(Interview.start(fixture_engine, {"arrival": "stream"}))
    assert answer_count(session.interview) == "1 answer"
    assert session.unsaved_warning() == "Your 1 answer is not saved: a saves it, q again quits."
    session.interview.skip("skills")
    assert answer_count(session.interview) == "2 answers"
    assert session.unsaved_warning() == "Your 2 answers are not saved: a saves them, q again quits."


def test_explainer_works_out_changes_once_and_marks_them_pending_until_then(fixture_engine: Engine) -> None:
    answers = {"arrival": "stream", "record_mb": 2.0}
    explainer = Explainer(fixture_engine, answers, fixture_engine.run(answers))
    stage = TreeItem("stage", "ingestion", None, "Ingestion")
    pending = explainer.detail(stage).section("What would change this")
    assert pending is not None and pending.lines[0].text == PENDING
    assert not explainer.knows_changes("ingestion")
    explainer.changes("ingestion")
    assert explainer.knows_changes("ingestion")
    detail = explainer.detail(stage)
    assert detail.summary == "Top pick: Buffer B (score 1)."
    warnings = detail.section("Warnings")
    assert warnings is not None and [(w.lead, w.text) for w in warnings.lines] == [
        ("ING-005", "Stream A takes at most 1 MB.")
    ]
    changes = detail.section("What would change this")
    assert changes is not None and changes.lines[0].lead == "How does data arrive?"


def test_search_is_fuzzy_and_ranked(fixture_kb: KnowledgeBase) -> None:
    entries = knowledge_entries(fixture_kb)
    assert search(entries, "") == entries
    assert [e.id for e in search(entries, "buff")][:1] == ["buffer_b"]
    assert [e.id for e in search(entries, "ING-004")][:1] == ["ING-004"]
    assert search(entries, "qqqq") == ()


def test_next_step_on_a_snapshot_leaves_the_interview_alone(fixture_engine: Engine) -> None:
    interview = Interview.start(fixture_engine)
    step = next_step(snapshot(interview))
    assert step.key == state_key(interview) == ("exam", (), ())
    assert step.question is not None and step.question.id == "arrival"
    assert [(i.value, i.after) for i in step.impacts] == [("stream", "stream_a")]
    assert why_lines(fixture_engine.kb, step.impacts)[0].text == "'as a stream' → Stream A (now Old D)"
    for question in ("arrival", "record_mb", "skills", "speed", "wants_managed"):
        interview.skip(question)
    end = next_step(snapshot(interview))
    assert end.question is None and end.stop_reason == interview.stop_reason()


def test_answers_text_reads_back(fixture_engine: Engine, fixture_kb: KnowledgeBase) -> None:
    interview = Interview.start(fixture_engine, {"arrival": "stream", "skills": ["sql"]}, "current")
    text = answers_text(interview, "Mine")
    assert text == "title: Mine\nlens: current\nanswers:\n  arrival: stream\n  skills:\n  - sql\n"


def test_write_file_errors_are_one_line(tmp_path: Path) -> None:
    assert write_file(tmp_path / "a.md", "x") == (tmp_path / "a.md").resolve()
    with pytest.raises(AdvisorError, match="is a folder; add a file name"):
        write_file(tmp_path, "x")
    with pytest.raises(AdvisorError, match="folder does not exist"):
        write_file(tmp_path / "no" / "a.md", "x")


def test_a_number_question_with_a_minimum_near_a_threshold(kb_with: Callable[..., Path]) -> None:
    """The lookahead's probes stay inside a question's range (once crashed the interview)."""
    root = kb_with(
        count="""
questions:
  - {id: model_count, stage: storage, type: number, unit: models, minimum: 1, text: How many models?}
rules:
  - id: STO-009
    title: Several models share a warehouse
    stage: storage
    when: {fact: model_count, gt: 1}
    then: [{recommend: warehouse, weight: 5}]
    because: "{fact.model_count} models."
    sources: ["https://docs.aws.amazon.com/s9"]
"""
    )
    interview = Interview.start(Engine(load_knowledge(root, use_cache=False)))
    next_step(snapshot(interview))  # raised AnswersError when a probe fell below the minimum
    assert interview.impacts("model_count")
    assert all(impact.value >= 1 for impact in interview.impacts("model_count"))
