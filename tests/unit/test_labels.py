"""How numbers, units and trait values read: never scientific notation, each unit once."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from advisor.knowledge import KnowledgeBase
from advisor.knowledge.models import FactSpec, Trait
from advisor.knowledge.values import (
    accepted_units,
    coerce_value,
    label_of,
    number_text,
    trait_label,
    typed_number,
)


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


@pytest.mark.parametrize(
    ("unit", "one", "two"),
    [
        ("applications", "1 application", "2 applications"),
        ("labelled examples", "1 labelled example", "2 labelled examples"),
        ("days", "1 day", "2 days"),
        ("records/s", "1 records/s", "2 records/s"),  # a rate: a symbol, left alone
        ("s", "1 s", "2 s"),
        ("MB", "1 MB", "2 MB"),
    ],
)
def test_a_unit_that_is_a_plural_word_is_singular_for_one(unit: str, one: str, two: str) -> None:
    spec = FactSpec(id="n", type="number", unit=unit)
    assert (label_of(spec, {}, 1.0), label_of(spec, {}, 2.0)) == (one, two)
    trait = Trait(id="n", type="number", unit=unit, doc="N.")
    assert (trait_label(trait, {}, 1), trait_label(trait, {}, 2)) == (one, two)


@pytest.mark.parametrize("typed", ["1 application", "1 applications", "3 application"])
def test_a_singular_unit_is_read_as_its_plural(typed: str) -> None:
    """What `label_of` writes for 1 reads back, and a count typed in the singular is accepted."""
    spec = FactSpec(id="n", type="number", unit="applications")
    assert coerce_value(spec, {}, typed) == float(typed.split(maxsplit=1)[0])


def test_a_singular_of_another_unit_converts() -> None:
    spec = FactSpec(id="d", type="number", unit="days", units={"days": 1, "weeks": 7})
    assert coerce_value(spec, {}, "1 week") == 7.0
    with pytest.raises(ValueError, match="unknown unit 'fortnight'"):
        coerce_value(spec, {}, "1 fortnight")


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
