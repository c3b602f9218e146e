"""What single-answer changes would do to the top picks, reasoned again only where they can.

A stage's top pick depends on the lens and on the facts reaching the stage alone (see
`reach`), so it is remembered under those values: a lookahead that asks again about a stage
whose facts did not change (another question's answer, an earlier step) reads the memo.
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
    """The top picks for one set of (checked) answers, and for each single-answer change."""

    def __init__(self, engine: Engine, answers: Mapping[str, Any], lens: Lens, design: Design | None):
        self.engine = engine
        self.answers = dict(answers)
        self.lens = lens
        self.design = design
        self.memo = engine.pick_memo
        self.facts = engine.facts_of(answers, lens, design)
        self._relevant = {question.id for question in engine.relevant(answers, lens, design)}
        self._gating = frozenset(engine.compiled.gating_facts)
        self._keys: dict[str, Key] = {}
        self._now: Picks | None = None
        """Every stage's pick for these answers, once a run was needed to know any."""

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
        """The top picks of these stages if `question` were answered `value`: the memo is
        asked with this state's keys, the changed facts swapped in."""
        stages = tuple(stages)
        if question in self._gating or question not in self._relevant:  # other questions may apply
            facts = self.engine.facts_of({**self.answers, question: value}, self.lens, self.design)
            changed = _changes(self.facts, facts)
        else:  # only its own fact changes
            facts = {**self.facts, question: value}
            changed = {question: value}
        keys = [self._changed_key(stage, changed) for stage in stages]
        known = self.memo.known(keys)
        if known is not None:
            return dict(zip(stages, known, strict=True))
        picks = self.engine.picks_of(facts, self.lens, stages)
        self.memo.remember(keys, picks.values())
        return picks

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


def _changes(before: Mapping[str, Any], after: Mapping[str, Any]) -> dict[str, Any]:
    """The facts whose values differ (None: no longer there)."""
    return {
        fact: after.get(fact)
        for fact in before.keys() | after.keys()
        if before.get(fact, _MISSING) != after.get(fact, _MISSING)
    }
