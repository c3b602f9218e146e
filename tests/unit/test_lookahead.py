"""The lookahead's remembered picks equal a fresh run's, for every single-answer change: a
stage's pick is keyed by the facts reaching it, and a key that left out a fact that matters
would show here as a pick carried over from another state."""

from __future__ import annotations

import pytest

from advisor.engine.engine import Engine
from advisor.engine.explain import alternatives
from advisor.engine.lookahead import Lookahead
from advisor.engine.reach import facts_reaching
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
