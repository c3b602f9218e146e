"""Which facts can reach a stage: those read by the rules acting on it, then those read by
the rules deriving what those read (derived facts and other stages' picks), transitively.

A stage's top pick is a function of the lens and of these facts alone: a rule outside the
closure writes nothing a rule inside reads, so it cannot change which rules inside fire, nor
in what order (the agenda pops the lowest ready position, and readiness inside the closure
depends only on facts inside it).

Likewise a question's relevance reads only the facts its `asks_when` names, so an answer can
make relevant or irrelevant only the questions that name it (`questions_gated_by`).
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from advisor.knowledge.crossref import facts_read, rule_writes, stages_acted_on
from advisor.knowledge.models import Rule, Warn

if TYPE_CHECKING:
    from advisor.knowledge import KnowledgeBase


def questions_gated_by(kb: KnowledgeBase, fact: str) -> tuple[str, ...]:
    """The questions whose relevance (`asks_when`) reads the fact: those a change to it can
    make relevant or irrelevant."""
    return _gated(kb).get(fact, ())


def facts_reaching(kb: KnowledgeBase, stage: str, *, warnings: bool = False) -> frozenset[str]:
    """Every fact that can reach the rules acting on `stage` (with `warnings`: also the rules
    warning about it), directly or through derived facts and other stages' picks."""
    return _reaching(kb, stage, warnings)[0]


def rules_reaching(kb: KnowledgeBase, stage: str) -> frozenset[str]:
    """The ids of the rules acting on `stage` and of every rule deriving what they read,
    transitively: running only these gives the stage the same top pick as running them all."""
    return _reaching(kb, stage, False)[1]


@lru_cache(maxsize=1024)
def _reaching(kb: KnowledgeBase, stage: str, warnings: bool) -> tuple[frozenset[str], frozenset[str]]:
    """The facts reaching the stage's rules, and those rules with the rules deriving the facts."""
    reads, writers = _reads(kb), _writers(kb)
    facts: set[str] = set()
    pending = list(_acting(kb, warnings).get(stage, ()))
    rules = {rule.id for rule in pending}
    while pending:
        rule = pending.pop()
        for fact in reads[rule.id] - facts:
            facts.add(fact)
            found = writers.get(fact, ())
            rules.update(writer.id for writer in found)
            pending.extend(found)
    return frozenset(facts), frozenset(rules)


@lru_cache(maxsize=16)
def _gated(kb: KnowledgeBase) -> dict[str, tuple[str, ...]]:
    gated: dict[str, list[str]] = {}
    for question in kb.questions.values():
        for fact in sorted(set(facts_read(question.asks_when))):
            gated.setdefault(fact, []).append(question.id)
    return {fact: tuple(questions) for fact, questions in gated.items()}


@lru_cache(maxsize=16)
def _reads(kb: KnowledgeBase) -> dict[str, frozenset[str]]:
    """Rule id -> the facts the rule reads (as compiling worked them out)."""
    compiled = kb.compiled
    return {rule: frozenset(compiled.reads[position]) for rule, position in compiled.position.items()}


@lru_cache(maxsize=16)
def _writers(kb: KnowledgeBase) -> dict[str, list[Rule]]:
    """Fact -> the rules deriving it (a stage's pick: the rules acting on the stage)."""
    writers: dict[str, list[Rule]] = {}
    for rule in kb.rules.values():
        for fact in rule_writes(rule):
            writers.setdefault(fact, []).append(rule)
    return writers


@lru_cache(maxsize=32)
def _acting(kb: KnowledgeBase, warnings: bool) -> dict[str, list[Rule]]:
    """Stage -> the rules acting on it (with `warnings`: and those warning about it)."""
    acting: dict[str, list[Rule]] = {}
    for rule in kb.rules.values():
        for stage in sorted(_stages_of_rule(rule, warnings)):
            acting.setdefault(stage, []).append(rule)
    return acting


def _stages_of_rule(rule: Rule, warnings: bool) -> set[str]:
    """The stages the rule acts on (with `warnings`: and the stage it warns about)."""
    stages = set(stages_acted_on(rule))
    if warnings and any(isinstance(action, Warn) for action in rule.then):
        stages.add(rule.stage)
    return stages
