"""Decisions within a stage, picks read across stages (coherence), formulas, designs and
diagnoses, on the fixture knowledge plus tests/fixtures/kb_decisions."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from advisor.engine.engine import Engine
from advisor.engine.explain import explain
from advisor.errors import KnowledgeError
from advisor.interview import Interview
from advisor.knowledge import load_knowledge

from fixtures_path import FIXTURES

DECISIONS = FIXTURES / "kb_decisions" / "decisions.yaml"


@pytest.fixture
def engine(kb_with: Callable[..., Path]) -> Engine:
    root = kb_with()
    shutil.copy(DECISIONS, root / "decisions.yaml")
    return Engine(load_knowledge(root, use_cache=False))


def test_a_decision_within_a_stage_follows_the_stage_pick(engine: Engine) -> None:
    streaming = engine.run({"arrival": "stream", "speed": "fast"}, compare_lenses=False)
    assert streaming.top("ingestion") == "stream_a"
    capacity = streaming.stage("capacity")
    assert capacity is not None and capacity.within == "ingestion"
    assert streaming.top("capacity") == "cap_provisioned"
    batch = engine.run({"arrival": "batch"}, compare_lenses=False)
    assert batch.top("capacity") is None


def test_a_pick_read_by_a_rule_is_in_its_trace(engine: Engine) -> None:
    result = engine.run({"arrival": "stream", "speed": "fast"}, compare_lenses=False)
    (firing,) = [f for f in result.firings if f.rule == "CAP-001"]
    assert ("pick:ingestion", "stream_a") in firing.facts


def test_formula_derives_a_number_and_shows_its_working(engine: Engine) -> None:
    result = engine.run({"arrival": "stream", "speed": "fast", "write_mb_s": 250}, compare_lenses=False)
    (shards,) = [d for d in result.derived if d.fact == "shards"]
    assert shards.value == 250
    assert shards.formula == "shards = ceil(write_mb_s / 1) = ceil(250 / 1) = 250 shards"
    assert result.top("capacity") == "cap_on_demand"
    few = engine.run({"arrival": "stream", "speed": "fast", "write_mb_s": 20}, compare_lenses=False)
    assert few.top("capacity") == "cap_provisioned"


def test_a_formula_with_an_unknown_input_concludes_nothing(engine: Engine) -> None:
    result = engine.run({"arrival": "stream", "speed": "fast"}, compare_lenses=False)
    assert "shards" not in dict(result.facts)
    assert not [f for f in result.firings if f.rule == "CAP-002"]


def test_a_pick_can_settle_another_stage_as_not_needed(engine: Engine) -> None:
    result = engine.run({"skills": ["sql"]}, compare_lenses=False)
    assert result.top("storage") == "warehouse"
    training = result.stage("training")
    assert training is not None and training.not_needed and training.top is None
    assert [c.node for c in training.candidates] == ["trainer"]
    why = explain(engine.kb, result, "training", "trainer")
    assert why.verdict == "not_needed"
    assert "nothing is trained" in why.summary
    assert engine.top_picks({"skills": ["sql"]}, "exam")["training"] is None
    assert engine.run({}, compare_lenses=False).top("training") == "trainer"


def test_a_diagnosis_names_the_symptom_cause_and_fixes(engine: Engine) -> None:
    design = {"ingestion": frozenset({"stream_a"})}
    result = engine.run({"throttled": True}, design=design, compare_lenses=False)
    (diagnosis,) = result.diagnoses
    assert diagnosis.symptom == "throttled"
    assert diagnosis.cause == "Stream A's shards take fewer writes than arrive."
    assert [(f.stage, f.node, f.weight) for f in diagnosis.fixes] == [("capacity", "cap_on_demand", 5)]
    assert result.firing(diagnosis.firing).rule == "DIA-001"
    assert result.design == (("ingestion", ("stream_a",)),)


def test_symptoms_of_a_service_are_asked_only_about_a_design_that_uses_it(engine: Engine) -> None:
    assert "throttled" not in {q.id for q in engine.relevant({}, "exam")}
    design = {"ingestion": frozenset({"stream_a"})}
    assert "throttled" in {q.id for q in engine.relevant({}, "exam", design)}
    ignored = engine.run({"throttled": True}, compare_lenses=False)
    assert not ignored.diagnoses and [i.question for i in ignored.ignored] == ["throttled"]


def test_top_picks_agree_with_the_full_run(engine: Engine) -> None:
    design = {"ingestion": frozenset({"stream_a"})}
    for answers in (
        {"arrival": "stream", "speed": "fast", "write_mb_s": 500},
        {"skills": ["sql"]},
        {"throttled": True},
        {},
    ):
        for lens in ("exam", "current"):
            full = engine.run(answers, lens, design=design, compare_lenses=False)
            fast = engine.top_picks(answers, lens, design=design)
            assert {s.stage: s.top.node if s.top else None for s in full.stages} == {
                stage: fast.get(stage) for stage in (s.stage for s in full.stages)
            }


def test_focus_asks_only_what_can_change_the_focused_stages(engine: Engine) -> None:
    interview = Interview.start(engine, {}, focus=("storage",))
    asked = []
    while (question := interview.next_question()) is not None:
        asked.append(question.id)
        interview.skip(question.id)
    assert set(asked) <= {"skills", "wants_managed"}
    assert "arrival" not in asked
    assert interview.result().focus == ("storage",)
    whole = Interview.start(engine, {})
    asked_whole = []
    while (question := whole.next_question()) is not None:
        asked_whole.append(question.id)
        whole.skip(question.id)
    assert "arrival" in asked_whole


def test_the_whole_pipeline_leaves_settings_to_a_focus_or_a_design(engine: Engine) -> None:
    """Decisions within a stage are asked about when their stage is the focus or runs today."""
    assert "capacity" not in Interview.start(engine, {}).decided_stages
    assert "capacity" in Interview.start(engine, {}, focus=("ingestion",)).decided_stages
    design = {"ingestion": frozenset({"stream_a"})}
    assert "capacity" in Interview.start(engine, {}, design=design).decided_stages


def test_focus_on_a_stage_includes_the_decisions_within_it(engine: Engine) -> None:
    interview = Interview.start(engine, {}, focus=("ingestion",))
    assert interview.decided_stages == ["ingestion", "capacity"]


CYCLE = """
rules:
  - id: STO-901
    title: Storage follows training
    stage: storage
    when: {pick: training, eq: trainer}
    then: [{recommend: lake}]
    because: b
    sources: ["https://docs.aws.amazon.com/x"]
"""


def test_picks_read_in_a_circle_are_refused(kb_with: Callable[..., Path]) -> None:
    root = kb_with(cycle=CYCLE)
    shutil.copy(DECISIONS, root / "decisions.yaml")
    with pytest.raises(KnowledgeError, match="rule cycle through derived facts or picks"):
        load_knowledge(root, use_cache=False)
