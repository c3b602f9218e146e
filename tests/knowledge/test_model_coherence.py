"""Coherence of the shipped model, training and tuning knowledge: a pick constrains the other
stages, sub-decisions follow their parent, symptoms are asked about designs only, and diagnoses
name their fixes (rules/recommend/{model,training,tuning}_config.yaml)."""

from __future__ import annotations

import itertools
from typing import Any

import pytest

from advisor.engine.engine import Engine
from advisor.engine.explain import explain
from advisor.engine.result import Result
from advisor.knowledge import KnowledgeBase

SUPERVISED = ("binary_classification", "multiclass_classification", "regression")
DATA_TYPES = ("tabular", "text", "image", "time_series", "log_events")
TRAINING_DECISIONS = ("training_input_mode", "training_distribution", "training_capacity")
LABELLED_TABLE = {"data_type": "tabular", "label_availability": "plenty"}
SYMPTOMS = {
    "training_download_dominates",
    "training_loss_unstable",
    "spot_job_restarts_from_scratch",
    "tuning_takes_too_long",
}


@pytest.fixture(scope="module")
def engine(kb: KnowledgeBase) -> Engine:
    return Engine(kb)


def run(engine: Engine, answers: dict[str, Any], **kwargs: Any) -> Result:
    return engine.run(answers, compare_lenses=False, **kwargs)


@pytest.mark.parametrize(
    ("answers", "pick", "rule"),
    [
        (
            {"problem_type": "content_generation", "genai_adaptation": "prompting_only"},
            "amazon_bedrock",
            "TRA-202",
        ),
        ({"problem_type": "vision_task", "ai_task": "image_video_analysis"}, "amazon_rekognition", "TRA-201"),
        (
            {"problem_type": "regression", "data_type": "tabular", "no_code_required": True},
            "sagemaker_canvas",
            "TRA-203",
        ),
        ({"problem_type": "rules_suffice"}, "rule_based_solution", "TRA-204"),
    ],
)
def test_a_model_nobody_on_the_team_trains_leaves_training_and_tuning_not_needed(
    engine: Engine, answers: dict[str, Any], pick: str, rule: str
) -> None:
    result = run(engine, answers)
    assert result.top("model") == pick
    for stage in ("training", "tuning"):
        settled = result.stage(stage)
        assert settled is not None and settled.not_needed and settled.top is None
    (reason,) = [f for f in result.firings if f.rule == rule]
    assert ("pick:model", pick) in reason.facts
    assert all(result.top(decision) is None for decision in TRAINING_DECISIONS)
    why = explain(engine.kb, result, "training", "sagemaker_training_jobs")
    assert why.verdict == "not_needed"


def test_a_built_in_algorithm_keeps_training_and_its_decisions(engine: Engine) -> None:
    result = run(
        engine,
        {"problem_type": "binary_classification", "data_type": "tabular", "label_availability": "plenty"},
    )
    assert result.top("model") == "sagemaker_xgboost"
    assert result.top("training") is not None and result.top("tuning") is not None
    assert result.top("training_input_mode") == "file_mode"
    assert result.top("training_capacity") == "on_demand_training"


@pytest.mark.parametrize(("problem", "data"), itertools.product(SUPERVISED, DATA_TYPES))
def test_unsupervised_algorithms_are_never_ranked_for_a_supervised_framing(
    engine: Engine, kb: KnowledgeBase, problem: str, data: str
) -> None:
    result = run(engine, {"problem_type": problem, "data_type": data, "label_availability": "plenty"})
    assert result.top("problem_framing") == "supervised_learning"
    model = result.stage("model")
    assert model is not None
    ranked = [c.node for c in model.candidates if c.score > 0]
    unsupervised = [n for n in ranked if kb.nodes[n].traits.get("learning_paradigm") == "unsupervised"]
    assert not unsupervised


def test_a_second_framing_keeps_its_algorithm_ranked(engine: Engine) -> None:
    answers = {
        "problem_type": "binary_classification",
        "data_type": "tabular",
        "label_availability": "plenty",
    }
    alone = run(engine, answers)
    both = run(engine, {**answers, "additional_problem_types": ["clustering"]})
    assert alone.stage("model").exclusion("sagemaker_kmeans") is not None  # type: ignore[union-attr]
    kmeans = both.stage("model").candidate("sagemaker_kmeans")  # type: ignore[union-attr]
    assert kmeans is not None and kmeans.score > 0
    framing = both.stage("problem_framing")
    assert framing is not None and framing.candidate("unsupervised_learning") is not None


