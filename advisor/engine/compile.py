"""Compile rules once at load: condition trees become predicates, rules get an agenda order.

A predicate takes the current facts and the node bound by `for_each` (or None).
Rules are ordered by stratum (a rule runs after every rule deriving a fact it reads),
then by salience (higher first), then by id, so reasoning is deterministic and each rule
needs evaluating at most once per run.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from advisor.engine.operators import OPERATORS, ORDERED
from advisor.errors import EngineError
from advisor.knowledge.crossref import design_fact, facts_read, pick_fact, rule_reads, rule_writes
from advisor.knowledge.formula import Expression, parse_formula
from advisor.knowledge.models import (
    AllOf,
    AnyOf,
    Condition,
    Derive,
    DesignTest,
    FactRef,
    FactTest,
    Formula,
    Node,
    NotOf,
    PickTest,
    Recommend,
    RelationTest,
    Rule,
    Selector,
    TraitTest,
    UsesTest,
)

if TYPE_CHECKING:
    from advisor.knowledge import KnowledgeBase

Facts = Mapping[str, Any]
Predicate = Callable[[Facts, Node | None], bool]


def _always(facts: Facts, node: Node | None) -> bool:
    return True


@dataclass(frozen=True, slots=True)
class CompiledRule:
    """A rule ready to run: its predicates, the nodes it ranges over and its agenda position."""

    rule: Rule
    position: int
    """Index in agenda order (stratum, then higher salience, then id)."""
    reads: frozenset[str]
    writes: frozenset[str]
    when: Predicate
    nodes: tuple[Node, ...] | None
    """The nodes selected by `for_each`, sorted by id; None for a rule without for_each."""
    where: Predicate
    guards: tuple[tuple[str, Any], ...] | None
    """(fact, value) pairs of which one must hold for the rule to fire; None if no such test."""
    sorted_reads: tuple[str, ...]
    sources: tuple[str, ...]
    exam: tuple[str, ...]
    picks: tuple[str, ...] = ()
    """Stages whose top pick the rule reads: settled before it is evaluated."""
    formulas: Mapping[str, Expression] | None = None
    """Derived fact -> its parsed formula, for `derive` actions with a formula."""

    def recommendations(self) -> Iterator[tuple[str, str]]:
        """(stage, node) pairs this rule can put forward (positive weight; `{node}` expanded)."""
        for action in self.rule.then:
            if not isinstance(action, Recommend) or action.weight <= 0:
                continue
            stage = action.stage or self.rule.stage
            if action.recommend == "{node}":
                yield from ((stage, node.id) for node in self.nodes or ())
            else:
                yield stage, action.recommend

    def bindings(self, facts: Facts) -> list[Node | None]:
        """The bindings this rule fires for, given the facts (empty when it does not fire)."""
        if not self.when(facts, None):
            return []
        if self.nodes is None:
            return [None]
        return [node for node in self.nodes if self.where(facts, node)]


@dataclass(frozen=True)
class CompiledRules:
    """All rules compiled, in agenda order, with the indexes that decide which rules a new
    fact can wake up: rules guarded by `fact == value` wake only for that value (an alpha
    index, as in Rete); other rules wake whenever a fact they read becomes known."""

    rules: tuple[CompiledRule, ...]
    readers: Mapping[str, tuple[CompiledRule, ...]]
    """Every rule reading a fact (for explanations and tools)."""
    unguarded_readers: Mapping[str, tuple[int, ...]]
    guarded: Mapping[tuple[str, Any], tuple[int, ...]]
    fire_without_facts: tuple[CompiledRule, ...]
    """Rules that fire even when none of the facts they read is known."""
    asks_when: Mapping[str, Predicate | None]
    """Per question: the relevance predicate (None: always relevant)."""
    pick_readers: tuple[int, ...] = ()
    """Rules that read another stage's pick: queued from the start, evaluated in agenda order
    (after every rule acting on that stage)."""
    gating_facts: tuple[str, ...] = ()
    """The facts any question's relevance depends on: relevance is worked out once per their values."""


