"""Checking a design: the engine reasons over its requirements and choices, and the Result
becomes findings (advisor.check.standing), with suppressions applied."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import TYPE_CHECKING

from advisor.check.design import Design
from advisor.check.finding import Finding, Reason, Requirement, Suppressed
from advisor.check.kinds import at_least
from advisor.check.severity import SEVERITIES, Severity
from advisor.check.standing import choice_findings, diagnosis_finding, no_choice_findings
from advisor.check.suppressions import suppress
from advisor.engine.engine import Engine
from advisor.engine.result import Lens, Result
from advisor.render.words import counted

if TYPE_CHECKING:
    from advisor.knowledge import KnowledgeBase

__all__ = ["CheckReport", "Finding", "Reason", "Requirement", "Suppressed", "check_design", "finding_count"]


def finding_count(key: str, count: int) -> str:
    """`1 error`, `2 warnings`, `2 info`, `1 suppressed`: a count of one severity (or of the
    suppressed findings), as `CheckReport.counts` keys them."""
    return counted(count, key, key if key in ("info", "suppressed") else "")


@dataclass(frozen=True)
class CheckReport:
    """A design, the engine's Result for it, and the findings."""

    design: Design
    result: Result
    findings: tuple[Finding, ...]

    @property
    def title(self) -> str:
        return self.design.file.title or self.design.path

    def active(self) -> list[Finding]:
        """Findings not suppressed."""
        return [f for f in self.findings if f.suppressed is None]

    def counts(self) -> dict[str, int]:
        """Active findings per severity, and how many are suppressed."""
        counts: dict[str, int] = dict.fromkeys(SEVERITIES, 0)
        for finding in self.active():
            counts[finding.severity] += 1
        return {**counts, "suppressed": len(self.findings) - len(self.active())}

    def summary(self) -> str:
        """`1 error, 2 warnings, 0 info, 1 suppressed`."""
        return ", ".join(finding_count(key, count) for key, count in self.counts().items())

    def fails(self, threshold: Severity) -> bool:
        """Is any active finding at or above `threshold`?"""
        return any(at_least(f.severity, threshold) for f in self.active())


def check_design(
    kb: KnowledgeBase, design: Design, lens: Lens | None = None, *, today: datetime.date
) -> CheckReport:
    """Reason over the design's requirements and choices, and turn the Result into findings.
    `today` decides which suppressions have expired (tests fix it)."""
    chosen_lens: Lens = lens or design.file.lens or "exam"
    result = Engine(kb).run(
        design.values,
        chosen_lens,
        compare_lenses=False,
        design=design.nodes,
        focus=design.file.focus_stages,
    )
    found = [
        *(f for choice in design.choices for f in choice_findings(kb, result, design, choice)),
        *no_choice_findings(kb, result, design),
        *(diagnosis_finding(kb, result, design, d) for d in result.diagnoses),
    ]
    unique: dict[str, Finding] = {}
    for finding in found:
        unique.setdefault(finding.id, finding)
    findings = suppress(list(unique.values()), design.suppressions, today)
    return CheckReport(design, result, tuple(sorted(findings, key=_order)))


def _order(finding: Finding) -> tuple[int, str]:
    """Most severe first, then by id: the order survives moving lines around."""
    return SEVERITIES.index(finding.severity), finding.id
