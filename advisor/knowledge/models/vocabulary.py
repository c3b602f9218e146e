"""The vocabulary the knowledge is written in: stages, scales and traits."""

from __future__ import annotations

from dataclasses import field
from typing import Literal

from advisor.knowledge.models.base import Id, Model, TaskId, Text


class Stage(Model):
    """A stage of an ML solution; recommendations are grouped by stage."""

    id: Id
    name: Text
    order: int
    """Position in a report: stages are shown in ascending order."""
    doc: str = ""
    exam: list[TaskId] = field(default_factory=list)
    within: Id | None = None
    """For a decision inside a stage (a sub-decision such as stream capacity mode): the stage."""


class ScaleValue(Model):
    """One step of a scale."""

    id: Id
    label: Text


class Scale(Model):
    """Ordered values that rules can compare, listed from smallest/fastest to largest/slowest."""

    id: Id
    name: Text
    doc: str = ""
    values: list[ScaleValue] = field(metadata={"min_length": 2})


class Trait(Model):
    """The type of a node attribute, so that every node's traits can be checked on load."""

    id: Id
    type: Literal["scale", "number", "bool", "text", "set", "choice"]
    doc: Text
    scale: Id | None = None
    """For `scale` traits: the scale the value is on."""
    unit: str | None = None
    """For `number` traits: the unit, shown after the value."""
    values: list[Id] | None = None
    """For `set` and `choice` traits: the allowed members."""
