"""The adaptive interview over the scenario bank: shorter than the questionnaire, same picks.

Each scenario answers the questions it knows and skips the rest.
Every tenth scenario is used (a fixed sample) to keep the suite fast; `bench/interview_length.py`
runs them all.
"""

from __future__ import annotations

import statistics

from advisor.engine.engine import Engine
from advisor.interview import Interview
from advisor.knowledge import KnowledgeBase
from advisor.knowledge.scenarios import read_scenario, scenario_files


def test_interview_asks_fewer_questions_and_reaches_the_same_top_picks(kb: KnowledgeBase) -> None:
    engine = Engine(kb)
    asked_counts, agree, total = [], 0, 0
    for path in scenario_files()[::10]:
        scenario, answers = read_scenario(kb, path)
        interview = Interview.start(engine, lens=scenario.lens or "exam")
        asked = 0
        while (question := interview.next_question()) is not None:
            asked += 1
            value = answers.get(question.id)
            interview.skip(question.id) if value is None else interview.answer(question.id, value)
        asked_counts.append(asked)
        full = engine.run(answers, scenario.lens or "exam")
        for stage in scenario.expect:
            total += 1
            agree += interview.result().top(stage) == full.top(stage)
    assert statistics.median(asked_counts) < len(kb.questions)
    assert agree / total >= 0.95
