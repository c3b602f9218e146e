"""Bad picks, designs, formulas, diagnoses and sub-decisions in knowledge, and bad focus and
design sections in answers files: one line naming file and line."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from advisor.errors import AnswersError, KnowledgeError
from advisor.knowledge import KnowledgeBase, load_knowledge
from advisor.knowledge.answers import read_answers

SRC = '["https://docs.aws.amazon.com/x"]'


def rule(when: str = "", then: str = "[{recommend: lake}]", stage: str = "storage") -> str:
    condition = f"\n    when: {when}" if when else ""
    return (
        f"rules:\n  - id: STO-901\n    title: t\n    stage: {stage}{condition}\n    then: {then}\n"
        f"    because: b\n    sources: {SRC}\n"
    )


CASES = {
    "pick_unknown_stage": (
        rule("{pick: ingestoin, eq: stream_a}"),
        "kb/zz.yaml:5: rule STO-901: unknown stage 'ingestoin' (did you mean 'ingestion'?)",
    ),
    "pick_node_of_another_stage": (
        rule("{pick: ingestion, eq: lake}"),
        "kb/zz.yaml:5: rule STO-901: node 'lake' is not in stage 'ingestion'",
    ),
    "pick_compared_in_order": (
        rule("{pick: ingestion, gt: stream_a}"),
        "kb/zz.yaml:5: rule STO-901: a pick test takes eq, ne, in, not_in or known, not 'gt'",
    ),
    "design_with_eq": (
        rule("{design: ingestion, eq: stream_a}"),
        "kb/zz.yaml:5: rule STO-901: a design test takes contains or known, not 'eq'",
    ),
    "uses_unknown_node": (
        rule("{uses: stream_z}"),
        "kb/zz.yaml:5: rule STO-901: unknown node 'stream_z' (did you mean 'stream_a'?)",
    ),
    "formula_syntax": (
        rule(then="[{derive: tier, value: {formula: 'record_mb +'}}]"),
        "kb/zz.yaml:5: rule STO-901: a formula derives a number, but 'tier' is a choice fact",
    ),
    "formula_calls_python": (
        "facts:\n  - {id: total, type: number, unit: MB, doc: d}\n"
        + rule(then="[{derive: total, value: {formula: '__import__(1)'}}]"),
        "kb/zz.yaml:7: rule STO-901: formulas use numbers, fact ids, + - * / and ceil, floor, round,"
        " abs, min, max; not '__import__(1)'",
    ),
    "formula_reads_a_choice": (
        "facts:\n  - {id: total, type: number, unit: MB, doc: d}\n"
        + rule(then="[{derive: total, value: {formula: 'record_mb + arrival'}}]"),
        "kb/zz.yaml:7: rule STO-901: formula reads 'arrival', which is not a number fact",
    ),
    "formula_unknown_fact": (
        "facts:\n  - {id: total, type: number, unit: MB, doc: d}\n"
        + rule(then="[{derive: total, value: {formula: 'recrd_mb * 2'}}]"),
        "kb/zz.yaml:7: rule STO-901: unknown fact 'recrd_mb' in formula (did you mean 'record_mb'?)",
    ),
    "not_needed_unknown_stage": (
        rule(then="[{not_needed: storag}]"),
        "kb/zz.yaml:5: rule STO-901: unknown stage 'storag' (did you mean 'storage'?)",
    ),
    "diagnose_unknown_symptom": (
        rule(then="[{diagnose: cause, symptom: throttld}]"),
        "kb/zz.yaml:5: rule STO-901: unknown symptom question 'throttld'",
    ),
    "parent_on_a_service": (
        "nodes:\n  - {id: x1, name: X, kind: service, parent: stream_a, stages: [ingestion], summary: s,"
        f" sources: {SRC}}}\n",
        "kb/zz.yaml:2: node x1: 'parent' is only for configuration nodes (kind: configuration)",
    ),
    "within_unknown_stage": (
        "stages:\n  - {id: capacity, name: Capacity, order: 3, within: ingest}\n",
        "kb/zz.yaml:2: stage capacity: unknown stage 'ingest' (did you mean 'ingestion'?)",
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_decision_knowledge(case: str, kb_with: Callable[..., Path]) -> None:
    text, expected = CASES[case]
    with pytest.raises(KnowledgeError) as error:
        load_knowledge(kb_with(zz=text), use_cache=False)
    assert str(error.value) == expected


ANSWERS = {
    "focus_unknown_stage": (
        "focus: [storage, ingestoin]\nanswers: {}\n",
        "a.yaml:1: focus: unknown stage 'ingestoin' (did you mean 'ingestion'?)",
    ),
    "design_unknown_stage": (
        "design:\n  ingest: stream_a\n",
        "a.yaml:2: design.ingest: unknown stage (did you mean 'ingestion'?)",
    ),
    "design_unknown_node": (
        "design:\n  ingestion: [stream_b]\n",
        "a.yaml:2: design.ingestion: unknown node 'stream_b' (did you mean 'stream_a'?)",
    ),
    "design_node_of_another_stage": (
        "answers: {}\ndesign:\n  storage: stream_a\n",
        "a.yaml:3: design.storage: 'stream_a' is not used in this stage (its stages: ingestion)",
    ),
    "focus_not_a_list": (
        "focus: 3\n",
        "a.yaml:1: focus: a list of stage ids, or 'all' for the whole pipeline",
    ),
}


@pytest.mark.parametrize("case", sorted(ANSWERS))
def test_bad_focus_and_design(case: str, tmp_path: Path, fixture_kb: KnowledgeBase) -> None:
    text, expected = ANSWERS[case]
    path = tmp_path / "a.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(AnswersError) as error:
        read_answers(fixture_kb, path)
    assert str(error.value).replace(str(tmp_path) + "/", "") == expected
