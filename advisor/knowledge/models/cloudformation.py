"""How CloudFormation resources read as a design: resource type and property tests -> nodes.

`advisor check --template` reads a template through these mappings, so knowing a new
resource type or property is a data change in rules/, like any other AWS fact.
"""

from __future__ import annotations

from dataclasses import field
from typing import Annotated, Any

from advisor.knowledge.models.base import Id, Model, Scalar, SourceUrl, Text, constrained

ResourceType = Annotated[str, constrained(pattern=r"^[A-Za-z0-9]+::[A-Za-z0-9]+::[A-Za-z0-9]+$")]
"""A CloudFormation resource type, e.g. `AWS::SageMaker::EndpointConfig`."""

PropertyPath = Annotated[str, constrained(pattern=r"^[A-Za-z0-9_]+(\.[A-Za-z0-9_]+)*$")]
"""Dotted property names below `Properties`; a list on the way is searched item by item."""

PROPERTY_OPERATORS = ("known", "eq", "ne", "in", "not_in", "lt", "le", "gt", "ge", "contains")
"""`known: true` the property is set; `contains` a substring of a text or an item of a list."""


class PropertyTest(Model):
    """One test of a resource property, with exactly one operator."""

    path: PropertyPath = field(metadata={"alias": "property"})
    known: bool | None = None
    eq: Scalar | None = None
    ne: Scalar | None = None
    in_: list[Scalar] | None = field(default=None, metadata={"alias": "in"})
    not_in: list[Scalar] | None = None
    lt: float | None = None
    le: float | None = None
    gt: float | None = None
    ge: float | None = None
    contains: Scalar | None = None

    def __post_init__(self) -> None:
        given = [name for name in PROPERTY_OPERATORS if self.operand_of(name) is not None]
        if len(given) != 1:
            found = ", ".join(given) or "none"
            raise ValueError(
                f"a property test needs exactly one operator of {', '.join(PROPERTY_OPERATORS)}"
                f" (found {found})"
            )

    def operand_of(self, name: str) -> Any:
        return getattr(self, "in_" if name == "in" else name)

    @property
    def operator(self) -> str:
        return next(name for name in PROPERTY_OPERATORS if self.operand_of(name) is not None)

    @property
    def operand(self) -> Any:
        return self.operand_of(self.operator)


class ResourceMapping(Model):
    """A resource of `type` whose properties pass every test of `when` puts `design`'s nodes in
    the design (stage -> node)."""

    id: Id
    type: ResourceType
    when: list[PropertyTest] = field(default_factory=list)
    design: dict[Id, Id] = field(metadata={"min_length": 1})
    doc: Text | None = None
    sources: list[SourceUrl] = field(metadata={"min_length": 1})
    """The CloudFormation reference page of the resource or property read."""
