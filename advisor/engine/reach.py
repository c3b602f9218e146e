"""Which facts can reach a stage: those read by the rules acting on it, then those read by
the rules deriving what those read (derived facts and other stages' picks), transitively.

A stage's top pick is a function of the lens and of these facts alone: a rule outside the
closure writes nothing a rule inside reads, so it cannot change which rules inside fire, nor
in what order (the agenda pops the lowest ready position, and readiness inside the closure
depends only on facts inside it).
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from advisor.knowledge.crossref import rule_reads, rule_writes, stages_acted_on
from advisor.knowledge.models import Rule, Warn

if TYPE_CHECKING:
    from advisor.knowledge import KnowledgeBase


def facts_reaching(kb: KnowledgeBase, stage: str, *, warnings: bool = False) -> frozenset[str]:
    """Every fact that can reach the rules acting on `stage` (with `warnings`: also the rules
    warning about it), directly or through derived facts and other stages' picks."""
    return _reaching(kb, stage, warnings)


@lru_cache(maxsize=1024)
def _reaching(kb: KnowledgeBase, stage: str, warnings: bool) -> frozenset[str]:
    stages_of = {node.id: node.stages for node in kb.nodes.values()}
    writers = _writers(kb)
    facts: set[str] = set()
    pending = [rule for rule in kb.rules.values() if stage in _stages_of_rule(rule, warnings)]
    while pending:
        rule = pending.pop()
        for fact in rule_reads(rule, stages_of) - facts:
            facts.add(fact)
            pending.extend(writers.get(fact, ()))
    return frozenset(facts)


@lru_cache(maxsize=16)
def _writers(kb: KnowledgeBase) -> dict[str, list[Rule]]:
    """Fact -> the rules deriving it (a stage's pick: the rules acting on the stage)."""
    writers: dict[str, list[Rule]] = {}
    for rule in kb.rules.values():
        for fact in rule_writes(rule):
            writers.setdefault(fact, []).append(rule)
    return writers


def _stages_of_rule(rule: Rule, warnings: bool) -> set[str]:
    """The stages the rule acts on (with `warnings`: and the stage it warns about)."""
    stages = set(stages_acted_on(rule))
    if warnings and any(isinstance(action, Warn) for action in rule.then):
        stages.add(rule.stage)
    return stages
