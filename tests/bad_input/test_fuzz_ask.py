"""Property: no input stream (invalid UTF-8, NUL bytes, huge lines, stray lines where a file
name is asked) gets a traceback, a hang or a multi-line error from `advisor ask`, and no stray
line becomes a file (bench/fuzz.py runs 10,000 of them)."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings

from fuzz_contract import KINDS

ASK = KINDS["ask"]


@settings(settings.get_profile("fuzz-ci"), max_examples=40)
@given(ASK.inputs)
def test_ask_streams_keep_the_bad_input_contract(example: Any) -> None:
    outcome = ASK.run(example)
    assert outcome.problem is None, outcome.describe()
