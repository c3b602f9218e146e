"""Conditions as plain data, and the predicates built from them.

The compiled knowledge holds conditions as plain tuples (`Test`, `Group`) rather than schema
models, so it can be cached and loaded without re-validating anything; the engine turns a
plain condition into a predicate (a closure) the first time it evaluates it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, NamedTuple

from advisor.engine.operators import OPERATORS, ORDERED
from advisor.knowledge.crossref import design_fact, pick_fact
from advisor.knowledge.models import (
    AllOf,
    AnyOf,
    Condition,
    DesignTest,
    FactRef,
    FactTest,
    Node,
    NotOf,
    PickTest,
    RelationTest,
    TraitTest,
    UsesTest,
)

Facts = Mapping[str, Any]
Predicate = Callable[[Facts, Node | None], bool]


class Test(NamedTuple):
    """One test as plain data.

    kind `fact` (`key` is the fact, a design fact included), `pick` (`key` is the pick fact,
    `extra` the trait read from the picked node, if any), `trait` (`key` is the trait),
    `relation` (`key` is the relation, `extra` the target node) or `uses` (`key` is the node,
    `extra` the design facts it may be named in).
    """

    kind: str
    key: str
    op: str = ""
    operand: Any = None
    """A constant (a list becomes a frozenset); None when `ref` names the operand's fact."""
    ref: str | None = None
    scale: str | None = None
    """The scale an ordered comparison compares positions on."""
    extra: Any = None


class Group(NamedTuple):
    """`all`, `any` or `not` (one part) over plain conditions."""

    kind: str
    parts: tuple[Plain, ...]


Plain = Test | Group


def _always(facts: Facts, node: Node | None) -> bool:
    return True


class Plainer:
    """Turns schema conditions into plain ones, resolving the scales ordered tests compare on."""

    def __init__(
        self,
        fact_scales: Mapping[str, str | None],
        trait_scales: Mapping[str, str | None],
        stages_of: Mapping[str, list[str]],
    ):
        self.fact_scales = fact_scales
        self.trait_scales = trait_scales
        self.stages_of = stages_of

    def plain(self, condition: Condition) -> Plain:
        if isinstance(condition, AllOf):
            return Group("all", tuple(self.plain(child) for child in condition.all))
        if isinstance(condition, AnyOf):
            return Group("any", tuple(self.plain(child) for child in condition.any))
        if isinstance(condition, NotOf):
            return Group("not", (self.plain(condition.not_),))
        if isinstance(condition, RelationTest):
            return Test("relation", condition.relation, extra=condition.to)
        if isinstance(condition, UsesTest):
            keys = tuple(design_fact(stage) for stage in self.stages_of[condition.uses])
            if len(keys) == 1:  # a node of one stage: that stage's design contains it
                return Test("fact", keys[0], "contains", condition.uses)
            return Test("uses", condition.uses, extra=keys)
        return self._test(condition)

    def _test(self, test: FactTest | TraitTest | PickTest | DesignTest) -> Test:
        op, operand = test.operator, test.operand
        ref = operand.fact if isinstance(operand, FactRef) else None
        constant = None if ref else frozenset(operand) if isinstance(operand, list) else operand
        if isinstance(test, FactTest):
            kind, key, extra, scale = "fact", test.fact, None, self.fact_scales.get(test.fact)
        elif isinstance(test, DesignTest):
            kind, key, extra, scale = "fact", design_fact(test.design), None, None
        elif isinstance(test, PickTest):
            kind, key, extra = "pick", pick_fact(test.pick), test.trait
            scale = self.trait_scales.get(test.trait) if test.trait else None
        else:
            kind, key, extra, scale = "trait", test.trait, None, self.trait_scales.get(test.trait)
        return Test(kind, key, op, constant, ref, scale if op in ORDERED else None, extra)


def facts_tested(condition: Plain | None) -> tuple[str, ...]:
    """Every fact a plain condition looks at (picks and design facts included), sorted."""
    found: set[str] = set()
    pending = [condition] if condition is not None else []
    while pending:
        part = pending.pop()
        if isinstance(part, Group):
            pending.extend(part.parts)
        elif part.kind in ("fact", "pick"):
            found.add(part.key)
        elif part.kind == "uses":
            found.update(part.extra)
        if isinstance(part, Test) and part.ref is not None:
            found.add(part.ref)
    return tuple(sorted(found))


def is_alpha(test: Plain) -> bool:
    """A test of one fact (or of a stage's pick: the node id, or a trait of that node) against
    a constant, which holds only when the fact is known: it can be decided once per (fact,
    value), when the fact is asserted (a pick is asserted when it is settled)."""
    return (
        isinstance(test, Test)
        and test.kind in ("fact", "pick")
        and test.ref is None
        and not (test.op == "known" and not test.operand)
    )


