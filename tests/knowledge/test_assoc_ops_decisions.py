"""The Associate operations decisions on documented cases: each reaches the answer the AWS pages
give (an Airflow team keeps its DAGs on Amazon MWAA, Model Registry approval starts CodePipeline
through EventBridge, CodeDeploy never deploys a SageMaker AI endpoint, Compute Savings Plans do not
cover SageMaker AI, Compute Optimizer does not analyse endpoints) and each symptom finds its
documented cause (a key policy that does not name the role, a subnet outside the file system's
Availability Zone, create calls that no condition key refuses)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pytest

from advisor.engine.engine import Engine
from advisor.engine.result import Result
from advisor.knowledge import KnowledgeBase

SAGEMAKER_ENDPOINT = "sagemaker_real_time_endpoint"


@pytest.fixture(scope="module")
def engine(kb: KnowledgeBase) -> Engine:
    return Engine(kb)


def run(engine: Engine, answers: Mapping[str, Any], design: Mapping[str, str] | None = None) -> Result:
    parts = {stage: frozenset({node}) for stage, node in (design or {}).items()}
    return engine.run(dict(answers), design=parts or None, compare_lenses=False)


def excluded(result: Result, stage: str, node: str) -> bool:
    ranking = result.stage(stage)
    return ranking is not None and ranking.exclusion(node) is not None


def diagnosed(result: Result, symptom: str) -> bool:
    return any(d.symptom == symptom for d in result.diagnoses)


def scores(result: Result, stage: str) -> dict[str, float]:
    """Each candidate's score in a stage (a node no rule spoke of is absent)."""
    ranking = result.stage(stage)
    assert ranking is not None
    return {c.node: c.score for c in ranking.candidates}


@pytest.mark.parametrize(
    ("answers", "orchestrator"),
    [
        ({"workflow_steps": "sagemaker_ml_steps"}, "sagemaker_pipelines"),
        ({"workflow_steps": "many_aws_services"}, "aws_step_functions"),
        ({"workflow_steps": "sagemaker_ml_steps", "airflow_in_use": True}, "amazon_mwaa"),
    ],
)
def test_the_workflow_runs_where_its_shape_and_the_team_put_it(
    engine: Engine, answers: dict[str, Any], orchestrator: str
) -> None:
    assert run(engine, answers).top("orchestration") == orchestrator


def test_an_airflow_environment_without_dags_to_keep_is_argued_against(engine: Engine) -> None:
    result = run(engine, {"workflow_steps": "many_aws_services", "airflow_in_use": False})
    ranked = scores(result, "orchestration")
    assert ranked.get("amazon_mwaa", 0) < 0 < ranked["sagemaker_pipelines"]


def test_an_approved_model_version_is_deployed_by_the_approval_pipeline(engine: Engine) -> None:
    answers = {"release_trigger": ["model_approved"], "prediction_consumption": "interactive_requests"}
    result = run(engine, answers, {"deployment": SAGEMAKER_ENDPOINT})
    assert result.top("release_automation") == "approval_triggered_deployment"
    assert excluded(result, "release_automation", "aws_codedeploy")


def test_a_code_change_rebuilds_the_model_pipeline_before_its_test_runner(engine: Engine) -> None:
    answers = {"release_trigger": ["code_change"], "automated_release_tests": True}
    assert run(engine, answers).top("release_automation") == "commit_triggered_model_build"


def test_a_model_on_ecs_shifts_traffic_with_codedeploy(engine: Engine) -> None:
    answers = {"container_orchestrator": "ecs", "ops_preference": "self_managed", "safe_rollout": True}
    result = run(engine, answers)
    assert result.top("deployment") == "amazon_ecs"
    assert result.top("release_automation") == "codedeploy_traffic_shifting"


@pytest.mark.parametrize(
    ("language", "tool"),
    [("declarative_templates", "aws_cloudformation"), ("programming_language", "aws_cdk")],
)
def test_infrastructure_is_written_in_the_teams_language(engine: Engine, language: str, tool: str) -> None:
    answers = {"repeatable_environments": True, "iac_language": language}
    assert run(engine, answers).top("infrastructure_as_code") == tool


def test_a_steady_sagemaker_baseline_is_committed_to_a_sagemaker_savings_plan(engine: Engine) -> None:
    result = run(engine, {"steady_sagemaker_usage": True})
    assert result.top("purchase_option") == "sagemaker_savings_plans"
    assert excluded(result, "purchase_option", "compute_savings_plans")


def test_no_steady_baseline_stays_on_demand(engine: Engine) -> None:
    assert (
        run(engine, {"steady_sagemaker_usage": False}).top("purchase_option") == "sagemaker_on_demand_pricing"
    )


