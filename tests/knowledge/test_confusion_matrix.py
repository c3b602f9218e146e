"""The shipped confusion-matrix arithmetic: the derived metrics equal their textbook definitions
(computed here independently), a division by zero concludes nothing, and the numbers drive the
threshold decision and the class-imbalance diagnosis."""

from __future__ import annotations

from typing import Any

import pytest

from advisor.engine.engine import Engine
from advisor.engine.result import Result
from advisor.knowledge import KnowledgeBase

TP, FP, TN, FN = 40, 60, 9800, 100
COST_FP, COST_FN = 20, 500


def _run(kb: KnowledgeBase, **answers: Any) -> Result:
    base = {"problem_type": "binary_classification", "data_type": "tabular", "model_evaluated": True}
    return Engine(kb).run({**base, **answers}, compare_lenses=False)


def _counts(tp: int = TP, fp: int = FP, tn: int = TN, fn: int = FN) -> dict[str, int]:
    return {
        "true_positive_count": tp,
        "false_positive_count": fp,
        "true_negative_count": tn,
        "false_negative_count": fn,
    }


def _derived(result: Result) -> dict[str, Any]:
    return {d.fact: d.value for d in result.derived}


def test_rates_follow_their_definitions(kb: KnowledgeBase) -> None:
    derived = _derived(_run(kb, **_counts()))
    total = TP + FP + TN + FN
    expected = {
        "measured_precision": TP / (TP + FP),
        "measured_recall": TP / (TP + FN),
        "measured_f1": 2 * TP / (2 * TP + FP + FN),
        "measured_specificity": TN / (TN + FP),
        "measured_false_positive_rate": FP / (FP + TN),
        "measured_accuracy": (TP + TN) / total,
        "positive_share": (TP + FN) / total,
    }
    for fact, share in expected.items():
        assert derived[fact] == pytest.approx(100 * share, abs=0.05), fact


def test_costs_follow_the_cost_weighted_matrix(kb: KnowledgeBase) -> None:
    derived = _derived(_run(kb, **_counts(), false_positive_cost=COST_FP, false_negative_cost=COST_FN))
    assert derived["false_alarm_cost"] == FP * COST_FP
    assert derived["missed_positive_cost"] == FN * COST_FN
    assert derived["expected_error_cost"] == FP * COST_FP + FN * COST_FN
    assert derived["caught_positive_savings"] == TP * COST_FN
    assert derived["error_cost_ratio"] == pytest.approx(COST_FN / COST_FP)
    assert derived["cost_optimal_threshold"] == pytest.approx(COST_FP / (COST_FP + COST_FN), abs=0.0005)


def test_a_model_that_predicts_no_positive_has_no_precision(kb: KnowledgeBase) -> None:
    derived = _derived(_run(kb, **_counts(tp=0, fp=0, fn=140)))
    assert "measured_precision" not in derived
    assert derived["measured_recall"] == 0


def test_costly_misses_and_a_missed_recall_target_lower_the_threshold(kb: KnowledgeBase) -> None:
    result = _run(
        kb,
        **_counts(),
        false_positive_cost=COST_FP,
        false_negative_cost=COST_FN,
        precision_recall_target=True,
        recall_target_percent=80,
        precision_target_percent=30,
    )
    assert result.top("decision_threshold") == "lower_decision_threshold"
    assert "recall_target_percent" in {d.symptom for d in result.diagnoses}


def test_both_targets_missed_is_not_a_threshold_problem(kb: KnowledgeBase) -> None:
    result = _run(
        kb, **_counts(), precision_recall_target=True, recall_target_percent=80, precision_target_percent=90
    )
    rules = {result.firing(d.firing).rule for d in result.diagnoses}
    assert "EVA-227" in rules
    assert not rules & {"EVA-225", "EVA-226"}


def test_high_accuracy_with_almost_no_positives_found_is_diagnosed(kb: KnowledgeBase) -> None:
    result = _run(kb, **_counts(tp=5, fn=135))
    evaluation = result.stage("evaluation")
    assert evaluation is not None
    assert evaluation.exclusion("metric_accuracy") is not None
    assert "true_positive_count" in {d.symptom for d in result.diagnoses}
