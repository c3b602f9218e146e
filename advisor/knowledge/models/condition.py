"""Condition trees: `all` / `any` / `not` over tests of facts, node traits, relations, other
stages' top picks and the design that runs today."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import field
from functools import cached_property
from typing import Annotated, Any, ClassVar, Literal

from advisor.knowledge.models.base import Id, Model, Scalar, key_discriminator, tag

RelationType = Literal[
    "delivers_to",
    "reads_from",
    "feeds",
    "part_of",
    "alternative_to",
    "replaced_by",
    "requires",
    "integrates_with",
]

OPERATORS = ("eq", "ne", "in", "not_in", "lt", "le", "gt", "ge", "contains", "known")
"""Every test operator; their meaning lives in advisor.engine.operators."""
_OPERATOR_FIELDS = tuple((name, "in_" if name == "in" else name) for name in OPERATORS)


class FactRef(Model):
    """A reference to the current value of a fact, used as the right-hand side of a test."""

    fact: Id


Operand = Scalar | list[Scalar] | FactRef


class _Test(Model):
    """One operator and its operand; exactly one operator key must be present."""

    eq: Operand | None = None
    ne: Operand | None = None
    in_: Operand | None = field(default=None, metadata={"alias": "in"})
    not_in: Operand | None = None
    lt: Operand | None = None
    le: Operand | None = None
    gt: Operand | None = None
    ge: Operand | None = None
    contains: Operand | None = None
    known: bool | None = None

    def __post_init__(self) -> None:
        given = [name for name in OPERATORS if self.operand_of(name) is not None]
        if len(given) != 1:
            found = ", ".join(given) or "none"
            raise ValueError(f"a test needs exactly one operator of {', '.join(OPERATORS)} (found {found})")

    def operand_of(self, name: str) -> Any:
        return getattr(self, "in_" if name == "in" else name)

    @cached_property  # loading asks this of every test, several times
    def operator(self) -> str:
        values = self.__dict__
        for name, attribute in _OPERATOR_FIELDS:
            if values[attribute] is not None:
                return name
        raise AssertionError("validated tests have one operator")  # pragma: no cover

    @property
    def operand(self) -> Any:
        return self.operand_of(self.operator)


class FactTest(_Test):
    """Test the value of a fact (an answer, a derived fact, or the built-in `lens`)."""

    KIND: ClassVar[str] = "fact"
    fact: Id


class TraitTest(_Test):
    """Test a trait of the node bound by `for_each` (only valid inside `for_each.where`)."""

    KIND: ClassVar[str] = "trait"
    trait: Id


class PickTest(_Test):
    """Test the top pick of another stage (its node id), or with `trait`, a trait of that node.

    Rules reading a pick run after every rule that acts on that stage, so the answers in
    different stages agree (a foundation model leaves training "not needed").
    """

    KIND: ClassVar[str] = "pick"
    pick: Id
    """The stage whose top pick is tested."""
    trait: Id | None = None


class DesignTest(_Test):
    """Test what runs today in a stage (the answers file's `design:`): `contains` a node, or `known`."""

    KIND: ClassVar[str] = "design"
    design: Id
    """The stage (or sub-decision) of the design."""


class UsesTest(Model):
    """True when the design names this node in any stage."""

    KIND: ClassVar[str] = "uses"
    uses: Id


class RelationTest(Model):
    """True when the bound node has a relation of this type to the node `to`."""

    KIND: ClassVar[str] = "relation"
    relation: RelationType
    to: Id


class AllOf(Model):
    """True when every child condition is true."""

    KIND: ClassVar[str] = "all"
    all: list[Condition] = field(metadata={"min_length": 1})


class AnyOf(Model):
    """True when at least one child condition is true."""

    KIND: ClassVar[str] = "any"
    any: list[Condition] = field(metadata={"min_length": 1})


class NotOf(Model):
    """True when the child condition is false."""

    KIND: ClassVar[str] = "not"
    not_: Condition = field(metadata={"alias": "not"})


Condition = Annotated[
    Annotated[AllOf, tag("all")]
    | Annotated[AnyOf, tag("any")]
    | Annotated[NotOf, tag("not")]
    | Annotated[FactTest, tag("fact")]
    | Annotated[TraitTest, tag("trait")]
    | Annotated[RelationTest, tag("relation")]
    | Annotated[PickTest, tag("pick")]
    | Annotated[DesignTest, tag("design")]
    | Annotated[UsesTest, tag("uses")],
    key_discriminator(
        ("all", "any", "not", "fact", "pick", "design", "uses", "trait", "relation"), "condition"
    ),
]

Leaf = FactTest | TraitTest | RelationTest | PickTest | DesignTest | UsesTest


def leaves(condition: Condition | None) -> Iterator[Leaf]:
    """Every test in a condition tree, depth first."""
    if isinstance(condition, AllOf | AnyOf):
        for child in condition.all if isinstance(condition, AllOf) else condition.any:
            yield from leaves(child)
    elif isinstance(condition, NotOf):
        yield from leaves(condition.not_)
    elif condition is not None:
        yield condition