def alpha_holds(
    test: Test, value: Any, positions: Mapping[str, Mapping[str, int]], nodes: Mapping[str, Node]
) -> bool:
    """Does an alpha test hold for this (known) value of its fact?"""
    if test.kind == "pick" and test.extra is not None:  # a trait of the picked node
        value = nodes[value].traits.get(test.extra)
        if value is None:
            return False
    if test.op == "known":
        return True
    compare = OPERATORS[test.op]
    if test.scale is not None and test.scale in positions:
        scale = positions[test.scale]
        return compare(scale[value], scale[test.operand])
    return compare(value, test.operand)


def predicate(
    condition: Plain | None, nodes: Mapping[str, Node], positions: Mapping[str, Mapping[str, int]]
) -> Predicate:
    """The predicate of a plain condition (None: always true).

    The closures are specialised for the shapes rules use most (a group of two or three, a
    fact or a pick against a constant): the engine calls them a hundred times per run.
    """
    if condition is None:
        return _always
    if isinstance(condition, Group):
        parts = tuple(predicate(part, nodes, positions) for part in condition.parts)
        if condition.kind == "not":
            inner = parts[0]
            return lambda facts, node: not inner(facts, node)
        return _all(parts) if condition.kind == "all" else _any(parts)
    if condition.kind == "relation":
        relation, target = condition.key, condition.extra
        return lambda facts, node: node is not None and target in node.relations.get(relation, ())  # type: ignore[call-overload]
    if condition.kind == "uses":  # a node of several stages (the plainer makes one stage a `contains`)
        used, keys = condition.key, condition.extra
        return lambda facts, node: any(used in facts.get(key, ()) for key in keys)
    return _test(condition, nodes, positions)


def _all(parts: tuple[Predicate, ...]) -> Predicate:
    if len(parts) == 1:
        return parts[0]
    if len(parts) == 2:
        first, second = parts
        return lambda facts, node: first(facts, node) and second(facts, node)
    if len(parts) == 3:
        first, second, third = parts
        return lambda facts, node: first(facts, node) and second(facts, node) and third(facts, node)
    return lambda facts, node: all(part(facts, node) for part in parts)


def _any(parts: tuple[Predicate, ...]) -> Predicate:
    if len(parts) == 1:
        return parts[0]
    if len(parts) == 2:
        first, second = parts
        return lambda facts, node: first(facts, node) or second(facts, node)
    if len(parts) == 3:
        first, second, third = parts
        return lambda facts, node: first(facts, node) or second(facts, node) or third(facts, node)
    return lambda facts, node: any(part(facts, node) for part in parts)


def _left(test: Test, nodes: Mapping[str, Node]) -> Callable[[Facts, Node | None], Any]:
    key = test.key
    if test.kind == "fact":
        return lambda facts, node: facts.get(key)
    if test.kind == "pick":
        trait = test.extra

        def picked(facts: Facts, node: Node | None) -> Any:
            chosen = facts.get(key)
            if chosen is None or trait is None:
                return chosen
            return nodes[chosen].traits.get(trait)

        return picked
    return lambda facts, node: node.traits.get(key) if node is not None else None


def _test(test: Test, nodes: Mapping[str, Node], positions: Mapping[str, Mapping[str, int]]) -> Predicate:
    left = _left(test, nodes)
    # the left side is a fact's value as it is (a pick without a trait is the picked id)
    reads_fact = test.kind == "fact" or (test.kind == "pick" and test.extra is None)
    key = test.key
    if test.op == "known":
        if reads_fact:
            if test.operand:
                return lambda facts, node: facts.get(key) is not None
            return lambda facts, node: facts.get(key) is None
        wanted = bool(test.operand)
        return lambda facts, node: (left(facts, node) is not None) == wanted
    compare = OPERATORS[test.op]
    other, constant = test.ref, test.operand
    scale = positions.get(test.scale or "", {})
    if scale:

        def ordered(facts: Facts, node: Node | None) -> bool:
            a, b = left(facts, node), facts.get(other) if other else constant
            return a is not None and b is not None and compare(scale[a], scale[b])

        return ordered
    if test.kind == "trait" and other is not None:  # the common `where`: a trait against a fact

        def trait_against_fact(facts: Facts, node: Node | None) -> bool:
            a = node.traits.get(key) if node is not None else None
            b = facts.get(other)
            return a is not None and b is not None and compare(a, b)

        return trait_against_fact
    if reads_fact and other is None and constant is not None:  # the common residual
        return _fact_against_constant(key, test.op, constant)

    def plain(facts: Facts, node: Node | None) -> bool:
        a, b = left(facts, node), facts.get(other) if other else constant
        return a is not None and b is not None and compare(a, b)

    return plain


def _fact_against_constant(key: str, op: str, constant: Any) -> Predicate:
    """A fact (or a pick) against a constant that is not None, false while the fact is unknown."""
    if op == "eq":  # an unknown fact (None) never equals the constant
        return lambda facts, node: facts.get(key) == constant
    if op == "in" and isinstance(constant, frozenset) and None not in constant:
        return lambda facts, node: facts.get(key) in constant
    compare = OPERATORS[op]

    def fact_against_constant(facts: Facts, node: Node | None) -> bool:
        a = facts.get(key)
        return a is not None and compare(a, constant)

    return fact_against_constant
