"""Meta-tests over the shipped rules/: the stages of one result agree with each other (a model
served by a managed API gets no SageMaker endpoint, and a decision within a stage only speaks
when its stage has a pick)."""

from __future__ import annotations

import pytest

from advisor.engine.engine import Engine
from advisor.engine.result import Result
from advisor.knowledge import KnowledgeBase
from advisor.knowledge.scenarios import read_scenario, scenario_files

ENDPOINT_ONLY = (
    "sagemaker_endpoint_auto_scaling",
    "sagemaker_deployment_guardrails",
    "sagemaker_data_capture",
)


def _results(kb: KnowledgeBase) -> list[tuple[str, Result]]:
    """Every shipped scenario's answers under both lenses."""
    engine = Engine(kb)
    runs = []
    for path in scenario_files():
        _, values = read_scenario(kb, path)
        for lens in ("exam", "current"):
            runs.append((f"{path.stem}/{lens}", engine.run(values, lens, compare_lenses=False)))  # type: ignore[arg-type]
    return runs


def test_decisions_within_a_stage_not_needed_stay_empty(kb: KnowledgeBase) -> None:
    """No endpoint setting is recommended for a deployment that is not needed."""
    wrong, settled_runs = [], 0
    for name, result in _results(kb):
        settled = {s.stage for s in result.stages if s.not_needed}
        settled_runs += "deployment" in settled
        for stage in result.stages:
            if stage.within in settled and stage.candidates:
                wrong.append((name, stage.stage, stage.candidates[0].node))
    assert settled_runs, "no scenario settles deployment as not needed: the check ran on nothing"
    assert not wrong


@pytest.mark.parametrize("lens", ["exam", "current"])
def test_a_foundation_model_behind_bedrock_needs_no_endpoint(kb: KnowledgeBase, lens: str) -> None:
    """Bedrock serves foundation models serverless through its API (Bedrock user guide), so the
    advisor must not also size, scale or roll out a SageMaker endpoint for it."""
    answers = {
        "problem_type": "content_generation",
        "prediction_consumption": "interactive_requests",
        "inference_traffic_pattern": "spiky",
        "safe_rollout": True,
    }
    result = Engine(kb).run(answers, lens, compare_lenses=False)  # type: ignore[arg-type]
    assert result.top("model") == "amazon_bedrock"
    deployment = result.stage("deployment")
    assert deployment is not None and deployment.not_needed and result.top("deployment") is None
    assert result.top("endpoint_scaling") is None and result.top("release_strategy") is None
    monitoring = result.stage("monitoring")
    assert monitoring is not None
    assert set(ENDPOINT_ONLY) <= {exclusion.node for exclusion in monitoring.exclusions}


def test_a_trained_model_on_an_endpoint_gets_its_settings(kb: KnowledgeBase) -> None:
    """The same traffic served by a real-time endpoint does get a scaling policy and a release."""
    answers = {
        "problem_type": "binary_classification",
        "prediction_consumption": "interactive_requests",
        "inference_traffic_pattern": "spiky",
        "peak_timing": "predictable_times",
        "safe_rollout": True,
    }
    result = Engine(kb).run(answers, "exam", compare_lenses=False)
    assert result.top("deployment") == "sagemaker_real_time_endpoint"
    assert result.top("endpoint_scaling") == "scheduled_scaling"
    assert result.top("release_strategy") == "blue_green_canary"
    assert result.top("endpoint_availability") == "endpoint_multi_az_instances"
