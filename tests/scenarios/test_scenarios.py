"""Data-driven: every shipped scenario, run under its lens, meets its expected outcomes."""

from __future__ import annotations

from pathlib import Path

import pytest

from advisor.engine.engine import Engine
from advisor.knowledge import KnowledgeBase
from advisor.resources import scenarios_dir
from advisor.scenarios import check_scenario, read_scenario, run_scenario, scenario_files

FILES = scenario_files()
STARTER_STAGES = ("storage", "ingestion", "transformation", "deployment")


def _id(path: Path) -> str:
    return str(path.relative_to(scenarios_dir()).with_suffix(""))


def test_there_are_at_least_twenty_scenarios() -> None:
    assert len(FILES) >= 20


@pytest.mark.parametrize("path", FILES, ids=_id)
def test_scenario_meets_expectations(kb: KnowledgeBase, path: Path) -> None:
    scenario, values = read_scenario(kb, path)
    result = run_scenario(Engine(kb), scenario, values)
    misses = check_scenario(scenario, result)
    assert not misses, "\n".join(f"{m.stage}: expected {m.expected}, got {m.actual}" for m in misses)


@pytest.mark.parametrize("path", FILES, ids=_id)
def test_every_starter_stage_gets_a_justified_pick(kb: KnowledgeBase, path: Path) -> None:
    """Each example answer set yields a top pick per starter stage, backed by rules with sources."""
    scenario, values = read_scenario(kb, path)
    result = run_scenario(Engine(kb), scenario, values)
    for stage in STARTER_STAGES:
        outcome = result.stage(stage)
        assert outcome is not None and outcome.top is not None, f"no recommendation for {stage}"
        for support in outcome.top.support:
            firing = result.firing(support.firing)
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