class Compiler:
    """Turns condition trees into predicates over one knowledge base."""

    def __init__(self, kb: KnowledgeBase):
        self.kb = kb

    def condition(self, condition: Condition | None) -> Predicate:
        if condition is None:
            return _always
        if isinstance(condition, AllOf):
            parts = tuple(self.condition(child) for child in condition.all)
            return lambda facts, node: all(part(facts, node) for part in parts)
        if isinstance(condition, AnyOf):
            parts = tuple(self.condition(child) for child in condition.any)
            return lambda facts, node: any(part(facts, node) for part in parts)
        if isinstance(condition, NotOf):
            inner = self.condition(condition.not_)
            return lambda facts, node: not inner(facts, node)
        if isinstance(condition, RelationTest):
            relation, target = condition.relation, condition.to
            return lambda facts, node: node is not None and target in node.relations.get(relation, ())
        if isinstance(condition, UsesTest):
            keys = tuple(design_fact(stage) for stage in self.kb.nodes[condition.uses].stages)
            used = condition.uses
            return lambda facts, node: any(used in facts.get(key, ()) for key in keys)
        return self._test(condition)

    def _test(self, test: FactTest | TraitTest | PickTest | DesignTest) -> Predicate:
        if isinstance(test, FactTest | DesignTest):
            fact = test.fact if isinstance(test, FactTest) else design_fact(test.design)
            scale = self.kb.facts[fact].scale if isinstance(test, FactTest) else None

            def left(facts: Facts, node: Node | None) -> Any:
                return facts.get(fact)
        elif isinstance(test, PickTest):
            key, trait_id, nodes = pick_fact(test.pick), test.trait, self.kb.nodes
            scale = self.kb.traits[trait_id].scale if trait_id else None

            def left(facts: Facts, node: Node | None) -> Any:
                picked = facts.get(key)
                if picked is None or trait_id is None:
                    return picked
                return nodes[picked].traits.get(trait_id)
        else:
            trait = test.trait
            scale = self.kb.traits[trait].scale

            def left(facts: Facts, node: Node | None) -> Any:
                return node.traits.get(trait) if node is not None else None

        name = test.operator
        if name == "known":
            wanted = bool(test.operand)
            return lambda facts, node: (left(facts, node) is not None) == wanted
        positions = self.kb.scale_positions.get(scale or "", {}) if name in ORDERED else {}
        compare = OPERATORS[name]
        operand = test.operand
        if isinstance(operand, FactRef):
            other = operand.fact

            def right(facts: Facts) -> Any:
                return facts.get(other)
        else:
            constant = frozenset(operand) if isinstance(operand, list) else operand

            def right(facts: Facts) -> Any:
                return constant

        if positions:

            def ordered(facts: Facts, node: Node | None) -> bool:
                a, b = left(facts, node), right(facts)
                return a is not None and b is not None and compare(positions[a], positions[b])

            return ordered

        def plain(facts: Facts, node: Node | None) -> bool:
            a, b = left(facts, node), right(facts)
            return a is not None and b is not None and compare(a, b)

        return plain

    def select(self, selector: Selector) -> tuple[Node, ...]:
        """The nodes a `for_each` ranges over, in id order."""
        chosen = []
        for node in sorted(self.kb.nodes.values(), key=lambda n: n.id):
            if selector.kind is not None and node.kind not in selector.kind:
                continue
            if selector.stage is not None and not set(selector.stage) & set(node.stages):
                continue
            if selector.ids is not None and node.id not in selector.ids:
                continue
            if selector.has_trait is not None and not set(selector.has_trait) <= set(node.traits):
                continue
            chosen.append(node)
        return tuple(chosen)


