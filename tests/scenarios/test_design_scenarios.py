"""Every design scenario under scenarios/designs/ (the examples of `advisor check --example`):
its expected findings (kind or rule, severity, node) and exit code, as of a fixed date."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from advisor.check.findings import check_design
from advisor.check.scenario import SUFFIX, design_scenario_files, missed_expectations, read_design_scenario
from advisor.knowledge import KnowledgeBase
from advisor.resources import scenarios_dir

TODAY = datetime.date(2026, 6, 1)
"""Scenarios are checked as of this date: their suppressions' `expires` dates are written
against it (expired ones long before, live ones long after)."""

FILES = design_scenario_files()


def _id(path: Path) -> str:
    return str(path.relative_to(scenarios_dir() / "designs")).removesuffix(SUFFIX)


def test_there_are_design_scenarios_with_templates_among_them() -> None:
    assert len(FILES) >= 30
    texts = [path.read_text(encoding="utf-8") for path in FILES]
    assert sum("\ntemplate: " in text for text in texts) >= 10


def test_the_scenarios_cover_every_domain_and_every_kind_of_outcome(kb: KnowledgeBase) -> None:
    """Violations, better fits, closed services under both lenses, stages left open, symptoms,
    suppressions kept, expired and unused, and designs that pass, over the four exam domains."""
    scenarios = [read_design_scenario(kb, path).scenario for path in FILES]
    domains = {task.split(".")[0] for scenario in scenarios for task in scenario.exam}
    assert domains >= {"1", "2", "3", "4"}
    outcomes = {
        (e.kind, e.severity, e.suppressed) for scenario in scenarios for e in scenario.expect_findings
    }
    assert {
        ("violates", "error", False),
        ("violates", "error", True),
        ("better-fit", "warning", False),
        ("not-recommended", "warning", False),
        ("status", "error", False),
        ("status", "info", False),
        ("status", "error", True),
        ("no-choice", "info", False),
        ("diagnosis", "warning", False),
        ("suppression-expired", "error", False),
        ("suppression-unused", "info", False),
    } <= outcomes
    assert any(s.expect_exit == 0 and not s.expect_findings for s in scenarios), "a design that passes"


@pytest.mark.parametrize("path", FILES, ids=_id)
def test_design_scenario(kb: KnowledgeBase, path: Path) -> None:
    example = read_design_scenario(kb, path)
    scenario = example.scenario
    report = check_design(kb, example.design, today=TODAY)
    missed = missed_expectations(scenario, report)
    if scenario.known_gap:
        assert missed, f"known gap no longer a gap ({scenario.known_gap}); remove known_gap"
        pytest.xfail(scenario.known_gap)
    found = "\n".join(
        f"  {f.severity} {f.id}{' (suppressed)' if f.suppressed else ''}" for f in report.findings
    )
    assert not missed, "\n".join(missed) + f"\nfindings:\n{found}"
