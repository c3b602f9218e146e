"""The explanation queries: how, why not, and what would change the top pick."""

from __future__ import annotations

from advisor.engine.engine import Engine
from advisor.engine.explain import explain, influencing_questions, what_would_change
from advisor.knowledge import KnowledgeBase


def test_how_lists_the_firings_behind_the_top_pick(fixture_kb: KnowledgeBase, fixture_engine: Engine) -> None:
    result = fixture_engine.run({"arrival": "stream"})
    how = explain(fixture_kb, result, "ingestion", "stream_a")
    assert how.verdict == "top"
    assert [f.rule for f in how.firings] == ["ING-002"]
    assert how.summary == "Stream A is the top pick for Ingestion with score 2."


def test_why_not_for_a_lower_ranked_candidate(fixture_kb: KnowledgeBase, fixture_engine: Engine) -> None:
    result = fixture_engine.run({"arrival": "stream"})
    why = explain(fixture_kb, result, "ingestion", "buffer_b")
    assert why.verdict == "candidate"
    assert why.summary.startswith("Buffer B scores 1, below Stream A (2)")


def test_why_not_for_an_excluded_node_names_the_rule(
    fixture_kb: KnowledgeBase, fixture_engine: Engine
) -> None:
    result = fixture_engine.run({"arrival": "stream", "speed": "fast"})
    why = explain(fixture_kb, result, "ingestion", "buffer_b")
    assert why.verdict == "excluded"
    assert [f.rule for f in why.firings] == ["ING-003"]
    assert "fast is needed" in why.summary


def test_why_not_for_a_node_nobody_recommended(fixture_kb: KnowledgeBase, fixture_engine: Engine) -> None:
    result = fixture_engine.run({"arrival": "batch"})
    why = explain(fixture_kb, result, "ingestion", "stream_a")
    assert why.verdict == "not_recommended"
    assert why.could_recommend == ("ING-002",)


def test_why_not_for_a_closed_service_under_the_current_lens(
    fixture_kb: KnowledgeBase, fixture_engine: Engine
) -> None:
    result = fixture_engine.run({"arrival": "batch"}, "current")
    why = explain(fixture_kb, result, "ingestion", "old_d")
    assert why.verdict == "unavailable"
    assert "new customers use New E" in why.summary


def test_what_would_change_finds_the_answers_that_move_the_top(fixture_engine: Engine) -> None:
    changes = what_would_change(fixture_engine, {"arrival": "batch"}, "exam", "ingestion")
    assert [(c.question, c.value, c.top) for c in changes] == [("arrival", "stream", "stream_a")]


def test_what_would_change_probes_number_thresholds(fixture_engine: Engine) -> None:
    changes = what_would_change(fixture_engine, {"arrival": "stream", "record_mb": 0.5}, "exam", "ingestion")
    moved = {(c.question, c.top) for c in changes}
    assert ("record_mb", "buffer_b") in moved
    assert all(c.value > 1 for c in changes if c.question == "record_mb")


def test_influencing_questions_follow_derived_facts(fixture_kb: KnowledgeBase) -> None:
    assert influencing_questions(fixture_kb, "ingestion") == ["arrival", "speed", "record_mb"]
    assert influencing_questions(fixture_kb, "storage") == ["skills"]


def test_number_probes_stay_within_the_question_minimum(fixture_kb: KnowledgeBase) -> None:
    from advisor.engine.explain import alternatives

    probes = alternatives(fixture_kb, "record_mb", None)
    assert probes == [0.99, 1.0, 1.01, 126.72, 128.0, 129.28]
    assert all(p >= 0 for p in probes)


def test_a_count_is_probed_only_with_whole_numbers_it_accepts(kb: KnowledgeBase) -> None:
    """'What would change the pick' tries answers a person could give: a count (an integer
    question) is never probed with 0.001 or 99.5, which the answers file would refuse."""
    from advisor.engine.explain import alternatives
    from advisor.knowledge.values import coerce_value

    counts = [q for q in kb.questions.values() if q.type == "number" and q.integer]
    assert counts
    for question in counts:
        for value in alternatives(kb, question.id, None):
            assert float(value).is_integer(), (question.id, value)
            coerce_value(kb.facts[question.id], kb.scales, value)
