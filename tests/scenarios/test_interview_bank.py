"""The adaptive interview over the scenario bank: shorter than the questionnaire, same picks.

Each scenario answers the questions it knows and skips the rest. A fixed sample (every
thirtieth scenario; the whole pipeline every 120th) keeps the suite fast; `bench/interview_length.py` runs them all and
prints the figures.
"""

from __future__ import annotations

import statistics

from advisor.engine.engine import Engine
from advisor.interview import Interview
from advisor.knowledge import KnowledgeBase
from advisor.knowledge.answers import Scenario
from advisor.knowledge.scenarios import read_scenario, scenario_files
from advisor.knowledge.values import Value


def interview(
    engine: Engine, scenario: Scenario, answers: dict[str, Value | None], focus: tuple[str, ...]
) -> tuple[int, Interview]:
    session = Interview.start(engine, lens=scenario.lens or "exam", focus=focus, design=scenario.design_nodes)
    asked = 0
    while (question := session.next_question()) is not None:
        asked += 1
        value = answers.get(question.id)
        session.skip(question.id) if value is None else session.answer(question.id, value)
    return asked, session


def test_a_focused_interview_is_short_and_reaches_the_full_answers_picks(kb: KnowledgeBase) -> None:
    """Focused on the stages a scenario is about, the interview asks a few questions and
    its picks there equal the picks from the scenario's full answers."""
    engine = Engine(kb)
    asked_counts, agree, total = [], 0, 0
    for path in scenario_files()[::30]:
        scenario, answers = read_scenario(kb, path)
        focus = tuple(scenario.expect)
        asked, session = interview(engine, scenario, answers, focus)
        asked_counts.append(asked)
        full = engine.run(answers, scenario.lens or "exam", design=scenario.design_nodes)
        for stage in focus:
            total += 1
            agree += session.result().top(stage) == full.top(stage)
    assert statistics.median(asked_counts) <= 0.25 * len(kb.questions)
    assert agree / total >= 0.95


def test_the_whole_pipeline_interview_asks_fewer_questions_than_the_questionnaire(kb: KnowledgeBase) -> None:
    engine = Engine(kb)
    asked_counts = [interview(engine, *read_scenario(kb, path), ())[0] for path in scenario_files()[::120]]
    assert statistics.median(asked_counts) < 0.5 * len(kb.questions)
