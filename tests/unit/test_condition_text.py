"""Conditions, for_each and actions as readable text, on the fixture knowledge."""

from __future__ import annotations

from typing import Any, ClassVar

import pytest
from pydantic import TypeAdapter

from advisor.knowledge import KnowledgeBase
from advisor.knowledge.models import Action, Condition, ForEach, Model
from advisor.render.condition_text import action_text, condition_lines, for_each_lines, leaf_text

CONDITION: TypeAdapter[Any] = TypeAdapter(Condition)
ACTION: TypeAdapter[Any] = TypeAdapter(Action)


@pytest.mark.parametrize(
    ("condition", "text"),
    [
        ({"fact": "arrival", "eq": "stream"}, "arrival = stream (as a stream)"),
        ({"fact": "arrival", "ne": "batch"}, "arrival ≠ batch (in batches)"),
        ({"fact": "speed", "le": "medium"}, "speed ≤ medium"),
        ({"fact": "speed", "lt": "slow"}, "speed < slow"),
        ({"fact": "speed", "ge": "medium"}, "speed ≥ medium"),
        ({"fact": "record_mb", "gt": 1}, "record_mb > 1 MB"),
        ({"fact": "record_mb", "lt": 0.5}, "record_mb < 500 KB"),
        ({"fact": "record_mb", "ge": 5000000}, "record_mb ≥ 5,000 GB"),
        ({"fact": "skills", "contains": "sql"}, "skills contains sql"),
        ({"fact": "wants_managed", "eq": True}, "wants_managed = yes"),
        ({"fact": "speed", "in": ["fast", "medium"]}, "speed is one of fast, medium"),
        ({"fact": "arrival", "not_in": ["batch"]}, "arrival is none of batch"),
        ({"fact": "speed", "known": True}, "speed is known"),
        ({"fact": "speed", "known": False}, "speed is not known"),
        ({"fact": "tier", "eq": "gold"}, "tier = gold"),
        ({"fact": "lens", "eq": "current"}, "lens = current"),
        ({"trait": "floor", "gt": {"fact": "speed"}}, "floor > {fact speed}"),
        ({"trait": "max_mb", "lt": 2}, "max_mb < 2 MB"),
        ({"trait": "managed", "eq": False}, "managed = no"),
        ({"trait": "tags", "contains": "red"}, "tags contains red"),
        ({"relation": "delivers_to", "to": "lake"}, "delivers_to lake"),
    ],
)
def test_a_test_reads_as_one_line(fixture_kb: KnowledgeBase, condition: dict[str, Any], text: str) -> None:
    assert condition_lines(fixture_kb, CONDITION.validate_python(condition)) == [text]


def test_a_tree_is_indented_under_all_any_and_not(fixture_kb: KnowledgeBase) -> None:
    tree = {
        "all": [
            {"fact": "arrival", "eq": "stream"},
            {"any": [{"fact": "speed", "le": "fast"}, {"not": {"fact": "skills", "contains": "spark"}}]},
        ]
    }
    assert condition_lines(fixture_kb, CONDITION.validate_python(tree)) == [
        "all of:",
        "  arrival = stream (as a stream)",
        "  any of:",
        "    speed ≤ fast",
        "    not:",
        "      skills contains spark",  # the label (Spark) says no more than the id
    ]


def test_for_each_of_the_fixture_rules(fixture_kb: KnowledgeBase) -> None:
    for_each = fixture_kb.rules["ING-003"].for_each
    assert for_each is not None
    assert for_each_lines(fixture_kb, for_each) == [
        "For each node in stage ingestion with trait floor where floor > {fact speed}"
    ]


def test_for_each_with_kinds_ids_and_a_compound_where(fixture_kb: KnowledgeBase) -> None:
    for_each = ForEach.validate(
        {
            "nodes": {
                "kind": ["service", "feature"],
                "ids": ["stream_a", "buffer_b"],
                "has_trait": ["floor"],
            },
            "where": {"any": [{"trait": "floor", "eq": "fast"}, {"relation": "delivers_to", "to": "lake"}]},
        }
    )
    assert for_each_lines(fixture_kb, for_each) == [
        "For each service or feature among stream_a, buffer_b with trait floor where:",
        "  any of:",
        "    floor = fast",
        "    delivers_to lake",
    ]
    assert for_each_lines(fixture_kb, ForEach.validate({"nodes": {"stage": ["ingestion", "storage"]}})) == [
        "For each node in stages ingestion, storage"
    ]


@pytest.mark.parametrize(
    ("action", "text"),
    [
        ({"recommend": "stream_a", "weight": 3}, "recommend stream_a (+3)"),
        ({"recommend": "lake", "weight": -2, "stage": "storage"}, "recommend lake for stage storage (-2)"),
        ({"recommend": "{node}"}, "recommend {node} (+1)"),
        ({"exclude": "{node}"}, "exclude {node}"),
        ({"exclude": "lake", "stage": "storage"}, "exclude lake from stage storage"),
        ({"derive": "needs_stream", "value": True}, "derive needs_stream = yes"),
        ({"derive": "tier", "value": "gold"}, "derive tier = gold"),
        (
            {"warn": "{node.name} takes at most {node.max_mb}."},
            'warn "{node.name} takes at most {node.max_mb}."',
        ),
    ],
)
def test_an_action_reads_as_one_line(fixture_kb: KnowledgeBase, action: dict[str, Any], text: str) -> None:
    assert action_text(fixture_kb, ACTION.validate_python(action)) == text


def test_every_shipped_rule_and_question_renders_without_json(kb: KnowledgeBase) -> None:
    """No condition shape in the shipped knowledge falls through to a raw dump."""
    for rule in kb.rules.values():
        lines = condition_lines(kb, rule.when) if rule.when else []
        lines += for_each_lines(kb, rule.for_each) if rule.for_each else []
        lines += [action_text(kb, action) for action in rule.then]
        assert not any('{"' in line for line in lines), rule.id
    for question in kb.questions.values():
        if question.asks_when is not None:
            assert not any('{"' in line for line in condition_lines(kb, question.asks_when))


class _UsesLike(Model):
    """A test kind the renderer has no case for: what it looks at, no operator."""

    KIND: ClassVar[str] = "uses"
    uses: str


class _PickLike(Model):
    """A test kind with an operator that is neither a fact nor a trait test."""

    KIND: ClassVar[str] = "pick"
    operator: ClassVar[str] = "eq"
    pick: str
    eq: str

    @property
    def operand(self) -> str:
        return self.eq


class _SettleLike(Model):
    KIND: ClassVar[str] = "not_needed"
    not_needed: str


def test_other_kinds_of_tests_and_actions_read_as_kind_and_target(fixture_kb: KnowledgeBase) -> None:
    """A kind added to the schema reads as text (kind, target, operator, value), never a crash."""
    assert leaf_text(fixture_kb, _UsesLike(uses="lake")) == "uses lake"  # type: ignore[arg-type]
    pick = _PickLike(pick="storage", eq="lake")
    assert leaf_text(fixture_kb, pick) == "pick storage = lake"  # type: ignore[arg-type]
    assert action_text(fixture_kb, _SettleLike(not_needed="storage")) == "not_needed storage"  # type: ignore[arg-type]
