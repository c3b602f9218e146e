"""The formula language: arithmetic over number facts, parsed and checked, never run as Python."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from advisor.knowledge.formula import FormulaError, parse_formula


def test_shard_count_from_write_and_read_rates() -> None:
    formula = parse_formula("ceil(max(write_mb_s / 1, write_records_s / 1000, read_mb_s * consumers / 2))")
    assert formula.names == ("write_mb_s", "write_records_s", "read_mb_s", "consumers")
    facts = {"write_mb_s": 12.5, "write_records_s": 9000, "read_mb_s": 10, "consumers": 3}
    assert formula.evaluate(facts) == 15
    assert formula.show(facts) == (
        "ceil(max(write_mb_s / 1, write_records_s / 1000, read_mb_s * consumers / 2)) = "
        "ceil(max(12.5 / 1, 9000 / 1000, 10 * 3 / 2)) = 15"
    )


def test_f1_from_confusion_matrix_counts() -> None:
    formula = parse_formula("2 * tp / (2 * tp + fp + fn)")
    assert formula.evaluate({"tp": 80, "fp": 20, "fn": 20}) == pytest.approx(0.8)


@pytest.mark.parametrize(
    ("facts", "why"),
    [({"tp": 0, "fp": 0, "fn": 0}, "division by zero"), ({"tp": 1, "fp": 1}, "fn unknown")],
)
def test_no_value_when_it_cannot_be_computed(facts: dict[str, float], why: str) -> None:
    assert parse_formula("2 * tp / (2 * tp + fp + fn)").evaluate(facts) is None, why


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("a +", "formula is not valid arithmetic (invalid syntax)"),
        (
            "__import__('os')",
            "formulas use numbers, fact ids, + - * / and ceil, floor, round, abs, min, max;",
        ),
        ("a ** 2", "formulas use numbers, fact ids"),
        ("a.real", "formulas use numbers, fact ids"),
        ("'x' * 3", "formula constants are numbers, got 'x'"),
        ("True + 1", "formula constants are numbers, got True"),
        ("ceil(a, b)", "ceil() takes 1 to 1 arguments"),
        ("max(a)", "max() takes 2 to 8 arguments"),
        ("(" * 300 + "a" + ")" * 300, "formula is longer than 500 characters"),
    ],
)
def test_anything_but_arithmetic_is_refused(text: str, message: str) -> None:
    with pytest.raises(FormulaError) as error:
        parse_formula(text)
    assert str(error.value).startswith(message)
    assert "\n" not in str(error.value)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80))
def test_any_text_parses_or_is_refused_with_one_line(text: str) -> None:
    try:
        formula = parse_formula(text)
    except FormulaError as error:
        assert "\n" not in str(error)
        return
    value = formula.evaluate({name: 3.0 for name in formula.names})
    assert value is None or isinstance(value, float)


@settings(max_examples=200, deadline=None)
@given(st.floats(allow_nan=True, allow_infinity=True), st.floats(allow_nan=True, allow_infinity=True))
def test_evaluation_never_raises_and_is_finite(a: float, b: float) -> None:
    value = parse_formula("ceil(a * b / (a - b)) + round(a, 2)").evaluate({"a": a, "b": b})
    assert value is None or math.isfinite(value)
