"""Exam profiles as data: a second profile loads, task references resolve per profile, and a
bad profile stops the load with file:line: what is wrong."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from advisor.errors import KnowledgeError
from advisor.knowledge import load_knowledge

SOURCE = "https://docs.aws.amazon.com/aws-certification/latest/userguide/certification-exam-guides.html"


def exam(exam_id: str, *, default: bool = False, weights: tuple[int, ...] = (60, 40)) -> str:
    domains = "".join(
        f"      - {{id: d{i}, name: Domain {i}, weight: {weight}}}\n" for i, weight in enumerate(weights)
    )
    return (
        f"  - id: {exam_id}\n    code: X-01\n    name: Exam {exam_id}\n    default: {str(default).lower()}\n"
        f"    questions: 20\n    minutes: 40\n    pass_percent: 70\n    sources: [{SOURCE}]\n"
        f"    domains:\n{domains}"
        '    tasks:\n      - {id: "1.1", domain: d0, title: First}\n      - {id: "2.1", domain: d1, title: Second}\n'
    )


NODE = (
    "nodes:\n  - {id: x1, name: X, kind: service, stages: [ingestion], summary: s,"
    f" sources: [{SOURCE}], exam: [{{refs}}]}}\n"
)


def test_a_second_profile_and_prefixed_task_references(kb_with: Callable[..., Path]) -> None:
    kb = load_knowledge(
        kb_with(zz="exams:\n" + exam("second") + NODE.replace("{refs}", '"1.1", "second:2.1"')),
        use_cache=False,
    )
    assert sorted(kb.exams) == ["exam_one", "second"]
    assert kb.default_exam.id == "exam_one"
    node = kb.nodes["x1"]
    assert kb.tasks_in(node.exam) == ["1.1"]
    assert kb.tasks_in(node.exam, "second") == ["2.1"]
    assert kb.tasks_in(node.exam, "exam_one") == ["1.1"]


CASES = {
    "two_defaults": (
        "exams:\n" + exam("second", default=True),
        "kb/vocabulary.yaml:6: exam exam_one: exactly one exam profile needs 'default: true'"
        " (found: exam_one, second)",
    ),
    "weights_not_100": (
        "exams:\n" + exam("second", weights=(60, 30)),
        "kb/zz.yaml:10: exam second: domain weights add up to 90, not 100",
    ),
    "unknown_profile_in_reference": (
        "exams:\n" + exam("second") + NODE.replace("{refs}", '"secnd:2.1"'),
        "kb/zz.yaml:17: node x1: unknown exam task statement 'secnd:2.1' (did you mean 'second:2.1'?)",
    ),
    "task_of_another_profile_unprefixed": (
        "exams:\n" + exam("second") + NODE.replace("{refs}", '"2.1"'),
        "kb/zz.yaml:17: node x1: unknown exam task statement '2.1' (did you mean '1.1' or '1.2'?)",
    ),
    "in_and_out_of_scope": (
        "exams:\n"
        + exam("second")
        + "    scope:\n      - {id: x1, name: X, category: C}\n"
        + "    out_of_scope:\n      - {id: x2, name: Y, category: C}\n      - {id: x1, name: X, category: C}\n",
        "kb/zz.yaml:20: exam second: 'x1' is both in scope and out of scope",
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_exam_profiles(case: str, kb_with: Callable[..., Path]) -> None:
    text, expected = CASES[case]
    with pytest.raises(KnowledgeError) as error:
        load_knowledge(kb_with(zz=text), use_cache=False)
    assert str(error.value) == expected
