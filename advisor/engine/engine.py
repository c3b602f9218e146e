"""Forward chaining over compiled rules, from answers to a Result with a full trace."""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from advisor.engine.compile import CompiledRule
from advisor.engine.lens import apply_current_lens
from advisor.engine.result import (
    LENSES,
    Assumption,
    Candidate,
    Conflict,
    Derivation,
    Diagnosis,
    Exclusion,
    Firing,
    Fix,
    IgnoredAnswer,
    Lens,
    LensDifference,
    Result,
    StageResult,
    StageWarning,
    Support,
)
from advisor.engine.template import render
from advisor.errors import AnswersError
from advisor.knowledge.answers import coerce_answers
from advisor.knowledge.crossref import design_fact, pick_fact
from advisor.knowledge.models import (
    Derive,
    Diagnose,
    Exclude,
    Formula,
    Node,
    NotNeeded,
    Question,
    Recommend,
    Warn,
)
from advisor.knowledge.values import coerce_value, label_of

if TYPE_CHECKING:
    from advisor.knowledge import KnowledgeBase

RELEVANCE_MEMO = 4096
"""How many distinct states of the gating facts the relevance memo keeps."""

Design = Mapping[str, frozenset[str]]
"""What runs today: stage (or decision within a stage) -> the node ids there."""


@dataclass
class _Run:
    """Working memory of one reasoning run."""

    facts: dict[str, Any]
    lens: Lens = "exam"
    firings: list[Firing] = field(default_factory=list)
    support: dict[str, dict[str, list[Support]]] = field(default_factory=lambda: defaultdict(dict))
    excluded: dict[str, dict[str, list[int]]] = field(default_factory=lambda: defaultdict(dict))
    warnings: dict[str, list[StageWarning]] = field(default_factory=lambda: defaultdict(list))
    derived: list[Derivation] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    not_needed: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    diagnoses: list[Diagnosis] = field(default_factory=list)
    agenda: list[int] = field(default_factory=list)
    """Positions of woken rules not yet evaluated (a heap: lowest position first)."""
    queued: set[int] = field(default_factory=set)
    traced: bool = True
    """False when only the top picks are wanted: no trace, no rendered reasons."""


