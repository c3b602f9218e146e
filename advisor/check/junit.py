"""JUnit XML for CI systems without SARIF: a test suite per design, a test case per finding;
findings at or above the threshold fail, suppressed ones are skipped."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence

from advisor.check.findings import CheckReport, Finding
from advisor.check.kinds import at_least
from advisor.check.severity import Severity
from advisor.check.text import finding_lines


def render_junit(reports: Sequence[CheckReport], fail_on: Severity) -> str:
    root = ET.Element("testsuites", name="advisor check")
    totals = {"tests": 0, "failures": 0, "skipped": 0}
    for report in reports:
        suite = _suite(report, fail_on)
        root.append(suite)
        for key in totals:
            totals[key] += int(suite.get(key, "0"))
    for key, value in totals.items():
        root.set(key, str(value))
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"


def _suite(report: CheckReport, fail_on: Severity) -> ET.Element:
    suite = ET.Element("testsuite", name=report.design.path)
    cases = [_case(report, finding, fail_on) for finding in report.findings]
    if not cases:
        ET.SubElement(suite, "testcase", classname=report.design.path, name="design check")
    suite.extend(cases)
    suite.set("tests", str(max(len(cases), 1)))
    suite.set("failures", str(sum(case.find("failure") is not None for case in cases)))
    suite.set("skipped", str(sum(case.find("skipped") is not None for case in cases)))
    return suite


def _case(report: CheckReport, finding: Finding, fail_on: Severity) -> ET.Element:
    case = ET.Element("testcase", classname=report.design.path, name=finding.id)
    details = "\n".join(finding_lines(finding))
    if finding.suppressed is not None:
        ET.SubElement(case, "skipped", message=f"suppressed: {finding.suppressed.reason}")
    elif at_least(finding.severity, fail_on):
        failure = ET.SubElement(case, "failure", message=finding.message, type=finding.severity)
        failure.text = details
    else:
        ET.SubElement(case, "system-out").text = details
    return case
