"""The engine against a naive forward chainer, on random answers to the shipped knowledge.

The engine decides alpha tests once per value, queues rules by counting, gates rules on an
`any`, settles picks as facts, remembers which nodes pass a `where` and takes a fast path for
simple rules. None of that may change what fires: the reference below evaluates every rule's
whole condition in agenda order, once, with the facts as they stand, which is what the
engine's strata promise is equivalent.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from advisor.engine.compile import condition_predicate
from advisor.engine.engine import Engine
from advisor.engine.lens import successor_of
from advisor.engine.result import Lens
from advisor.knowledge import KnowledgeBase
from advisor.knowledge.answers import coerce_answers
from advisor.knowledge.crossref import rule_reads
from advisor.knowledge.formula import parse_formula
from advisor.knowledge.models import Derive, Exclude, Formula, Node, NotNeeded, Recommend, Rule, Selector
from advisor.knowledge.values import domain_values

NODE = "{node}"


def _answer(kb: KnowledgeBase, question_id: str) -> st.SearchStrategy[Any]:
    question = kb.questions[question_id]
    ids = domain_values(question, kb.scales)
    if question.type == "yes_no":
        value: st.SearchStrategy[Any] = st.booleans()
    elif question.type == "number":
        low = question.minimum if question.minimum is not None else -1e6
        high = question.maximum if question.maximum is not None else 1e6
        value = (
            st.integers(int(max(low, -1e6)), int(min(high, 1e6))).map(float)
            if question.integer
            else st.floats(low, high, allow_nan=False)
        )
    elif question.type == "multi_choice":
        value = st.lists(st.sampled_from(ids), min_size=1, max_size=3, unique=True)
    else:
        value = st.sampled_from(ids)
    return st.one_of(st.none(), value)


@st.composite
def answer_sets(draw: st.DrawFn, kb: KnowledgeBase) -> dict[str, Any]:
    """Answers to a random subset of the questions (None: "I don't know")."""
    chosen = draw(st.lists(st.sampled_from(sorted(kb.questions)), max_size=40, unique=True))
    return {question: draw(_answer(kb, question)) for question in chosen}


def _selected(kb: KnowledgeBase, selector: Selector) -> list[Node]:
    return [
        node
        for _, node in sorted(kb.nodes.items())
        if (selector.kind is None or node.kind in selector.kind)
        and (selector.stage is None or not set(selector.stage).isdisjoint(node.stages))
        and (selector.ids is None or node.id in selector.ids)
        and (selector.has_trait is None or all(trait in node.traits for trait in selector.has_trait))
    ]


class Reference:
    """Every rule in agenda order, evaluated whole, once."""

    def __init__(self, kb: KnowledgeBase, order: tuple[str, ...]):
        self.kb = kb
        self.rules = [kb.rules[rule_id] for rule_id in order]
        stages_of = {node.id: node.stages for node in kb.nodes.values()}
        self.picks = {
            rule.id: sorted(f for f in rule_reads(rule, stages_of) if f.startswith("pick:"))
            for rule in self.rules
        }
        self.when = {
            rule.id: condition_predicate(kb, rule.when) if rule.when else None for rule in self.rules
        }
        self.where = {
            rule.id: condition_predicate(kb, rule.for_each.where)
            if rule.for_each and rule.for_each.where
            else None
            for rule in self.rules
        }

    def facts(self, answers: dict[str, Any], lens: Lens) -> dict[str, Any]:
        given = {q: v for q, v in coerce_answers(self.kb, answers).items() if v is not None}
        context = {**given, "lens": lens}
        facts: dict[str, Any] = {"lens": lens}
        for question in self.kb.questions.values():
            if question.asks_when and not condition_predicate(self.kb, question.asks_when)(context, None):
                continue
            if question.id in given:
                facts[question.id] = given[question.id]
            elif question.assume is not None:
                facts[question.id] = coerce_answers(self.kb, {question.id: question.assume})[question.id]
        return facts

    def run(
        self, answers: dict[str, Any], lens: Lens
    ) -> tuple[list[tuple[str, str | None]], dict[str, str | None]]:
        facts = self.facts(answers, lens)
        scores: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        excluded: dict[str, set[str]] = defaultdict(set)
        not_needed: set[str] = set()

        def best(stage: str) -> str | None:
            if stage in not_needed:
                return None
            tally: dict[str, int] = defaultdict(int)
            for supported, score in scores[stage].items():
                if supported in excluded[stage]:
                    continue
                node = self.kb.nodes[supported]
                if lens == "current" and not node.status.available:
                    successor = successor_of(node, self.kb.nodes)
                    if successor is None or successor.id in excluded[stage]:
                        continue
                    node = successor
                tally[node.id] += score
            ranked = sorted((-score, node_id) for node_id, score in tally.items())
            return ranked[0][1] if ranked and ranked[0][0] < 0 else None

        fired: list[tuple[str, str | None]] = []
        for rule in self.rules:
            for fact in self.picks[rule.id]:
                facts.setdefault(fact, best(fact.removeprefix("pick:")))
            if not self._holds(rule, facts):
                continue
            nodes: list[Node | None] = [None]
            if rule.for_each:
                where = self.where[rule.id]
                nodes = [
                    n for n in _selected(self.kb, rule.for_each.nodes) if where is None or where(facts, n)
                ]
            for node in nodes:
                fired.append((rule.id, node.id if node else None))
                for action in rule.then:
                    self._act(rule, action, node, facts, scores, excluded, not_needed)
        return fired, {stage: best(stage) for stage in self.kb.stages}

    def _holds(self, rule: Rule, facts: dict[str, Any]) -> bool:
        inputs = [
            name
            for action in rule.then
            if isinstance(action, Derive) and isinstance(action.value, Formula)
            for name in parse_formula(action.value.formula).names
        ]
        when = self.when[rule.id]
        return all(facts.get(name) is not None for name in inputs) and (when is None or when(facts, None))

    def _act(self, rule: Rule, action: Any, node: Node | None, facts: dict[str, Any], *state: Any) -> None:
        scores, excluded, not_needed = state
        bound = node.id if node else None
        if isinstance(action, Recommend):
            scores[action.stage or rule.stage][bound if action.recommend == NODE else action.recommend] += (
                action.weight
            )
        elif isinstance(action, Exclude):
            excluded[action.stage or rule.stage].add(bound if action.exclude == NODE else action.exclude)
        elif isinstance(action, NotNeeded):
            not_needed.add(action.not_needed)
        elif isinstance(action, Derive):
            value = (
                parse_formula(action.value.formula).evaluate(facts)
                if isinstance(action.value, Formula)
                else action.value
            )
            if value is not None and action.derive not in facts:
                facts[action.derive] = value


_ENGINES: dict[int, tuple[Engine, Reference]] = {}


def _engines(kb: KnowledgeBase) -> tuple[Engine, Reference]:
    """One engine for every example, so its memories fill as they do in a session."""
    if id(kb) not in _ENGINES:
        engine = Engine(kb)
        _ENGINES[id(kb)] = engine, Reference(kb, engine.compiled.ids)
    return _ENGINES[id(kb)]


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_the_engine_fires_what_a_naive_chainer_fires(kb: KnowledgeBase, data: st.DataObject) -> None:
    engine, reference = _engines(kb)
    answers = data.draw(answer_sets(kb))
    lens: Lens = data.draw(st.sampled_from(["exam", "current"]))
    fired, picks = reference.run(answers, lens)
    result = engine.run(answers, lens, compare_lenses=False)
    assert [(firing.rule, firing.node) for firing in result.firings] == fired
    assert {stage: result.top(stage) for stage in kb.stages} == picks
    untraced = engine.top_picks(answers, lens)
    assert {stage: untraced.get(stage) for stage in kb.stages} == picks
