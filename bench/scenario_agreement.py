"""Top-1 agreement of the engine with the scenario bank, per stage and per task statement of
every exam profile.

A `top` expectation agrees when the engine's top pick for that stage is one of the expected
nodes. Known gaps count as disagreements.

    python bench/scenario_agreement.py
"""

from __future__ import annotations

from collections import Counter

from advisor.engine.engine import Engine
from advisor.knowledge import load_knowledge
from advisor.knowledge.scenarios import read_scenario, run_scenario, scenario_files


def main() -> None:
    kb = load_knowledge()
    engine = Engine(kb)
    by_stage: Counter[tuple[str, bool]] = Counter()
    by_task: Counter[tuple[str, bool]] = Counter()
    lens_pairs = 0
    for path in scenario_files():
        scenario, values = read_scenario(kb, path)
        result = run_scenario(engine, scenario, values)
        lens_pairs += bool(result.lens_differences)
        for stage, expectation in scenario.expect.items():
            if expectation.top is None:
                continue
            wanted = [expectation.top] if isinstance(expectation.top, str) else expectation.top
            ok = result.top(stage) in wanted
            by_stage[(stage, ok)] += 1
            for task in scenario.exam:
                by_task[(task, ok)] += 1
    tables = [("stage", by_stage, list(kb.stages))]
    for exam in kb.exams.values():  # task references: `1.2` in the default profile, `mla_c01:1.2` in another
        prefix = "" if exam.id == kb.default_exam.id else f"{exam.id}:"
        tables.append((f"{exam.code} task", by_task, [prefix + t.id for t in exam.tasks]))
    for title, counts, keys in tables:
        print(f"| {title} | agree | total | top-1 |")
        print("| --- | --- | --- | --- |")
        for key in keys:
            agree, total = counts[(key, True)], counts[(key, True)] + counts[(key, False)]
            if total:
                print(f"| {key} | {agree} | {total} | {agree / total:.0%} |")
        print()
    agree = sum(v for (_, ok), v in by_stage.items() if ok)
    total = sum(by_stage.values())
    print(
        f"overall top-1: {agree}/{total} = {agree / total:.1%}; scenarios: {len(scenario_files())}; "
        f"scenarios whose answers give different top picks under exam and current: {lens_pairs}"
    )


if __name__ == "__main__":
    main()
