"""The long fuzz run: thousands of generated bad inputs of each kind through the bad-input contract.

The kinds, their strategies and the contract are those of the property tests in
tests/bad_input/ (which CI runs with a few dozen examples each). Run from the repository root:

    nice python bench/fuzz.py                    # 10,000 inputs per kind
    python bench/fuzz.py --per-kind 300 --kind ask --seed 7

Prints per kind: inputs, tracebacks, hangs, multi-line errors, other contract breaks and the
most CPU seconds one input took (for `ask`, one line); then the first example of each problem
(`--keep DIR` saves it as a pickle, to replay with the kind's `run`).
Exits 1 when any input broke the contract.
"""

from __future__ import annotations

import argparse
import os
import pickle
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, Phase, given, seed, settings

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "bad_input"))

from fuzz_contract import KINDS, PROBLEMS, Kind, Outcome


@dataclass
class Tally:
    """What the inputs of one kind did."""

    inputs: int = 0
    problems: Counter[str] = field(default_factory=Counter)
    longest: float = 0.0
    first: dict[str, tuple[Any, Outcome]] = field(default_factory=dict)

    def add(self, example: Any, outcome: Outcome) -> None:
        self.inputs += 1
        self.longest = max(self.longest, outcome.seconds)
        if outcome.problem is not None:
            self.problems[outcome.problem] += 1
            self.first.setdefault(outcome.problem, (example, outcome))


def fuzz(kind: Kind, count: int, chosen_seed: int) -> Tally:
    tally = Tally()

    @seed(chosen_seed)
    @settings(
        max_examples=count,
        database=None,
        phases=[Phase.generate],
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(kind.inputs)
    def one(example: Any) -> None:
        tally.add(example, kind.run(example))

    one()
    return tally


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-kind", type=int, default=10_000, metavar="N")
    parser.add_argument("--kind", choices=sorted(KINDS), action="append", help="default: every kind")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", type=Path, metavar="DIR", help="save the first input of each problem here")
    args = parser.parse_args()
    os.environ["ADVISOR_CACHE_DIR"] = tempfile.mkdtemp(prefix="advisor-fuzz-cache-")
    print(
        f"{'kind':<10} {'inputs':>7} {'tracebacks':>10} {'hangs':>6} {'multi-line':>10} {'other':>6}"
        f" {'max s/input':>11} {'wall':>7}"
    )
    failed = False
    for name in args.kind or sorted(KINDS):
        started = time.monotonic()
        tally = fuzz(KINDS[name], args.per_kind, args.seed)
        counts = [tally.problems[problem] for problem in PROBLEMS]
        print(
            f"{name:<10} {tally.inputs:>7,} {counts[0]:>10} {counts[1]:>6} {counts[2]:>10} {counts[3]:>6}"
            f" {tally.longest:>11.2f} {time.monotonic() - started:>6.0f}s",
            flush=True,
        )
        for problem, (example, outcome) in tally.first.items():
            failed = True
            print(f"  first {problem}: {outcome.describe()[:600]}\n    input: {_short(example)}")
            if args.keep:
                args.keep.mkdir(parents=True, exist_ok=True)
                (args.keep / f"{name}-{problem}.pickle").write_bytes(pickle.dumps(example))
    return 1 if failed else 0


def _short(example: Any) -> str:
    text = repr(example)
    return text if len(text) <= 800 else text[:800] + f"… ({len(text):,} characters)"


if __name__ == "__main__":
    sys.exit(main())
