"""The shape of one file under rules/: any mix of the knowledge sections."""

from __future__ import annotations

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

    exams: list[ExamProfile] = []
    stages: list[Stage] = []
    scales: list[Scale] = []
    traits: list[Trait] = []
    questions: list[Question] = []
    facts: list[DerivedFact] = []
    nodes: list[Node] = []
    rules: list[Rule] = []
    cloudformation: list[ResourceMapping] = []
    """How CloudFormation resources read as a design (`advisor check --template`)."""


class KnowledgeDocument(KnowledgeFile):
    """Every file merged; the validated form that is cached and compiled."""
