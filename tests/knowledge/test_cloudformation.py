"""The shipped CloudFormation mappings against the CloudFormation resource schemas cfn-lint
ships: every resource type exists, every property path exists, every value tested is one the
property can take; and every mapping's design choice is a node of that stage."""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Any

import pytest
from cfnlint.schema import PROVIDER_SCHEMA_MANAGER

from advisor.check.template import read_template
from advisor.knowledge import KnowledgeBase, load_knowledge
from advisor.knowledge.models import PropertyTest, ResourceMapping

REGION = "us-east-1"
MAPPINGS = [mapping for mapping in load_knowledge(use_cache=False).document.cloudformation]


def resolve(schema: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    """Follow `$ref`s and array items to the object or value a property path names."""
    while True:
        if "$ref" in node:
            target: Any = schema
            for part in node["$ref"].lstrip("#/").split("/"):
                target = target[part]
            node = target
        elif "items" in node and node.get("type", "array") == "array":
            node = node["items"]
        else:
            return node


def property_schema(schema: dict[str, Any], path: str) -> dict[str, Any] | None:
    node: dict[str, Any] = schema
    for part in path.split("."):
        properties = resolve(schema, node).get("properties", {})
        if part not in properties:
            return None
        node = properties[part]
    return resolve(schema, node)


def values_tested(test: PropertyTest) -> list[Any]:
    if test.operator in ("eq", "ne"):
        return [test.operand]
    if test.operator in ("in", "not_in"):
        return list(test.operand)
    return []


def test_there_are_mappings_for_every_resource_type_the_issue_names() -> None:
    types = {mapping.type for mapping in MAPPINGS}
    assert {
        "AWS::SageMaker::Model",
        "AWS::SageMaker::EndpointConfig",
        "AWS::SageMaker::Endpoint",
        "AWS::Kinesis::Stream",
        "AWS::KinesisFirehose::DeliveryStream",
        "AWS::Glue::Job",
        "AWS::Glue::Crawler",
        "AWS::S3::Bucket",
        "AWS::KMS::Key",
        "AWS::EC2::VPC",
    } <= types


@pytest.mark.parametrize("mapping", MAPPINGS, ids=lambda m: m.id)
def test_mapping_matches_the_cloudformation_schema(mapping: ResourceMapping) -> None:
    schema = PROVIDER_SCHEMA_MANAGER.get_resource_schema(REGION, mapping.type).schema
    for test in mapping.when:
        found = property_schema(schema, test.path)
        assert found is not None, f"{mapping.type} has no property {test.path}"
        allowed = found.get("enum")
        for value in values_tested(test):
            assert allowed is None or value in allowed, f"{test.path} never is {value!r} (allowed: {allowed})"
        if test.operator in ("lt", "le", "gt", "ge"):
            assert found.get("type") in ("integer", "number"), f"{test.path} is not a number"


def test_mapped_nodes_belong_to_their_stages(kb: KnowledgeBase) -> None:
    for mapping in MAPPINGS:
        for stage, node in mapping.design.items():
            assert stage in kb.nodes[node].stages, mapping.id


# -- configuration choices read from resource properties ------------------------------------------

CONFIGURATIONS: dict[str, tuple[str, set[tuple[str, str]]]] = {
    "on-demand stream, retention raised to a week": (
        """
        Type: AWS::Kinesis::Stream
        Properties: {StreamModeDetails: {StreamMode: ON_DEMAND}, RetentionPeriodHours: 168}
        """,
        {("stream_capacity", "kinesis_on_demand_mode"), ("stream_retention", "kinesis_extended_retention")},
    ),
    "stream with neither mode nor retention: provisioned, 24 hours": (
        """
        Type: AWS::Kinesis::Stream
        Properties: {ShardCount: 4}
        """,
        {("stream_capacity", "kinesis_provisioned_mode"), ("stream_retention", "kinesis_default_retention")},
    ),
    "provisioned stream keeping a day": (
        """
        Type: AWS::Kinesis::Stream
        Properties: {StreamModeDetails: {StreamMode: PROVISIONED}, ShardCount: 2, RetentionPeriodHours: 24}
        """,
        {("stream_capacity", "kinesis_provisioned_mode"), ("stream_retention", "kinesis_default_retention")},
    ),
    "registered stream consumer: enhanced fan-out": (
        """
        Type: AWS::Kinesis::StreamConsumer
        Properties: {ConsumerName: scorer, StreamARN: !GetAtt Events.Arn}
        """,
        {("stream_consumers", "kinesis_enhanced_fan_out")},
    ),
    "Firehose to S3 with no hints: default buffering, records as received": (
        """
        Type: AWS::KinesisFirehose::DeliveryStream
        Properties:
          ExtendedS3DestinationConfiguration: {BucketARN: !GetAtt Lake.Arn, RoleARN: !GetAtt Role.Arn}
        """,
        {
            ("firehose_buffering", "firehose_default_buffering"),
            ("firehose_record_format", "firehose_deliver_as_received"),
        },
    ),
    "Firehose with a 30-second interval": (
        """
        Type: AWS::KinesisFirehose::DeliveryStream
        Properties:
          ExtendedS3DestinationConfiguration:
            BufferingHints: {IntervalInSeconds: 30, SizeInMBs: 1}
        """,
        {
            ("firehose_buffering", "firehose_low_latency_buffering"),
            ("firehose_record_format", "firehose_deliver_as_received"),
        },
    ),
    "Firehose with 900 seconds and 128 MiB, converting to Parquet": (
        """
        Type: AWS::KinesisFirehose::DeliveryStream
        Properties:
          ExtendedS3DestinationConfiguration:
            BufferingHints: {IntervalInSeconds: 900, SizeInMBs: 128}
            DataFormatConversionConfiguration: {Enabled: true}
        """,
        {
            ("firehose_buffering", "firehose_large_buffering"),
            ("firehose_record_format", "firehose_format_conversion"),
        },
    ),
    "Firehose stated at the defaults, with a Lambda processor": (
        """
        Type: AWS::KinesisFirehose::DeliveryStream
        Properties:
          ExtendedS3DestinationConfiguration:
            BufferingHints: {IntervalInSeconds: 300, SizeInMBs: 5}
            ProcessingConfiguration:
              Enabled: true
              Processors: [{Type: Lambda, Parameters: []}]
        """,
        {
            ("firehose_buffering", "firehose_default_buffering"),
            ("firehose_record_format", "firehose_lambda_transformation"),
        },
    ),
    "one instance, data capture on": (
        """
        Type: AWS::SageMaker::EndpointConfig
        Properties:
          ProductionVariants: [{VariantName: A, ModelName: m, InstanceType: ml.m5.large, InitialInstanceCount: 1}]
          DataCaptureConfig: {InitialSamplingPercentage: 100, DestinationS3Uri: s3://b/c, CaptureOptions: []}
        """,
        {("endpoint_availability", "endpoint_single_instance"), ("monitoring", "sagemaker_data_capture")},
    ),
    "two instances, data capture switched off": (
        """
        Type: AWS::SageMaker::EndpointConfig
        Properties:
          ProductionVariants: [{VariantName: A, ModelName: m, InstanceType: ml.m5.large, InitialInstanceCount: "2"}]
          DataCaptureConfig: {EnableCapture: false, InitialSamplingPercentage: 100, DestinationS3Uri: s3://b/c, CaptureOptions: []}
        """,
        {("endpoint_availability", "endpoint_multi_az_instances")},
    ),
    "serverless on demand": (
        """
        Type: AWS::SageMaker::EndpointConfig
        Properties:
          ProductionVariants: [{VariantName: A, ModelName: m, ServerlessConfig: {MemorySizeInMB: 2048, MaxConcurrency: 20}}]
        """,
        {("serverless_capacity", "serverless_on_demand")},
    ),
    "serverless with provisioned concurrency": (
        """
        Type: AWS::SageMaker::EndpointConfig
        Properties:
          ProductionVariants:
            - {VariantName: A, ModelName: m, ServerlessConfig: {MemorySizeInMB: 2048, MaxConcurrency: 20, ProvisionedConcurrency: 5}}
        """,
        {("serverless_capacity", "serverless_provisioned_concurrency")},
    ),
    "asynchronous endpoint telling SNS topics": (
        """
        Type: AWS::SageMaker::EndpointConfig
        Properties:
          ProductionVariants: [{VariantName: A, ModelName: m, InstanceType: ml.g5.xlarge, InitialInstanceCount: 1}]
          AsyncInferenceConfig:
            OutputConfig:
              S3OutputPath: s3://b/out
              NotificationConfig: {SuccessTopic: !Ref Done, ErrorTopic: !Ref Failed}
        """,
        {("async_settings", "async_sns_notifications")},
    ),
    "canary release": (
        """
        Type: AWS::SageMaker::Endpoint
        Properties:
          EndpointConfigName: c
          DeploymentConfig:
            BlueGreenUpdatePolicy:
              TrafficRoutingConfiguration: {Type: CANARY, CanarySize: {Type: CAPACITY_PERCENT, Value: 10}, WaitIntervalInSeconds: 600}
        """,
        {("release_strategy", "blue_green_canary")},
    ),
    "linear release": (
        """
        Type: AWS::SageMaker::Endpoint
        Properties:
          EndpointConfigName: c
          DeploymentConfig:
            BlueGreenUpdatePolicy:
              TrafficRoutingConfiguration: {Type: LINEAR, LinearStepSize: {Type: CAPACITY_PERCENT, Value: 25}}
        """,
        {("release_strategy", "blue_green_linear")},
    ),
    "all-at-once release": (
        """
        Type: AWS::SageMaker::Endpoint
        Properties:
          EndpointConfigName: c
          DeploymentConfig:
            BlueGreenUpdatePolicy:
              TrafficRoutingConfiguration: {Type: ALL_AT_ONCE, WaitIntervalInSeconds: 300}
        """,
        {("release_strategy", "blue_green_all_at_once")},
    ),
    "rolling release": (
        """
        Type: AWS::SageMaker::Endpoint
        Properties:
          EndpointConfigName: c
          DeploymentConfig:
            RollingUpdatePolicy: {MaximumBatchSize: {Type: INSTANCE_COUNT, Value: 1}, WaitIntervalInSeconds: 300}
        """,
        {("release_strategy", "rolling_deployment")},
    ),
    "scheduled capacity for an endpoint variant": (
        """
        Type: AWS::ApplicationAutoScaling::ScalableTarget
        Properties:
          ServiceNamespace: sagemaker
          ScalableDimension: sagemaker:variant:DesiredInstanceCount
          ResourceId: endpoint/e/variant/A
          MinCapacity: 2
          MaxCapacity: 8
          ScheduledActions: [{ScheduledActionName: mornings, Schedule: "cron(0 8 ? * MON-FRI *)"}]
        """,
        {("endpoint_scaling", "scheduled_scaling")},
    ),
    "target tracking on invocations per instance": (
        """
        Type: AWS::ApplicationAutoScaling::ScalingPolicy
        Properties:
          PolicyName: keep-invocations
          PolicyType: TargetTrackingScaling
          ScalingTargetId: !Ref Target
          TargetTrackingScalingPolicyConfiguration:
            TargetValue: 70
            PredefinedMetricSpecification: {PredefinedMetricType: SageMakerVariantInvocationsPerInstance}
        """,
        {("endpoint_scaling", "target_tracking_scaling")},
    ),
    "DMS full load only": (
        "Type: AWS::DMS::ReplicationTask\nProperties: {MigrationType: full-load}",
        {("dms_migration_type", "dms_full_load")},
    ),
    "DMS full load and ongoing replication": (
        "Type: AWS::DMS::ReplicationTask\nProperties: {MigrationType: full-load-and-cdc}",
        {("dms_migration_type", "dms_full_load_and_cdc")},
    ),
    "DMS changes only": (
        "Type: AWS::DMS::ReplicationTask\nProperties: {MigrationType: cdc}",
        {("dms_migration_type", "dms_cdc_only")},
    ),
    "crawler combining compatible schemas": (
        """
        Type: AWS::Glue::Crawler
        Properties:
          Role: r
          Targets: {S3Targets: [{Path: s3://lake/sales/}]}
          Configuration: '{"Version":1.0,"Grouping":{"TableGroupingPolicy":"CombineCompatibleSchemas"}}'
        """,
        {("glue_crawler_grouping", "glue_crawler_single_schema")},
    ),
    "bucket with lifecycle transitions": (
        """
        Type: AWS::S3::Bucket
        Properties:
          LifecycleConfiguration:
            Rules: [{Status: Enabled, Transitions: [{StorageClass: STANDARD_IA, TransitionInDays: 30}]}]
        """,
        {("s3_storage_class", "s3_lifecycle_transition")},
    ),
    "repository scanning on push": (
        "Type: AWS::ECR::Repository\nProperties: {ImageScanningConfiguration: {ScanOnPush: true}}",
        {("image_scanning", "ecr_basic_scanning")},
    ),
    "registry with basic scanning": (
        "Type: AWS::ECR::RegistryScanningConfiguration\nProperties: {ScanType: BASIC, Rules: []}",
        {("image_scanning", "ecr_basic_scanning")},
    ),
    "registry with enhanced scanning": (
        "Type: AWS::ECR::RegistryScanningConfiguration\nProperties: {ScanType: ENHANCED, Rules: []}",
        {("image_scanning", "ecr_enhanced_scanning")},
    ),
}
"""A resource (the `R` of a one-resource template) -> the configuration choices it must yield:
every choice in a decision within a stage, and data capture (which is not Model Monitor)."""


@pytest.mark.parametrize("resource, expected", CONFIGURATIONS.values(), ids=CONFIGURATIONS.keys())
def test_resource_properties_read_as_configuration_choices(
    kb: KnowledgeBase, tmp_path: Path, resource: str, expected: set[tuple[str, str]]
) -> None:
    body = textwrap.indent(textwrap.dedent(resource).strip(), "    ")
    path = tmp_path / "stack.template.yaml"
    path.write_text(f"Resources:\n  R:\n{body}\n", encoding="utf-8")
    choices = {(c.stage, c.node) for c in read_template(kb, path).choices}
    configuration = {
        (stage, node)
        for stage, node in choices
        if kb.stages[stage].within is not None or node == "sagemaker_data_capture"
    }
    assert configuration == expected
