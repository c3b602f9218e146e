"""What single-answer changes would do to the top picks, reasoned again only where they can.

A stage's top pick depends on the lens and on the facts reaching the stage alone (see
`reach`), so it is remembered under those values: a lookahead that asks again about a stage
whose facts did not change (another question's answer, an earlier step) reads the memo, and
a pick it must reason runs only the rules reaching the stages asked about (`Engine.picks_of`).
The state after an answer is worked out from the state before it: only the facts of the
questions whose relevance the answer flips change.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from contextlib import suppress
from typing import TYPE_CHECKING, Any

from advisor.engine.reach import facts_reaching

if TYPE_CHECKING:
    from advisor.engine.engine import Design, Engine
    from advisor.engine.result import Lens
    from advisor.knowledge import KnowledgeBase

PICK_MEMO = 65536
"""How many (stage, lens, values of the facts reaching it) -> top pick entries are kept."""

Picks = dict[str, str | None]
Key = tuple[Any, ...]
Relevance = tuple[tuple[str, ...], frozenset[str]]
"""The relevant question ids, in order and as a set."""

_MISSING: Any = object()


class PickMemo:
    """Top picks per stage, by the lens and the values of the facts reaching the stage."""

    def __init__(self, kb: KnowledgeBase):
        self.kb = kb
        self._inputs: dict[str, tuple[str, ...]] = {}
        self._slots: dict[str, dict[str, int]] = {}
        self._picks: dict[Key, str | None] = {}

    def inputs(self, stage: str) -> tuple[str, ...]:
        """The facts that can reach the stage, in a fixed order."""
        inputs = self._inputs.get(stage)
        if inputs is None:
            inputs = self._inputs[stage] = tuple(sorted(facts_reaching(self.kb, stage)))
        return inputs

    def slots(self, stage: str) -> dict[str, int]:
        """Fact -> where its value sits in the stage's key (after the stage and the lens)."""
        slots = self._slots.get(stage)
        if slots is None:
            slots = self._slots[stage] = {fact: 2 + i for i, fact in enumerate(self.inputs(stage))}
        return slots

    def key(self, stage: str, lens: Lens, facts: Mapping[str, Any]) -> Key:
        """The stage, the lens and the values of the facts reaching the stage (None: absent,
        as a run never starts from a fact whose value is None)."""
        return (stage, lens, *map(facts.get, self.inputs(stage)))

    def known(self, keys: list[Key]) -> list[str | None] | None:
        """The remembered picks for every key, or None when any is missing (or unhashable)."""
        picks = self._picks
        try:
            found = [picks.get(key, _MISSING) for key in keys]
        except TypeError:
            return None
        return None if _MISSING in found else found

    def remember(self, keys: list[Key], picks: Iterable[str | None]) -> None:
        if len(self._picks) + len(keys) > PICK_MEMO:
            self._picks.clear()
        with suppress(TypeError):  # an unhashable value: not remembered
            self._picks.update(zip(keys, picks, strict=True))


