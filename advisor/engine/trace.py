"""The trace of a run: which rule fired for which node, kept as indices into the compiled
tables; each firing's reason (and warning) and the facts it read are worked out when read.

Reading them late gives the same text as rendering them at firing time: facts are never
changed once known, and every fact a rule reads is final before it is evaluated (strata).
A reason or warning naming a derived fact the rule does not read is rendered when the rule
fires.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, NamedTuple

from advisor.engine.template import render

if TYPE_CHECKING:
    from advisor.engine.tables import CompiledRules
    from advisor.knowledge import KnowledgeBase


class Trace:
    """What the firings of one run share: the knowledge, its tables, the final facts, and the
    reasons rendered so far (by firing number)."""

    __slots__ = ("facts", "kb", "reasons", "tables")

    def __init__(
        self, kb: KnowledgeBase, tables: CompiledRules, facts: Mapping[str, Any], reasons: dict[int, str]
    ):
        self.kb = kb
        self.tables = tables
        self.facts = facts
        self.reasons = reasons

    def because(self, number: int, position: int, node: str | None) -> str:
        reason = self.reasons.get(number)
        if reason is None:
            reason = self.reasons[number] = self.render(self.tables.because[position], node)
        return reason

    def render(self, template: str, node: str | None) -> str:
        """A rule's template with the run's final facts and the bound node."""
        return render(template, self.kb, self.facts, self.kb.nodes[node] if node else None)


class ComparedAsShown:
    """Equality, hash and repr by what faces show of a record (its `SHOWN` attributes, some
    read from its run when asked for), not by the row it is made of."""

    __slots__ = ()
    SHOWN: ClassVar[tuple[str, ...]]

    def _shown(self) -> tuple[Any, ...]:
        return tuple([getattr(self, name) for name in self.SHOWN])

    def __eq__(self, other: object) -> bool:
        return isinstance(other, type(self)) and self._shown() == other._shown()

    def __ne__(self, other: object) -> bool:
        return not self == other

    def __hash__(self) -> int:
        return hash(self._shown())

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={value!r}" for name, value in zip(self.SHOWN, self._shown(), strict=True))
        return f"{type(self).__name__}({shown})"


class _Row(NamedTuple):
    number: int
    """Position in the trace (firings are numbered from 0 in firing order)."""
    node: str | None
    """The node bound by `for_each`, if any."""
    trace: Trace
    """The run's trace, which the rest is read from."""
    position: int
    """The rule's position in the compiled tables."""


class Firing(ComparedAsShown, _Row):
    """One rule firing (for one bound node, for `for_each` rules): the unit of the trace.

    A tuple made in C at a few thousand per run (`tuple.__new__(Firing, row)`); its rule,
    stage, title, facts, reason, sources and exam tasks are read from the trace when asked for.
    """

    __slots__ = ()
    SHOWN = ("number", "rule", "title", "stage", "node", "facts", "because", "sources", "exam")

    @property
    def rule(self) -> str:
        return self.trace.tables.ids[self.position]

    @property
    def stage(self) -> str:
        return self.trace.tables.stages[self.position]

    @property
    def title(self) -> str:
        return self.trace.tables.titles[self.position]

    @property
    def facts(self) -> tuple[tuple[str, Any], ...]:
        """The facts the rule's conditions read, with the values they had."""
        facts = self.trace.facts
        return tuple([(fact, facts.get(fact)) for fact in self.trace.tables.reads[self.position]])

    @property
    def because(self) -> str:
        """The rule's reason, rendered with the actual values."""
        return self.trace.because(self.number, self.position, self.node)

    @property
    def sources(self) -> tuple[str, ...]:
        return self.trace.tables.sources[self.position]

    @property
    def exam(self) -> tuple[str, ...]:
        return self.trace.tables.exam[self.position]
