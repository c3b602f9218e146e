"""Exam profiles: an exam guide's domains, weights, task statements and in-scope items, as data.

Nodes, questions, rules, stages and scenarios name task statements as `1.2` (the default
profile's) or `mla_c01:1.2` (another profile's), so a second exam is a data change.
"""

from __future__ import annotations

import datetime
from dataclasses import field

from advisor.knowledge.models.base import Id, LocalTaskId, Model, SourceUrl, Text


class Domain(Model):
    """An exam domain, with its share of the scored questions."""

    id: Id
    name: Text
    weight: int = field(metadata={"ge": 0, "le": 100})
    """Percent of the exam's scored content."""


class Task(Model):
    """A task statement such as 1.2 "Identify and implement a data ingestion solution"."""

    id: LocalTaskId
    domain: Id
    title: Text


class ScopeItem(Model):
    """A service, feature or algorithm the exam expects candidates to know.

    `id` names the node that should describe it; a missing node is a coverage gap that
    `advisor kb coverage` reports, not a load error.
    """

    id: Id
    name: Text
    category: Text


class ExamProfile(Model):
    """One exam: its format, domains, task statements and in-scope items."""

    id: Id
    code: Text
    """AWS's exam code, e.g. MLS-C01."""
    name: Text
    default: bool = False
    """The profile that unprefixed task ids (`1.2`) and the `exam` lens refer to by default."""
    questions: int = field(metadata={"ge": 1})
    minutes: int = field(metadata={"ge": 1})
    pass_percent: int = field(metadata={"ge": 1, "le": 100})
    """The share of correct answers that passes a practice exam."""
    retired: datetime.date | None = None
    note: str = ""
    sources: list[SourceUrl] = field(metadata={"min_length": 1})
    domains: list[Domain] = field(metadata={"min_length": 1})
    tasks: list[Task] = field(metadata={"min_length": 1})
    scope: list[ScopeItem] = field(default_factory=list)
    out_of_scope: list[ScopeItem] = field(default_factory=list)
    """Services the guide says the exam does not expect; `advisor kb coverage` lists them."""
