"""Every number question of the shipped knowledge takes an answer in its own unit and in each
unit it accepts, as its help and error messages suggest ("12 training jobs", "3 KB")."""

from __future__ import annotations

import pytest

from advisor.knowledge import KnowledgeBase, load_knowledge
from advisor.knowledge.values import coerce_value

NUMBER_QUESTIONS = sorted(
    q.id for q in load_knowledge(use_cache=False).questions.values() if q.type == "number"
)


@pytest.mark.parametrize("question", NUMBER_QUESTIONS)
def test_a_number_in_each_accepted_unit_is_read(kb: KnowledgeBase, question: str) -> None:
    spec = kb.questions[question]
    low = spec.minimum if spec.minimum is not None else 0
    number = max(low, min(2.0, spec.maximum if spec.maximum is not None else 2.0))
    units = {spec.unit: 1.0, **(spec.units or {})} if spec.unit else {}
    for unit, factor in units.items():
        assert coerce_value(spec, kb.scales, f"{number:g} {unit}") == pytest.approx(number * factor), unit
        assert coerce_value(spec, kb.scales, f"{number:g}  {unit.replace(' ', '  ')} ") == pytest.approx(
            number * factor
        ), f"{unit} with extra spaces"


def test_some_units_have_several_words(kb: KnowledgeBase) -> None:
    """The case the parser once missed: `training jobs`, `labelled examples`."""
    assert any(" " in (kb.questions[q].unit or "") for q in NUMBER_QUESTIONS)
