"""Property: no knowledge folder made by changing the shipped rules/ (edited values, other
operators, damaged, emptied, removed or added files) gets a traceback, a hang or a multi-line
error from `recommend`, `kb validate` or `ask` (bench/fuzz.py runs 10,000 of them)."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings

from fuzz_contract import KINDS

KNOWLEDGE = KINDS["knowledge"]


@settings(settings.get_profile("fuzz-ci"), max_examples=20)
@given(KNOWLEDGE.inputs)
def test_knowledge_folders_keep_the_bad_input_contract(example: Any) -> None:
    outcome = KNOWLEDGE.run(example)
    assert outcome.problem is None, outcome.describe()
