"""Both shipped exam profiles: the Specialty stays the default, the Associate's weights give its
exam simulation the guide's proportions, and its data-preparation and model-development task
statements and in-scope items are served by questions, rules and recommended nodes."""

from __future__ import annotations

import pytest

from advisor.knowledge import KnowledgeBase
from advisor.knowledge.coverage import measure_coverage
from advisor.practice.draw import domain_quotas

DOMAIN_1_AND_2 = ("1.1", "1.2", "1.3", "2.1", "2.2", "2.3")
DATA_AND_MODEL_CATEGORIES = {"Analytics", "Database", "Storage", "Machine Learning", "Built-in algorithm"}
DATA_AND_MODEL_FEATURES = {
    "sagemaker_data_wrangler",
    "sagemaker_feature_store",
    "sagemaker_ground_truth",
    "sagemaker_clarify",
    "sagemaker_jumpstart",
    "sagemaker_automatic_model_tuning",
    "sagemaker_debugger",
    "sagemaker_framework_containers",
    "sagemaker_managed_mlflow",
}


def test_both_profiles_ship_and_the_specialty_stays_the_default(kb: KnowledgeBase) -> None:
    assert {"mls_c01", "mla_c01"} <= set(kb.exams)
    assert kb.default_exam.id == "mls_c01"
    associate = kb.exams["mla_c01"]
    assert (associate.code, associate.questions, associate.minutes) == ("MLA-C01", 65, 130)
    assert [d.weight for d in associate.domains] == [28, 26, 22, 24]
    assert len(associate.tasks) == 12


def test_an_associate_exam_simulation_follows_the_domain_weights(kb: KnowledgeBase) -> None:
    """65 questions at 28/26/22/24 %: 18.2, 16.9, 14.3, 15.6, rounded by largest remainder."""
    quotas = domain_quotas(kb.exams["mla_c01"], 65)
    assert list(quotas.values()) == [18, 17, 14, 16]


@pytest.mark.parametrize("task", DOMAIN_1_AND_2)
def test_each_data_and_model_task_has_questions_and_rules(kb: KnowledgeBase, task: str) -> None:
    coverage = measure_coverage(kb, [], "mla_c01")
    (entry,) = [t for t in coverage.tasks if t.task.id == task]
    assert entry.questions and len(entry.rules) >= 3


def test_every_data_and_model_item_in_scope_has_a_recommended_node(kb: KnowledgeBase) -> None:
    coverage = measure_coverage(kb, [], "mla_c01")
    ours = [
        i
        for i in coverage.items
        if i.item.category in DATA_AND_MODEL_CATEGORIES or i.item.id in DATA_AND_MODEL_FEATURES
    ]
    assert len(ours) > 60
    # CodeGuru (code reviews, profiling) and DevOps Guru (operational anomalies) serve domain 4.
    missing = [
        i.item.id for i in ours if i.gaps and i.item.id not in {"amazon_codeguru", "amazon_devops_guru"}
    ]
    assert missing == []
