"""The shipped question bank: every scenario with a practice stage is a question the engine can
grade, and a written answer is always the engine's own top pick."""

from __future__ import annotations

import pytest

from advisor.engine.engine import Engine
from advisor.knowledge import KnowledgeBase
from advisor.knowledge.scenarios import read_scenario, scenario_files
from advisor.practice.bank import load_bank
from advisor.practice.draw import domain_quotas
from advisor.practice.grading import pose


@pytest.mark.parametrize("exam_id", ["mls_c01", "mla_c01"])
def test_the_bank_holds_every_gradable_scenario(kb: KnowledgeBase, exam_id: str) -> None:
    """Each profile's bank holds every gradable scenario tagged with one of its task statements."""
    bank = load_bank(kb, kb.exams[exam_id])
    assert not [q for q in bank if q.scenario.known_gap]
    in_bank = {q.id for q in bank}
    gradable = [
        scenario.id
        for scenario in (read_scenario(kb, path)[0] for path in scenario_files())
        if not scenario.known_gap
        and kb.tasks_in(scenario.exam, exam_id)
        and (scenario.question is not None or any(e.top for e in scenario.expect.values()))
    ]
    assert [scenario for scenario in gradable if scenario not in in_bank] == []


def test_the_default_bank_covers_every_kind(kb: KnowledgeBase) -> None:
    bank = load_bank(kb, kb.default_exam)
    assert len(bank) >= 150
    assert {q.kind for q in bank} >= {"foundation", "eda", "modeling", "training", "operations"}


def test_every_question_is_posed_with_the_engines_key(kb: KnowledgeBase) -> None:
    engine = Engine(kb)
    for question in load_bank(kb, kb.default_exam):
        posed = pose(engine, question)
        assert posed is not None, f"{question.id}: the engine's pick is not among the options"
        assert len({c.node for c in posed.choices}) == 4, question.id
        written = question.scenario.question
        if written is not None:
            assert posed.key == written.answer, question.id


def test_each_domain_has_enough_questions_for_a_full_exam(kb: KnowledgeBase) -> None:
    exam = kb.default_exam
    bank = load_bank(kb, exam)
    for domain, quota in domain_quotas(exam, exam.questions).items():
        assert sum(q.domain == domain for q in bank) >= quota, domain
