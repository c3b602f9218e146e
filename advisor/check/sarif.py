"""SARIF 2.1.0 for code scanning (GitHub and others): one run, a rule per knowledge rule or
finding kind, a result per finding located in the design file or template; suppressed
findings carry their suppression and its justification."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from advisor import __version__
from advisor.check.findings import CheckReport, Finding
from advisor.check.kinds import KINDS

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
FINGERPRINT = "adviceFindingId/v1"


def check_to_sarif(reports: Sequence[CheckReport]) -> dict[str, Any]:
    findings = [finding for report in reports for finding in report.findings]
    rules = _rules(findings)
    index = {rule["id"]: position for position, rule in enumerate(rules)}
    return {
        "version": SARIF_VERSION,
        "$schema": SARIF_SCHEMA,
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "AWS ML Advisor",
                        "version": __version__,
                        "informationUri": KINDS["violates"].help_uri,
                        "rules": rules,
                    }
                },
                "results": [_result(finding, index[finding.rule]) for finding in findings],
            }
        ],
    }


def _rules(findings: Sequence[Finding]) -> list[dict[str, Any]]:
    """One descriptor per rule id, in first-use order: a knowledge rule's title and first
    source, or a finding kind's own description."""
    first: dict[str, Finding] = {}
    for finding in findings:
        first.setdefault(finding.rule, finding)
    return [_rule(finding) for finding in first.values()]


def _rule(finding: Finding) -> dict[str, Any]:
    kind = KINDS[finding.kind]
    by_knowledge = finding.rule != finding.kind
    title = finding.title if by_knowledge else kind.title
    help_uri = finding.sources[0] if by_knowledge and finding.sources else kind.help_uri
    return {
        "id": finding.rule,
        "name": _camel(finding.rule if not by_knowledge else finding.kind),
        "shortDescription": {"text": title},
        "fullDescription": {"text": f"{title}. {kind.help}"},
        "helpUri": help_uri,
        "help": {"text": kind.help, "markdown": f"{kind.help}\n\n[Documentation]({help_uri})"},
        "properties": {"kind": finding.kind, "tags": ["aws-ml-advisor", finding.kind]},
    }


def _result(finding: Finding, rule_index: int) -> dict[str, Any]:
    where = finding.location
    physical: dict[str, Any] = {
        "artifactLocation": {"uri": artifact_uri(where.file)},
        "region": {"startLine": where.line or 1},
    }
    result: dict[str, Any] = {
        "ruleId": finding.rule,
        "ruleIndex": rule_index,
        "level": LEVELS[finding.severity],
        "message": {"text": f"{finding.message} Fix: {finding.fix}"},
        "locations": [
            {
                "physicalLocation": physical,
                "logicalLocations": [_logical(finding)],
            }
        ],
        "partialFingerprints": {FINGERPRINT: finding.id},
        "properties": {
            "findingId": finding.id,
            "severity": finding.severity,
            "stage": finding.stage,
            "node": finding.node,
            "better": finding.better,
            "fix": finding.fix,
            "sources": list(finding.sources),
        },
    }
    if finding.suppressed is not None:
        same_file = finding.suppressed.location.file == where.file
        result["suppressions"] = [
            {
                "kind": "inSource" if same_file else "external",
                "status": "accepted",
                "justification": finding.suppressed.reason,
            }
        ]
    return result


def _logical(finding: Finding) -> dict[str, Any]:
    where = finding.location
    if where.resource:
        return {"name": where.resource, "kind": "resource"}
    return {"name": where.key or finding.id, "kind": "object"}


def artifact_uri(file: str) -> str:
    """A path relative to the working folder where possible (what code scanning expects),
    in forward slashes; otherwise a file:// URI."""
    path = Path(file)
    if not path.is_absolute():
        return path.as_posix()
    try:
        return path.relative_to(Path.cwd()).as_posix()
    except ValueError:
        return path.as_uri()


def _camel(identifier: str) -> str:
    """`better-fit` -> `BetterFit` (SARIF rule names are identifiers)."""
    return "".join(part.capitalize() for part in identifier.replace("_", "-").split("-"))


def render_sarif(reports: Sequence[CheckReport]) -> str:
    return json.dumps(check_to_sarif(reports), indent=2, ensure_ascii=False) + "\n"
