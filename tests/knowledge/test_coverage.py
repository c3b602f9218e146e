"""`advisor kb coverage`: gaps are found on a small knowledge base, and the shipped knowledge
covers every in-scope item and task statement."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from advisor.knowledge import KnowledgeBase, load_knowledge
from advisor.knowledge.coverage import measure_coverage, render_coverage
from advisor.knowledge.scenarios import read_scenario, scenario_files

SCOPE = """
exams:
  - id: exam_one
    code: EX-01
    name: Exam one
    default: true
    questions: 10
    minutes: 20
    pass_percent: 70
    sources: [https://docs.aws.amazon.com/aws-certification/latest/userguide/certification-exam-guides.html]
    domains:
      - {id: one, name: Domain one, weight: 100}
    tasks:
      - {id: "1.1", domain: one, title: Task one}
    scope:
      - {id: stream_a, name: Stream A, category: Analytics}
      - {id: new_e, name: New E, category: Analytics}
      - {id: ghost, name: Ghost service, category: Analytics}
"""


def test_gaps_on_a_small_knowledge_base(kb_with: Callable[..., Path]) -> None:
    kb = load_knowledge(kb_with(vocabulary=_with_exam(SCOPE)), use_cache=False)
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


def test_out_of_scope_items_are_listed_but_never_gaps(kb_with: Callable[..., Path]) -> None:
    profile = SCOPE + (
        "    out_of_scope:\n"
        "      - {id: stream_a, name: Old stream, category: Analytics}\n"
        "      - {id: elsewhere, name: Elsewhere service, category: Other}\n"
    )
    profile = profile.replace("      - {id: stream_a, name: Stream A, category: Analytics}\n", "")
    kb = load_knowledge(kb_with(vocabulary=_with_exam(profile)), use_cache=False)
    report = measure_coverage(kb, [])
    assert [(o.item.id, o.state) for o in report.out_of_scope] == [
        ("stream_a", "active"),
        ("elsewhere", None),
    ]
    assert report.gap_count == 3  # the task, new_e and ghost: out-of-scope items add none
    text = render_coverage(report)
    outside = text[text.index("Out of scope") :]
    assert "Old stream" in outside and "Elsewhere service" in outside and "no node" in outside
    assert "Out of scope" not in render_coverage(report, missing_only=True)


def test_shipped_knowledge_covers_the_exam(kb: KnowledgeBase) -> None:
    """Every in-scope service and algorithm has a node that a rule recommends, and every task
    statement has questions, rules and at least six scenarios."""
    scenarios = [read_scenario(kb, path)[0] for path in scenario_files()]
    report = measure_coverage(kb, scenarios)
    gaps = [f"{e.task.id}: {e.gaps}" for e in report.tasks if e.gaps]
    gaps += [f"{e.item.id}: {e.gaps}" for e in report.items if e.gaps]
    assert not gaps


def _with_exam(exam: str) -> str:
    """The fixture vocabulary with its exam profile replaced by `exam`."""
    from fixtures_path import FIXTURE_KB

    vocabulary = (FIXTURE_KB / "vocabulary.yaml").read_text(encoding="utf-8")
    start = vocabulary.index("exams:")
    end = vocabulary.index("stages:")
    return vocabulary[:start] + exam.lstrip() + vocabulary[end:]
