"""Every test operator, on every kind of value it applies to, including unknown facts."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import TypeAdapter

from advisor.engine.compile import condition_predicate, plainer_for
from advisor.engine.condition import Test as PlainTest
from advisor.engine.condition import alpha_holds, is_alpha
from advisor.knowledge import KnowledgeBase
from advisor.knowledge.models import Condition

CONDITION: TypeAdapter[Any] = TypeAdapter(Condition)

CASES: list[tuple[dict[str, Any], dict[str, Any], bool]] = [
    # (condition, facts, expected)
    ({"fact": "arrival", "eq": "stream"}, {"arrival": "stream"}, True),
    ({"fact": "arrival", "eq": "stream"}, {"arrival": "batch"}, False),
    ({"fact": "arrival", "eq": "stream"}, {}, False),
    ({"fact": "arrival", "ne": "stream"}, {"arrival": "batch"}, True),
    ({"fact": "arrival", "ne": "stream"}, {}, False),
    ({"fact": "arrival", "in": ["stream", "batch"]}, {"arrival": "batch"}, True),
    ({"fact": "speed", "in": ["fast"]}, {"speed": "slow"}, False),
    ({"fact": "speed", "not_in": ["fast"]}, {"speed": "slow"}, True),
    ({"fact": "speed", "not_in": ["fast"]}, {}, False),
    ({"fact": "speed", "lt": "medium"}, {"speed": "fast"}, True),
    ({"fact": "speed", "lt": "medium"}, {"speed": "medium"}, False),
    ({"fact": "speed", "le": "medium"}, {"speed": "medium"}, True),
    ({"fact": "speed", "gt": "fast"}, {"speed": "slow"}, True),
    ({"fact": "speed", "ge": "slow"}, {"speed": "medium"}, False),
    ({"fact": "record_mb", "gt": 1}, {"record_mb": 1.5}, True),
    ({"fact": "record_mb", "le": 1}, {"record_mb": 1.0}, True),
    ({"fact": "record_mb", "lt": 1}, {}, False),
    ({"fact": "skills", "contains": "sql"}, {"skills": frozenset({"sql", "spark"})}, True),
    ({"fact": "skills", "contains": "sql"}, {"skills": frozenset({"spark"})}, False),
    ({"fact": "wants_managed", "eq": True}, {"wants_managed": True}, True),
    ({"fact": "wants_managed", "eq": True}, {"wants_managed": False}, False),
    ({"fact": "speed", "known": True}, {"speed": "fast"}, True),
    ({"fact": "speed", "known": False}, {"speed": "fast"}, False),
    ({"fact": "speed", "known": False}, {}, True),
    (
        {"all": [{"fact": "arrival", "eq": "stream"}, {"fact": "speed", "eq": "fast"}]},
        {"arrival": "stream", "speed": "fast"},
        True,
    ),
    (
        {"all": [{"fact": "arrival", "eq": "stream"}, {"fact": "speed", "eq": "fast"}]},
        {"arrival": "stream", "speed": "slow"},
        False,
    ),
    (
        {"any": [{"fact": "arrival", "eq": "stream"}, {"fact": "speed", "eq": "fast"}]},
        {"arrival": "batch", "speed": "fast"},
        True,
    ),
    ({"any": [{"fact": "arrival", "eq": "stream"}, {"fact": "speed", "eq": "fast"}]}, {}, False),
    # groups of three and of four are built differently from groups of two
    (
        {
            "all": [
                {"fact": "arrival", "eq": "stream"},
                {"fact": "speed", "eq": "fast"},
                {"fact": "record_mb", "gt": 1},
            ]
        },
        {"arrival": "stream", "speed": "fast", "record_mb": 2.0},
        True,
    ),
    (
        {
            "all": [
                {"fact": "arrival", "eq": "stream"},
                {"fact": "speed", "eq": "fast"},
                {"fact": "record_mb", "gt": 1},
            ]
        },
        {"arrival": "stream", "speed": "fast", "record_mb": 0.5},
        False,
    ),
    (
        {
            "any": [
                {"fact": "arrival", "eq": "stream"},
                {"fact": "speed", "eq": "fast"},
                {"fact": "record_mb", "gt": 1},
            ]
        },
        {"record_mb": 2.0},
        True,
    ),
    (
        {
            "any": [
                {"fact": "arrival", "eq": "stream"},
                {"fact": "speed", "eq": "fast"},
                {"fact": "record_mb", "gt": 1},
            ]
        },
        {"arrival": "batch", "speed": "slow", "record_mb": 1.0},
        False,
    ),
    (
        {
            "all": [
                {"fact": "arrival", "known": True},
                {"fact": "speed", "ne": "fast"},
                {"fact": "record_mb", "le": 1},
                {"fact": "wants_managed", "eq": True},
            ]
        },
        {"arrival": "batch", "speed": "slow", "record_mb": 1.0, "wants_managed": True},
        True,
    ),
    (
        {
            "all": [
                {"fact": "arrival", "known": True},
                {"fact": "speed", "ne": "fast"},
                {"fact": "record_mb", "le": 1},
                {"fact": "wants_managed", "eq": True},
            ]
        },
        {"arrival": "batch", "speed": "slow", "record_mb": 1.0, "wants_managed": False},
        False,
    ),
    (
        {
            "any": [
                {"fact": "arrival", "known": True},
                {"fact": "speed", "ne": "fast"},
                {"fact": "record_mb", "le": 1},
                {"fact": "wants_managed", "eq": True},
            ]
        },
        {"wants_managed": True},
        True,
    ),
    (
        {
            "any": [
                {"fact": "arrival", "known": True},
                {"fact": "speed", "ne": "fast"},
                {"fact": "record_mb", "le": 1},
                {"fact": "wants_managed", "eq": True},
            ]
        },
        {"speed": "fast", "record_mb": 2.0},
        False,
    ),
    # a stage's pick is a fact once settled (pick:STAGE = the node id); alpha tests decide it per value
    ({"pick": "ingestion", "eq": "stream_a"}, {"pick:ingestion": "stream_a"}, True),
    ({"pick": "ingestion", "eq": "stream_a"}, {"pick:ingestion": "buffer_b"}, False),
    ({"pick": "ingestion", "eq": "stream_a"}, {}, False),
    ({"pick": "ingestion", "ne": "stream_a"}, {"pick:ingestion": "buffer_b"}, True),
    ({"pick": "ingestion", "ne": "stream_a"}, {}, False),
    ({"pick": "ingestion", "in": ["stream_a", "batch_c"]}, {"pick:ingestion": "batch_c"}, True),
    ({"pick": "ingestion", "not_in": ["stream_a", "batch_c"]}, {"pick:ingestion": "batch_c"}, False),
    ({"pick": "ingestion", "not_in": ["stream_a"]}, {}, False),
    ({"pick": "ingestion", "known": True}, {"pick:ingestion": "batch_c"}, True),
    ({"pick": "ingestion", "known": True}, {}, False),
    ({"pick": "ingestion", "known": False}, {}, True),
    ({"pick": "ingestion", "known": False}, {"pick:ingestion": "batch_c"}, False),
    ({"pick": "ingestion", "trait": "floor", "eq": "slow"}, {"pick:ingestion": "batch_c"}, True),
    ({"pick": "ingestion", "trait": "floor", "eq": "slow"}, {"pick:ingestion": "stream_a"}, False),
    ({"pick": "ingestion", "trait": "floor", "eq": "slow"}, {}, False),
    ({"pick": "ingestion", "trait": "floor", "in": ["fast", "medium"]}, {"pick:ingestion": "buffer_b"}, True),
    ({"pick": "ingestion", "trait": "managed", "ne": True}, {"pick:ingestion": "stream_a"}, True),
    ({"pick": "ingestion", "trait": "max_mb", "known": True}, {"pick:ingestion": "batch_c"}, False),
    ({"pick": "ingestion", "trait": "max_mb", "known": True}, {"pick:ingestion": "stream_a"}, True),
    ({"pick": "ingestion", "trait": "max_mb", "ne": 1}, {"pick:ingestion": "batch_c"}, False),
    ({"not": {"fact": "arrival", "eq": "stream"}}, {"arrival": "batch"}, True),
    ({"not": {"fact": "arrival", "eq": "stream"}}, {}, True),
    ({"fact": "lens", "eq": "current"}, {"lens": "current"}, True),
]


@pytest.mark.parametrize(("condition", "facts", "expected"), CASES, ids=[str(c[0]) for c in CASES])
def test_fact_operators(
    fixture_kb: KnowledgeBase, condition: dict[str, Any], facts: dict[str, Any], expected: bool
) -> None:
    predicate = condition_predicate(fixture_kb, CONDITION.validate_python(condition))
    assert predicate(facts, None) is expected


def test_alpha_tests_decided_once_per_value_agree_with_the_predicate(
    fixture_kb: KnowledgeBase,
) -> None:
    """The engine decides a test of one known fact against a constant when the fact is
    asserted (alpha_holds), and everything else with the predicate: both must agree on every
    case above that is decided per value."""
    decided = []
    operators: set[str] = set()
    for condition, facts, expected in CASES:
        test = plainer_for(fixture_kb).plain(CONDITION.validate_python(condition))
        if not (isinstance(test, PlainTest) and is_alpha(test)):
            continue
        value = facts.get(test.key)
        held = value is not None and alpha_holds(test, value, fixture_kb.scale_positions, fixture_kb.nodes)
        decided.append((condition, facts, held, expected))
        operators.add(test.op)
    assert operators >= {"eq", "ne", "in", "not_in", "lt", "le", "gt", "ge", "contains", "known"}
    assert [case for case in decided if case[2] is not case[3]] == []


NODE_CASES = [
    ({"trait": "floor", "gt": {"fact": "speed"}}, "buffer_b", {"speed": "fast"}, True),
    ({"trait": "floor", "gt": {"fact": "speed"}}, "buffer_b", {"speed": "medium"}, False),
    ({"trait": "floor", "gt": {"fact": "speed"}}, "buffer_b", {}, False),
    ({"trait": "floor", "eq": "medium"}, "buffer_b", {}, True),
    ({"trait": "max_mb", "lt": {"fact": "record_mb"}}, "stream_a", {"record_mb": 2.0}, True),
    ({"trait": "max_mb", "lt": {"fact": "record_mb"}}, "batch_c", {"record_mb": 2.0}, False),
    ({"trait": "tags", "contains": "red"}, "stream_a", {}, True),
    ({"trait": "tags", "contains": "red"}, "buffer_b", {}, False),
    ({"trait": "managed", "eq": True}, "buffer_b", {}, True),
    ({"relation": "delivers_to", "to": "lake"}, "buffer_b", {}, True),
    ({"relation": "delivers_to", "to": "lake"}, "stream_a", {}, False),
]


@pytest.mark.parametrize(
    ("condition", "node", "facts", "expected"),
    NODE_CASES,
    ids=[f"{c[0]}-{c[1]}" for c in NODE_CASES],
)
def test_node_tests(
    fixture_kb: KnowledgeBase,
    condition: dict[str, Any],
    node: str,
    facts: dict[str, Any],
    expected: bool,
) -> None:
    predicate = condition_predicate(fixture_kb, CONDITION.validate_python(condition))
    assert predicate(facts, fixture_kb.nodes[node]) is expected


COLOURS = """
questions:
  - {id: colour, stage: storage, type: choice, text: Colour?,
     choices: [{id: red, label: red}, {id: blue, label: blue}]}
  - {id: colours, stage: storage, type: multi_choice, text: Colours?,
     choices: [{id: red, label: red}, {id: blue, label: blue}, {id: green, label: green}]}
"""


def test_a_set_trait_contains_a_choice_answer_or_any_of_several(kb_with) -> None:  # type: ignore[no-untyped-def]
    """`{trait: tags, contains: {fact: F}}`: one rule instead of one per answer value."""
    from advisor.knowledge import load_knowledge

    kb = load_knowledge(kb_with(colours=COLOURS), use_cache=False)
    one = condition_predicate(
        kb, CONDITION.validate_python({"trait": "tags", "contains": {"fact": "colour"}})
    )
    many = condition_predicate(
        kb, CONDITION.validate_python({"trait": "tags", "contains": {"fact": "colours"}})
    )
    red_node = kb.nodes["stream_a"]  # tags: [red]
    assert one({"colour": "red"}, red_node) and not one({"colour": "blue"}, red_node)
    assert many({"colours": frozenset({"green", "red"})}, red_node)
    assert not many({"colours": frozenset({"green", "blue"})}, red_node)
    assert not one({}, red_node)