class Lookahead:
    """The top picks for one set of (checked) answers, and for each single-answer change, kept
    once worked out: they hold while the answers give the same facts (a skip adds none)."""

    def __init__(
        self,
        engine: Engine,
        answers: Mapping[str, Any],
        lens: Lens,
        design: Design | None,
        *,
        facts: dict[str, Any] | None = None,
        relevance: Relevance | None = None,
    ):
        """`facts` and `relevance` (the relevant question ids, in order and as a set) are worked
        out from the answers unless given."""
        self.engine = engine
        self.answers = {question: value for question, value in answers.items() if value is not None}
        self.lens = lens
        self.design = dict(design or {})
        self.memo = engine.pick_memo
        self.facts = engine.facts_of(answers, lens, design) if facts is None else facts
        self.order, self.relevant = relevance or engine.relevant_ids(answers, lens, design)
        self._gating = frozenset(engine.compiled.gating_facts)
        self._keys: dict[str, Key] = {}
        self._now: Picks | None = None
        """Every stage's pick for these answers, once a run was needed to know any."""
        self._trials: dict[tuple[str, Any, tuple[str, ...]], Picks] = {}
        self._changes: dict[tuple[str, Any], tuple[dict[str, Any], Relevance]] = {}
        self._after: dict[tuple[str, Any], Lookahead] = {}

    def holds_for(self, answers: Mapping[str, Any], lens: Lens, design: Design | None) -> bool:
        """True when these answers, lens and design give this lookahead's facts."""
        given = {question: value for question, value in answers.items() if value is not None}
        return lens == self.lens and given == self.answers and dict(design or {}) == self.design

    def picks(self, stages: Iterable[str]) -> Picks:
        """The top picks of these stages for the answers as they are."""
        stages = tuple(stages)
        if self._now is None:
            keys = [self._key(stage) for stage in stages]
            known = self.memo.known(keys)
            if known is not None:
                return dict(zip(stages, known, strict=True))
            self._now = self.engine.picks_of(dict(self.facts), self.lens, self.engine.kb.stages)
            self.memo.remember(keys, [self._now[stage] for stage in stages])
        return {stage: self._now[stage] for stage in stages}

    def picks_if(self, question: str, value: Any, stages: Iterable[str]) -> Picks:
        """The top picks of these stages if `question` were answered `value`."""
        trial = (question, value, tuple(stages))
        picks = self._trials.get(trial)
        if picks is None:
            picks = self._trials[trial] = self._work_out(question, value, trial[2])
        return picks

    def after(self, question: str, value: Any) -> Lookahead:
        """The lookahead for these answers with `question` answered `value`."""
        child = self._after.get((question, value))
        if child is None:
            changed, relevance = self._changed_by(question, value)
            child = Lookahead(
                self.engine,
                {**self.answers, question: value},
                self.lens,
                self.design,
                facts=_with_changes(self.facts, changed),
                relevance=relevance,
            )
            self._after[(question, value)] = child
        return child

    def _work_out(self, question: str, value: Any, stages: tuple[str, ...]) -> Picks:
        """The memo is asked with this state's keys, the changed facts swapped in; a run
        (of the rules reaching the stages) answers what it does not know."""
        if not stages:
            return {}
        if question in self._gating or question not in self.relevant:  # other questions may apply
            changed = self._changed_by(question, value)[0]
        else:  # only its own fact changes
            changed = {question: value}
        keys = [self._changed_key(stage, changed) for stage in stages]
        known = self.memo.known(keys)
        if known is not None:
            return dict(zip(stages, known, strict=True))
        picks = self.engine.picks_of(_with_changes(self.facts, changed), self.lens, stages)
        self.memo.remember(keys, picks.values())
        return picks

    def _changed_by(self, question: str, value: Any) -> tuple[dict[str, Any], Relevance]:
        """The facts that would change (None: no longer there) and the relevance after: the
        answer's own, and those of the questions it makes relevant (their assumptions) or
        irrelevant (gone); every other fact stays as it is."""
        found = self._changes.get((question, value))
        if found is None:
            answers = {**self.answers, question: value}
            relevance = self.engine.relevant_ids_if(
                (self.order, self.relevant), answers, self.lens, self.design, question
            )
            flipped = (relevance[1] ^ self.relevant) | {question}
            fact_of = self.engine.question_fact
            changed = {
                fact: after
                for fact in sorted(flipped)
                if (after := fact_of(fact, answers, relevance[1])) != self.facts.get(fact)
            }
            found = self._changes[(question, value)] = changed, relevance
        return found

    def _key(self, stage: str) -> Key:
        key = self._keys.get(stage)
        if key is None:
            key = self._keys[stage] = self.memo.key(stage, self.lens, self.facts)
        return key

    def _changed_key(self, stage: str, changed: Mapping[str, Any]) -> Key:
        """The stage's key with the changed facts that reach it swapped in."""
        key = self._key(stage)
        slots = self.memo.slots(stage)
        swaps = [(slots[fact], value) for fact, value in changed.items() if fact in slots]
        if not swaps:
            return key
        swapped = list(key)
        for slot, value in swaps:
            swapped[slot] = value
        return tuple(swapped)


def _with_changes(facts: Mapping[str, Any], changed: Mapping[str, Any]) -> dict[str, Any]:
    """The facts with the changes made (None: the fact is dropped)."""
    updated = {**facts, **changed}
    for fact, value in changed.items():
        if value is None:
            del updated[fact]
    return updated
