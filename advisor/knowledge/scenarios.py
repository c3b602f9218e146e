"""Scenarios: answer sets with expected outcomes, and checking the engine's result against them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from advisor.engine.engine import Engine
from advisor.engine.result import Result
from advisor.errors import AnswersError
from advisor.knowledge import KnowledgeBase
from advisor.knowledge.answers import Scenario, read_answers
from advisor.knowledge.values import Value
from advisor.resources import scenarios_dir

LENS_EXCLUSION = "LENS"
"""In `excludes`, the rule id that stands for "rejected by the current lens"."""


@dataclass(frozen=True)
class Mismatch:
    """One expectation of a scenario that the result does not meet."""

    stage: str
    expected: str
    actual: str


DESIGNS_FOLDER = "designs"
"""Below the scenarios folder: design checks (`advisor check --example`), not answer sets."""


def scenario_files(root: Path | None = None, file_name: str = "*.yaml") -> list[Path]:
    """Every answers scenario below `root` (default: the shipped scenarios), sorted, or those
    called `file_name`; the design checks under designs/ are read by advisor.check.scenario."""
    base = root or scenarios_dir()
    return sorted(path for path in base.rglob(file_name) if path.relative_to(base).parts[0] != DESIGNS_FOLDER)


def read_scenario(kb: KnowledgeBase, path: Path) -> tuple[Scenario, dict[str, Value | None]]:
    parsed, values = read_answers(kb, path)
    if not isinstance(parsed, Scenario):
        raise AnswersError("a scenario needs 'id', 'title' and 'expect'", path)
    if parsed.id != path.stem:
        raise AnswersError(f"scenario id '{parsed.id}' must match the file name '{path.stem}'", path)
    return parsed, values


def run_scenario(engine: Engine, scenario: Scenario, values: dict[str, Value | None]) -> Result:
    return engine.run(
        values, scenario.lens or "exam", design=scenario.design_nodes, focus=scenario.focus_stages
    )


def check_scenario(scenario: Scenario, result: Result) -> list[Mismatch]:
    """Every expectation the result misses (empty when the scenario passes)."""
    misses: list[Mismatch] = []
    if scenario.question is not None:
        question = scenario.question
        correct = question.options[question.answer].node
        top = result.top(question.stage)
        if top != correct:
            misses.append(
                Mismatch(
                    question.stage, f"practice answer {question.answer} ({correct}) on top", f"top {top}"
                )
            )
    for stage_id, expectation in scenario.expect.items():
        stage = result.stage(stage_id)
        ranking = ", ".join(f"{c.node} ({c.score})" for c in stage.candidates) if stage else ""
        top = result.top(stage_id)
        wanted = [expectation.top] if isinstance(expectation.top, str) else expectation.top
        if wanted is not None and top not in wanted:
            misses.append(Mismatch(stage_id, f"top in {wanted}", f"top {top}; ranking: {ranking or 'empty'}"))
        settled = bool(stage and stage.not_needed)
        if expectation.not_needed is not None and settled != expectation.not_needed:
            wanted_text = "settled as not needed" if expectation.not_needed else "needed"
            misses.append(Mismatch(stage_id, wanted_text, "not needed" if settled else "needed"))
        names = {c.node for c in stage.candidates} if stage else set()
        for node in expectation.includes:
            if node not in names:
                misses.append(Mismatch(stage_id, f"{node} among the candidates", f"candidates: {ranking}"))
        for node, rule in expectation.excludes.items():
            exclusion = stage.exclusion(node) if stage else None
            by = set()
            if exclusion is not None:
                by = (
                    {LENS_EXCLUSION}
                    if exclusion.by_lens
                    else {result.firing(i).rule for i in exclusion.firings}
                )
            if rule not in by:
                misses.append(
                    Mismatch(
                        stage_id,
                        f"{node} excluded by {rule}",
                        f"excluded by {sorted(by)}" if by else "not excluded",
                    )
                )
    return misses
