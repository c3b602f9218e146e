"""How numbers, units and trait values read: never scientific notation, each unit once."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from advisor.knowledge import KnowledgeBase
from advisor.knowledge.models import FactSpec, Trait
from advisor.knowledge.values import accepted_units, label_of, number_text, trait_label, typed_number


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (5_000_000, "5,000,000"),
        (1234.5, "1,234.5"),
        (12, "12"),
        (0.25, "0.25"),
        (0.001, "0.001"),
        (0.0000123, "0.0000123"),
        (1.0000002, "1"),
        (12.345678, "12.3457"),
        (-1500, "-1,500"),
        (-0.0, "0"),
        (0, "0"),
        (1e21, "1,000,000,000,000,000,000,000"),
    ],
)
def test_number_text(value: float, text: str) -> None:
    assert number_text(value) == text


@given(st.floats(allow_nan=False, allow_infinity=False, min_value=-1e30, max_value=1e30))
def test_number_text_is_never_scientific(value: float) -> None:
    text = number_text(value)
    assert "e" not in text and text.replace(",", "").replace(".", "").lstrip("-").isdigit()


def test_a_count_without_other_units_reads_in_full() -> None:
    examples = FactSpec(id="examples", type="number", unit="labelled examples")
    assert label_of(examples, {}, 5_000_000.0) == "5,000,000 labelled examples"


def test_a_size_takes_the_largest_unit_that_keeps_it_above_one(fixture_kb: KnowledgeBase) -> None:
    assert fixture_kb.value_label("record_mb", 0.003) == "3 KB"
    assert fixture_kb.value_label("record_mb", 2500.0) == "2.5 GB"
    assert fixture_kb.value_label("record_mb", 5_000_000.0) == "5,000 GB"


def test_trait_numbers_read_like_answers() -> None:
    trait = Trait(id="max_rows", type="number", unit="rows", doc="Rows.")
    assert trait_label(trait, {}, 5_000_000) == "5,000,000 rows"
    assert trait_label(Trait(id="n", type="number", doc="N."), {}, 1e7) == "10,000,000"


def test_units_listed_once_smallest_first(fixture_kb: KnowledgeBase) -> None:
    assert accepted_units(fixture_kb.questions["record_mb"]) == ["KB", "MB", "GB"]
    repeated = FactSpec(id="x", type="number", unit="MB", units={"KB": 0.001, "MB": 1, "GB": 1000})
    assert accepted_units(repeated) == ["KB", "MB", "GB"]
    assert accepted_units(FactSpec(id="y", type="number", unit="models")) == ["models"]


@pytest.mark.parametrize(
    ("value", "typed"), [(5e6, "5000000"), (0.003, "0.003"), (1e-7, "0.0000001"), (12.5, "12.5"), (0.0, "0")]
)
def test_numbers_are_prefilled_as_they_are_typed(value: float, typed: str) -> None:
    """A previous number answer goes back into the input box in a form the parser reads."""
    assert typed_number(value) == typed
