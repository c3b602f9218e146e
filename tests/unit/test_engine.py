"""Forward chaining: quantification, chaining, conflicts, lenses, assumptions, determinism."""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path

import pytest

from advisor.engine.engine import Engine
from advisor.errors import AnswersError
from advisor.knowledge import KnowledgeBase, load_knowledge
from advisor.render.json_format import render_json

from fixtures_path import FIXTURE_KB


def test_derived_fact_triggers_a_later_rule(fixture_engine: Engine) -> None:
    result = fixture_engine.run({"arrival": "stream"})
    assert [(d.fact, d.value) for d in result.derived] == [("needs_stream", True)]
    assert result.firing(result.derived[0].firing).rule == "ING-001"
    stage = result.stage("ingestion")
    assert stage is not None
    assert [c.node for c in stage.candidates] == ["stream_a", "buffer_b"]
    assert [result.firing(s.firing).rule for s in stage.candidates[0].support] == ["ING-002"]


def test_for_each_excludes_every_node_slower_than_required(fixture_engine: Engine) -> None:
    result = fixture_engine.run({"arrival": "stream", "speed": "fast"})
    stage = result.stage("ingestion")
    assert stage is not None
    excluded = {e.node: e for e in stage.exclusions}
    assert set(excluded) == {"buffer_b", "batch_c", "old_d", "new_e"}
    assert excluded["buffer_b"].reasons == ("Buffer B delivers medium at best, but fast is needed.",)
    assert result.top("ingestion") == "stream_a"


def test_number_answers_convert_units_before_comparing(fixture_engine: Engine) -> None:
    result = fixture_engine.run({"arrival": "stream", "record_mb": "1500 KB"})
    stage = result.stage("ingestion")
    assert stage is not None
    exclusion = stage.exclusion("stream_a")
    assert exclusion is not None
    assert exclusion.reasons == ("Stream A accepts records up to 1 MB; yours are 1.5 MB.",)
    assert [w.text for w in stage.warnings] == ["Stream A takes at most 1 MB."]
    assert result.top("ingestion") == "buffer_b"


def test_rule_without_condition_always_fires(fixture_engine: Engine) -> None:
    assert fixture_engine.run({}).top("storage") == "lake"


def test_scores_add_up_and_rank(fixture_engine: Engine) -> None:
    result = fixture_engine.run({"skills": ["sql"]})
    stage = result.stage("storage")
    assert stage is not None
    assert [(c.node, c.score) for c in stage.candidates] == [("warehouse", 2), ("lake", 1)]


def test_conflicting_derivations_keep_the_higher_salience(fixture_engine: Engine) -> None:
    result = fixture_engine.run({"wants_managed": True, "skills": ["sql"]})
    assert dict(result.facts)["tier"] == "gold"
    assert [(c.fact, c.kept, c.rejected) for c in result.conflicts] == [("tier", "gold", "silver")]
    assert result.firing(result.conflicts[0].firing).rule == "STO-004"


def test_unanswered_question_uses_its_assumption(fixture_engine: Engine) -> None:
    result = fixture_engine.run({})
    assert [(a.question, a.value) for a in result.assumptions] == [("arrival", "batch")]
    assert result.top("ingestion") == "old_d"


def test_answer_to_an_irrelevant_question_is_ignored(fixture_engine: Engine) -> None:
    result = fixture_engine.run({"arrival": "batch", "speed": "fast"})
    assert [(i.question, i.value) for i in result.ignored] == [("speed", "fast")]
    assert "speed" not in dict(result.facts)


def test_current_lens_replaces_a_closed_service_with_its_successor(fixture_engine: Engine) -> None:
    exam = fixture_engine.run({"arrival": "batch"}, "exam")
    current = fixture_engine.run({"arrival": "batch"}, "current")
    assert exam.top("ingestion") == "old_d"
    assert current.top("ingestion") == "new_e"
    stage = current.stage("ingestion")
    assert stage is not None
    successor = stage.candidate("new_e")
    assert successor is not None
    assert (successor.score, successor.stands_in_for) == (3, ("old_d",))
    assert [s.via for s in successor.support] == ["old_d"]
    closed = stage.exclusion("old_d")
    assert closed is not None and closed.by_lens
    assert closed.reasons == (
        "Old D is closed to new customers since 2025-01-01; new customers use New E instead.",
    )
    assert closed.sources == ("https://docs.aws.amazon.com/d-status",)
    assert [(d.stage, d.exam, d.current) for d in current.lens_differences] == [
        ("ingestion", "old_d", "new_e")
    ]


def test_lenses_agree_when_no_closed_service_is_involved(fixture_engine: Engine) -> None:
    result = fixture_engine.run({"arrival": "stream"}, "current")
    assert result.lens_differences == ()


def test_unknown_answer_values_are_refused(fixture_engine: Engine) -> None:
    with pytest.raises(AnswersError, match="'sometimes' is not a value of 'arrival'"):
        fixture_engine.run({"arrival": "sometimes"})
    with pytest.raises(AnswersError, match="unknown lens 'future'"):
        fixture_engine.run({}, "future")  # type: ignore[arg-type]


