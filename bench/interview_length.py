"""How many questions the adaptive interview asks, over the shipped scenario bank.

Each scenario is an oracle: the interview asks, the scenario's answer is given (a question
the scenario does not answer is skipped, "I don't know"). Prints the median number of
questions asked until the interview stops, against the size of the full questionnaire, and
how often the interview's top picks agree with the picks from the scenario's full answers.

    python bench/interview_length.py
"""

from __future__ import annotations

import statistics
import time

from advisor.engine.engine import Engine
from advisor.interview import Interview
from advisor.knowledge import load_knowledge
from advisor.knowledge.scenarios import check_scenario, read_scenario, scenario_files


def main() -> None:
    kb = load_knowledge()
    engine = Engine(kb)
    asked_counts, step_times = [], []
    agree = total = passed = 0
    for path in scenario_files():
        scenario, answers = read_scenario(kb, path)
        interview = Interview.start(engine, lens=scenario.lens or "exam")
        asked = 0
        while True:
            start = time.perf_counter()
            question = interview.next_question()
            step_times.append((time.perf_counter() - start) * 1000)
            if question is None:
                break
            asked += 1
            if answers.get(question.id) is None:
                interview.skip(question.id)
            else:
                interview.answer(question.id, answers[question.id])
        asked_counts.append(asked)
        full = engine.run(answers, scenario.lens or "exam")
        result = interview.result()
        for stage in scenario.expect:
            total += 1
            agree += result.top(stage) == full.top(stage)
        passed += not check_scenario(scenario, result)
    print(f"scenarios: {len(asked_counts)}; questions in the knowledge: {len(kb.questions)}")
    print(
        f"questions asked until the stop: median {statistics.median(asked_counts)}, "
        f"min {min(asked_counts)}, max {max(asked_counts)}"
    )
    print(f"expected stages whose top equals the full-answers top: {agree}/{total}")
    print(f"scenarios whose expectations the interview's answers already meet: {passed}/{len(asked_counts)}")
    print(
        f"time to choose the next question: median {statistics.median(step_times):.1f} ms, "
        f"max {max(step_times):.1f} ms"
    )


if __name__ == "__main__":
    main()
