"""Data-driven: every shipped scenario, run under its lens, meets its expected outcomes."""

from __future__ import annotations

from pathlib import Path

import pytest

from advisor.engine.engine import Engine
from advisor.knowledge import KnowledgeBase
from advisor.knowledge.scenarios import check_scenario, read_scenario, run_scenario, scenario_files
from advisor.resources import scenarios_dir

FILES = scenario_files()
STARTER_STAGES = ("storage", "ingestion", "transformation", "deployment")


def _id(path: Path) -> str:
    return str(path.relative_to(scenarios_dir()).with_suffix(""))


def test_there_are_at_least_twenty_scenarios() -> None:
    assert len(FILES) >= 20


@pytest.mark.parametrize("path", FILES, ids=_id)
def test_scenario_meets_expectations(kb: KnowledgeBase, path: Path) -> None:
    """A scenario marked with a `known_gap` must still fail (strict): fixing it unmarks it."""
    scenario, values = read_scenario(kb, path)
    result = run_scenario(Engine(kb), scenario, values)
    misses = check_scenario(scenario, result)
    if scenario.known_gap:
        assert misses, f"{path.stem} passes now: remove its known_gap"
        pytest.xfail(scenario.known_gap)
    assert not misses, "\n".join(f"{m.stage}: expected {m.expected}, got {m.actual}" for m in misses)


@pytest.mark.parametrize("path", FILES, ids=_id)
def test_every_starter_stage_gets_a_justified_pick(kb: KnowledgeBase, path: Path) -> None:
    """Each example answer set settles every starter stage: a top pick backed by rules with
    sources, or "not needed" with the rule that says why (a managed API serves the model)."""
    scenario, values = read_scenario(kb, path)
    result = run_scenario(Engine(kb), scenario, values)
    for stage in STARTER_STAGES:
        outcome = result.stage(stage)
        assert outcome is not None, f"no recommendation for {stage}"
        if outcome.not_needed:
            reasons = [result.firing(index) for index in outcome.not_needed]
        else:
            assert outcome.top is not None, f"no recommendation for {stage}"
            reasons = [result.firing(support.firing) for support in outcome.top.support]
        for firing in reasons:
            assert firing.because and firing.sources, f"{firing.rule} gives no reason or source"


@pytest.mark.parametrize("lens", ["exam", "current"])
def test_fast_top_picks_agree_with_the_full_result(kb: KnowledgeBase, lens: str) -> None:
    """The untraced path the interview uses must pick exactly what the full result picks."""
    engine = Engine(kb)
    for path in FILES:
        _, values = read_scenario(kb, path)
        result = engine.run(values, lens, compare_lenses=False)  # type: ignore[arg-type]
        tops = engine.top_picks(values, lens)  # type: ignore[arg-type]
        assert {s: tops.get(s) for s in kb.stages} == {s: result.top(s) for s in kb.stages}, path.stem


def test_top_one_agreement_is_at_least_95_percent(kb: KnowledgeBase) -> None:
    """Over every `top` expectation of every scenario, known gaps included."""
    engine = Engine(kb)
    agree = total = 0
    for path in FILES:
        scenario, values = read_scenario(kb, path)
        result = run_scenario(engine, scenario, values)
        for stage, expectation in scenario.expect.items():
            if expectation.top is None:
                continue
            wanted = [expectation.top] if isinstance(expectation.top, str) else expectation.top
            total += 1
            agree += result.top(stage) in wanted
    assert total >= 150
    assert agree / total >= 0.95, f"top-1 agreement {agree}/{total}"
