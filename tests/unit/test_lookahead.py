"""The lookahead's remembered picks equal a fresh run's, for every single-answer change: a
stage's pick is keyed by the facts reaching it, and a key that left out a fact that matters
would show here as a pick carried over from another state."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from advisor.engine.engine import Engine
from advisor.engine.explain import alternatives
from advisor.engine.lookahead import Lookahead
from advisor.engine.reach import facts_reaching
from advisor.engine.result import Lens
from advisor.knowledge import KnowledgeBase
from advisor.knowledge.scenarios import read_scenario, scenario_files


@pytest.mark.parametrize("lens", ["exam", "current"])
def test_every_single_change_gives_the_fresh_runs_picks(kb: KnowledgeBase, lens: str) -> None:
    engine = Engine(kb)  # one engine: its memo fills across answer sets, as in an interview
    reference = Engine(kb)  # `top_picks` without `stages` reasons afresh, no memo
    stages = tuple(kb.stages)
    for path in scenario_files()[::15]:
        _, answers = read_scenario(kb, path)
        partial = dict(list(answers.items())[: len(answers) // 2])
        ahead = Lookahead(engine, partial, lens, None)  # type: ignore[arg-type]
        fresh = reference.top_picks(partial, lens)  # type: ignore[arg-type]
        assert ahead.picks(stages) == {stage: fresh.get(stage) for stage in stages}
        for question in [q.id for q in engine.relevant(partial, lens)][::3]:
            for value in alternatives(kb, question, partial.get(question)):
                trial = ahead.picks_if(question, value, stages)
                fresh = reference.top_picks({**partial, question: value}, lens)  # type: ignore[arg-type]
                assert trial == {stage: fresh.get(stage) for stage in stages}, (path.name, question, value)


def test_a_stage_is_reached_through_derived_facts(fixture_kb: KnowledgeBase) -> None:
    """`ingestion` is decided by rules reading `needs_stream` (derived from `arrival`),
    `speed` and `record_mb`; `skills` only reaches storage."""
    assert facts_reaching(fixture_kb, "ingestion") == {"arrival", "needs_stream", "speed", "record_mb"}
    assert "skills" in facts_reaching(fixture_kb, "storage")


# -- property tests on random answer sets of the shipped knowledge ------------------------------


@lru_cache(maxsize=4)
def _engine(kb: KnowledgeBase) -> Engine:
    """One engine per knowledge base across examples: its memos fill, as in an interview."""
    return Engine(kb)


@lru_cache(maxsize=4)
def _designs(kb: KnowledgeBase) -> tuple[dict[str, frozenset[str]] | None, ...]:
    """No design, and the designs of a few shipped scenarios."""
    found = [read_scenario(kb, path)[0].design_nodes for path in scenario_files()]
    return (None, *[design for design in found if design][:5])


@st.composite
def states(
    draw: st.DrawFn, kb: KnowledgeBase
) -> tuple[dict[str, Any], Lens, dict[str, frozenset[str]] | None]:
    """A random set of valid answers (any question, relevant or not), a lens and a design."""
    questions = draw(st.lists(st.sampled_from(sorted(kb.questions)), max_size=12, unique=True))
    answers = {q: draw(st.sampled_from(alternatives(kb, q, None))) for q in questions}
    return answers, draw(st.sampled_from(["exam", "current"])), draw(st.sampled_from(_designs(kb)))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_a_run_of_the_rules_reaching_some_stages_gives_them_a_full_runs_picks(
    kb: KnowledgeBase, data: st.DataObject
) -> None:
    answers, lens, design = data.draw(states(kb))
    stages = data.draw(st.lists(st.sampled_from(sorted(kb.stages)), min_size=1, max_size=4, unique=True))
    engine = _engine(kb)
    full = engine.top_picks(answers, lens, design=design)  # every rule, no memo
    assert engine.picks_of(engine.facts_of(answers, lens, design), lens, stages) == {
        stage: full.get(stage) for stage in stages
    }


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_a_lookahead_after_an_answer_is_the_one_started_from_those_answers(
    kb: KnowledgeBase, data: st.DataObject
) -> None:
    """The state after an answer is worked out from the one before (only the facts of the
    questions whose relevance flips change): it must be the state a fresh start gives, and so
    must its picks, for questions that open or close others above all."""
    answers, lens, design = data.draw(states(kb))
    engine = _engine(kb)
    ahead = Lookahead(engine, answers, lens, design)
    gating = [q for q in ahead.order if q in engine.compiled.gating_facts]
    question = data.draw(st.sampled_from(gating or list(ahead.order)) | st.sampled_from(sorted(kb.questions)))
    value = data.draw(st.sampled_from(alternatives(kb, question, answers.get(question))))
    answered = {**answers, question: value}
    fresh = Lookahead(engine, answered, lens, design)
    after = ahead.after(question, value)
    assert (after.facts, after.order, after.relevant) == (fresh.facts, fresh.order, fresh.relevant)
    stages = tuple(kb.stages)
    full = engine.top_picks(answered, lens, design=design)
    assert ahead.picks_if(question, value, stages) == {stage: full.get(stage) for stage in stages}
    assert after.picks(stages) == ahead.picks_if(question, value, stages)
