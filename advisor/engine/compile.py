"""Compile rules once at load into plain tables the engine runs on.

Rules are ordered by stratum (a rule runs after every rule deriving a fact it reads, and after
every rule acting on a stage whose pick it reads), then by salience (higher first), then by id,
so reasoning is deterministic and each rule needs evaluating at most once per run.

Matching is by counting, as in the alpha network of Rete: a rule's top-level tests of one fact
against a constant ("alpha" tests) are decided once per (fact, value) when the fact is
asserted; a rule is queued when all of them hold, and only what is left (its `residual`
condition) is evaluated then. Rules without alpha tests are queued whenever a fact they read
becomes known. The result is plain data (`advisor.engine.tables`), which the knowledge cache keeps.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from advisor.engine.condition import Group, Plain, Plainer, Predicate, Test, is_alpha, predicate
from advisor.engine.tables import NODE, Action, CompiledRules
from advisor.engine.template import parse
from advisor.errors import EngineError
from advisor.knowledge.crossref import facts_read, rule_reads, rule_writes
from advisor.knowledge.formula import parse_formula
from advisor.knowledge.models import (
    AllOf,
    Condition,
    Derive,
    Diagnose,
    Exclude,
    Formula,
    Node,
    NotNeeded,
    Recommend,
    Rule,
    Selector,
    Warn,
)

if TYPE_CHECKING:
    from advisor.knowledge import KnowledgeBase


def plainer_for(kb: KnowledgeBase) -> Plainer:
    return Plainer(
        {fact: spec.scale for fact, spec in kb.facts.items()},
        {trait.id: trait.scale for trait in kb.traits.values()},
        {node.id: node.stages for node in kb.nodes.values()},
    )


def condition_predicate(kb: KnowledgeBase, condition: Condition) -> Predicate:
    """The predicate of one schema condition, as the engine evaluates it (for tools and tests)."""
    return predicate(plainer_for(kb).plain(condition), kb.nodes, kb.scale_positions)


def compile_rules(kb: KnowledgeBase) -> CompiledRules:
    """Compile every rule of the knowledge base into agenda-ordered tables and match indexes."""
    stages_of = {node.id: node.stages for node in kb.nodes.values()}
    plainer = plainer_for(kb)
    reads_of = {rule.id: rule_reads(rule, stages_of) for rule in kb.rules.values()}
    strata = _strata(list(kb.rules.values()), reads_of)
    ordered = sorted(kb.rules.values(), key=lambda rule: (strata[rule.id], -rule.salience, rule.id))
    reads = [reads_of[rule.id] for rule in ordered]
    matches = [_split(plainer, rule) for rule in ordered]
    alpha: dict[str, list[tuple[int, Test]]] = defaultdict(list)
    wakers: dict[str, list[int]] = defaultdict(list)
    for position, (tests, _, _) in enumerate(matches):
        for test in tests:
            alpha[test.key].append((position, test))
        if not tests:
            for fact in sorted(reads[position]):
                wakers[fact].append(position)
    questions = set(kb.questions) | {"lens"}
    selection = _Selection(kb.nodes)
    tables = CompiledRules(
        ids=tuple(rule.id for rule in ordered),
        titles=tuple(rule.title for rule in ordered),
        stages=tuple(rule.stage for rule in ordered),
        because=tuple(rule.because for rule in ordered),
        sources=tuple(tuple(rule.sources) for rule in ordered),
        exam=tuple(tuple(rule.exam) for rule in ordered),
        reads=tuple(tuple(sorted(facts)) for facts in reads),
        settles=_settles(reads),
        actions=tuple(tuple(_actions(rule)) for rule in ordered),
        nodes=tuple(selection.ids(rule.for_each.nodes) if rule.for_each else None for rule in ordered),
        ranges=(),
        simple=tuple(_simple(rule, matches[position][2]) for position, rule in enumerate(ordered)),
        where=tuple(
            plainer.plain(rule.for_each.where) if rule.for_each and rule.for_each.where else None
            for rule in ordered
        ),
        need=tuple(need for _, need, _ in matches),
        residual=tuple(residual for _, _, residual in matches),
        alpha={fact: tuple(tests) for fact, tests in alpha.items()},
        wakers={fact: tuple(positions) for fact, positions in wakers.items()},
        eager=(),
        rendered_early=frozenset(
            position
            for position, rule in enumerate(ordered)
            if _named_facts(rule) - questions - reads[position]
        ),
        asks_when={
            question.id: plainer.plain(question.asks_when) if question.asks_when else None
            for question in kb.questions.values()
        },
        gating_facts=tuple(
            sorted(
                {fact for q in kb.questions.values() for fact in facts_read(q.asks_when, stages_of)}
                | {"lens"}
            )
        ),
        positions=kb.scale_positions,
    )
    return _with_eager(_with_ranges(tables, kb), kb)


def _with_ranges(tables: CompiledRules, kb: KnowledgeBase) -> CompiledRules:
    """Decide the parts of each `where` that read no fact once, for every node in range."""
    from dataclasses import replace

    ranges, wheres = [], []
    for nodes, where in zip(tables.nodes, tables.where, strict=True):
        parts = where.parts if isinstance(where, Group) and where.kind == "all" else (where,) if where else ()
        fixed = tuple(part for part in parts if not _reads_facts(part))
        rest = tuple(part for part in parts if _reads_facts(part))
        holds = predicate(Group("all", fixed), kb.nodes, tables.positions) if fixed else None
        ranges.append(
            None if nodes is None else tuple(n for n in nodes if holds is None or holds({}, kb.nodes[n]))
        )
        wheres.append(None if not rest else rest[0] if len(rest) == 1 else Group("all", rest))
    return replace(tables, ranges=tuple(ranges), where=tuple(wheres))


def _reads_facts(condition: Plain) -> bool:
    if isinstance(condition, Group):
        return any(_reads_facts(part) for part in condition.parts)
    return condition.kind in ("fact", "pick", "uses") or condition.ref is not None


def _with_eager(tables: CompiledRules, kb: KnowledgeBase) -> CompiledRules:
    """The rules that fire with no fact known: they must be queued from the start."""
    from dataclasses import replace

    eager = []
    for position, need in enumerate(tables.need):
        if need:
            continue
        if not predicate(tables.residual[position], kb.nodes, tables.positions)({}, None):
            continue
        nodes = tables.ranges[position]
        where = predicate(tables.where[position], kb.nodes, tables.positions)
        if nodes is None or any(where({}, kb.nodes[node]) for node in nodes):
            eager.append(position)
    return replace(tables, eager=tuple(eager))


def _settles(reads: list[frozenset[str]]) -> tuple[tuple[int, str], ...]:
    """(position of its first reader, stage) for every stage whose pick a rule reads."""
    first: dict[str, int] = {}
    for position, facts in enumerate(reads):
        for fact in facts:
            if fact.startswith("pick:"):
                first.setdefault(fact.removeprefix("pick:"), position)
    return tuple(sorted((position, stage) for stage, position in first.items()))


def _split(plainer: Plainer, rule: Rule) -> tuple[list[Test], int, Plain | None]:
    """A rule's alpha tests, how many of them must hold before it is queued, and the rest of
    its condition.

    The alpha tests are its top-level tests of one fact against a constant, and `known` for
    every input of its formulas; all must hold. A rule with none may be gated by a top-level
    `any` of such tests instead: queued when one holds (the count reaches 0 at the first;
    more only take it below), and never otherwise, since its condition cannot hold.
    """
    when = rule.when
    parts = [
        plainer.plain(child) for child in (when.all if isinstance(when, AllOf) else [when] if when else [])
    ]
    tests = [part for part in parts if isinstance(part, Test) and is_alpha(part)]
    rest = [part for part in parts if not is_alpha(part)]
    inputs = sorted(
        {
            name
            for action in rule.then
            if isinstance(action, Derive) and isinstance(action.value, Formula)
            for name in parse_formula(action.value.formula).names
        }
    )
    tests += [Test("fact", name, "known", True) for name in inputs]
    need = len(tests)
    gate = None if tests else next((part for part in rest if _alpha_any(part)), None)
    if isinstance(gate, Group):
        rest.remove(gate)
        tests, need = [part for part in gate.parts if isinstance(part, Test)], 1
    residual = None if not rest else rest[0] if len(rest) == 1 else Group("all", tuple(rest))
    return tests, need, residual


def _alpha_any(condition: Plain) -> bool:
    return isinstance(condition, Group) and condition.kind == "any" and all(map(is_alpha, condition.parts))


def _simple(rule: Rule, residual: Plain | None) -> tuple[str, str, Any, int] | None:
    if residual is not None or rule.for_each or len(rule.then) != 1:
        return None
    action = rule.then[0]
    if isinstance(action, Recommend) and action.recommend != NODE:
        return ("recommend", action.stage or rule.stage, action.recommend, action.weight)
    if isinstance(action, Derive) and not isinstance(action.value, Formula):
        return ("derive", action.derive, action.value, 0)
    return None


def _actions(rule: Rule) -> Iterator[Action]:
    for action in rule.then:
        if isinstance(action, Recommend):
            yield Action("recommend", action.recommend, action.stage or rule.stage, action.weight)
        elif isinstance(action, Exclude):
            yield Action("exclude", action.exclude, action.stage or rule.stage)
        elif isinstance(action, Derive):
            formula = action.value.formula if isinstance(action.value, Formula) else None
            yield Action("derive", action.derive, value=None if formula else action.value, formula=formula)
        elif isinstance(action, NotNeeded):
            yield Action("not_needed", action.not_needed, action.not_needed)
        elif isinstance(action, Warn):
            yield Action("warn", value=action.warn, stage=rule.stage)
        elif isinstance(action, Diagnose):
            yield Action("diagnose", value=action.diagnose, symptom=action.symptom)


def _named_facts(rule: Rule) -> set[str]:
    """Facts named by `{fact.F}` in the rule's reason and warnings."""
    templates = [rule.because, *(action.warn for action in rule.then if isinstance(action, Warn))]
    return {name for template in templates for kind, name in parse(template) if kind == "fact"}


