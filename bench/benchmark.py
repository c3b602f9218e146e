"""Measure the advisor: knowledge load, cold start of `advisor recommend`, and per-answer latency.

Prints numbers; asserts nothing (machines are noisy). Run from the repository root:

    python bench/benchmark.py            # shipped knowledge + synthetic 1,000 and 10,000 rules
    python bench/benchmark.py --quick    # fewer repetitions
"""

from __future__ import annotations

import argparse
import os
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
from advisor.knowledge import load_knowledge
from advisor.knowledge.scenarios import read_scenario, scenario_files


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
    p95 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]
    return f"p50 {statistics.median(ordered):8.3f} ms   p95 {p95:8.3f} ms   (n={len(ordered)})"


def latency(engine: Engine, answer_sets: list[dict[str, Any]], rounds: int, **options: Any) -> list[float]:
    times: list[float] = []
    for _ in range(rounds):
        for answers in answer_sets:
            times.extend(timed(lambda a=answers: engine.run(a, **options), 1))  # type: ignore[misc]
    return times


def shipped(repeat: int) -> None:
    print("== shipped knowledge")
    cold = timed(lambda: load_knowledge(use_cache=False).compiled, repeat)
    print(f"load from YAML + validate + compile     {summary(cold)}")
    assert load_knowledge().compiled  # fills the cache
    warm = timed(lambda: load_knowledge().compiled, repeat)
    print(f"load from cache + compile               {summary(warm)}")
    kb = load_knowledge()
    engine = Engine(kb)
    sets = [read_scenario(kb, path)[1] for path in scenario_files()] or [{}]
    for answers in sets:
        engine.run(answers)
    print(
        f"recommend, one lens ({len(sets)} answer sets)   "
        f"{summary(latency(engine, sets, 20, compare_lenses=False))}"
    )
    print(f"recommend, both lenses compared         {summary(latency(engine, sets, 20))}")
    example = scenario_files()[0] if scenario_files() else None
    if example is not None:
        command = [sys.executable, "-m", "advisor", "recommend", str(example)]
        subprocess.run(command, capture_output=True, check=True)
        whole = timed(lambda: subprocess.run(command, capture_output=True, check=True), max(5, repeat * 2))
        print(f"cold start `advisor recommend` process  {summary(whole)}")


def synthetic(rule_count: int, repeat: int) -> None:
    print(f"== synthetic knowledge, {rule_count:,} rules (seed 1)")
    document = generate(rule_count, seed=1)
    with tempfile.TemporaryDirectory() as folder:
        root = write(document, Path(folder))
        start = time.perf_counter()
        kb = load_knowledge(root, use_cache=False)
        assert kb.compiled.rules
        print(
            f"load from YAML + validate + compile     {(time.perf_counter() - start) * 1000:8.1f} ms (once)"
        )
        engine = Engine(kb)
        sets = [answers_for(document, seed) for seed in range(20)]
        result = engine.run(sets[0], compare_lenses=False)
        print(f"firings per run (first answer set)      {len(result.firings)}")
        times = latency(engine, sets, repeat, compare_lenses=False)
        print(f"recommend, one lens                     {summary(times)}")


def main() -> None:
    parser = argparse.ArgumentParser(description="Measure load time, cold start and latency.")
    parser.add_argument("--quick", action="store_true", help="fewer repetitions")
    options = parser.parse_args()
    repeat = 3 if options.quick else 10
    os.environ.setdefault("ADVISOR_CACHE_DIR", tempfile.mkdtemp(prefix="advisor-bench-"))
    print(f"Python {sys.version.split()[0]} on {os.cpu_count()} cores")
    shipped(repeat)
    for count in (1_000, 10_000):
        synthetic(count, repeat)


if __name__ == "__main__":
    main()
