"""Explanations over a Result: *how* (why this candidate), *why not* (why not that one), and
*what would change it* (which answers would change a stage's top pick)."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Literal

from advisor.engine.reach import facts_reaching
from advisor.engine.result import Firing, Lens, Result
from advisor.knowledge.crossref import facts_read
from advisor.knowledge.formula import parse_formula
from advisor.knowledge.models import (
    Derive,
    FactRef,
    FactTest,
    Formula,
    RelationTest,
    Rule,
    TraitTest,
    UsesTest,
)
from advisor.knowledge.models.condition import leaves

if TYPE_CHECKING:
    from advisor.engine.engine import Design, Engine
    from advisor.knowledge import KnowledgeBase

Verdict = Literal["top", "candidate", "excluded", "unavailable", "not_recommended", "not_needed"]


@dataclass(frozen=True)
class Explanation:
    """Why a node stands where it does in a stage."""

    stage: str
    node: str
    verdict: Verdict
    summary: str
    firings: tuple[Firing, ...] = ()
    """The firings behind the verdict (support, or exclusion)."""
    could_recommend: tuple[str, ...] = ()
    """For a node nobody recommended: rules that can recommend it in this stage."""
    sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class Change:
    """An answer that, given instead of the current one, changes a stage's top pick."""

    question: str
    value: Any
    label: str
    top: str | None


def explain(kb: KnowledgeBase, result: Result, stage: str, node: str) -> Explanation:
    """*How* for a candidate, *why not* for everything else."""
    kb.node(node)
    outcome = result.stage(stage)
    name = kb.nodes[node].name
    stage_name = kb.stages[stage].name if stage in kb.stages else stage
    candidate = outcome.candidate(node) if outcome else None
    if outcome and outcome.not_needed:
        firings = tuple(result.firing(i) for i in outcome.not_needed)
        reasons = " ".join(firing.because for firing in firings)
        summary = f"{stage_name} is not needed: {reasons}"
        sources = tuple(dict.fromkeys(url for firing in firings for url in firing.sources))
        return Explanation(stage, node, "not_needed", summary, firings, sources=sources)
    if outcome and candidate:
        firings = tuple(result.firing(s.firing) for s in candidate.support)
        top = outcome.top
        if top is candidate:
            summary = f"{name} is the top pick for {stage_name} with score {candidate.score}."
            return Explanation(stage, node, "top", summary, firings)
        best = top.name if top else "no candidate"
        best_score = top.score if top else 0
        summary = (
            f"{name} scores {candidate.score}, below {best} ({best_score}); "
            f"the rules below support it, fewer or weaker than those behind {best}."
        )
        return Explanation(stage, node, "candidate", summary, firings)
    exclusion = outcome.exclusion(node) if outcome else None
    if exclusion and exclusion.by_lens:
        return Explanation(stage, node, "unavailable", exclusion.reasons[0], sources=exclusion.sources)
    if exclusion:
        firings = tuple(result.firing(i) for i in exclusion.firings)
        rules = ", ".join(f.rule for f in firings)
        summary = f"{name} was rejected for {stage_name} by {rules}: " + " ".join(
            dict.fromkeys(exclusion.reasons)
        )
        return Explanation(stage, node, "excluded", summary, firings)
    could = tuple(rule.id for rule in rules_recommending(kb, node, stage))
    summary = f"No rule recommended {name} for {stage_name} with these answers."
    if could:
        summary += f" Rules that can: {', '.join(could)}."
    return Explanation(stage, node, "not_recommended", summary, could_recommend=could)


def rules_recommending(kb: KnowledgeBase, node: str, stage: str) -> list[Rule]:
    """Rules that can put `node` forward in `stage`."""
    tables = kb.compiled
    found = [
        kb.rules[rule_id]
        for position, rule_id in enumerate(tables.ids)
        if (stage, node) in set(tables.recommendations(position))
    ]
    return sorted(found, key=lambda r: r.id)


def what_would_change(
    engine: Engine, answers: Mapping[str, Any], lens: Lens, stage: str, design: Design | None = None
) -> list[Change]:
    """Every single-answer change (among the questions that can matter) that moves the top pick."""
    kb = engine.kb
    baseline = engine.top_picks(answers, lens, design=design).get(stage)
    changes = []
    for question in influencing_questions(kb, stage):
        current = answers.get(question)
        for value in alternatives(kb, question, current):
            top = engine.top_picks({**answers, question: value}, lens, design=design).get(stage)
            if top != baseline:
                changes.append(Change(question, value, kb.value_label(question, value), top))
    return changes


def influencing_questions(kb: KnowledgeBase, stage: str) -> list[str]:
    """Questions whose answer can reach a rule acting on `stage` (directly, through derived
    facts, or by making another such question relevant), in question order."""
    return list(_influencing(kb, stage))


