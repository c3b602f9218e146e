"""The difference between the Results of two answer sets: the answers that changed, the stages
whose pick changed, and for each such stage the rules that fired for one set and not the other
(the reasons the pick moved). No UI here; the CLI renders it as text, Markdown, JSON or HTML."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from advisor.knowledge.models import Exclude, Recommend, Warn

if TYPE_CHECKING:
    from advisor.engine.result import Firing, Result
    from advisor.knowledge import KnowledgeBase

Origin = Literal["answered", "assumed", "ignored", "absent"]
"""How a question stood: answered, assumed (not answered), answered but not applicable, absent."""


@dataclass(frozen=True)
class Answer:
    value: Any
    origin: Origin


@dataclass(frozen=True)
class AnswerChange:
    question: str
    before: Answer
    after: Answer


@dataclass(frozen=True)
class Effect:
    """What a firing did to a stage: recommended or excluded a node, or warned."""

    action: Literal["recommend", "exclude", "warn"]
    stage: str
    node: str | None
    weight: int | None = None


@dataclass(frozen=True)
class RuleFiring:
    """A rule firing (for one bound node) that happened for only one of the two answer sets."""

    rule: str
    title: str
    node: str | None
    because: str
    effects: tuple[Effect, ...]
    """Its effects on the stage in question."""
    sources: tuple[str, ...]


@dataclass(frozen=True)
class PickChange:
    stage: str
    name: str
    before: str | None
    after: str | None
    only_before: tuple[RuleFiring, ...]
    only_after: tuple[RuleFiring, ...]


@dataclass(frozen=True)
class DerivedChange:
    """A fact concluded by the rules with a different value (None: not concluded)."""

    fact: str
    before: Any
    after: Any


@dataclass(frozen=True)
class Difference:
    lens_before: str
    lens_after: str
    answers: tuple[AnswerChange, ...]
    picks: tuple[PickChange, ...]
    derived: tuple[DerivedChange, ...]
    same_picks: tuple[str, ...]
    """Stages (with a result in either set) whose pick did not change."""

    @property
    def differs(self) -> bool:
        return bool(self.answers or self.picks or self.derived or self.lens_before != self.lens_after)


def diff_results(kb: KnowledgeBase, before: Result, after: Result) -> Difference:
    """Compare two Results of the same knowledge."""
    stages = [s for s in kb.stages if before.stage(s) or after.stage(s)]
    picks = tuple(
        _pick_change(kb, before, after, stage) for stage in stages if before.top(stage) != after.top(stage)
    )
    return Difference(
        lens_before=before.lens,
        lens_after=after.lens,
        answers=_answer_changes(kb, before, after),
        picks=picks,
        derived=_derived_changes(before, after),
        same_picks=tuple(s for s in stages if before.top(s) == after.top(s)),
    )


def answers_of(kb: KnowledgeBase, result: Result) -> dict[str, Answer]:
    """Every question the result says something about, and how it stood."""
    assumed = {a.question for a in result.assumptions}
    found = {
        fact: Answer(value, "assumed" if fact in assumed else "answered")
        for fact, value in result.facts
        if fact in kb.questions
    }
    found.update((i.question, Answer(i.value, "ignored")) for i in result.ignored)
    return found


def _answer_changes(kb: KnowledgeBase, before: Result, after: Result) -> tuple[AnswerChange, ...]:
    old, new = answers_of(kb, before), answers_of(kb, after)
    absent = Answer(None, "absent")
    return tuple(
        AnswerChange(question, old.get(question, absent), new.get(question, absent))
        for question in kb.questions
        if old.get(question, absent) != new.get(question, absent)
    )


def _derived_changes(before: Result, after: Result) -> tuple[DerivedChange, ...]:
    old = {d.fact: d.value for d in before.derived}
    new = {d.fact: d.value for d in after.derived}
    facts = sorted(set(old) | set(new))
    return tuple(DerivedChange(f, old.get(f), new.get(f)) for f in facts if old.get(f) != new.get(f))


def _pick_change(kb: KnowledgeBase, before: Result, after: Result, stage: str) -> PickChange:
    old, new = _stage_firings(kb, before, stage), _stage_firings(kb, after, stage)
    outcome = before.stage(stage) or after.stage(stage)
    return PickChange(
        stage=stage,
        name=outcome.name if outcome else kb.stages[stage].name,
        before=before.top(stage),
        after=after.top(stage),
        only_before=tuple(firing for key, firing in old.items() if key not in new),
        only_after=tuple(firing for key, firing in new.items() if key not in old),
    )


def _stage_firings(kb: KnowledgeBase, result: Result, stage: str) -> dict[tuple[str, str | None], RuleFiring]:
    """The firings that acted on a stage, in firing order, keyed by (rule, bound node)."""
    found = {}
    for firing in result.firings:
        effects = tuple(e for e in effects_of(kb, firing) if e.stage == stage)
        if effects:
            found[(firing.rule, firing.node)] = RuleFiring(
                firing.rule, firing.title, firing.node, firing.because, effects, firing.sources
            )
    return found


def effects_of(kb: KnowledgeBase, firing: Firing) -> Iterator[Effect]:
    """What a firing did to stages, from its rule's actions."""
    rule = kb.rules[firing.rule]
    for action in rule.then:
        if isinstance(action, Recommend):
            target = _target(action.recommend, firing.node)
            yield Effect("recommend", action.stage or rule.stage, target, action.weight)
        elif isinstance(action, Exclude):
            yield Effect("exclude", action.stage or rule.stage, _target(action.exclude, firing.node))
        elif isinstance(action, Warn):
            yield Effect("warn", rule.stage, None)


def _target(reference: str, node: str | None) -> str:
    return node if reference == "{node}" and node is not None else reference
