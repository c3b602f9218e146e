"""Reading derived numbers off an engine run, for the knowledge tests of formulas."""

from __future__ import annotations

from typing import Any

from advisor.engine.result import Result


def derived(result: Result, fact: str) -> Any:
    """The value a run derived for `fact` (exactly one derivation expected)."""
    (derivation,) = [d for d in result.derived if d.fact == fact]
    return derivation.value
