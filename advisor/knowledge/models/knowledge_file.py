"""The shape of one file under rules/: any mix of the knowledge sections."""

from __future__ import annotations

from dataclasses import field

from advisor.knowledge.models.base import Model
from advisor.knowledge.models.cloudformation import ResourceMapping
from advisor.knowledge.models.exam import ExamProfile
from advisor.knowledge.models.node import Node
from advisor.knowledge.models.question import DerivedFact, Question
from advisor.knowledge.models.rule import Rule
from advisor.knowledge.models.vocabulary import Scale, Stage, Trait

SECTIONS = (
    "exams",
    "stages",
    "scales",
    "traits",
    "questions",
    "facts",
    "nodes",
    "rules",
    "cloudformation",
)


class KnowledgeFile(Model):
    """A YAML file in rules/; the loader merges all files into one knowledge base."""

    exams: list[ExamProfile] = field(default_factory=list)
    stages: list[Stage] = field(default_factory=list)
    scales: list[Scale] = field(default_factory=list)
    traits: list[Trait] = field(default_factory=list)
    questions: list[Question] = field(default_factory=list)
    facts: list[DerivedFact] = field(default_factory=list)
    nodes: list[Node] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)
    cloudformation: list[ResourceMapping] = field(default_factory=list)
    """How CloudFormation resources read as a design (`advisor check --template`)."""


class KnowledgeDocument(KnowledgeFile):
    """Every file merged; the validated form that is cached and compiled."""