def compile_rules(kb: KnowledgeBase) -> CompiledRules:
    """Compile every rule of the knowledge base and build the fact -> readers index."""
    compiler = Compiler(kb)
    stages_of = {node.id: node.stages for node in kb.nodes.values()}
    strata = _strata(list(kb.rules.values()), stages_of)
    ordered = sorted(kb.rules.values(), key=lambda rule: (strata[rule.id], -rule.salience, rule.id))
    compiled = []
    for position, rule in enumerate(ordered):
        for_each = rule.for_each
        reads = rule_reads(rule, stages_of)
        formulas = {
            action.derive: parse_formula(action.value.formula)
            for action in rule.then
            if isinstance(action, Derive) and isinstance(action.value, Formula)
        }
        compiled.append(
            CompiledRule(
                rule=rule,
                position=position,
                reads=reads,
                writes=rule_writes(rule),
                when=_with_inputs(compiler.condition(rule.when), formulas),
                nodes=compiler.select(for_each.nodes) if for_each else None,
                where=compiler.condition(for_each.where if for_each else None),
                guards=_guards(kb, rule.when),
                sorted_reads=tuple(sorted(reads)),
                sources=tuple(rule.sources),
                exam=tuple(rule.exam),
                picks=tuple(sorted(fact.removeprefix("pick:") for fact in reads if fact.startswith("pick:"))),
                formulas=formulas or None,
            )
        )
    readers: dict[str, list[CompiledRule]] = defaultdict(list)
    unguarded: dict[str, list[int]] = defaultdict(list)
    guarded: dict[tuple[str, Any], list[int]] = defaultdict(list)
    for item in compiled:
        for fact in item.reads:
            readers[fact].append(item)
        if item.guards is None:
            for fact in item.reads:
                unguarded[fact].append(item.position)
        else:
            for guard in item.guards:
                guarded[guard].append(item.position)
    eager = tuple(item for item in compiled if not item.picks and item.bindings({}))
    asks_when = {
        question.id: compiler.condition(question.asks_when) if question.asks_when else None
        for question in kb.questions.values()
    }
    gating = sorted(
        {fact for q in kb.questions.values() for fact in facts_read(q.asks_when, stages_of)} | {"lens"}
    )
    return CompiledRules(
        rules=tuple(compiled),
        readers={fact: tuple(items) for fact, items in readers.items()},
        unguarded_readers={fact: tuple(items) for fact, items in unguarded.items()},
        guarded={guard: tuple(items) for guard, items in guarded.items()},
        fire_without_facts=eager,
        asks_when=asks_when,
        pick_readers=tuple(item.position for item in compiled if item.picks),
        gating_facts=tuple(gating),
    )


def _with_inputs(when: Predicate, formulas: Mapping[str, Expression]) -> Predicate:
    """A rule deriving a fact by formula fires only when every input of the formula is known."""
    inputs = tuple(sorted({name for expression in formulas.values() for name in expression.names}))
    if not inputs:
        return when
    return lambda facts, node: all(facts.get(name) is not None for name in inputs) and when(facts, node)


def _guards(kb: KnowledgeBase, condition: Condition | None) -> tuple[tuple[str, Any], ...] | None:
    """The (fact, value) pairs one of which the condition needs, from its first `eq` / `in`
    test on a single-valued fact at the top level of the condition (or of its `all`)."""
    tests = condition.all if isinstance(condition, AllOf) else [condition] if condition else []
    for test in tests:
        if not isinstance(test, FactTest) or isinstance(test.operand, FactRef):
            continue
        if kb.facts[test.fact].type == "multi_choice":
            continue
        if test.operator == "eq":
            return ((test.fact, test.operand),)
        if test.operator == "in" and isinstance(test.operand, list):
            return tuple((test.fact, value) for value in test.operand)
    return None


def _strata(rules: list[Rule], stages_of: Mapping[str, list[str]]) -> dict[str, int]:
    """Stratum of each rule: 0 if it reads no derived fact, else 1 + the stratum of its writers."""
    writers: dict[str, list[Rule]] = defaultdict(list)
    for rule in rules:
        for fact in rule_writes(rule):
            writers[fact].append(rule)
    strata: dict[str, int] = {}
    visiting: set[str] = set()

    def stratum(rule: Rule) -> int:
        if rule.id in strata:
            return strata[rule.id]
        if rule.id in visiting:
            raise EngineError(f"rule cycle through derived facts at {rule.id}")
        visiting.add(rule.id)
        below = [stratum(writer) + 1 for fact in rule_reads(rule, stages_of) for writer in writers[fact]]
        visiting.discard(rule.id)
        strata[rule.id] = max(below, default=0)
        return strata[rule.id]

    for rule in rules:
        stratum(rule)
    return strata
