"""What reasoning produces: ranked candidates per stage, exclusions, derived facts and a trace."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal, NamedTuple

from advisor.engine.trace import ComparedAsShown, Firing, Trace

Lens = Literal["exam", "current"]
LENSES: tuple[Lens, ...] = ("exam", "current")

__all__ = [  # Firing lives with the trace; every face reads it from here
    "LENSES",
    "Assumption",
    "Candidate",
    "Conflict",
    "Derivation",
    "Diagnosis",
    "Exclusion",
    "Firing",
    "Fix",
    "IgnoredAnswer",
    "Lens",
    "LensDifference",
    "Result",
    "StageResult",
    "StageWarning",
    "Support",
]


class Support(NamedTuple):
    """A firing that recommended a candidate, and the weight it added."""

    firing: int
    weight: int
    via: str | None = None
    """For a successor standing in under the current lens: the node the support was for."""


class Candidate(NamedTuple):
    """A node recommended for a stage, with the score and the firings behind it (a NamedTuple:
    hundreds are made per run at scale)."""

    node: str
    name: str
    score: int
    support: tuple[Support, ...]
    state: str
    """The node's status (active, renamed, closed_to_new_customers, retired)."""
    stands_in_for: tuple[str, ...] = ()
    """Under the current lens: unavailable nodes this successor replaces."""


class _ExclusionRow(NamedTuple):
    node: str
    name: str
    rows: tuple[Firing, ...] = ()
    """The firings of the rules that rejected it, which render their reasons when read (none
    when the lens rejected it)."""
    stated: tuple[str, ...] = ()
    """The reason as given (the lens's); a rule's reason is read from its firing instead."""
    by_lens: bool = False
    sources: tuple[str, ...] = ()


class Exclusion(ComparedAsShown, _ExclusionRow):
    """A node rejected for a stage: by rules, or by the current lens (its status).

    A tuple, like the firings it reads its reasons from: a run rejects dozens of nodes and most
    reasons are never shown, so they are rendered when first read. Two exclusions are equal
    when everything shown of them is.
    """

    __slots__ = ()
    SHOWN = ("node", "name", "firings", "reasons", "by_lens", "sources")

    @property
    def firings(self) -> tuple[int, ...]:
        """The numbers of the firings that rejected it."""
        return tuple([row.number for row in self.rows])

    @property
    def reasons(self) -> tuple[str, ...]:
        """One reason per firing (or the lens's one), rendered with the run's facts."""
        return self.stated or tuple([row.because for row in self.rows])


class _WarningRow(NamedTuple):
    firing: int
    template: str
    """The warning as the rule words it, or its text when `trace` is None."""
    node: str | None
    trace: Trace | None


class StageWarning(ComparedAsShown, _WarningRow):
    """A warning raised by a rule for a stage, rendered when read (see `Trace`)."""

    __slots__ = ()
    SHOWN = ("text", "firing")

    @property
    def text(self) -> str:
        if self.trace is None:
            return self.template
        return self.trace.render(self.template, self.node)


class StageResult(NamedTuple):
    """Everything concluded about one stage (or a decision within a stage) (a NamedTuple: a
    run concludes on dozens)."""

    stage: str
    name: str
    candidates: tuple[Candidate, ...]
    exclusions: tuple[Exclusion, ...]
    warnings: tuple[StageWarning, ...]
    not_needed: tuple[int, ...] = ()
    """Firings that settled the stage as not needed (their `because` says why)."""
    within: str | None = None
    """For a decision within a stage: that stage."""

    @property
    def top(self) -> Candidate | None:
        """The best candidate with a positive score, if any (none when not needed)."""
        if not self.not_needed and self.candidates and self.candidates[0].score > 0:
            return self.candidates[0]
        return None

    def candidate(self, node: str) -> Candidate | None:
        return next((c for c in self.candidates if c.node == node), None)

    def exclusion(self, node: str) -> Exclusion | None:
        return next((e for e in self.exclusions if e.node == node), None)


class Derivation(NamedTuple):
    """A fact concluded by a rule (a NamedTuple: hundreds are made per run at scale)."""

    fact: str
    value: Any
    firing: int
    formula: str = ""
    """For a calculated fact: the formula with its inputs, `f1 = 2 * p * r / (p + r) = … = 0.8`."""


@dataclass(frozen=True)
class Fix:
    """A node a diagnosis recommends, in the stage where it is ranked."""

    stage: str
    node: str
    weight: int


@dataclass(frozen=True)
class Diagnosis:
    """A cause concluded for a symptom of the running system, and the fixes the rule suggests."""

    symptom: str
    """The symptom question."""
    cause: str
    firing: int
    fixes: tuple[Fix, ...]


class Assumption(NamedTuple):
    """A value reasoned with for a question that was not answered."""

    question: str
    value: Any
    because: str


class IgnoredAnswer(NamedTuple):
    """An answer left out because its question does not apply to the other answers."""

    question: str
    value: Any


@dataclass(frozen=True)
class Conflict:
    """A rule that concluded a different value for a fact another rule had already set."""

    fact: str
    kept: Any
    rejected: Any
    firing: int


@dataclass(frozen=True)
class LensDifference:
    """A stage whose top pick differs between the exam and current lenses."""

    stage: str
    exam: str | None
    current: str | None


@dataclass(frozen=True)
class Result:
    """The full outcome of reasoning over one set of answers under one lens."""

    lens: Lens
    facts: tuple[tuple[str, Any], ...]
    """Every fact reasoned with (answers, assumptions, lens), sorted by id."""
    assumptions: tuple[Assumption, ...]
    ignored: tuple[IgnoredAnswer, ...]
    stages: tuple[StageResult, ...]
    derived: tuple[Derivation, ...]
    conflicts: tuple[Conflict, ...]
    firings: tuple[Firing, ...]
    lens_differences: tuple[LensDifference, ...] = ()
    diagnoses: tuple[Diagnosis, ...] = ()
    focus: tuple[str, ...] = ()
    """The stages the person is deciding (empty: the whole pipeline); faces show them first."""
    design: tuple[tuple[str, tuple[str, ...]], ...] = ()
    """What runs today: (stage, node ids), as given."""

    def stage(self, stage: str) -> StageResult | None:
        return next((s for s in self.stages if s.stage == stage), None)

    def top(self, stage: str) -> str | None:
        """The id of the top candidate of a stage, if any."""
        found = self.stage(stage)
        top = found.top if found else None
        return top.node if top else None

    def firing(self, index: int) -> Firing:
        return self.firings[index]

    def design_nodes(self) -> dict[str, frozenset[str]]:
        """The design as stage -> node ids, as `Engine.run` takes it."""
        return {stage: frozenset(nodes) for stage, nodes in self.design}

    def in_focus(self, stage: StageResult) -> bool:
        """Is the stage (or the stage it is a decision within) one the person is deciding?"""
        return self.stage_in_focus(stage.stage, stage.within)

    def stage_in_focus(self, stage: str, within: str | None) -> bool:
        """`in_focus` by ids, for a stage the result may have concluded nothing about."""
        return not self.focus or stage in self.focus or within in self.focus
