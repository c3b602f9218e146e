"""The "Check a design" screen's data, without UI: the report of a design or template, its
findings grouped by severity, and the detail of one finding (how / why not / sources)."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from advisor.check.design import design_and_template, read_design
from advisor.check.findings import CheckReport, Finding, Reason, check_design, finding_count
from advisor.check.severity import SEVERITIES
from advisor.tui.data.detail import Explainer
from advisor.tui.data.views import Detail, FindingGroup, FindingRow, Line, Section

if TYPE_CHECKING:
    from advisor.engine.engine import Engine
    from advisor.engine.result import Lens

GROUP_NAMES = {"error": "Errors", "warning": "Warnings", "info": "Information", "suppressed": "Suppressed"}


def load_check(engine: Engine, path: Path, lens: Lens | None, today: datetime.date) -> CheckReport:
    """Check a design file, or a template against the design file beside it (AdvisorError, one
    line, when either cannot be used)."""
    design, template = design_and_template(path)
    return check_design(engine.kb, read_design(engine.kb, design, template), lens, today=today)


def finding_groups(report: CheckReport) -> tuple[FindingGroup, ...]:
    """Errors, warnings, information, then the suppressed findings; empty groups left out."""
    groups = []
    for group in (*SEVERITIES, "suppressed"):
        found = [f for f in report.findings if _group(f) == group]
        if found:
            rows = tuple(FindingRow(f.id, group, _label(f), f.rule) for f in found)
            groups.append(FindingGroup(group, f"{GROUP_NAMES[group]} ({len(found)})", rows))
    return tuple(groups)


def short_summary(report: CheckReport) -> str:
    """`1 error · 2 info · 2 suppressed`: only the counts that are not zero."""
    parts = [finding_count(key, count) for key, count in report.counts().items() if count]
    return " · ".join(parts) or "no findings"


def _group(finding: Finding) -> str:
    return "suppressed" if finding.suppressed is not None else finding.severity


def _label(finding: Finding) -> str:
    """What the finding is about in a few words: `buffer_b (ingestion)`, `storage`."""
    if finding.node and finding.stage:
        return f"{finding.node} ({finding.stage})"
    return finding.node or finding.stage or finding.id


class FindingExplainer:
    """Detail views of a report's findings: the finding itself, then the engine's how / why not
    for the chosen node (the same explanations as the results screen)."""

    def __init__(self, engine: Engine, report: CheckReport):
        self.report = report
        self.explainer = Explainer(engine, report.design.values, report.result)

    def finding(self, finding_id: str) -> Finding:
        return next(f for f in self.report.findings if f.id == finding_id)

    def detail(self, finding_id: str) -> Detail:
        finding = self.finding(finding_id)
        sections = [
            Section("Where", (Line("", finding.location.render()),)),
            Section("Requirement", tuple(Line(r.text, r.answer) for r in finding.requirements)),
            Section("Fix", (Line("", finding.fix),)),
            Section("Reasons", tuple(Line(_lead(r, finding.node), r.text) for r in finding.reasons)),
            Section("Suppressed", _suppressed(finding)),
        ]
        node_detail = self._node_detail(finding)
        if node_detail is not None:
            sections += node_detail.sections
        sources = [*finding.sources, *(node_detail.sources if node_detail else ())]
        badge = "suppressed" if finding.suppressed else finding.severity
        return Detail(
            finding.title,
            finding.message,
            badge,
            tuple(s for s in sections if s.lines),
            tuple(dict.fromkeys(sources)),
        )

    def _node_detail(self, finding: Finding) -> Detail | None:
        """How / why not of the chosen node, where the result says something about its stage."""
        if finding.node is None or finding.stage is None or self.report.result.stage(finding.stage) is None:
            return None
        detail = self.explainer.node_detail(finding.stage, finding.node)
        return Detail(
            detail.title,
            detail.summary,
            sections=tuple(s for s in detail.sections if not s.heading.startswith("What would")),
            sources=detail.sources,
        )


def _suppressed(finding: Finding) -> tuple[Line, ...]:
    suppressed = finding.suppressed
    if suppressed is None:
        return ()
    until = f" (until {suppressed.expires})" if suppressed.expires else ""
    return (Line(suppressed.location.render(), f"{suppressed.reason}{until}"),)


def _lead(reason: Reason, subject: str | None) -> str:
    """`ING-002 +2 for stream_a`: the rule, its weight, and whom it supports when not the subject."""
    weight = f"{reason.weight:+d}" if reason.weight is not None else ""
    about = f"for {reason.about}" if reason.about and reason.about != subject else ""
    return " ".join(part for part in (reason.rule, weight, about) if part)
