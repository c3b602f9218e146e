"""Trace equality: every Result the engine gives for the shipped scenarios (and the fixture
answer sets) under both lenses is, byte for byte, the one recorded in `trace_golden.json`:
every firing with its rendered reason, candidates, exclusions, warnings, diagnoses, derived
facts, assumptions and lens differences; and the interview asks the same questions, with
the same impacts, in the same order. It guards rewrites of the engine for speed.

The recorded digests are only valid for the knowledge they were made from: when the shipped
knowledge or scenarios change, regenerate them with the engine as it was *before* the engine
change under test (or with an unchanged engine after a knowledge change):

    .venv/bin/python tests/scenarios/test_trace_golden.py --write
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from advisor.check.scenario import design_scenario_files, read_design_scenario
from advisor.engine.engine import Engine
from advisor.engine.result import Result
from advisor.interview import Interview
from advisor.knowledge import KnowledgeBase, load_knowledge
from advisor.knowledge.loader import knowledge_files
from advisor.knowledge.scenarios import read_scenario, scenario_files
from advisor.resources import rules_dir, scenarios_dir

sys.path.insert(0, str(Path(__file__).parent.parent))
from fixtures_path import FIXTURE_KB, FIXTURE_SCENARIOS, FIXTURES

GOLDEN = Path(__file__).with_name("trace_golden.json")
LENSES = ("exam", "current")


@dataclass(frozen=True)
class Case:
    """One answer set of one knowledge base, with its design and focus."""

    name: str
    answers: dict[str, Any]
    design: dict[str, frozenset[str]]
    focus: tuple[str, ...]


def canonical(value: Any) -> Any:
    """JSON-ready, independent of set order and hash seed."""
    if isinstance(value, frozenset | set):
        return sorted(canonical(item) for item in value)
    if isinstance(value, dict):
        return {key: canonical(item) for key, item in value.items()}
    if isinstance(value, tuple | list):
        return [canonical(item) for item in value]
    return value


def result_record(result: Result) -> dict[str, Any]:
    """Everything a face can read from a Result, by public attribute name."""
    return canonical(
        {
            "lens": result.lens,
            "facts": result.facts,
            "assumptions": [(a.question, a.value, a.because) for a in result.assumptions],
            "ignored": [(i.question, i.value) for i in result.ignored],
            "stages": [
                (
                    s.stage,
                    s.name,
                    [
                        (
                            c.node,
                            c.name,
                            c.score,
                            [(x.firing, x.weight, x.via) for x in c.support],
                            c.state,
                            c.stands_in_for,
                        )
                        for c in s.candidates
                    ],
                    [(e.node, e.name, e.firings, e.reasons, e.by_lens, e.sources) for e in s.exclusions],
                    [(w.text, w.firing) for w in s.warnings],
                    s.not_needed,
                    s.within,
                    s.top.node if s.top else None,
                )
                for s in result.stages
            ],
            "derived": [(d.fact, d.value, d.firing, d.formula) for d in result.derived],
            "conflicts": [(c.fact, c.kept, c.rejected, c.firing) for c in result.conflicts],
            "firings": [
                (f.number, f.rule, f.title, f.stage, f.node, f.facts, f.because, f.sources, f.exam)
                for f in result.firings
            ],
            "lens_differences": [(d.stage, d.exam, d.current) for d in result.lens_differences],
            "diagnoses": [
                (d.symptom, d.cause, d.firing, [(x.stage, x.node, x.weight) for x in d.fixes])
                for d in result.diagnoses
            ],
            "focus": result.focus,
            "design": result.design,
        }
    )


def digest(result: Result) -> str:
    text = json.dumps(result_record(result), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()[:24]


def shipped_cases(kb: KnowledgeBase) -> Iterator[Case]:
    for path in scenario_files():
        scenario, values = read_scenario(kb, path)
        name = str(path.relative_to(scenarios_dir()).with_suffix(""))
        yield Case(name, values, scenario.design_nodes, scenario.focus_stages)
    for path in design_scenario_files():
        design = read_design_scenario(kb, path).design
        name = str(path.relative_to(scenarios_dir()).with_suffix(""))
        yield Case(name, design.values, design.nodes, design.file.focus_stages)


def fixture_cases(kb: KnowledgeBase) -> Iterator[Case]:
    for path in sorted([*(FIXTURES / "answers").glob("*.yaml"), *FIXTURE_SCENARIOS.rglob("*.yaml")]):
        from advisor.knowledge.answers import read_answers

        parsed, values = read_answers(kb, path)
        yield Case(
            str(path.relative_to(FIXTURES).with_suffix("")), values, parsed.design_nodes, parsed.focus_stages
        )


def digests(kb: KnowledgeBase, cases: Iterator[Case]) -> dict[str, str]:
    engine = Engine(kb)
    found = {}
    for case in cases:
        for lens in LENSES:
            result = engine.run(case.answers, lens, design=case.design, focus=case.focus)
            found[f"{case.name}/{lens}"] = digest(result)
    return found


def interview_digests(kb: KnowledgeBase) -> dict[str, str]:
    """The questions the interview asks, in order, with what each answer could change and
    the stop reason, for every thirtieth scenario (answering from it, skipping what it leaves out)."""
    engine = Engine(kb)
    found = {}
    for path in scenario_files()[::30]:
        scenario, answers = read_scenario(kb, path)
        for focus in ((), tuple(scenario.expect)):
            interview = Interview.start(engine, lens=scenario.lens or "exam", focus=focus)
            steps = []
            while (question := interview.next_question()) is not None:
                steps.append((question.id, [repr(impact) for impact in interview.impacts(question.id)]))
                value = answers.get(question.id)
                interview.skip(question.id) if value is None else interview.answer(question.id, value)
            steps.append(("stop", [str(interview.stop_reason())]))
            name = f"{path.stem}/{'focus' if focus else 'all'}"
            found[name] = hashlib.sha256(json.dumps(steps).encode()).hexdigest()[:24]
    return found


def knowledge_key(*roots: Path) -> str:
    """The content of the knowledge folders and scenario files the digests were made from."""
    named = [(root, path) for root in roots for path in knowledge_files(root)]
    named += [(scenarios_dir(), path) for path in scenarios_dir().rglob("*") if path.is_file()]
    named += [(FIXTURES, path) for path in FIXTURES.rglob("*.yaml")]
    digest = hashlib.sha256()
    for root, path in sorted(named):  # by content and place in its folder, not by checkout path
        digest.update(f"{root.name}/{path.relative_to(root).as_posix()}\0".encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def current_golden(shipped: KnowledgeBase, fixture: KnowledgeBase) -> dict[str, Any]:
    return {
        "knowledge": knowledge_key(rules_dir(), FIXTURE_KB),
        "shipped": digests(shipped, shipped_cases(shipped)),
        "fixture": digests(fixture, fixture_cases(fixture)),
        "interview": interview_digests(shipped),
    }


@pytest.fixture(scope="module")
def golden() -> dict[str, Any]:
    recorded: dict[str, Any] = json.loads(GOLDEN.read_text(encoding="utf-8"))
    if recorded["knowledge"] != knowledge_key(rules_dir(), FIXTURE_KB):
        pytest.skip("the knowledge or scenarios changed since trace_golden.json was written: regenerate it")
    return recorded


@pytest.mark.parametrize("part", ["shipped", "fixture"])
def test_every_result_equals_the_recorded_one(
    golden: dict[str, Any], kb: KnowledgeBase, fixture_kb: KnowledgeBase, part: str
) -> None:
    base = kb if part == "shipped" else fixture_kb
    cases = shipped_cases(base) if part == "shipped" else fixture_cases(base)
    found = digests(base, cases)
    assert sorted(found) == sorted(golden[part])
    changed = [name for name, value in found.items() if golden[part][name] != value]
    assert not changed, f"{len(changed)} results differ, first: {changed[:5]}"


def test_the_interview_asks_the_recorded_questions(golden: dict[str, Any], kb: KnowledgeBase) -> None:
    found = interview_digests(kb)
    assert sorted(found) == sorted(golden["interview"])
    changed = [name for name, value in found.items() if golden["interview"][name] != value]
    assert not changed, f"{len(changed)} interviews differ, first: {changed[:5]}"


if __name__ == "__main__":
    if sys.argv[1:] != ["--write"]:
        raise SystemExit(__doc__)
    shipped, fixture = load_knowledge(use_cache=False), load_knowledge(FIXTURE_KB, use_cache=False)
    GOLDEN.write_text(json.dumps(current_golden(shipped, fixture), indent=1, sort_keys=True) + "\n")
    print(f"wrote {GOLDEN}")
