"""The Associate data and model-development decisions on documented cases: the pre-training bias
formulas equal Clarify's definitions (CI = (na - nd) / (na + nd), DPL = na(1)/na - nd(1)/nd),
Clarify's configurations give way to a Processing step for new customers, and each decision
reaches the documented answer (a point-in-time join for changing features, retrieval for
changing facts, metric definitions for own training code)."""

from __future__ import annotations

from typing import Any

import pytest
from derivations import derived
from hypothesis import given, settings
from hypothesis import strategies as st

from advisor.engine.engine import Engine

FACETS = st.tuples(st.integers(1, 100_000), st.integers(1, 100_000)).flatmap(
    lambda sizes: st.tuples(st.just(sizes), st.integers(0, sizes[0]), st.integers(0, sizes[1]))
)


@settings(max_examples=40, deadline=None)
@given(FACETS)
def test_bias_metrics_follow_clarifys_definitions(engine: Engine, facets: Any) -> None:
    (n_a, n_d), positive_a, positive_d = facets
    answers = {
        "sensitive_attributes": True,
        "facet_a_count": n_a,
        "facet_d_count": n_d,
        "facet_a_positive_count": positive_a,
        "facet_d_positive_count": positive_d,
    }
    result = engine.run(answers, compare_lenses=False)
    assert derived(result, "facet_class_imbalance") == pytest.approx((n_a - n_d) / (n_a + n_d))
    assert derived(result, "facet_label_difference") == pytest.approx(positive_a / n_a - positive_d / n_d)


def test_a_heavily_imbalanced_facet_is_rebalanced_and_clarify_gives_way_today(engine: Engine) -> None:
    """8,000 against 2,000 members: CI = 0.6, so the sample is rebalanced before training. The exam
    measures it with Clarify; a new customer computes it in a Processing step."""
    answers = {"sensitive_attributes": True, "facet_a_count": 8000, "facet_d_count": 2000}
    exam = engine.run(answers, "exam", compare_lenses=False)
    assert exam.top("pretraining_bias_check") == "clarify_pretraining_bias_report"
    assert exam.top("bias_mitigation") == "facet_resampling"
    today = engine.run(answers, "current", compare_lenses=False)
    assert today.top("pretraining_bias_check") == "bias_metrics_processing_step"


def test_balanced_facets_need_no_mitigation(engine: Engine) -> None:
    answers = {
        "sensitive_attributes": True,
        "facet_a_count": 5000,
        "facet_d_count": 4800,
        "facet_a_positive_count": 2500,
        "facet_d_positive_count": 2350,
    }
    assert engine.run(answers, compare_lenses=False).top("bias_mitigation") is None


def test_changing_features_are_joined_as_of_each_event(engine: Engine) -> None:
    answers = {"problem_type": "binary_classification", "features_change_over_time": True}
    result = engine.run(answers, compare_lenses=False)
    assert result.top("training_set_assembly") == "point_in_time_feature_join"
    assembly = result.stage("training_set_assembly")
    assert assembly is not None and assembly.exclusion("latest_feature_values_join") is not None


@pytest.mark.parametrize(
    ("uses", "store"),
    [
        (["realtime_lookup", "training_history"], "feature_store_online_and_offline"),
        (["realtime_lookup"], "feature_store_online_only"),
        (["training_history", "batch_scoring"], "feature_store_offline_only"),
    ],
)
def test_feature_store_keeps_the_stores_its_readers_need(engine: Engine, uses: list[str], store: str) -> None:
    design = {"storage": frozenset({"sagemaker_feature_store"})}
    result = engine.run({"feature_store_uses": uses}, design=design, compare_lenses=False)
    assert result.top("feature_store_mode") == store


def test_company_documents_are_retrieved_not_trained_in(engine: Engine) -> None:
    answers = {"problem_type": "content_generation", "genai_adaptation": "company_knowledge"}
    result = engine.run(answers, compare_lenses=False)
    assert result.top("model") == "amazon_bedrock"
    assert result.top("genai_customization") == "bedrock_knowledge_base_rag"


def test_a_fine_tuned_model_with_stale_facts_is_given_retrieval(engine: Engine) -> None:
    design = {
        "model": frozenset({"amazon_bedrock"}),
        "genai_customization": frozenset({"bedrock_fine_tuning"}),
    }
    answers = {"problem_type": "content_generation", "genai_answers_outdated": True}
    result = engine.run(answers, design=design, compare_lenses=False)
    assert result.top("genai_customization") == "bedrock_knowledge_base_rag"
    assert any(d.symptom == "genai_answers_outdated" for d in result.diagnoses)


def test_own_training_code_is_tuned_with_metric_definitions(engine: Engine) -> None:
    answers = {
        "problem_type": "binary_classification",
        "data_type": "tabular",
        "modelling_approach": "own_framework_script",
        "tuned_hyperparameter_count": 4,
    }
    result = engine.run(answers, compare_lenses=False)
    assert result.top("tuning_objective_metric") == "regex_metric_definitions"


@pytest.mark.parametrize(
    ("pattern", "store"),
    [
        ("document_queries", "amazon_documentdb"),
        ("graph_relationships", "amazon_neptune"),
        ("in_memory_cache", "amazon_elasticache"),
        ("fhir_health_records", "aws_healthlake"),
    ],
)
def test_each_data_shape_gets_its_purpose_built_store(engine: Engine, pattern: str, store: str) -> None:
    result = engine.run({"storage_access_pattern": pattern}, compare_lenses=False)
    assert result.top("storage") == store


def test_on_premises_applications_that_keep_their_share_get_a_file_gateway(engine: Engine) -> None:
    answers = {"ingest_source": "on_premises_files", "on_premises_apps_keep_file_share": True}
    assert engine.run(answers, compare_lenses=False).top("ingestion") == "aws_storage_gateway"
    answers["on_premises_apps_keep_file_share"] = False
    assert engine.run(answers, compare_lenses=False).top("ingestion") != "aws_storage_gateway"


def test_an_online_only_feature_group_without_history_is_given_an_offline_store(engine: Engine) -> None:
    design = {
        "storage": frozenset({"sagemaker_feature_store"}),
        "feature_store_mode": frozenset({"feature_store_online_only"}),
    }
    answers = {"training_set_lacks_feature_history": True}
    result = engine.run(answers, design=design, compare_lenses=False)
    assert result.top("feature_store_mode") == "feature_store_online_and_offline"
    assert any(d.symptom == "training_set_lacks_feature_history" for d in result.diagnoses)
