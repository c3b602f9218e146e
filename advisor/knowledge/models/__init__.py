"""The pydantic schema of everything written in YAML: knowledge files, answers and scenarios."""

from advisor.knowledge.models.base import Id, LocalTaskId, Model, RuleId, Scalar, SourceUrl, TaskId
from advisor.knowledge.models.condition import (
    AllOf,
    AnyOf,
    Condition,
    FactRef,
    FactTest,
    NotOf,
    RelationTest,
    RelationType,
    TraitTest,
)
from advisor.knowledge.models.exam import Domain, ExamProfile, ScopeItem, Task
from advisor.knowledge.models.knowledge_file import KnowledgeDocument, KnowledgeFile
from advisor.knowledge.models.node import Node, NodeKind, Status
from advisor.knowledge.models.question import Choice, DerivedFact, FactSpec, Question
from advisor.knowledge.models.rule import Action, Derive, Exclude, ForEach, Recommend, Rule, Selector, Warn
from advisor.knowledge.models.vocabulary import Scale, ScaleValue, Stage, Trait

__all__ = [
    "Action",
    "AllOf",
    "AnyOf",
    "Choice",
    "Condition",
    "Derive",
    "DerivedFact",
    "Domain",
    "ExamProfile",
    "Exclude",
    "FactRef",
    "FactSpec",
    "FactTest",
    "ForEach",
    "Id",
    "KnowledgeDocument",
    "KnowledgeFile",
    "LocalTaskId",
    "Model",
    "Node",
    "NodeKind",
    "NotOf",
    "Question",
    "Recommend",
    "RelationTest",
    "RelationType",
    "Rule",
    "RuleId",
    "Scalar",
    "Scale",
    "ScaleValue",
    "ScopeItem",
    "Selector",
    "SourceUrl",
    "Stage",
    "Status",
    "Task",
    "TaskId",
    "Trait",
    "TraitTest",
    "Warn",
]
