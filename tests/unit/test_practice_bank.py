"""The question bank and its draws, on the fixture scenarios: kinds, task statements, filters,
keys from the engine, drawn options, and the drill, exam, review and due selections."""

from __future__ import annotations

from dataclasses import replace

import pytest
from practice_setup import by_id, fixture_bank

from advisor.engine.engine import Engine
from advisor.errors import UnknownIdError
from advisor.knowledge import KnowledgeBase
from advisor.practice.bank import Filters, filter_bank
from advisor.practice.draw import domain_quotas, draw_drill, draw_due, draw_exam, draw_review, exam_minutes
from advisor.practice.grading import pose


def ids(questions: list) -> list[str]:  # type: ignore[type-arg]
    return [q.id for q in questions]


def test_every_fixture_scenario_is_a_question_with_its_kind_tasks_and_domain(fixture_engine: Engine) -> None:
    bank = {q.id: q for q in fixture_bank(fixture_engine)}
    assert len(bank) == 6
    assert (bank["small_fast_stream"].kind, bank["small_fast_stream"].tasks) == ("ingestion", ("1.1",))
    assert (bank["sql_team_warehouse"].kind, bank["sql_team_warehouse"].domain) == ("storage", "two")
    assert bank["nightly_batch_current"].lens == "current"
    assert bank["large_records_stream"].stage == "ingestion"  # no written question: its expected stage


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (Filters(domain="two"), ["large_records_stream", "spark_team_lake", "sql_team_warehouse"]),
        (Filters(domain="1"), ["nightly_batch_current", "nightly_batch_exam", "small_fast_stream"]),
        (Filters(task="1.1", lens="current"), ["nightly_batch_current"]),
        (Filters(stage="storage", kind="storage"), ["spark_team_lake", "sql_team_warehouse"]),
        (Filters(stage="storage", kind="ingestion"), []),
    ],
)
def test_filters(fixture_engine: Engine, filters: Filters, expected: list[str]) -> None:
    kb = fixture_engine.kb
    assert sorted(ids(filter_bank(kb, fixture_bank(fixture_engine), kb.default_exam, filters))) == expected


def test_an_unknown_filter_value_names_the_known_ones(fixture_engine: Engine) -> None:
    kb = fixture_engine.kb
    with pytest.raises(UnknownIdError) as raised:
        filter_bank(kb, fixture_bank(fixture_engine), kb.default_exam, Filters(stage="storgae"))
    assert (
        str(raised.value) == "unknown stage 'storgae' (did you mean 'storage'?) (known: ingestion, storage)"
    )


def test_the_key_is_the_engines_top_pick(fixture_engine: Engine) -> None:
    for question in fixture_bank(fixture_engine):
        posed = pose(fixture_engine, question)
        assert posed is not None
        top = posed.result.top(question.stage)
        assert posed.choice(posed.key).node == top
        if question.scenario.question is not None:
            assert posed.key == question.scenario.question.answer


def test_a_key_the_engine_disagrees_with_is_not_asked(fixture_kb: KnowledgeBase) -> None:
    """The engine, not the written answer, decides; a question whose options miss the engine's
    pick cannot be graded and is left out (the scenario tests fail on it)."""
    engine = Engine(fixture_kb)
    [question] = by_id(engine, "spark_team_lake")
    written = question.scenario.question
    assert written is not None
    wrong = replace(written, options={**written.options, "B": written.options["C"]})
    changed = replace(question, scenario=replace(question.scenario, question=wrong))
    assert pose(engine, changed) is None


def test_drawn_options_are_the_top_pick_and_three_alternatives_the_engine_rejected(
    fixture_engine: Engine,
) -> None:
    [question] = by_id(fixture_engine, "large_records_stream")
    posed = pose(fixture_engine, question)
    assert posed is not None and not posed.notes
    nodes = [c.node for c in posed.choices]
    assert len(set(nodes)) == 4 and posed.choice(posed.key).node == "buffer_b"
    outcome = posed.result.stage("ingestion")
    assert outcome is not None
    rejected = {e.node for e in outcome.exclusions}
    assert set(nodes) - {"buffer_b"} <= rejected
    assert pose(fixture_engine, question) == posed  # the same options every time
    assert posed.stem == "Which option fits ingestion best in this situation?"


def test_domain_quotas_follow_the_weights(kb: KnowledgeBase, fixture_kb: KnowledgeBase) -> None:
    exam = kb.default_exam
    quotas = domain_quotas(exam, exam.questions)
    assert sum(quotas.values()) == exam.questions
    for domain in exam.domains:
        assert abs(quotas[domain.id] - exam.questions * domain.weight / 100) < 1
    assert domain_quotas(fixture_kb.default_exam, 5) == {"one": 3, "two": 2}
    assert exam_minutes(exam, exam.questions) == exam.minutes
    assert exam_minutes(exam, exam.questions * 2) == exam.minutes * 2


def test_an_exam_draw_keeps_the_domain_weights(fixture_engine: Engine) -> None:
    bank = fixture_bank(fixture_engine)
    exam = fixture_engine.kb.default_exam
    drawn = draw_exam(bank, exam, 5, seed=3)
    assert sorted(q.domain for q in drawn) == ["one", "one", "one", "two", "two"]
    assert ids(draw_exam(bank, exam, 5, seed=3)) == ids(drawn)
    assert len(draw_exam(bank, exam, 50, seed=3)) == 6  # never more than the bank


def test_drills_are_seeded(fixture_engine: Engine) -> None:
    bank = fixture_bank(fixture_engine)
    assert ids(draw_drill(bank, 3, 1)) == ids(draw_drill(bank, 3, 1))
    assert len(set(ids(draw_drill(bank, 3, 1)))) == 3
    assert len({tuple(ids(draw_drill(bank, 6, seed))) for seed in range(5)}) > 1


def test_review_and_due_draws(fixture_engine: Engine) -> None:
    bank = fixture_bank(fixture_engine)
    assert ids(draw_review(bank, ["spark_team_lake", "gone", "small_fast_stream"], 5)) == [
        "spark_team_lake",
        "small_fast_stream",
    ]
    due = draw_due(bank, ["sql_team_warehouse"], ["1.1"], {"sql_team_warehouse", "small_fast_stream"}, 3, 1)
    assert due[0].id == "sql_team_warehouse"
    assert [q.domain for q in due[1:]] == ["one", "one"]  # new questions of the due task first
    assert "small_fast_stream" not in ids(due)  # seen and not due
