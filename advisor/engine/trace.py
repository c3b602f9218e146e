"""The trace of a run: which rule fired for which node, kept as indices into the compiled
tables; each firing's reason and the facts it read are worked out when first read.

Reading them late gives the same text as rendering them at firing time: facts are never
changed once known, and every fact a rule reads is final before it is evaluated (strata).
A reason naming a derived fact the rule does not read is rendered when the rule fires.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from advisor.engine.template import render

if TYPE_CHECKING:
    from advisor.engine.compile import CompiledRules
    from advisor.knowledge import KnowledgeBase


class Trace:
    """What the firings of one run share: the knowledge, its tables and the final facts."""

    __slots__ = ("facts", "kb", "tables")

    def __init__(self, kb: KnowledgeBase, tables: CompiledRules, facts: Mapping[str, Any]):
        self.kb = kb
        self.tables = tables
        self.facts = facts

    def because(self, position: int, node: str | None) -> str:
        return render(
            self.tables.because[position], self.kb, self.facts, self.kb.nodes[node] if node else None
        )


class Firing:
    """One rule firing (for one bound node, for `for_each` rules): the unit of the trace."""

    __slots__ = ("_because", "_position", "_trace", "node", "number", "rule", "stage")

    number: int
    """Position in the trace (firings are numbered from 0 in firing order)."""
    rule: str
    stage: str
    node: str | None

    def __init__(
        self,
        number: int,
        rule: str,
        stage: str,
        node: str | None,
        trace: Trace,
        position: int,
        because: str | None = None,
    ):
        self.number = number
        self.rule = rule
        self.stage = stage
        self.node = node
        self._trace = trace
        self._position = position
        self._because = because

    @property
    def title(self) -> str:
        return self._trace.tables.titles[self._position]

    @property
    def facts(self) -> tuple[tuple[str, Any], ...]:
        """The facts the rule's conditions read, with the values they had."""
        facts = self._trace.facts
        return tuple([(fact, facts.get(fact)) for fact in self._trace.tables.reads[self._position]])

    @property
    def because(self) -> str:
        """The rule's reason, rendered with the actual values."""
        if self._because is None:
            self._because = self._trace.because(self._position, self.node)
        return self._because

    @property
    def sources(self) -> tuple[str, ...]:
        return self._trace.tables.sources[self._position]

    @property
    def exam(self) -> tuple[str, ...]:
        return self._trace.tables.exam[self._position]

    def _fields(self) -> tuple[Any, ...]:
        return (
            self.number,
            self.rule,
            self.title,
            self.stage,
            self.node,
            self.facts,
            self.because,
            self.sources,
            self.exam,
        )

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Firing) and self._fields() == other._fields()

    def __hash__(self) -> int:
        return hash(self._fields())

    def __repr__(self) -> str:
        names = ("number", "rule", "title", "stage", "node", "facts", "because", "sources", "exam")
        shown = ", ".join(f"{name}={value!r}" for name, value in zip(names, self._fields(), strict=True))
        return f"Firing({shown})"
