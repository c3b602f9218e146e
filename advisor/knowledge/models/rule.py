"""Recommendation rules: a condition, optional quantification over nodes, and actions."""

from __future__ import annotations

from dataclasses import field
from typing import Annotated, ClassVar

from advisor.knowledge.models.base import (
    Id,
    Model,
    RuleId,
    Scalar,
    SourceUrl,
    TaskId,
    Text,
    constrained,
    key_discriminator,
    tag,
)
from advisor.knowledge.models.condition import Condition
from advisor.knowledge.models.node import NodeKind

NodeRef = Annotated[str, constrained(pattern=r"^([a-z][a-z0-9_]*|\{node\})$")]
"""A node id, or `{node}` for the node bound by `for_each`."""


class Selector(Model):
    """Which nodes a `for_each` rule ranges over; every given filter must match."""

    kind: list[NodeKind] | None = None
    stage: list[Id] | None = None
    ids: list[Id] | None = None
    has_trait: list[Id] | None = None


class ForEach(Model):
    """Quantification: apply the rule once for each selected node for which `where` holds."""

    nodes: Selector
    where: Condition | None = None


class Recommend(Model):
    """Support a node as a candidate of a stage, adding `weight` to its score."""

    KIND: ClassVar[str] = "recommend"
    recommend: NodeRef
    weight: int = field(default=1, metadata={"ge": -10, "le": 10})
    stage: Id | None = None
    """Defaults to the rule's stage."""


class Exclude(Model):
    """Reject a node for a stage; the rule's `because` is the reason shown."""

    KIND: ClassVar[str] = "exclude"
    exclude: NodeRef
    stage: Id | None = None


class Formula(Model):
    """Arithmetic over number facts, e.g. `ceil(max(write_mb_s / 1, write_records_s / 1000))`.

    Parsed (never evaluated as Python) into + - * / and the functions in
    advisor.knowledge.formula; every name must be a number fact. Shown with its values in
    explanations.
    """

    formula: Text


class Derive(Model):
    """Conclude a fact, which other rules can read."""

    KIND: ClassVar[str] = "derive"
    derive: Id
    value: Scalar | Formula


class NotNeeded(Model):
    """Settle a stage as not needed (the rule's `because` says why): it gets no top pick."""

    KIND: ClassVar[str] = "not_needed"
    not_needed: Id
    """The stage."""


class Diagnose(Model):
    """Conclude the cause of a symptom of the running system; the rule's recommendations are
    the fixes, ranked with everything else in their stages."""

    KIND: ClassVar[str] = "diagnose"
    diagnose: Text
    """The cause, a template like `because`."""
    symptom: Id
    """The symptom question this explains."""


class Warn(Model):
    """Attach a warning to the rule's stage; the text is a template like `because`."""

    KIND: ClassVar[str] = "warn"
    warn: Text


Action = Annotated[
    Annotated[Recommend, tag("recommend")]
    | Annotated[Exclude, tag("exclude")]
    | Annotated[Derive, tag("derive")]
    | Annotated[Warn, tag("warn")]
    | Annotated[NotNeeded, tag("not_needed")]
    | Annotated[Diagnose, tag("diagnose")],
    key_discriminator(("recommend", "exclude", "derive", "warn", "not_needed", "diagnose"), "action"),
]


class Rule(Model):
    """One piece of expert knowledge, written so that it reads like a finding."""

    id: RuleId
    title: Text
    """Names the situation, not the fix."""
    stage: Id
    salience: int = 0
    """Higher fires first; ties are broken by id."""
    when: Condition | None = None
    for_each: ForEach | None = None
    then: list[Action] = field(metadata={"min_length": 1})
    because: Text
    """A template rendered with the actual values: `{fact.latency}`, `{node.name}`, ..."""
    sources: list[SourceUrl] = field(metadata={"min_length": 1})
    exam: list[TaskId] = field(default_factory=list)
