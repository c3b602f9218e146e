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
    Exclusion,
    Firing,
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
from advisor.knowledge.models import Derive, Exclude, Node, Question, Recommend, Warn
from advisor.knowledge.values import coerce_value

if TYPE_CHECKING:
    from advisor.knowledge import KnowledgeBase


@dataclass
class _Run:
    """Working memory of one reasoning run."""

    facts: dict[str, Any]
    firings: list[Firing] = field(default_factory=list)
    support: dict[str, dict[str, list[Support]]] = field(default_factory=lambda: defaultdict(dict))
    excluded: dict[str, dict[str, list[int]]] = field(default_factory=lambda: defaultdict(dict))
    warnings: dict[str, list[StageWarning]] = field(default_factory=lambda: defaultdict(list))
    derived: list[Derivation] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
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

    def run(self, answers: Mapping[str, Any], lens: Lens = "exam", *, compare_lenses: bool = True) -> Result:
        """Reason to a fixpoint. `answers` maps question ids to values (None = "I don't know").

        With `compare_lenses`, the other lens is run too and stages whose top pick differs are
        listed in `lens_differences`.
        """
        if lens not in LENSES:
            raise AnswersError(f"unknown lens '{lens}' (use exam or current)")
        values = coerce_answers(self.kb, answers)
        result = self._reason(values, lens)
        if not compare_lenses:
            return result
        other = self._reason(values, "current" if lens == "exam" else "exam")
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

    def relevant(self, answers: Mapping[str, Any], lens: Lens) -> list[Question]:
        """Questions whose `asks_when` holds for these answers (None = skipped), in order."""
        context = {**{k: v for k, v in answers.items() if v is not None}, "lens": lens}
        checks = self.compiled.asks_when
        return [
            question
            for question in self.kb.questions.values()
            if (check := checks[question.id]) is None or check(context, None)
        ]

    def facts_for(
        self, answers: Mapping[str, Any], lens: Lens
    ) -> tuple[dict[str, Any], list[Assumption], list[IgnoredAnswer]]:
        """The facts to reason with: relevant answers, assumptions for the rest, and the lens."""
        kb = self.kb
        given = {key: value for key, value in answers.items() if value is not None}
        relevant = {question.id for question in self.relevant(given, lens)}
        facts: dict[str, Any] = {"lens": lens}
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
        self, answers: Mapping[str, Any], lens: Lens, *, checked: bool = False
    ) -> dict[str, str | None]:
        """Only the top pick of each stage: the same reasoning without a trace, several times
        faster, for questions like "would this answer change anything?". `checked` skips
        validating answers that are already normalised."""
        values = answers if checked else coerce_answers(self.kb, answers)
        facts, _, _ = self.facts_for(values, lens)
        run = self._chain(_Run(facts=facts, traced=False))
        tops: dict[str, str | None] = {}
        for stage in run.support:
            candidates, _, _ = self._standing(run, stage, lens)
            scored = [(-sum(s.weight for s in supports), node) for node, supports in candidates.items()]
            best = min(scored, default=None)
            tops[stage] = best[1] if best is not None and best[0] < 0 else None
        return tops

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
        """Forward chaining: fire woken rules in agenda order until none is left."""
        for fact, value in run.facts.items():
            self._wake(run, fact, value)
        self._push(run, [rule.position for rule in self.compiled.fire_without_facts])
        rules = self.compiled.rules
        while run.agenda:
            rule = rules[heapq.heappop(run.agenda)]
            for node in rule.bindings(run.facts):
                self._fire(run, rule, node)
        return run

    def _reason(self, answers: Mapping[str, Any], lens: Lens) -> Result:
        facts, assumptions, ignored = self.facts_for(answers, lens)
        run = self._chain(_Run(facts=facts))
        return Result(
            lens=lens,
            facts=tuple(sorted(run.facts.items())),
            assumptions=tuple(assumptions),
            ignored=tuple(ignored),
            stages=self._stages(run, lens),
            derived=tuple(run.derived),
            conflicts=tuple(run.conflicts),
            firings=tuple(run.firings),
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
                self._derive(run, action, index)
            elif isinstance(action, Warn) and run.traced:
                text = render(action.warn, self.kb, run.facts, node)
                run.warnings[rule.stage].append(StageWarning(text, index))

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

    def _derive(self, run: _Run, action: Derive, index: int) -> None:
        fact, value = action.derive, action.value
        if fact not in run.facts:
            run.facts[fact] = value
            run.derived.append(Derivation(fact, value, index))
            self._wake(run, fact, value)
        elif run.facts[fact] != value:
            run.conflicts.append(Conflict(fact, run.facts[fact], value, index))

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
            if ranked or exclusions or warnings:
                stages.append(
                    StageResult(stage.id, stage.name, tuple(ranked), tuple(exclusions), tuple(warnings))
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