class Engine:
    """Reasons over one knowledge base. Same answers and lens give the same Result, always."""

    def __init__(self, kb: KnowledgeBase):
        self.kb = kb
        self.compiled = kb.compiled
        self._relevance: dict[tuple[Any, ...], list[Question]] = {}
        """Relevant questions per value of the gating facts (the lookahead asks thousands of times)."""

    def run(
        self,
        answers: Mapping[str, Any],
        lens: Lens = "exam",
        *,
        compare_lenses: bool = True,
        design: Design | None = None,
        focus: Iterable[str] = (),
    ) -> Result:
        """Reason to a fixpoint. `answers` maps question ids to values (None = "I don't know");
        `design` maps stages to the nodes that run there today; `focus` names the stages the
        person is deciding (it orders what faces show, not what is concluded).

        With `compare_lenses`, the other lens is run too and stages whose top pick differs are
        listed in `lens_differences`.
        """
        if lens not in LENSES:
            raise AnswersError(f"unknown lens '{lens}' (use exam or current)")
        values = coerce_answers(self.kb, answers)
        shown = tuple(sorted((stage, tuple(sorted(nodes))) for stage, nodes in (design or {}).items()))
        result = replace(self._reason(values, lens, design), focus=tuple(focus), design=shown)
        if not compare_lenses:
            return result
        other = self._reason(values, "current" if lens == "exam" else "exam", design)
        by_lens = {lens: result, other.lens: other}
        stages = sorted(
            {s.stage for s in result.stages} | {s.stage for s in other.stages},
            key=lambda s: self.kb.stages[s].order,
        )
        differences = tuple(
            LensDifference(stage, by_lens["exam"].top(stage), by_lens["current"].top(stage))
            for stage in stages
            if by_lens["exam"].top(stage) != by_lens["current"].top(stage)
        )
        return replace(result, lens_differences=differences)

    # -- facts ---------------------------------------------------------------------------

    def relevant(
        self, answers: Mapping[str, Any], lens: Lens, design: Design | None = None
    ) -> list[Question]:
        """Questions whose `asks_when` holds for these answers (None = skipped) and design, in order."""
        context = {**{k: v for k, v in answers.items() if v is not None}, "lens": lens}
        context.update({design_fact(stage): frozenset(nodes) for stage, nodes in (design or {}).items()})
        key = tuple(context.get(fact) for fact in self.compiled.gating_facts)
        if (known := self._relevance.get(key)) is not None:
            return list(known)
        checks = self.compiled.asks_when
        found = [
            question
            for question in self.kb.questions.values()
            if (check := checks[question.id]) is None or check(context, None)
        ]
        if len(self._relevance) >= RELEVANCE_MEMO:
            self._relevance.clear()
        self._relevance[key] = found
        return list(found)

    def facts_for(
        self, answers: Mapping[str, Any], lens: Lens, design: Design | None = None
    ) -> tuple[dict[str, Any], list[Assumption], list[IgnoredAnswer]]:
        """The facts to reason with: relevant answers, assumptions for the rest, the design
        and the lens."""
        kb = self.kb
        design_facts = {design_fact(stage): frozenset(nodes) for stage, nodes in (design or {}).items()}
        given = {key: value for key, value in answers.items() if value is not None}
        relevant = {question.id for question in self.relevant(given, lens, design)}
        facts: dict[str, Any] = {"lens": lens, **design_facts}
        assumptions: list[Assumption] = []
        ignored: list[IgnoredAnswer] = []
        for question in kb.questions.values():
            if question.id not in relevant:
                if question.id in given:
                    ignored.append(IgnoredAnswer(question.id, given[question.id]))
                continue
            if question.id in given:
                facts[question.id] = given[question.id]
            elif question.assume is not None:
                value = coerce_value(question, kb.scales, question.assume)
                facts[question.id] = value
                assumptions.append(Assumption(question.id, value, question.assume_because))
        return facts, assumptions, ignored

    # -- reasoning -----------------------------------------------------------------------

    def top_picks(
        self, answers: Mapping[str, Any], lens: Lens, *, checked: bool = False, design: Design | None = None
    ) -> dict[str, str | None]:
        """Only the top pick of each stage: the same reasoning without a trace, several times
        faster, for questions like "would this answer change anything?". `checked` skips
        validating answers that are already normalised."""
        values = answers if checked else coerce_answers(self.kb, answers)
        facts, _, _ = self.facts_for(values, lens, design)
        run = self._chain(_Run(facts=facts, lens=lens, traced=False))
        return {stage: self._best(run, stage) for stage in {*run.support, *run.not_needed}}

    def _best(self, run: _Run, stage: str) -> str | None:
        """The top pick of a stage now: the highest positive score, ties broken by id."""
        if run.not_needed.get(stage):
            return None
        candidates, _, _ = self._standing(run, stage, run.lens)
        scored = [(-sum(s.weight for s in supports), node) for node, supports in candidates.items()]
        best = min(scored, default=None)
        return best[1] if best is not None and best[0] < 0 else None

    def _standing(
        self, run: _Run, stage: str, lens: Lens
    ) -> tuple[dict[str, list[Support]], list[Exclusion], dict[str, list[str]]]:
        """A stage's candidates (supported, not excluded, lens applied), the lens's
        exclusions, and which unavailable nodes each successor stands in for."""
        excluded = run.excluded.get(stage, {})
        candidates = {
            node: list(supports)
            for node, supports in run.support.get(stage, {}).items()
            if node not in excluded
        }
        if lens != "current":
            return candidates, [], {}
        by_lens, stands_in = apply_current_lens(candidates, set(excluded), self.kb.nodes)
        return candidates, by_lens, stands_in

    def _chain(self, run: _Run) -> _Run:
        """Forward chaining: fire woken rules in agenda order until none is left. A rule that
        reads another stage's pick comes after every rule acting on that stage (strata), so
        the pick is settled when it is read."""
        for fact, value in run.facts.items():
            self._wake(run, fact, value)
        compiled = self.compiled
        self._push(run, [rule.position for rule in compiled.fire_without_facts])
        self._push(run, compiled.pick_readers)
        rules = compiled.rules
        while run.agenda:
            rule = rules[heapq.heappop(run.agenda)]
            for stage in rule.picks:
                run.facts.setdefault(pick_fact(stage), self._best(run, stage))
            for node in rule.bindings(run.facts):
                self._fire(run, rule, node)
        return run

    def _reason(self, answers: Mapping[str, Any], lens: Lens, design: Design | None = None) -> Result:
        facts, assumptions, ignored = self.facts_for(answers, lens, design)
        run = self._chain(_Run(facts=facts, lens=lens))
        return Result(
            lens=lens,
            facts=tuple(sorted((k, v) for k, v in run.facts.items() if v is not None and ":" not in k)),
            assumptions=tuple(assumptions),
            ignored=tuple(ignored),
            stages=self._stages(run, lens),
            derived=tuple(run.derived),
            conflicts=tuple(run.conflicts),
            firings=tuple(run.firings),
            diagnoses=tuple(run.diagnoses),
        )

    @staticmethod
    def _push(run: _Run, positions: Iterable[int]) -> None:
        fresh = set(positions) - run.queued
        run.queued |= fresh
        for position in fresh:
            heapq.heappush(run.agenda, position)

    def _wake(self, run: _Run, fact: str, value: Any) -> None:
        """Queue the rules that the fact, now known with this value, may let fire."""
        compiled = self.compiled
        self._push(run, compiled.unguarded_readers.get(fact, ()))
        key = (fact, value)
        if isinstance(value, Hashable) and key in compiled.guarded:
            self._push(run, compiled.guarded[key])

    def _fire(self, run: _Run, compiled: CompiledRule, node: Node | None) -> None:
        rule = compiled.rule
        index = len(run.firings)
        if run.traced:
            self._record(run, compiled, node)
        for action in rule.then:
            if isinstance(action, Recommend):
                target = self._target(action.recommend, node)
                stage = action.stage or rule.stage
                run.support[stage].setdefault(target, []).append(Support(index, action.weight))
            elif isinstance(action, Exclude):
                target = self._target(action.exclude, node)
                run.excluded[action.stage or rule.stage].setdefault(target, []).append(index)
            elif isinstance(action, Derive):
                self._derive(run, compiled, action, index)
            elif isinstance(action, NotNeeded):
                run.not_needed[action.not_needed].append(index)
            elif isinstance(action, Warn) and run.traced:
                text = render(action.warn, self.kb, run.facts, node)
                run.warnings[rule.stage].append(StageWarning(text, index))
            elif isinstance(action, Diagnose) and run.traced:
                run.diagnoses.append(self._diagnosis(run, compiled, action, node, index))

    def _record(self, run: _Run, compiled: CompiledRule, node: Node | None) -> None:
        """Add the firing to the trace, with the facts it read and its rendered reason."""
        rule = compiled.rule
        run.firings.append(
            Firing(
                number=len(run.firings),
                rule=rule.id,
                title=rule.title,
                stage=rule.stage,
                node=node.id if node else None,
                facts=tuple([(fact, run.facts.get(fact)) for fact in compiled.sorted_reads]),
                because=render(rule.because, self.kb, run.facts, node),
                sources=compiled.sources,
                exam=compiled.exam,
            )
        )

    @staticmethod
    def _target(reference: str, node: Node | None) -> str:
        return node.id if reference == "{node}" and node is not None else reference

    def _derive(self, run: _Run, compiled: CompiledRule, action: Derive, index: int) -> None:
        fact, shown = action.derive, ""
        value: Any = action.value
        if isinstance(value, Formula):
            expression = (compiled.formulas or {})[fact]
            value = expression.evaluate(run.facts)
            if value is None:  # division by zero, or not a finite number: nothing to conclude
                return
            if run.traced:
                spec = self.kb.facts[fact]
                shown = f"{fact} = {expression.show(run.facts, lambda v: label_of(spec, self.kb.scales, v))}"
        if fact not in run.facts:
            run.facts[fact] = value
            run.derived.append(Derivation(fact, value, index, shown))
            self._wake(run, fact, value)
        elif run.facts[fact] != value:
            run.conflicts.append(Conflict(fact, run.facts[fact], value, index))

    def _diagnosis(
        self, run: _Run, compiled: CompiledRule, action: Diagnose, node: Node | None, index: int
    ) -> Diagnosis:
        """The cause, rendered, with the rule's recommendations as the fixes."""
        fixes = tuple(
            Fix(fix.stage or compiled.rule.stage, self._target(fix.recommend, node), fix.weight)
            for fix in compiled.rule.then
            if isinstance(fix, Recommend) and fix.weight > 0
        )
        return Diagnosis(action.symptom, render(action.diagnose, self.kb, run.facts, node), index, fixes)

    # -- result --------------------------------------------------------------------------

    def _stages(self, run: _Run, lens: Lens) -> tuple[StageResult, ...]:
        stages = []
        for stage in self.kb.stages.values():
            excluded = run.excluded.get(stage.id, {})
            candidates, by_lens, stands_in = self._standing(run, stage.id, lens)
            exclusions = [
                Exclusion(
                    node,
                    self.kb.nodes[node].name,
                    tuple(firings),
                    tuple(run.firings[i].because for i in firings),
                )
                for node, firings in sorted(excluded.items())
            ]
            if by_lens:
                exclusions = sorted([*exclusions, *by_lens], key=lambda e: (e.node, e.by_lens))
            ranked = sorted(
                (
                    self._candidate(node, supports, stands_in.get(node, []))
                    for node, supports in candidates.items()
                ),
                key=lambda c: (-c.score, c.node),
            )
            warnings = run.warnings.get(stage.id, [])
            not_needed = tuple(run.not_needed.get(stage.id, ()))
            if ranked or exclusions or warnings or not_needed:
                stages.append(
                    StageResult(
                        stage.id,
                        stage.name,
                        tuple(ranked),
                        tuple(exclusions),
                        tuple(warnings),
                        not_needed,
                        stage.within,
                    )
                )
        return tuple(stages)

    def _candidate(self, node_id: str, supports: list[Support], stands_in: list[str]) -> Candidate:
        node = self.kb.nodes[node_id]
        return Candidate(
            node=node_id,
            name=node.name,
            score=sum(s.weight for s in supports),
            support=tuple(supports),
            state=node.status.state,
            stands_in_for=tuple(stands_in),
        )
