"""`advisor kb coverage`: gaps are found on a small knowledge base, and the shipped knowledge
covers every in-scope item and task statement."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from advisor.knowledge import KnowledgeBase, load_knowledge
from advisor.knowledge.coverage import measure_coverage, render_coverage
from advisor.knowledge.scenarios import read_scenario, scenario_files

SCOPE = """
scope:
  - {id: stream_a, name: Stream A, category: Analytics}
  - {id: new_e, name: New E, category: Analytics}
  - {id: ghost, name: Ghost service, category: Analytics}
"""


def test_gaps_on_a_small_knowledge_base(kb_with: Callable[..., Path]) -> None:
    kb = load_knowledge(kb_with(scope=SCOPE), use_cache=False)
    report = measure_coverage(kb, [])
    gaps = {entry.item.id: entry.gaps for entry in report.items}
    assert gaps == {"stream_a": [], "new_e": ["never recommended by a rule"], "ghost": ["no node"]}
    assert report.items[0].recommended_by == ("ING-002",)
    task = report.tasks[0]
    assert task.gaps == ["no question", "0 rules (want 3+)", "0 scenarios (want 6+)"]
    assert not report.complete
    text = render_coverage(report, missing_only=True)
    assert "Ghost service" in text and "Stream A" not in text
    assert text.endswith("3 entries with gaps\n")


def test_shipped_knowledge_covers_the_exam(kb: KnowledgeBase) -> None:
    """Every in-scope service and algorithm has a node that a rule recommends, and every task
    statement has questions, rules and at least six scenarios."""
    scenarios = [read_scenario(kb, path)[0] for path in scenario_files()]
    report = measure_coverage(kb, scenarios)
    gaps = [f"{e.task.id}: {e.gaps}" for e in report.tasks if e.gaps]
    gaps += [f"{e.item.id}: {e.gaps}" for e in report.items if e.gaps]
    assert not gaps
