"""Design scenarios: shipped example designs with the findings they must produce (rule or
kind, severity, node), run by `advisor check --example NAME` and by the data-driven tests."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from advisor.check.design import Design, DesignScenario, ExpectedFinding, read_design
from advisor.check.findings import CheckReport, Finding
from advisor.errors import AnswersError, UnknownIdError
from advisor.knowledge.spelling import suggest
from advisor.resources import scenarios_dir

if TYPE_CHECKING:
    from advisor.knowledge import KnowledgeBase

DESIGNS_FOLDER = "designs"
SUFFIX = ".design.yaml"


@dataclass(frozen=True)
class DesignExample:
    scenario: DesignScenario
    design: Design


def design_scenario_files(root: Path | None = None) -> list[Path]:
    """Every design scenario (`*.design.yaml` below `designs/` of the scenarios folder), sorted."""
    folder = (root or scenarios_dir()) / DESIGNS_FOLDER
    return sorted(folder.rglob(f"*{SUFFIX}")) if folder.is_dir() else []


def example_design_path(name: str) -> Path:
    """The shipped design scenario named `name` (its file is NAME.design.yaml)."""
    found = {path.name.removesuffix(SUFFIX): path for path in design_scenario_files()}
    if name not in found:
        hint = suggest(name, set(found))
        raise UnknownIdError(f"unknown example design '{name}'{hint}; see 'advisor examples'")
    return found[name]


def read_design_scenario(kb: KnowledgeBase, path: Path) -> DesignExample:
    design = read_design(kb, path)
    scenario = design.file
    if not isinstance(scenario, DesignScenario):
        raise AnswersError("a design scenario needs 'id', 'title' and 'expect_findings'", path)
    stem = path.name.removesuffix(SUFFIX)
    if scenario.id != stem:
        raise AnswersError(f"scenario id '{scenario.id}' must match the file name '{stem}{SUFFIX}'", path)
    return DesignExample(scenario, design)


def expectation_met(expected: ExpectedFinding, finding: Finding) -> bool:
    return (
        (expected.kind is None or finding.kind == expected.kind)
        and (expected.rule is None or finding.rule == expected.rule)
        and finding.severity == expected.severity
        and (expected.node is None or finding.node == expected.node)
        and (expected.stage is None or finding.stage == expected.stage)
        and (finding.suppressed is not None) == expected.suppressed
    )


def missed_expectations(scenario: DesignScenario, report: CheckReport) -> list[str]:
    """Every expected finding (and exit code) the report does not have; empty when it passes."""
    missed = [
        f"expected {expected.describe()}"
        for expected in scenario.expect_findings
        if not any(expectation_met(expected, finding) for finding in report.findings)
    ]
    if scenario.expect_exit is not None:
        exit_code = 3 if report.fails("error") else 0
        if exit_code != scenario.expect_exit:
            missed.append(f"expected exit {scenario.expect_exit}, got {exit_code}")
    return missed
