"""The compiled rules as plain tables: what the engine runs on and what the knowledge cache keeps.

Everything here is plain data (tuples, strings, numbers, the condition tuples of
`advisor.engine.condition`), built by `advisor.engine.compile` and loaded from the cache without
compiling again.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from advisor.engine.condition import Plain, Test

NODE = "{node}"
"""An action's target that stands for the node bound by `for_each`."""


class Action(NamedTuple):
    """One action as plain data: kind (recommend, exclude, derive, not_needed, warn, diagnose),
    target (node, fact or stage), stage, weight, value (derived value, or a template), formula,
    symptom."""

    kind: str
    target: str = ""
    stage: str = ""
    weight: int = 0
    value: Any = None
    formula: str | None = None
    symptom: str = ""


@dataclass(frozen=True)
class CompiledRules:
    """Every rule in agenda order, as parallel tables indexed by position."""

    ids: tuple[str, ...]
    titles: tuple[str, ...]
    stages: tuple[str, ...]
    because: tuple[str, ...]
    sources: tuple[tuple[str, ...], ...]
    exam: tuple[tuple[str, ...], ...]
    reads: tuple[tuple[str, ...], ...]
    """The facts each rule reads, sorted (what its firing records)."""
    settles: tuple[tuple[int, str], ...]
    """(position, stage) for every stage whose top pick a rule reads, by position: the pick is
    settled (and asserted as a fact) before the rule at that position, the stage's first
    reader, is evaluated; every rule acting on the stage comes earlier (strata)."""
    actions: tuple[tuple[Action, ...], ...]
    nodes: tuple[tuple[str, ...] | None, ...]
    """The node ids `for_each` ranges over, sorted; None for a rule without for_each."""
    ranges: tuple[tuple[str, ...] | None, ...]
    """The nodes of `nodes` that pass the tests of `where` that read no fact (decided here)."""
    where: tuple[Plain | None, ...]
    """What is left of `where` to decide per run (it reads facts)."""
    simple: tuple[tuple[str, str, Any, int] | None, ...]
    """For a rule with nothing to decide once queued (no pick, no residual, no for_each) and
    one action that recommends a named node or derives a value: ("recommend", stage, node,
    weight) or ("derive", fact, value, 0). The engine's fast path."""
    need: tuple[int, ...]
    """How many of each rule's alpha tests must hold before it is queued: all of them, or one
    for a rule gated by an `any` of alpha tests."""
    residual: tuple[Plain | None, ...]
    """What is left of each rule's condition once its alpha tests hold."""
    alpha: Mapping[str, tuple[tuple[int, Test], ...]]
    """Fact -> (position, test) of every alpha test on it."""
    wakers: Mapping[str, tuple[int, ...]]
    """Fact -> rules without alpha tests that read it (queued when it becomes known)."""
    eager: tuple[int, ...]
    """Rules without alpha tests that fire when no fact is known, a pick included (always
    queued; the others are queued when a fact they read becomes known)."""
    rendered_early: frozenset[int]
    """Rules whose reason or warning names a derived fact they do not read (it could still
    change after they fire), so they are rendered when they fire rather than when read."""
    asks_when: Mapping[str, Plain | None]
    """Per question: its relevance condition (None: always relevant)."""
    gating_facts: tuple[str, ...]
    """The facts any question's relevance depends on: relevance is worked out once per their values."""
    positions: Mapping[str, Mapping[str, int]]
    """Scale -> value -> position, for ordered comparisons."""

    @property
    def position(self) -> Mapping[str, int]:
        return {rule_id: index for index, rule_id in enumerate(self.ids)}

    def recommendations(self, position: int) -> Iterator[tuple[str, str]]:
        """(stage, node) pairs the rule can put forward (positive weight; `{node}` expanded)."""
        for action in self.actions[position]:
            if action.kind != "recommend" or action.weight <= 0:
                continue
            if action.target == NODE:
                yield from ((action.stage, node) for node in self.nodes[position] or ())
            else:
                yield action.stage, action.target

    def restricted(self, keep: frozenset[int]) -> CompiledRules:
        """The same tables with only the rules at the positions in `keep` ever queued (the others
        lose their match entries): positions, and so the agenda order, stay as they are. Only
        the picks the kept rules read are settled."""
        read = {fact for position in keep for fact in self.reads[position] if fact.startswith("pick:")}
        return replace(
            self,
            settles=tuple((position, stage) for position, stage in self.settles if f"pick:{stage}" in read),
            alpha={
                fact: tests_kept
                for fact, tests in self.alpha.items()
                if (tests_kept := tuple(test for test in tests if test[0] in keep))
            },
            wakers={fact: woken for fact, rules in self.wakers.items() if (woken := _kept(rules, keep))},
            eager=_kept(self.eager, keep),
        )

    def readers(self, fact: str) -> list[str]:
        """Ids of the rules that read a fact."""
        return [rule_id for rule_id, reads in zip(self.ids, self.reads, strict=True) if fact in reads]


def _kept(positions: tuple[int, ...], keep: frozenset[int]) -> tuple[int, ...]:
    return tuple(position for position in positions if position in keep)
