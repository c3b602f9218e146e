"""The stable JSON form of a design check (format `aws-ml-advisor/check@1`, see docs/json-format.md)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict
from typing import Any

from advisor.check.findings import CheckReport, Finding
from advisor.check.severity import Severity

FORMAT_ID = "aws-ml-advisor/check@1"


def check_to_dict(reports: Sequence[CheckReport], fail_on: Severity) -> dict[str, Any]:
    return {
        "format": FORMAT_ID,
        "fail_on": fail_on,
        "failed": any(report.fails(fail_on) for report in reports),
        "checks": [_report(report) for report in reports],
    }


def _report(report: CheckReport) -> dict[str, Any]:
    design = report.design
    return {
        "design": design.path,
        "template": design.template,
        "title": design.file.title,
        "lens": report.result.lens,
        "focus": list(report.result.focus),
        "choices": [
            {"stage": c.stage, "node": c.node, "locations": [asdict(at) for at in c.locations]}
            for c in design.choices
        ],
        "summary": report.counts(),
        "findings": [finding_to_dict(f) for f in report.findings],
        "unmapped_resources": [
            {"resource": u.resource, "type": u.type, "location": asdict(u.location)} for u in design.unmapped
        ],
    }


def finding_to_dict(finding: Finding) -> dict[str, Any]:
    suppressed = finding.suppressed
    return {
        "id": finding.id,
        "kind": finding.kind,
        "severity": finding.severity,
        "rule": finding.rule,
        "title": finding.title,
        "message": finding.message,
        "fix": finding.fix,
        "location": asdict(finding.location),
        "stage": finding.stage,
        "node": finding.node,
        "better": finding.better,
        "requirements": [asdict(r) for r in finding.requirements],
        "reasons": [asdict(r) for r in finding.reasons],
        "sources": list(finding.sources),
        "suppressed": None
        if suppressed is None
        else {
            "reason": suppressed.reason,
            "expires": suppressed.expires.isoformat() if suppressed.expires else None,
            **asdict(suppressed.location),
        },
    }


def render_json(reports: Sequence[CheckReport], fail_on: Severity) -> str:
    return json.dumps(check_to_dict(reports, fail_on), indent=2, ensure_ascii=False) + "\n"
