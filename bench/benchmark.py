"""Measure the advisor: shipped-knowledge latency, start-up, the interview, and loading at scale.

Prints numbers; asserts nothing (machines are noisy: compare figures from one run, and read
the `cpu` figures, process time, when the machine is shared). Run from the repository root:

    python bench/benchmark.py            # everything, synthetic 1,000 and 10,000 rules included
    python bench/benchmark.py --quick    # fewer repetitions, no synthetic knowledge

Targets (issue 13): shipped run p50 <= 0.25 ms one lens, <= 0.5 ms both, p99 <= 1 ms;
`advisor --help` <= 50 ms; `advisor recommend` with a warm cache <= 150 ms; the terminal app's
first screen <= 0.45 s; choosing the next interview question p95 <= 20 ms (<= 200 ms at 3,000
synthetic rules); 10,000 rules from the cache <= 0.3 s, from YAML <= 3 s.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

from synthetic import answers_for, generate, write

from advisor.engine.engine import Engine
from advisor.engine.result import Lens
from advisor.interview import Interview
from advisor.knowledge import KnowledgeBase, load_knowledge
from advisor.knowledge.scenarios import read_scenario, scenario_files

EXAMPLE = "ad_click_logs_streamed_to_linear_learner"


def timed(action: Callable[[], Any], repeat: int) -> list[float]:
    """Wall times in milliseconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return times


def summary(times: list[float]) -> str:
    ordered = sorted(times)

    def at(share: float) -> float:
        return ordered[min(len(ordered) - 1, int(len(ordered) * share))]

    p50 = statistics.median(ordered)
    return f"p50 {p50:8.3f}  p95 {at(0.95):8.3f}  p99 {at(0.99):8.3f} ms  (n={len(ordered)})"


def line(label: str, text: str) -> None:
    print(f"  {label:<44} {text}")


def latency(engine: Engine, answer_sets: list[dict[str, Any]], rounds: int, **options: Any) -> list[float]:
    times: list[float] = []
    for _ in range(rounds):
        for answers in answer_sets:
            times.extend(timed(lambda a=answers: engine.run(a, **options), 1))  # type: ignore[misc]
    return times


def shipped(kb: KnowledgeBase, rounds: int) -> None:
    print("== shipped knowledge: Engine.run over the scenario bank")
    engine = Engine(kb)
    sets = [read_scenario(kb, path)[1] for path in scenario_files()] or [{}]
    for answers in sets:
        engine.run(answers)
    line("one lens", summary(latency(engine, sets, rounds, compare_lenses=False)))
    line("both lenses compared", summary(latency(engine, sets, rounds)))


Case = tuple[Lens, dict[str, Any]]
"""A lens and the answers an interview answers from."""


def next_question_times(engine: Engine, cases: list[Case]) -> tuple[list[float], list[float]]:
    """Wall and CPU milliseconds of every `next_question` of interviews that answer from each
    (lens, answers) case, skipping what it leaves out, until they stop."""
    wall: list[float] = []
    cpu: list[float] = []
    for lens, answers in cases:
        session = Interview.start(engine, lens=lens)
        while True:
            start, used = time.perf_counter(), time.process_time()
            question = session.next_question()
            wall.append((time.perf_counter() - start) * 1000)
            cpu.append((time.process_time() - used) * 1000)
            if question is None:
                break
            value = answers.get(question.id)
            session.skip(question.id) if value is None else session.answer(question.id, value)
    return wall, cpu


def interview(kb: KnowledgeBase, step: int) -> None:
    """Interviews answering from every `step`-th scenario."""
    print("== interview: choosing the next question (shipped knowledge)")
    scenarios = [read_scenario(kb, path) for path in scenario_files()[::step]]
    wall, cpu = next_question_times(Engine(kb), [(s.lens or "exam", answers) for s, answers in scenarios])
    line("next_question, wall", summary(wall))
    line("next_question, cpu", summary(cpu))


def synthetic_interview(rule_count: int, interviews: int) -> None:
    """Interviews answering from the synthetic answer sets (half the questions each)."""
    print(f"== interview: choosing the next question (synthetic knowledge, {rule_count:,} rules, seed 1)")
    document = generate(rule_count, seed=1)
    with tempfile.TemporaryDirectory() as folder:
        kb = load_knowledge(write(document, Path(folder)))
    cases: list[Case] = [("exam", answers_for(document, seed)) for seed in range(interviews)]
    wall, cpu = next_question_times(Engine(kb), cases)
    line("next_question, wall", summary(wall))
    line("next_question, cpu", summary(cpu))


