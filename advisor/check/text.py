"""A design check for a terminal: findings by severity, each with its fix and reasons."""

from __future__ import annotations

from collections.abc import Sequence

from advisor.check.findings import CheckReport, Finding


def render_text(reports: Sequence[CheckReport]) -> str:
    blocks = [_report(report) for report in reports]
    return "\n\n".join(blocks) + "\n"


def _report(report: CheckReport) -> str:
    design = report.design
    source = design.path + (f" + template {design.template}" if design.template else "")
    out = [f"AWS ML Advisor — design check: {report.title} (lens: {report.result.lens})", source, ""]
    out.append(report.summary())
    for finding in report.active():
        out.extend(["", *finding_lines(finding)])
    suppressed = [f for f in report.findings if f.suppressed is not None]
    if suppressed:
        out.extend(["", "Suppressed (reported, not counted)"])
        for finding in suppressed:
            out.extend(["", *finding_lines(finding)])
    if design.unmapped:
        names = ", ".join(f"{u.resource} ({u.type})" for u in design.unmapped)
        out.extend(["", f"Template resources not read as design choices: {names}"])
    return "\n".join(out)


def finding_lines(finding: Finding) -> list[str]:
    """A finding as a few indented lines: head, message, requirement, fix, reasons, sources."""
    head = "suppressed" if finding.suppressed else finding.severity
    lines = [f"{head:<10} {finding.id}  {finding.location.render()}", f"  {finding.message}"]
    lines += [f"  requirement: {r.text} {r.answer}" for r in finding.requirements]
    lines.append(f"  fix: {finding.fix}")
    for reason in finding.reasons:
        weight = f" {reason.weight:+d}" if reason.weight is not None else ""
        about = f" for {reason.about}" if reason.about and reason.about != finding.node else ""
        lines.append(f"  why: {reason.rule}{weight}{about}: {reason.text}")
    lines += [f"  source: {url}" for url in finding.sources]
    if finding.suppressed is not None:
        until = f" (until {finding.suppressed.expires})" if finding.suppressed.expires else ""
        where = finding.suppressed.location.render()
        lines.append(f"  suppressed at {where}: {finding.suppressed.reason}{until}")
    return lines
