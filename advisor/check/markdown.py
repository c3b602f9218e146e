"""A design check as Markdown, for a pull request comment or a colleague."""

from __future__ import annotations

from collections.abc import Sequence

from advisor.check.findings import CheckReport, Finding
from advisor.check.severity import SEVERITIES


def render_markdown(reports: Sequence[CheckReport]) -> str:
    return "\n\n".join(_report(report) for report in reports) + "\n"


def _report(report: CheckReport) -> str:
    design = report.design
    out = [f"# Design check: {report.title}", ""]
    out.append(f"Design `{design.path}`" + (f", template `{design.template}`" if design.template else ""))
    out.append(f"· lens **{report.result.lens}** · {report.summary()}")
    for severity in SEVERITIES:
        found = [f for f in report.active() if f.severity == severity]
        if found:
            out.extend(["", f"## {severity.capitalize()}s" if severity != "info" else "## Information"])
            for finding in found:
                out.extend(["", *_finding(finding)])
    suppressed = [f for f in report.findings if f.suppressed is not None]
    if suppressed:
        out.extend(["", "## Suppressed", "", "Reported, not counted."])
        for finding in suppressed:
            out.extend(["", *_finding(finding)])
    if design.unmapped:
        out.extend(["", "## Template resources not read as design choices", ""])
        out += [f"- `{u.resource}` ({u.type}), line {u.location.line}" for u in design.unmapped]
    return "\n".join(out)


def _finding(finding: Finding) -> list[str]:
    lines = [
        f"### `{finding.id}` — {finding.title}",
        "",
        f"*{finding.severity}* at `{finding.location.render()}`",
        "",
        finding.message,
        "",
    ]
    lines += [f"- **Requirement:** {r.text} {r.answer}" for r in finding.requirements]
    lines.append(f"- **Fix:** {finding.fix}")
    for reason in finding.reasons:
        weight = f" ({reason.weight:+d})" if reason.weight is not None else ""
        about = f" for `{reason.about}`" if reason.about and reason.about != finding.node else ""
        lines.append(f"- **{reason.rule}**{weight}{about}: {reason.text}")
    if finding.suppressed is not None:
        until = f" (until {finding.suppressed.expires})" if finding.suppressed.expires else ""
        where = finding.suppressed.location.render()
        lines.append(f"- **Suppressed** at `{where}`: {finding.suppressed.reason}{until}")
    if finding.sources:
        lines.append("- **Sources:** " + ", ".join(f"<{url}>" for url in finding.sources))
    return lines