def process_times(command: list[str], repeat: int) -> tuple[list[float], list[float]]:
    """Wall and CPU (user + system) milliseconds of whole processes; the first run warms the
    knowledge cache and the OS and is not counted."""
    subprocess.run(command, capture_output=True, check=True)
    wall: list[float] = []
    cpu: list[float] = []
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(command, capture_output=True, check=True)
        wall.append((time.perf_counter() - start) * 1000)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append((after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime) * 1000)
    return wall, cpu


def console_script() -> list[str]:
    """The `advisor` a user runs (the console script beside this interpreter), else `-m advisor`."""
    script = shutil.which("advisor", path=str(Path(sys.executable).parent))
    return [script] if script else [sys.executable, "-m", "advisor"]


def start_up(repeat: int) -> None:
    advisor = console_script()
    print(f"== start-up: whole processes, warm knowledge cache ({' '.join(advisor)})")
    for label, command in (
        ("bare interpreter", [sys.executable, "-c", "pass"]),
        ("advisor --help", [*advisor, "--help"]),
        ("advisor recommend --example", [*advisor, "recommend", "--example", EXAMPLE]),
    ):
        wall, cpu = process_times(command, repeat)
        line(f"{label}, wall", summary(wall))
        line(f"{label}, cpu", summary(cpu))


FIRST_SCREEN = """
import asyncio, sys, time
from advisor.tui import make_app
from advisor.knowledge import load_knowledge

async def first_screen():
    app = make_app(load_knowledge(), None, "exam")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        print("shown", flush=True)

asyncio.run(first_screen())
"""


def tui_first_screen(repeat: int) -> None:
    """From process start until the home screen is composed and painted once (Textual's
    headless driver, as Pilot runs the app), in a fresh interpreter each time."""
    command = [sys.executable, "-c", FIRST_SCREEN]
    times: list[float] = []
    for _ in range(repeat + 1):
        start = time.perf_counter()
        with subprocess.Popen(command, stdout=subprocess.PIPE, text=True) as child:
            assert child.stdout is not None and child.stdout.readline().strip() == "shown"
            times.append((time.perf_counter() - start) * 1000)
            child.wait()
    line("TUI first screen (home), wall", summary(times[1:]))


def synthetic(rule_count: int, repeat: int) -> None:
    print(f"== synthetic knowledge, {rule_count:,} rules (seed 1)")
    document = generate(rule_count, seed=1)
    with tempfile.TemporaryDirectory() as folder:
        root = write(document, Path(folder))
        for label, use_cache in [
            ("load from YAML + validate + compile", False),
            ("the same, writing the cache", True),
            ("load from the cache (tables compiled)", True),
        ]:
            start = time.perf_counter()
            kb = load_knowledge(root, use_cache=use_cache)
            assert kb.compiled.ids
            line(label, f"{(time.perf_counter() - start) * 1000:8.1f} ms (once)")
        engine = Engine(kb)
        sets = [answers_for(document, seed) for seed in range(20)]
        result = engine.run(sets[0], compare_lenses=False)
        line("firings per run (first answer set)", str(len(result.firings)))
        line("one lens", summary(latency(engine, sets, repeat, compare_lenses=False)))


def main() -> None:
    parser = argparse.ArgumentParser(description="Measure latency, start-up, the interview and load time.")
    parser.add_argument("--quick", action="store_true", help="fewer repetitions, no synthetic knowledge")
    options = parser.parse_args()
    os.environ.setdefault("ADVISOR_CACHE_DIR", tempfile.mkdtemp(prefix="advisor-bench-"))
    print(f"Python {sys.version.split()[0]} on {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}")
    kb = load_knowledge()
    shipped(kb, 3 if options.quick else 20)
    interview(kb, 20 if options.quick else 10)
    start_up(5 if options.quick else 20)
    tui_first_screen(3 if options.quick else 10)
    if not options.quick:
        synthetic_interview(3_000, 5)
        for count in (1_000, 10_000):
            synthetic(count, 10)


if __name__ == "__main__":
    main()