class _Selection:
    """The nodes a `for_each` ranges over, found through an index of the nodes by stage."""

    def __init__(self, nodes: Mapping[str, Node]):
        self.by_id = [nodes[node_id] for node_id in sorted(nodes)]
        self.by_stage: dict[str, list[Node]] = defaultdict(list)
        for node in self.by_id:
            for stage in node.stages:
                self.by_stage[stage].append(node)

    def ids(self, selector: Selector) -> tuple[str, ...]:
        """The ids of the selected nodes, in id order."""
        kinds, stages, ids, traits = selector.kind, selector.stage, selector.ids, selector.has_trait
        if stages is None:
            pool = self.by_id
        else:  # a node of several selected stages is found once
            found = {node.id: node for stage in stages for node in self.by_stage.get(stage, ())}
            pool = [found[node_id] for node_id in sorted(found)]
        return tuple(
            node.id
            for node in pool
            if (kinds is None or node.kind in kinds)
            and (ids is None or node.id in ids)
            and (traits is None or all(trait in node.traits for trait in traits))
        )


def _strata(rules: list[Rule], reads_of: Mapping[str, frozenset[str]]) -> dict[str, int]:
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
        below = [stratum(writer) + 1 for fact in reads_of[rule.id] for writer in writers[fact]]
        visiting.discard(rule.id)
        strata[rule.id] = max(below, default=0)
        return strata[rule.id]

    for rule in rules:
        stratum(rule)
    return strata
