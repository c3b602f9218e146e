"""What the HTML report says about the running system: each diagnosis (symptom, cause, the rule,
the fixes and where each stands in its stage) and each calculated fact with its formula."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from typing import TYPE_CHECKING

from advisor.render.common import fix_standing, symptom_line
from advisor.render.html.reasons import Citations, Reason

if TYPE_CHECKING:
    from advisor.engine.result import Diagnosis, Result
    from advisor.knowledge import KnowledgeBase


@dataclass(frozen=True)
class FixView:
    """A fix a diagnosis recommends, and where it stands in its stage."""

    name: str
    weight: int
    standing: str
    anchor: str
    """The id of the fix's stage section, when the report explains that stage ("" otherwise)."""


@dataclass(frozen=True)
class DiagnosisView:
    symptom: str
    cause: str
    reason: Reason
    fixes: tuple[FixView, ...]


@dataclass(frozen=True)
class Calculation:
    """A calculated fact: the formula with its inputs and value, and the rule that applied it."""

    formula: str
    rule: str
    title: str


def diagnosis_views(
    kb: KnowledgeBase, result: Result, shown: Collection[str], citations: Citations
) -> tuple[DiagnosisView, ...]:
    """Every diagnosis; `shown` are the stages the report explains (a fix links to its stage)."""
    return tuple(_diagnosis(kb, result, d, shown, citations) for d in result.diagnoses)


def _diagnosis(
    kb: KnowledgeBase, result: Result, diagnosis: Diagnosis, shown: Collection[str], citations: Citations
) -> DiagnosisView:
    fixes = tuple(
        FixView(
            kb.nodes[fix.node].name,
            fix.weight,
            fix_standing(kb, result, fix),
            f"stage-{fix.stage}" if fix.stage in shown else "",
        )
        for fix in diagnosis.fixes
    )
    reason = citations.reason(result.firing(diagnosis.firing))
    return DiagnosisView(symptom_line(kb, result, diagnosis), diagnosis.cause, reason, fixes)


def calculations(result: Result) -> tuple[Calculation, ...]:
    """Each derived fact that has a formula, in the order it was concluded."""
    return tuple(
        Calculation(d.formula, result.firing(d.firing).rule, result.firing(d.firing).title)
        for d in result.derived
        if d.formula
    )