def test_a_required_built_in_algorithm_rejects_the_ai_service(engine: Engine) -> None:
    answers = {
        "problem_type": "nlp_task",
        "data_type": "text",
        "ai_task": "sentiment_analysis",
        "label_availability": "plenty",
    }
    assert run(engine, answers).top("model") == "amazon_comprehend"
    required = run(engine, {**answers, "built_in_algorithm_required": True})
    assert required.top("model") == "sagemaker_blazingtext"
    rejected = required.stage("model").exclusion("amazon_comprehend")  # type: ignore[union-attr]
    assert rejected is not None and [required.firing(i).rule for i in rejected.firings] == ["MOD-304"]
    assert required.top("blazingtext_mode") == "blazingtext_supervised"


def test_a_sub_decision_is_empty_unless_its_parent_is_the_pick(engine: Engine) -> None:
    words = run(engine, {"problem_type": "nlp_task", "data_type": "text", "text_task": "word_embeddings"})
    assert words.top("model") == "sagemaker_blazingtext"
    assert words.top("blazingtext_mode") in ("blazingtext_cbow", "blazingtext_skipgram")
    assert words.stage("blazingtext_mode").exclusion("blazingtext_supervised") is not None  # type: ignore[union-attr]
    topics = run(engine, {"problem_type": "nlp_task", "data_type": "text", "text_task": "discover_topics"})
    assert topics.top("model") != "sagemaker_blazingtext"
    assert topics.top("blazingtext_mode") is None


def test_symptoms_are_asked_only_about_a_design_that_has_the_part(engine: Engine) -> None:
    assert not SYMPTOMS & {q.id for q in engine.relevant({}, "exam")}
    design = {
        "training": frozenset({"sagemaker_training_jobs", "managed_spot_training"}),
        "tuning": frozenset({"sagemaker_automatic_model_tuning"}),
    }
    assert {q.id for q in engine.relevant({}, "exam", design)} >= SYMPTOMS


def test_a_spot_job_that_restarts_is_diagnosed_with_checkpoints_as_the_fix(engine: Engine) -> None:
    design = {"training": frozenset({"managed_spot_training"})}
    result = run(engine, {"spot_job_restarts_from_scratch": True}, design=design)
    (diagnosis,) = [d for d in result.diagnoses if d.symptom == "spot_job_restarts_from_scratch"]
    assert "checkpoint" in diagnosis.cause
    assert ("training_capacity", "spot_with_checkpoints") in [(f.stage, f.node) for f in diagnosis.fixes]
    assert result.top("training_capacity") == "spot_with_checkpoints"


def test_overfitting_and_underfitting_reject_the_opposite_fixes(engine: Engine) -> None:
    base = {"problem_type": "regression", **LABELLED_TABLE}
    over = run(engine, {**base, "train_validation_gap": "train_low_validation_high"})
    assert over.stage("fit_adjustment").exclusion("more_model_capacity") is not None  # type: ignore[union-attr]
    assert over.top("xgboost_settings") == "xgboost_shallower_trees"
    under = run(engine, {**base, "train_validation_gap": "both_high"})
    assert under.top("fit_adjustment") == "more_model_capacity"
    assert under.stage("fit_adjustment").exclusion("l2_regularization") is not None  # type: ignore[union-attr]
    assert under.top("xgboost_settings") == "xgboost_deeper_trees"


def test_scale_pos_weight_is_derived_from_the_class_counts(engine: Engine) -> None:
    counts = {"class_imbalance": "severe", "negative_example_count": 9900, "positive_example_count": 100}
    answers = {"problem_type": "binary_classification", **LABELLED_TABLE, **counts}
    result = run(engine, answers)
    (ratio,) = [d for d in result.derived if d.fact == "suggested_scale_pos_weight"]
    assert ratio.value == 99
    assert result.top("xgboost_settings") == "xgboost_scale_pos_weight"


def test_a_supervised_question_without_labels_keeps_the_unsupervised_detector(engine: Engine) -> None:
    """Without labels the framing cannot exclude the one algorithm that can still learn (FRM-009)."""
    result = run(
        engine,
        {"problem_type": "binary_classification", "data_type": "tabular", "label_availability": "none"},
    )
    assert result.top("model") == "sagemaker_random_cut_forest"
