"""Nodes of the knowledge graph: AWS services, SageMaker features, algorithms and concepts."""

from __future__ import annotations

import datetime
from dataclasses import field
from typing import Literal

from advisor.knowledge.models.base import Id, Model, SourceUrl, TaskId, Text
from advisor.knowledge.models.condition import RelationType

NodeKind = Literal["service", "feature", "algorithm", "concept", "configuration"]
"""A `configuration` is a decision inside a service: a mode, setting, variant or hyperparameter."""
State = Literal["active", "renamed", "closed_to_new_customers", "retired"]
UNAVAILABLE_STATES: frozenset[str] = frozenset({"closed_to_new_customers", "retired"})
"""States in which a new AWS customer cannot start using the node."""

TraitValue = bool | int | float | str | list[str]


class Status(Model):
    """Whether a new customer can use this today, and what replaces it if not."""

    state: State = "active"
    since: datetime.date | None = None
    successor: Id | None = None
    former_names: list[str] = field(default_factory=list)
    note: str = ""
    sources: list[SourceUrl] = field(default_factory=list)

    def __post_init__(self) -> None:
        if self.state != "active" and not self.sources:
            raise ValueError(f"a '{self.state}' status needs 'sources' (the page that says so)")
        if self.state == "renamed" and not self.former_names:
            raise ValueError("a 'renamed' status needs 'former_names'")

    @property
    def available(self) -> bool:
        """Can a new customer start using it today?"""
        return self.state not in UNAVAILABLE_STATES


class Node(Model):
    """A service, feature, algorithm or concept that recommendations can name."""

    id: Id
    name: Text
    kind: NodeKind
    stages: list[Id] = field(metadata={"min_length": 1})
    summary: Text
    aliases: list[str] = field(default_factory=list)
    parent: Id | None = None
    """For a configuration: the service, feature or algorithm it configures."""
    traits: dict[Id, TraitValue] = field(default_factory=dict)
    status: Status = field(default_factory=Status)
    relations: dict[RelationType, list[Id]] = field(default_factory=dict)
    exam: list[TaskId] = field(default_factory=list)
    exam_note: str = ""
    """Where the exam's view differs from today's documentation, say so here."""
    sources: list[SourceUrl] = field(metadata={"min_length": 1})
