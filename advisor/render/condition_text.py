"""Conditions, `for_each` and actions of the knowledge as readable, indented text.

all of:
  data_arrival = streaming (Continuously, as events happen)
  ingest_latency ≤ seconds (a few seconds)
For each service in stage ingestion with trait latency_floor where latency_floor > {fact ingest_latency}
recommend amazon_kinesis_data_streams (+3)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from advisor.knowledge.models import (
    Action,
    AllOf,
    AnyOf,
    Condition,
    Derive,
    Diagnose,
    Exclude,
    FactRef,
    FactTest,
    ForEach,
    Formula,
    NotNeeded,
    NotOf,
    PickTest,
    Recommend,
    RelationTest,
    Trait,
    TraitTest,
    Warn,
)
from advisor.knowledge.models.condition import Leaf
from advisor.knowledge.values import trait_label

if TYPE_CHECKING:
    from advisor.knowledge import KnowledgeBase

INDENT = "  "
PLAIN = Trait(id="value", type="text", doc="A value shown as it is written.")
"""How operands of tests other than fact and trait tests are shown: yes/no, numbers, ids."""
SYMBOLS = {
    "eq": "=",
    "ne": "≠",
    "lt": "<",
    "le": "≤",
    "gt": ">",
    "ge": "≥",
    "in": "is one of",
    "not_in": "is none of",
    "contains": "contains",
}


def condition_lines(kb: KnowledgeBase, condition: Condition) -> list[str]:
    """One line per test; `all of:` / `any of:` / `not:` with their parts indented below."""
    if isinstance(condition, AllOf | AnyOf | NotOf):
        heading, parts = _branches(condition)
        return [heading, *(INDENT + line for part in parts for line in condition_lines(kb, part))]
    return [leaf_text(kb, condition)]


def _branches(condition: AllOf | AnyOf | NotOf) -> tuple[str, list[Condition]]:
    if isinstance(condition, AllOf):
        return "all of:", condition.all
    if isinstance(condition, AnyOf):
        return "any of:", condition.any
    return "not:", [condition.not_]


def leaf_text(kb: KnowledgeBase, test: Leaf) -> str:
    """`data_arrival = streaming (Continuously, as events happen)`, `record_mb > 1 MB`, …

    Facts and traits are named alone; any other kind of test by its kind and what it looks
    at (`uses amazon_s3`), so a test kind added to the schema still reads as text.
    """
    if isinstance(test, RelationTest):
        return f"{test.relation} {test.to}"
    subject = getattr(test, test.KIND)
    if isinstance(test, PickTest):
        subject = f"top pick of {subject}" + (f" has {test.trait}" if test.trait else "")
    elif not isinstance(test, FactTest | TraitTest):
        subject = f"{test.KIND} {subject}"
    operator = getattr(test, "operator", None)
    if operator is None:
        return str(subject)
    operand = getattr(test, "operand", None)
    if operator == "known":
        return f"{subject} is {'known' if operand else 'not known'}"
    return f"{subject} {SYMBOLS[operator]} {_operand(kb, test, operand)}"


def _operand(kb: KnowledgeBase, test: Leaf, operand: Any) -> str:
    if isinstance(operand, FactRef):
        return f"{{fact {operand.fact}}}"
    if isinstance(operand, list):  # ids only: labels of several values make an unreadable line
        return ", ".join(item if isinstance(item, str) else _label(kb, test, item) for item in operand)
    return _with_label(operand, _label(kb, test, operand))


def _label(kb: KnowledgeBase, test: Leaf, value: Any) -> str:
    if isinstance(test, FactTest):
        return kb.value_label(test.fact, value)
    if isinstance(test, TraitTest):
        return trait_label(kb.traits[test.trait], kb.scales, value)
    return trait_label(PLAIN, kb.scales, value)


def _with_label(value: Any, label: str) -> str:
    """`streaming (Continuously, as events happen)`: the id a file uses, and its label when
    that says more than the id does."""
    if not isinstance(value, str):
        return label
    return value if _plain(label) == _plain(value) else f"{value} ({label})"


def _plain(text: str) -> str:
    return text.replace("_", " ").casefold()


def for_each_lines(kb: KnowledgeBase, for_each: ForEach) -> list[str]:
    """`For each service in stage ingestion with trait latency_floor where …` (a compound
    `where` goes on indented lines below)."""
    heading = "For each " + _selection(for_each)
    if for_each.where is None:
        return [heading]
    where = condition_lines(kb, for_each.where)
    if len(where) == 1:
        return [f"{heading} where {where[0]}"]
    return [f"{heading} where:", *(INDENT + line for line in where)]


def _selection(for_each: ForEach) -> str:
    nodes = for_each.nodes
    parts = [" or ".join(nodes.kind) if nodes.kind else "node"]
    if nodes.ids:
        parts.append(f"among {', '.join(nodes.ids)}")
    if nodes.stage:
        parts.append(f"in {_plural('stage', nodes.stage)}")
    if nodes.has_trait:
        parts.append(f"with {_plural('trait', nodes.has_trait)}")
    return " ".join(parts)


def _plural(word: str, items: list[str]) -> str:
    return f"{word}{'s' if len(items) > 1 else ''} {', '.join(items)}"


def action_text(kb: KnowledgeBase, action: Action) -> str:
    """`recommend amazon_kinesis_data_streams (+3)`, `exclude {node}`, `derive needs_replay = yes`,
    `warn "…"`."""
    if isinstance(action, Recommend):
        return f"recommend {action.recommend}{_stage(action.stage, 'for')} ({action.weight:+d})"
    if isinstance(action, Exclude):
        return f"exclude {action.exclude}{_stage(action.stage, 'from')}"
    if isinstance(action, Derive):
        if isinstance(action.value, Formula):
            return f"derive {action.derive} = {action.value.formula}"
        value = _with_label(action.value, kb.value_label(action.derive, action.value))
        return f"derive {action.derive} = {value}"
    if isinstance(action, NotNeeded):
        return f"settle stage {action.not_needed} as not needed"
    if isinstance(action, Diagnose):
        return f'diagnose {action.symptom}: "{action.diagnose}"'
    if isinstance(action, Warn):
        return f'warn "{action.warn}"'
    kind = str(getattr(action, "KIND", "do"))  # an action kind added to the schema: kind and target
    return f"{kind} {getattr(action, kind, '')}".strip()


def _stage(stage: str | None, preposition: str) -> str:
    return f" {preposition} stage {stage}" if stage else ""
