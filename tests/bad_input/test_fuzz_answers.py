"""Property: no answers file, however malformed, gets a traceback, a hang, a multi-line error
or invalid JSON from `advisor recommend` (bench/fuzz.py runs 10,000 of them)."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings

from fuzz_contract import KINDS

ANSWERS = KINDS["answers"]


@settings(settings.get_profile("fuzz-ci"), max_examples=80)
@given(ANSWERS.inputs)
def test_answers_files_keep_the_bad_input_contract(example: Any) -> None:
    outcome = ANSWERS.run(example)
    assert outcome.problem is None, outcome.describe()
