"""The shipped CloudFormation mappings against the CloudFormation resource schemas cfn-lint
ships: every resource type exists, every property path exists, every value tested is one the
property can take; and every mapping's design choice is a node of that stage."""

from __future__ import annotations

from typing import Any

import pytest
from cfnlint.schema import PROVIDER_SCHEMA_MANAGER

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