def test_an_endpoint_is_right_sized_by_inference_recommender_not_compute_optimizer(engine: Engine) -> None:
    answers = {"cost_tracking_needs": ["idle_or_oversized"]}
    result = run(engine, answers, {"deployment": SAGEMAKER_ENDPOINT})
    assert result.top("rightsizing") == "sagemaker_inference_recommender"
    assert excluded(result, "rightsizing", "aws_compute_optimizer")


@pytest.mark.parametrize(
    ("need", "tool"),
    [
        ("spend_by_owner", "cost_allocation_tags"),
        ("spend_trends", "aws_cost_explorer"),
        ("budget_alerts", "aws_budgets"),
        ("automatic_spend_limit", "aws_budgets"),
    ],
)
def test_each_cost_need_gets_its_tool(engine: Engine, need: str, tool: str) -> None:
    assert run(engine, {"cost_tracking_needs": [need]}).top("cost") == tool


def test_kms_access_denied_is_fixed_in_the_key_policy(engine: Engine) -> None:
    answers = {"customer_managed_keys": True, "job_kms_access_denied": True}
    result = run(engine, answers, {"training": "sagemaker_training_jobs"})
    assert diagnosed(result, "job_kms_access_denied")
    assert result.top("key_access") == "kms_key_policy_grants_role"


def test_an_fsx_mount_failure_points_at_the_subnet_and_its_availability_zone(engine: Engine) -> None:
    design = {"training": "sagemaker_training_jobs", "storage": "amazon_fsx_for_lustre"}
    result = run(engine, {"fsx_mount_fails": True}, design)
    assert diagnosed(result, "fsx_mount_fails")
    assert result.top("private_connectivity") == "file_system_subnet_same_az"


def test_noncompliant_jobs_are_refused_by_an_scp_across_accounts(engine: Engine) -> None:
    result = run(engine, {"noncompliant_jobs_refused": True, "multi_account": True})
    assert result.top("access_guardrails") == "scp_sagemaker_guardrail"
    assert scores(result, "access_guardrails").get("aws_config", 0) < 0


def test_a_broad_application_role_is_narrowed_to_invoking_its_endpoint(engine: Engine) -> None:
    result = run(engine, {"app_role_too_broad": True}, {"deployment": SAGEMAKER_ENDPOINT})
    assert diagnosed(result, "app_role_too_broad")
    assert result.top("access_guardrails") == "invoke_endpoint_scoped_policy"


def test_models_that_each_need_their_own_resources_become_inference_components(engine: Engine) -> None:
    answers = {
        "prediction_consumption": "interactive_requests",
        "served_model_count": 3,
        "models_need_own_resources": True,
    }
    assert run(engine, answers).top("deployment") == "sagemaker_inference_components"


def test_latency_outside_the_model_is_traced_with_x_ray(engine: Engine) -> None:
    result = run(engine, {"latency_outside_model": True}, {"deployment": SAGEMAKER_ENDPOINT})
    assert diagnosed(result, "latency_outside_model")
    assert result.top("monitoring") == "aws_x_ray"


def test_a_model_on_ecs_is_scaled_by_application_auto_scaling_behind_a_queue(engine: Engine) -> None:
    answers = {
        "container_orchestrator": "ecs",
        "ops_preference": "self_managed",
        "prediction_consumption": "queued_requests",
        "inference_traffic_pattern": "spiky",
    }
    result = run(engine, answers)
    assert result.top("deployment") == "amazon_ecs"
    assert result.top("endpoint_scaling") == "aws_application_auto_scaling"
    assert scores(result, "deployment").get("amazon_sqs", 0) > 0


@pytest.mark.parametrize(
    ("timing", "policy"),
    [("predictable_times", "scheduled_scaling"), ("unpredictable_times", "target_tracking_scaling")],
)
def test_errors_at_peaks_are_met_by_a_schedule_only_when_the_peaks_are_known(
    engine: Engine, timing: str, policy: str
) -> None:
    answers = {
        "prediction_consumption": "interactive_requests",
        "inference_traffic_pattern": "spiky",
        "peak_timing": timing,
        "endpoint_errors_under_load": True,
    }
    result = run(
        engine, answers, {"deployment": SAGEMAKER_ENDPOINT, "endpoint_scaling": "target_tracking_scaling"}
    )
    assert diagnosed(result, "endpoint_errors_under_load")
    assert result.top("endpoint_scaling") == policy


def test_a_lambda_function_in_front_of_a_fast_model_is_inspected_and_profiled(engine: Engine) -> None:
    design = {"deployment": frozenset({SAGEMAKER_ENDPOINT, "aws_lambda"})}
    result = engine.run({"latency_outside_model": True}, design=design, compare_lenses=False)
    ranked = scores(result, "monitoring")
    assert ranked["aws_x_ray"] > ranked["cloudwatch_lambda_insights"] > ranked["amazon_codeguru"] > 0
