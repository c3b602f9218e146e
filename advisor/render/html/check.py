"""What the HTML page of `advisor check` shows, per design: the verdict and counts, the active
findings grouped by severity, the suppressed ones apart (with their justification and expiry),
and the template resources no mapping read."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from advisor.check.severity import SEVERITIES

if TYPE_CHECKING:
    from advisor.check import CheckReport, Finding
    from advisor.check.severity import Severity
    from advisor.engine.result import Result

SEVERITY_HEADINGS = {"error": "Errors", "warning": "Warnings", "info": "Information"}


@dataclass(frozen=True)
class WhyLine:
    """A rule behind a finding: what it concluded, its weight, and the node it was about."""

    rule: str
    text: str
    weight: int | None
    about: str
    """The name of the node the rule supports, when it is not the finding's own subject."""


@dataclass(frozen=True)
class SuppressionView:
    reason: str
    expires: str
    """`2027-03-31`, or "" for a suppression without an end."""
    location: str


@dataclass(frozen=True)
class FindingView:
    anchor: str
    id: str
    severity: str
    title: str
    message: str
    location: str
    requirements: tuple[tuple[str, str], ...]
    """(question, answer) the rule read."""
    better: str
    """The name of the better fit, if any."""
    fix: str
    rule: str
    why: tuple[WhyLine, ...]
    sources: tuple[str, ...]
    suppressed: SuppressionView | None


@dataclass(frozen=True)
class SeverityGroup:
    severity: str
    heading: str
    findings: tuple[FindingView, ...]


@dataclass(frozen=True)
class Unread:
    """A template resource that no mapping read as a design choice."""

    resource: str
    type: str
    line: int | None


@dataclass(frozen=True)
class DesignView:
    anchor: str
    title: str
    path: str
    template: str
    lens: str
    summary: str
    fails: bool
    groups: tuple[SeverityGroup, ...]
    """Active findings, most severe first; only severities with findings."""
    suppressed: tuple[FindingView, ...]
    unread: tuple[Unread, ...]


@dataclass(frozen=True)
class CheckPage:
    title: str
    fail_on: str
    designs: tuple[DesignView, ...]


def build_check_page(reports: Sequence[CheckReport], fail_on: Severity) -> CheckPage:
    if len(reports) == 1:
        title = f"Design check: {reports[0].title}"
    else:
        title = f"Design check: {len(reports)} designs"
    designs = tuple(_design(f"design-{n}", report, fail_on) for n, report in enumerate(reports, start=1))
    return CheckPage(title, fail_on, designs)


def _design(anchor: str, report: CheckReport, fail_on: Severity) -> DesignView:
    names = _node_names(report.result)
    active = report.active()
    groups = tuple(
        SeverityGroup(
            severity,
            SEVERITY_HEADINGS[severity],
            tuple(_finding(anchor, f, names) for f in active if f.severity == severity),
        )
        for severity in SEVERITIES
        if any(f.severity == severity for f in active)
    )
    design = report.design
    return DesignView(
        anchor=anchor,
        title=report.title,
        path=design.path,
        template=design.template or "",
        lens=report.result.lens,
        summary=report.summary(),
        fails=report.fails(fail_on),
        groups=groups,
        suppressed=tuple(_finding(anchor, f, names) for f in report.findings if f.suppressed is not None),
        unread=tuple(Unread(u.resource, u.type, u.location.line) for u in design.unmapped),
    )


def _finding(anchor: str, finding: Finding, names: dict[str, str]) -> FindingView:
    suppressed = finding.suppressed
    return FindingView(
        anchor=f"{anchor}-{finding.id}",
        id=finding.id,
        severity=finding.severity,
        title=finding.title,
        message=finding.message,
        location=finding.location.render(),
        requirements=tuple((r.text, r.answer) for r in finding.requirements),
        better=names.get(finding.better, finding.better) if finding.better else "",
        fix=finding.fix,
        rule=finding.rule,
        why=tuple(
            WhyLine(
                r.rule,
                r.text,
                r.weight,
                names.get(r.about, r.about) if r.about and r.about != finding.node else "",
            )
            for r in finding.reasons
        ),
        sources=finding.sources,
        suppressed=SuppressionView(
            suppressed.reason,
            suppressed.expires.isoformat() if suppressed.expires else "",
            suppressed.location.render(),
        )
        if suppressed
        else None,
    )


def _node_names(result: Result) -> dict[str, str]:
    """Node id -> name for every node the Result ranked or rejected."""
    names: dict[str, str] = {}
    for stage in result.stages:
        names.update((c.node, c.name) for c in stage.candidates)
        names.update((e.node, e.name) for e in stage.exclusions)
    return names
