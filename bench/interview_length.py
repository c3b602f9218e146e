"""How many questions the adaptive interview asks, over the shipped scenario bank.

Each scenario is an oracle: the interview asks, the scenario's answer is given (a question
the scenario does not answer is skipped, "I don't know"). Two runs: the whole pipeline, and
a focus on the stages the scenario is about (its expected stages and its practice
question's stage). Prints the median number of questions asked until the interview stops
(skips included) against the size of the questionnaire, how often the interview's top picks
of the expected stages agree with the picks from the scenario's full answers, and how long
choosing the next question takes.

    python bench/interview_length.py
"""

from __future__ import annotations

import statistics
import time
from dataclasses import dataclass, field

from advisor.engine.engine import Engine
from advisor.interview import Interview
from advisor.knowledge import load_knowledge
from advisor.knowledge.answers import Scenario
from advisor.knowledge.scenarios import read_scenario, scenario_files
from advisor.knowledge.values import Value


@dataclass
class Tally:
    """Questions asked, agreement and step times over the bank, for one way of interviewing."""

    asked: list[int] = field(default_factory=list)
    step_ms: list[float] = field(default_factory=list)
    agree: int = 0
    total: int = 0


def focus_of(scenario: Scenario) -> tuple[str, ...]:
    stages = dict.fromkeys(scenario.expect)
    if scenario.question is not None:
        stages[scenario.question.stage] = None
    return tuple(stages)


def interview(
    engine: Engine, scenario: Scenario, answers: dict[str, Value | None], focus: tuple[str, ...], tally: Tally
) -> None:
    lens = scenario.lens or "exam"
    session = Interview.start(engine, lens=lens, focus=focus, design=scenario.design_nodes)
    asked = 0
    while True:
        start = time.perf_counter()
        question = session.next_question()
        tally.step_ms.append((time.perf_counter() - start) * 1000)
        if question is None:
            break
        asked += 1
        if answers.get(question.id) is None:
            session.skip(question.id)
        else:
            session.answer(question.id, answers[question.id])
    tally.asked.append(asked)
    full = engine.run(answers, lens, design=scenario.design_nodes)
    result = session.result()
    for stage in focus_of(scenario):
        tally.total += 1
        tally.agree += result.top(stage) == full.top(stage)


def report(name: str, tally: Tally, questions: int) -> None:
    median = statistics.median(tally.asked)
    steps = sorted(tally.step_ms)
    p95 = steps[int(0.95 * (len(steps) - 1))]
    print(
        f"{name}: questions asked median {median:g} ({median / questions:.0%} of {questions}), "
        f"min {min(tally.asked)}, max {max(tally.asked)}; "
        f"top picks equal to the full answers' on {tally.agree}/{tally.total} "
        f"({tally.agree / tally.total:.1%}) expected stages; "
        f"next question p50 {statistics.median(steps):.1f} ms, p95 {p95:.1f} ms, max {steps[-1]:.1f} ms"
    )


def main() -> None:
    kb = load_knowledge()
    engine = Engine(kb)
    whole, focused = Tally(), Tally()
    paths = scenario_files()
    for path in paths:
        scenario, answers = read_scenario(kb, path)
        interview(engine, scenario, answers, (), whole)
        interview(engine, scenario, answers, focus_of(scenario), focused)
    print(f"scenarios: {len(paths)}; questions in the knowledge: {len(kb.questions)}")
    report("whole pipeline", whole, len(kb.questions))
    report("focused on the scenario's stages", focused, len(kb.questions))


if __name__ == "__main__":
    main()
