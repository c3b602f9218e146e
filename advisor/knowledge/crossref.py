"""Cross-reference the merged knowledge: every id resolves, every value fits its domain.

Runs only when knowledge is read from YAML (the cache holds already-checked knowledge).
The first problem raises KnowledgeError pointing at the file and line that caused it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from advisor.errors import KnowledgeError
from advisor.knowledge.formula import FormulaError, parse_formula
from advisor.knowledge.loader import Origin, Origins
from advisor.knowledge.models import (
    AllOf,
    AnyOf,
    Choice,
    Condition,
    Derive,
    DesignTest,
    Diagnose,
    Exclude,
    FactRef,
    FactSpec,
    FactTest,
    Formula,
    KnowledgeDocument,
    NotNeeded,
    NotOf,
    PickTest,
    Recommend,
    RelationTest,
    Rule,
    TraitTest,
    UsesTest,
    Warn,
)
from advisor.knowledge.models.condition import leaves
from advisor.knowledge.spelling import suggest
from advisor.knowledge.values import check_trait, coerce_single, coerce_value

LENS_FACT = FactSpec(
    id="lens",
    type="choice",
    choices=[Choice(id=lens, label=lens) for lens in ("exam", "current")],
)
"""The built-in fact every rule may read: which lens the reasoning runs under (constructed, not
validated: validating at import would build every schema validator, which a cached load never needs)."""

PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
ORDERED_TYPES = {"scale", "number"}


class CrossReferencer:
    """Checks one KnowledgeDocument; `check()` raises on the first problem."""

    def __init__(self, document: KnowledgeDocument, origins: Origins):
        self.doc = document
        self.origins = origins
        self.scales = {scale.id: scale for scale in document.scales}
        self.traits = {trait.id: trait for trait in document.traits}
        self.stages = {stage.id for stage in document.stages}
        self.tasks = task_references(document)
        self.nodes = {node.id: node for node in document.nodes}
        self.questions = {question.id for question in document.questions}
        self.facts: dict[str, FactSpec] = {"lens": LENS_FACT}
        self.facts.update({question.id: question for question in document.questions})
        self.facts.update({fact.id: fact for fact in document.facts})

    def check(self) -> None:
        self._check_vocabulary()
        self._check_questions()
        self._check_nodes()
        for rule in self.doc.rules:
            RuleChecker(self, rule, self.origins[("rules", rule.id)]).check()
        check_acyclic(self.doc.rules, self.origins)
        self._check_cloudformation()

    # -- helpers -------------------------------------------------------------------------

    def fail(self, origin: Origin, message: str, *sub: str | int) -> None:
        raise KnowledgeError(f"{origin.label}: {message}", origin.display, origin.line(*sub))

    def expect(self, origin: Origin, kind: str, wanted: str, known: Iterable[str], *sub: str | int) -> None:
        options = set(known)
        if wanted not in options:
            kind, _, where = kind.partition(" in ")
            place = f" in {where}" if where else ""
            self.fail(origin, f"unknown {kind} '{wanted}'{place}{suggest(wanted, options)}", *sub)

    def unique(self, origin: Origin, ids: list[str], what: str, *sub: str | int) -> None:
        """Each of `ids` (the list at `sub`) at most once."""
        first: dict[str, int] = {}
        for index, item in enumerate(ids):
            if item in first:
                self.fail(
                    origin,
                    f"duplicate {what} '{item}' (first at line {origin.line(*sub, first[item])};"
                    " give each its own id)",
                    *sub,
                    index,
                )
            first[item] = index

    def _tasks(self, origin: Origin, tasks: list[str], *sub: str | int) -> None:
        for index, task in enumerate(tasks):
            self.expect(origin, "exam task statement", task, self.tasks, *sub, index)

    # -- sections ------------------------------------------------------------------------

    def _check_vocabulary(self) -> None:
        self._check_exams()
        for stage in self.doc.stages:
            origin = self.origins[("stages", stage.id)]
            self._tasks(origin, stage.exam, "exam")
            if stage.within is not None:
                self.expect(origin, "stage", stage.within, self.stages - {stage.id}, "within")
                outer = next(s for s in self.doc.stages if s.id == stage.within)
                if outer.within is not None:
                    message = f"'{stage.within}' is itself a decision within '{outer.within}'"
                    self.fail(origin, message, "within")
        for scale in self.doc.scales:
            origin = self.origins[("scales", scale.id)]
            self.unique(origin, [value.id for value in scale.values], "scale value", "values")
        for trait in self.doc.traits:
            origin = self.origins[("traits", trait.id)]
            self.unique(origin, trait.values or [], "trait value", "values")
            if trait.type == "scale":
                if trait.scale is None:
                    self.fail(origin, f"scale trait '{trait.id}' needs 'scale'")
                self.expect(origin, "scale", trait.scale or "", self.scales, "scale")
            if trait.type in ("set", "choice") and not trait.values:
                self.fail(origin, f"{trait.type} trait '{trait.id}' needs 'values'")

    def _check_exams(self) -> None:
        defaults = [exam.id for exam in self.doc.exams if exam.default]
        for exam in self.doc.exams:
            origin = self.origins[("exams", exam.id)]
            if len(defaults) != 1:
                found = ", ".join(defaults) or "none"
                self.fail(
                    origin, f"exactly one exam profile needs 'default: true' (found: {found})", "default"
                )
            total = sum(domain.weight for domain in exam.domains)
            if total != 100:
                self.fail(origin, f"domain weights add up to {total}, not 100", "domains")
            domains = {domain.id for domain in exam.domains}
            for kind, ids in (("domain", [d.id for d in exam.domains]), ("task", [t.id for t in exam.tasks])):
                repeated = sorted({i for i in ids if ids.count(i) > 1})
                if repeated:
                    self.fail(origin, f"duplicate {kind} id '{repeated[0]}'", f"{kind}s")
            for index, task in enumerate(exam.tasks):
                self.expect(origin, "domain", task.domain, domains, "tasks", index, "domain")
            in_scope = {item.id for item in exam.scope}
            for index, item in enumerate(exam.out_of_scope):
                if item.id in in_scope:
                    message = f"'{item.id}' is both in scope and out of scope"
                    self.fail(origin, message, "out_of_scope", index, "id")

    def _check_questions(self) -> None:
        for spec in [*self.doc.questions, *self.doc.facts]:
            section = "questions" if spec in self.doc.questions else "facts"
            origin = self.origins[(section, spec.id)]
            if spec.id == "lens":
                self.fail(origin, "'lens' is a built-in fact; choose another id", "id")
            if spec.scale is not None:
                self.expect(origin, "scale", spec.scale, self.scales, "scale")
            self.unique(origin, [choice.id for choice in spec.choices or []], "choice id", "choices")
        for question in self.doc.questions:
            origin = self.origins[("questions", question.id)]
            self.expect(origin, "stage", question.stage, self.stages, "stage")
            self._tasks(origin, question.exam, "exam")
            if question.assume is not None:
                try:
                    coerce_value(question, self.scales, question.assume)
                except ValueError as error:
                    self.fail(origin, f"assume: {error}", "assume")
            if question.asks_when is not None:
                RuleChecker(self, None, origin).condition(question.asks_when, ("asks_when",), bound=False)

    def _check_nodes(self) -> None:
        for node in self.doc.nodes:
            origin = self.origins[("nodes", node.id)]
            for index, stage in enumerate(node.stages):
                self.expect(origin, "stage", stage, self.stages, "stages", index)
            self._tasks(origin, node.exam, "exam")
            for trait_id, value in node.traits.items():
                self.expect(origin, "trait", trait_id, self.traits, "traits", trait_id)
                try:
                    check_trait(self.traits[trait_id], self.scales, value)
                except ValueError as error:
                    self.fail(origin, str(error), "traits", trait_id)
            if node.parent is not None:
                if node.kind != "configuration":
                    message = "'parent' is only for configuration nodes (kind: configuration)"
                    self.fail(origin, message, "parent")
                self.expect(origin, "node", node.parent, set(self.nodes) - {node.id}, "parent")
            if node.status.successor is not None:
                self.expect(origin, "node", node.status.successor, self.nodes, "status", "successor")
                if node.status.successor == node.id:
                    self.fail(origin, "a node cannot be its own successor", "status", "successor")
            elif node.status.state in ("closed_to_new_customers", "retired") and not node.status.note:
                self.fail(
                    origin,
                    "a closed or retired node needs a 'successor' or a 'note' saying"
                    " what new customers use instead",
                    "status",
                )
            for relation, targets in node.relations.items():
                for index, target in enumerate(targets):
                    self.expect(
                        origin,
                        f"node in relations.{relation}",
                        target,
                        self.nodes,
                        "relations",
                        relation,
                        index,
                    )

    def _check_cloudformation(self) -> None:
        """Each mapping puts existing nodes in stages they belong to."""
        for mapping in self.doc.cloudformation:
            origin = self.origins[("cloudformation", mapping.id)]
            for stage, node in mapping.design.items():
                self.expect(origin, "stage", stage, self.stages, "design", stage)
                self.expect(origin, "node", node, self.nodes, "design", stage)
                if stage not in self.nodes[node].stages:
                    where = ", ".join(self.nodes[node].stages)
                    message = f"node '{node}' is not in stage '{stage}' (its stages: {where})"
                    self.fail(origin, message, "design", stage)


def task_references(document: KnowledgeDocument) -> set[str]:
    """Every way a task statement can be named: `mls_c01:1.2`, and `1.2` for the default exam."""
    references = set()
    for exam in document.exams:
        for task in exam.tasks:
            references.add(f"{exam.id}:{task.id}")
            if exam.default:
                references.add(task.id)
    return references


class RuleChecker:
    """Checks one rule (or one question's `asks_when`)."""

    def __init__(self, refs: CrossReferencer, rule: Rule | None, origin: Origin):
        self.refs = refs
        self.rule = rule
        self.origin = origin

    def fail(self, message: str, *sub: str | int) -> None:
        self.refs.fail(self.origin, message, *sub)

    def check(self) -> None:
        rule = self.rule
        assert rule is not None
        refs = self.refs
        refs.expect(self.origin, "stage", rule.stage, refs.stages, "stage")
        refs._tasks(self.origin, rule.exam, "exam")
        if rule.when is not None:
            self.condition(rule.when, ("when",), bound=False)
        bound = rule.for_each is not None
        if rule.for_each is not None:
            self._selector()
            if rule.for_each.where is not None:
                self.condition(rule.for_each.where, ("for_each", "where"), bound=True)
        for index, action in enumerate(rule.then):
            self._action(action, ("then", index), bound)
        self.template(rule.because, ("because",), bound)

    def _selector(self) -> None:
        assert self.rule is not None and self.rule.for_each is not None
        selector = self.rule.for_each.nodes
        sub = ("for_each", "nodes")
        for index, stage in enumerate(selector.stage or []):
            self.refs.expect(self.origin, "stage", stage, self.refs.stages, *sub, "stage", index)
        for index, node in enumerate(selector.ids or []):
            self.refs.expect(self.origin, "node", node, self.refs.nodes, *sub, "ids", index)
        for index, trait in enumerate(selector.has_trait or []):
            self.refs.expect(self.origin, "trait", trait, self.refs.traits, *sub, "has_trait", index)

    def _action(self, action: Any, sub: tuple[str | int, ...], bound: bool) -> None:
        refs = self.refs
        if isinstance(action, Recommend | Exclude):
            target = action.recommend if isinstance(action, Recommend) else action.exclude
            if target == "{node}":
                if not bound:
                    self.fail("'{node}' is only defined in a rule with for_each", *sub)
            else:
                refs.expect(self.origin, "node", target, refs.nodes, *sub)
            if action.stage is not None:
                refs.expect(self.origin, "stage", action.stage, refs.stages, *sub, "stage")
            stage = action.stage or self.rule.stage if self.rule else None
            if target != "{node}" and stage not in refs.nodes[target].stages:
                self.fail(
                    f"node '{target}' is not in stage '{stage}' (its stages: "
                    f"{', '.join(refs.nodes[target].stages)}); add the stage to the node or"
                    " name the action's stage",
                    *sub,
                )
        elif isinstance(action, Derive):
            derived = {fact.id for fact in refs.doc.facts}
            if action.derive in refs.facts and action.derive not in derived:
                self.fail(
                    f"'{action.derive}' is a question; rules may only derive facts declared under 'facts'",
                    *sub,
                    "derive",
                )
            refs.expect(self.origin, "derived fact", action.derive, derived, *sub, "derive")
            if isinstance(action.value, Formula):
                self._formula(refs.facts[action.derive], action.value, (*sub, "value"))
                return
            try:
                coerce_single(refs.facts[action.derive], refs.scales, action.value)
            except ValueError as error:
                self.fail(str(error), *sub, "value")
        elif isinstance(action, Warn):
            self.template(action.warn, (*sub, "warn"), bound)
        elif isinstance(action, NotNeeded):
            refs.expect(self.origin, "stage", action.not_needed, refs.stages, *sub, "not_needed")
        elif isinstance(action, Diagnose):
            refs.expect(self.origin, "symptom question", action.symptom, refs.questions, *sub, "symptom")
            self.template(action.diagnose, (*sub, "diagnose"), bound)

    def _formula(self, target: FactSpec, formula: Formula, sub: tuple[str | int, ...]) -> None:
        """A formula derives a number fact from number facts, in the small formula language."""
        if target.type != "number":
            self.fail(f"a formula derives a number, but '{target.id}' is a {target.type} fact", *sub)
        try:
            expression = parse_formula(formula.formula)
        except FormulaError as error:
            self.fail(str(error), *sub, "formula")
            return
        for name in expression.names:
            self.refs.expect(self.origin, "fact in formula", name, self.refs.facts, *sub, "formula")
            if self.refs.facts[name].type != "number":
                self.fail(f"formula reads '{name}', which is not a number fact", *sub, "formula")

    def template(self, text: str, sub: tuple[str | int, ...], bound: bool) -> None:
        """Every `{...}` placeholder must name a known fact, or the bound node and its traits."""
        for name in PLACEHOLDER.findall(text):
            head, _, tail = name.partition(".")
            if head == "fact":
                self.refs.expect(self.origin, "fact in template", tail, self.refs.facts, *sub)
            elif head == "node":
                if not bound:
                    self.fail(f"template uses '{{{name}}}' but the rule has no for_each", *sub)
                if tail not in ("", "name", "id", "successor"):
                    self.refs.expect(self.origin, "trait in template", tail, self.refs.traits, *sub)
            else:
                self.fail(
                    f"unknown template placeholder '{{{name}}}' (use {{fact.ID}}, {{node}},"
                    " {node.name}, {node.TRAIT})",
                    *sub,
                )

    def condition(self, condition: Condition, sub: tuple[str | int, ...], bound: bool) -> None:
        if isinstance(condition, AllOf | AnyOf):
            children = condition.all if isinstance(condition, AllOf) else condition.any
            key = "all" if isinstance(condition, AllOf) else "any"
            for index, child in enumerate(children):
                self.condition(child, (*sub, key, index), bound)
        elif isinstance(condition, NotOf):
            self.condition(condition.not_, (*sub, "not"), bound)
        elif isinstance(condition, RelationTest):
            if not bound:
                self.fail("a relation test is only allowed in for_each.where", *sub)
            self.refs.expect(self.origin, "node", condition.to, self.refs.nodes, *sub, "to")
        elif isinstance(condition, PickTest):
            self._pick(condition, sub)
        elif isinstance(condition, DesignTest):
            self._design(condition, sub)
        elif isinstance(condition, UsesTest):
            self.refs.expect(self.origin, "node", condition.uses, self.refs.nodes, *sub, "uses")
        elif isinstance(condition, FactTest):
            self.refs.expect(self.origin, "fact", condition.fact, self.refs.facts, *sub, "fact")
            spec = self.refs.facts[condition.fact]
            self._operand(
                condition,
                spec.type,
                spec.scale,
                lambda v: coerce_single(spec, self.refs.scales, v),
                sub,
            )
        elif isinstance(condition, TraitTest):
            if not bound:
                self.fail("a trait test is only allowed in for_each.where", *sub)
            self.refs.expect(self.origin, "trait", condition.trait, self.refs.traits, *sub, "trait")
            trait = self.refs.traits[condition.trait]
            kind = {"bool": "yes_no", "set": "multi_choice"}.get(trait.type, trait.type)

            def check(value: Any) -> Any:
                check_trait(trait, self.refs.scales, [value] if trait.type == "set" else value)
                return value

            self._operand(condition, kind, trait.scale, check, sub)

    def _pick(self, test: PickTest, sub: tuple[str | int, ...]) -> None:
        """`{pick: STAGE, in: [nodes]}` names nodes of that stage; with `trait`, tests the trait."""
        refs = self.refs
        refs.expect(self.origin, "stage", test.pick, refs.stages, *sub, "pick")
        if test.trait is not None:
            refs.expect(self.origin, "trait", test.trait, refs.traits, *sub, "trait")
            trait = refs.traits[test.trait]
            kind = {"bool": "yes_no", "set": "multi_choice"}.get(trait.type, trait.type)

            def check_trait_value(value: Any) -> Any:
                check_trait(trait, refs.scales, [value] if trait.type == "set" else value)
                return value

            self._operand(test, kind, trait.scale, check_trait_value, sub)
            return
        if isinstance(test.operand, FactRef) or test.operator in ("lt", "le", "gt", "ge", "contains"):
            message = f"a pick test takes eq, ne, in, not_in or known, not '{test.operator}'"
            self.fail(message, *sub, test.operator)
        self._operand(test, "choice", None, self._node_in(test.pick), sub)

    def _design(self, test: DesignTest, sub: tuple[str | int, ...]) -> None:
        """`{design: STAGE, contains: NODE}` or `{design: STAGE, known: true}`."""
        self.refs.expect(self.origin, "stage", test.design, self.refs.stages, *sub, "design")
        if test.operator not in ("contains", "known") or isinstance(test.operand, FactRef):
            self.fail(f"a design test takes contains or known, not '{test.operator}'", *sub, test.operator)
        self._operand(test, "multi_choice", None, self._node_in(test.design), sub)

    def _node_in(self, stage: str) -> Any:
        def check(value: Any) -> Any:
            node = self.refs.nodes.get(value) if isinstance(value, str) else None
            if node is None:
                raise ValueError(f"unknown node {value!r}{suggest(str(value), set(self.refs.nodes))}")
            if stage not in node.stages:
                raise ValueError(f"node '{value}' is not in stage '{stage}'")
            return value

        return check

    def _operand(
        self,
        test: FactTest | TraitTest | PickTest | DesignTest,
        kind: str,
        scale: str | None,
        check: Any,
        sub: tuple[str | int, ...],
    ) -> None:
        operator, operand = test.operator, test.operand
        at = (*sub, operator)
        if operator == "known":
            return
        if operator in ("lt", "le", "gt", "ge") and kind not in ORDERED_TYPES:
            self.fail(f"'{operator}' compares ordered values, but this is a {kind} value", *at)
        if operator == "contains" and kind != "multi_choice":
            self.fail(f"'contains' tests a multi-choice answer or a set trait, not a {kind} value", *at)
        if operator in ("eq", "ne", "in", "not_in") and kind == "multi_choice":
            self.fail(
                f"'{operator}' tests a single value, but this is a set of values"
                " (use 'contains' to test a multi-choice answer or a set trait)",
                *at,
            )
        if isinstance(operand, FactRef):
            self.refs.expect(self.origin, "fact", operand.fact, self.refs.facts, *at, "fact")
            other = self.refs.facts[operand.fact]
            membership = operator == "contains" and other.type in ("choice", "multi_choice")
            if (
                (other.type, other.scale) != (kind, scale)
                and not (kind == other.type == "number")
                and not membership
            ):
                self.fail(f"cannot compare a {kind} value with fact '{other.id}' ({other.type})", *at)
            return
        wants_list = operator in ("in", "not_in")
        if wants_list != isinstance(operand, list):
            self.fail(f"'{operator}' takes {'a list' if wants_list else 'a single value'}", *at)
        for index, value in enumerate(operand if wants_list else [operand]):
            try:
                check(value)
            except ValueError as error:
                self.fail(str(error), *at, *((index,) if wants_list else ()))


def pick_fact(stage: str) -> str:
    """The internal fact holding a stage's top pick (readers run after the stage is settled)."""
    return f"pick:{stage}"


def design_fact(stage: str) -> str:
    """The internal fact holding the nodes the design names for a stage."""
    return f"design:{stage}"


def facts_read(
    condition: Condition | None, stages_of: Mapping[str, list[str]] | None = None
) -> Iterator[str]:
    """Every fact a condition looks at, including `{fact: F}` operands, other stages' picks and
    the design (`stages_of` maps node ids to their stages, for `uses` tests)."""
    for test in leaves(condition):
        if isinstance(test, FactTest):
            yield test.fact
        elif isinstance(test, PickTest):
            yield pick_fact(test.pick)
        elif isinstance(test, DesignTest):
            yield design_fact(test.design)
        elif isinstance(test, UsesTest) and stages_of is not None:
            yield from (design_fact(stage) for stage in stages_of.get(test.uses, ()))
        if isinstance(test, FactTest | TraitTest | PickTest) and isinstance(test.operand, FactRef):
            yield test.operand.fact


def rule_reads(rule: Rule, stages_of: Mapping[str, list[str]] | None = None) -> frozenset[str]:
    """The facts a rule's conditions and formulas read."""
    where = rule.for_each.where if rule.for_each else None
    formulas = [
        name
        for action in rule.then
        if isinstance(action, Derive) and isinstance(action.value, Formula)
        for name in parse_formula(action.value.formula).names
    ]
    return frozenset([*facts_read(rule.when, stages_of), *facts_read(where, stages_of), *formulas])


def stages_acted_on(rule: Rule) -> Iterator[str]:
    """Stages whose candidates or standing the rule's actions change."""
    for action in rule.then:
        if isinstance(action, Recommend | Exclude):
            yield action.stage or rule.stage
        elif isinstance(action, NotNeeded):
            yield action.not_needed


def rule_writes(rule: Rule) -> frozenset[str]:
    """Derived facts, and the pick of every stage the rule acts on."""
    derived = [action.derive for action in rule.then if isinstance(action, Derive)]
    return frozenset([*derived, *(pick_fact(stage) for stage in stages_acted_on(rule))])


def check_acyclic(rules: list[Rule], origins: Origins) -> None:
    """Refuse rules that depend on their own conclusions through derived facts."""
    import networkx as nx

    graph: nx.DiGraph[str] = nx.DiGraph()
    for rule in rules:
        for fact in rule_reads(rule):
            for written in rule_writes(rule):
                graph.add_edge(fact, written, rule=rule.id)
    try:
        cycle = nx.find_cycle(graph)
    except nx.NetworkXNoCycle:
        return
    steps = " -> ".join(f"{a} ({graph.edges[a, b]['rule']})" for a, b, *_ in cycle)
    first_rule = graph.edges[cycle[0][0], cycle[0][1]]["rule"]
    origin = origins[("rules", first_rule)]
    raise KnowledgeError(
        f"{origin.label}: rule cycle through derived facts or picks: {steps} -> {cycle[0][0]};"
        " a rule may not depend on its own conclusion",
        origin.display,
        origin.line("then"),
    )