def test_shuffled_answers_give_byte_identical_json(fixture_kb: KnowledgeBase, fixture_engine: Engine) -> None:
    answers = {
        "arrival": "stream",
        "speed": "medium",
        "record_mb": 2,
        "skills": ["spark", "sql"],
        "wants_managed": True,
    }
    expected = render_json(fixture_kb, fixture_engine.run(answers, "current"))
    rng = random.Random(7)
    for _ in range(10):
        items = list(answers.items())
        rng.shuffle(items)
        assert render_json(fixture_kb, fixture_engine.run(dict(items), "current")) == expected


def test_rule_and_file_order_do_not_change_the_result(tmp_path, fixture_kb: KnowledgeBase) -> None:  # type: ignore[no-untyped-def]
    """Firing order is decided by stratum, salience and id, never by where a rule is written."""
    import yaml

    rules = yaml.safe_load((FIXTURE_KB / "rules.yaml").read_text())["rules"]
    rng = random.Random(3)
    answers = {"arrival": "stream", "speed": "medium", "wants_managed": True, "skills": ["sql"]}
    expected = render_json(fixture_kb, Engine(fixture_kb).run(answers))
    for attempt in range(3):
        root = tmp_path / f"kb{attempt}"
        root.mkdir()
        for name in ("vocabulary", "graph"):
            (root / f"{name}.yaml").write_text((FIXTURE_KB / f"{name}.yaml").read_text())
        rng.shuffle(rules)
        half = len(rules) // 2
        (root / "a.yaml").write_text(yaml.safe_dump({"rules": rules[half:]}))
        (root / "b.yaml").write_text(yaml.safe_dump({"rules": rules[:half]}))
        shuffled = load_knowledge(root, use_cache=False)
        assert render_json(shuffled, Engine(shuffled).run(answers)) == expected


def test_trace_records_facts_read_and_rendered_reason(fixture_engine: Engine) -> None:
    result = fixture_engine.run({"arrival": "stream", "speed": "fast"})
    firing = next(f for f in result.firings if f.rule == "ING-003" and f.node == "buffer_b")
    assert firing.facts == (("speed", "fast"),)
    assert firing.sources == ("https://docs.aws.amazon.com/r3",)
    assert firing.stage == "ingestion"


def test_for_each_ranges_are_decided_again_when_the_facts_they_read_change(fixture_kb: KnowledgeBase) -> None:
    """The nodes passing a `where` are remembered by the facts it reads: one engine asked in
    turn about different speeds must agree with a fresh engine for each."""
    engine = Engine(fixture_kb)
    for speed in ["fast", "medium", "slow", "fast", "medium"]:
        answers = {"arrival": "stream", "speed": speed}
        remembered = engine.run(answers, compare_lenses=False).stage("ingestion")
        fresh = Engine(fixture_kb).run(answers, compare_lenses=False).stage("ingestion")
        assert remembered is not None and fresh is not None
        assert [e.node for e in remembered.exclusions] == [e.node for e in fresh.exclusions]
        assert remembered.exclusions == fresh.exclusions


def test_a_rule_gated_by_any_fires_once_for_one_or_several_holding_parts(
    kb_with: Callable[..., Path],
) -> None:
    """A rule whose condition is an `any` of tests against constants is queued when one part
    holds (more holding parts must not queue it twice), and not at all when none does."""
    root = kb_with(
        gate="rules:\n"
        "  - id: STO-900\n"
        "    title: Either a stream or fast delivery\n"
        "    stage: storage\n"
        "    when: {any: [{fact: arrival, eq: stream}, {fact: wants_managed, eq: true}, {fact: skills, contains: sql}]}\n"
        "    then: [{recommend: lake, weight: 5}]\n"
        "    because: Gated.\n"
        '    sources: ["https://docs.aws.amazon.com/s9"]\n'
    )
    engine = Engine(load_knowledge(root))
    fired = [
        [f.rule for f in engine.run(answers).firings].count("STO-900")
        for answers in (
            {"arrival": "stream", "wants_managed": True, "skills": ["sql"]},  # all three parts hold
            {"arrival": "batch", "wants_managed": False, "skills": ["sql", "spark"]},  # one holds
            {"arrival": "batch", "wants_managed": False, "skills": ["spark"]},  # none holds
        )
    ]
    assert fired == [1, 1, 0]


def test_a_warning_is_worded_with_the_facts_known_when_its_rule_fired(kb_with: Callable[..., Path]) -> None:
    """A warning is rendered when read, unless it names a derived fact its rule does not read
    (that fact could be concluded later): then it keeps the words it had when the rule fired."""
    root = kb_with(
        late="rules:\n"
        "  - id: STO-901\n"
        "    title: Warns before the tier is known\n"
        "    stage: storage\n"
        "    salience: 10\n"
        "    then: [{warn: 'Tier so far: {fact.tier}; arrival {fact.arrival}.'}]\n"
        "    because: Early.\n"
        '    sources: ["https://docs.aws.amazon.com/s9"]\n'
        "  - id: STO-902\n"
        "    title: Sets the tier\n"
        "    stage: storage\n"
        "    then: [{derive: tier, value: gold}]\n"
        "    because: Late.\n"
        '    sources: ["https://docs.aws.amazon.com/s9"]\n'
    )
    result = Engine(load_knowledge(root)).run({"arrival": "batch"})
    storage = result.stage("storage")
    assert storage is not None
    assert ("tier", "gold") in [(d.fact, d.value) for d in result.derived]  # concluded after the warning
    assert [w.text for w in storage.warnings] == ["Tier so far: unknown; arrival in batches."]