@lru_cache(maxsize=256)
def _influencing(kb: KnowledgeBase, stage: str) -> tuple[str, ...]:
    """The questions among the facts reaching the stage (its warnings included), and the
    questions their relevance (`asks_when`) reads."""
    stages_of = {node.id: node.stages for node in kb.nodes.values()}
    facts = set(facts_reaching(kb, stage, warnings=True))
    for question in kb.questions.values():
        if question.id in facts and question.asks_when is not None:
            facts.update(facts_read(question.asks_when, stages_of))
    return tuple(q for q in kb.questions if q in facts)


def alternatives(kb: KnowledgeBase, question_id: str, current: Any) -> list[Any]:
    """Every other answer worth trying for a question (numbers: either side of each threshold)."""
    spec = kb.questions[question_id]
    if spec.type == "yes_no":
        return [value for value in (True, False) if value != current]
    if spec.type in ("choice", "scale"):
        options = [c.id for c in spec.choices or []] or [v.id for v in kb.scales[spec.scale or ""].values]
        return [value for value in options if value != current]
    if spec.type == "multi_choice":
        chosen = frozenset(current or ())
        return [chosen ^ {choice.id} for choice in spec.choices or []]
    return [value for value in _number_probes(kb, question_id) if value != current]


def formula_partners(kb: KnowledgeBase, question_id: str) -> tuple[str, ...]:
    """The questions a calculation reads together with this one — a formula's other inputs, or
    the number a derived value is compared with — through derived facts: none of them changes
    anything alone while another is unknown (a formula concludes only when every input is known)."""
    return _partners(kb).get(question_id, ())


@lru_cache(maxsize=8)
def _partners(kb: KnowledgeBase) -> dict[str, tuple[str, ...]]:
    feeds: dict[str, set[str]] = {}  # derived fact -> the facts its formulas read
    for rule in kb.rules.values():
        for action in rule.then:
            if isinstance(action, Derive) and isinstance(action.value, Formula):
                feeds.setdefault(action.derive, set()).update(parse_formula(action.value.formula).names)

    def questions_behind(fact: str, seen: frozenset[str] = frozenset()) -> set[str]:
        if fact in kb.questions:
            return {fact}
        inner = feeds.get(fact, set()) - seen
        return {q for name in sorted(inner) for q in questions_behind(name, seen | {fact})}

    partners: dict[str, dict[str, None]] = {}
    for rule in kb.rules.values():
        groups = [set().union(*(questions_behind(n) for n in _formula_inputs(rule)))]
        for test in leaves(rule.when):
            if isinstance(test, FactTest) and (compared := _compared_facts(test)):
                groups.append(set().union(*(questions_behind(fact) for fact in compared)))
        for group in groups:
            for name in sorted(group):
                partners.setdefault(name, {}).update(dict.fromkeys(sorted(group - {name})))
    return {name: tuple(others) for name, others in partners.items()}


def _compared_facts(test: FactTest) -> set[str]:
    """Both sides of a test that compares one fact with another (`a > b`)."""
    return {test.fact, test.operand.fact} if isinstance(test.operand, FactRef) else set()


def _formula_inputs(rule: Rule) -> set[str]:
    return {
        name
        for action in rule.then
        if isinstance(action, Derive) and isinstance(action.value, Formula)
        for name in parse_formula(action.value.formula).names
    }


@lru_cache(maxsize=1024)
def _number_probes(kb: KnowledgeBase, question_id: str) -> tuple[float, ...]:
    """Values just either side of every threshold the rules compare this number with (worked
    out once per knowledge base and question: the lookahead asks for them at every step)."""
    thresholds: set[float] = set()
    for rule in kb.rules.values():
        where = rule.for_each.where if rule.for_each else None
        if question_id in _formula_inputs(rule):
            thresholds.update(10.0**power for power in range(-2, 7))  # formulas: probe each decade
        for test in [*leaves(rule.when), *leaves(where)]:
            if isinstance(test, RelationTest | UsesTest):
                continue
            operand = test.operand
            if isinstance(test, FactTest) and test.fact == question_id and isinstance(operand, int | float):
                thresholds.add(float(operand))
            elif isinstance(test, FactTest) and question_id in _compared_facts(test):
                thresholds.update(10.0**power for power in range(-2, 7))  # against another number
            elif isinstance(test, TraitTest) and isinstance(operand, FactRef) and operand.fact == question_id:
                for node in kb.nodes.values():
                    value = node.traits.get(test.trait)
                    if isinstance(value, int | float) and not isinstance(value, bool):
                        thresholds.add(float(value))
    spec = kb.questions[question_id]
    low = spec.minimum if spec.minimum is not None else float("-inf")
    high = spec.maximum if spec.maximum is not None else float("inf")
    probes: set[float] = set()
    for threshold in thresholds:
        step = max(abs(threshold) * 0.01, 1 if spec.integer else 0.001)
        around = (threshold - step, threshold, threshold + step)
        if spec.integer:  # a count is probed with counts: the answer must be one a person can give
            around = (float(math.floor(around[0])), float(round(threshold)), float(math.ceil(around[2])))
        probes.update(p for p in around if low <= p <= high)
    return tuple(sorted(probes))
