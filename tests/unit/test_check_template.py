"""CloudFormation templates read as designs: every intrinsic-function tag, YAML and JSON,
property tests through lists, parameters and conditions; the resource and line of each choice."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

import pytest

from advisor.check.design import read_design
from advisor.check.findings import check_design
from advisor.check.template import decode, holds, read_template
from advisor.knowledge import KnowledgeBase
from advisor.knowledge.models import PropertyTest

from fixtures_path import CHECK


def choices_of(kb: KnowledgeBase, path: Path) -> dict[tuple[str, str], list[tuple[str | None, int | None]]]:
    design = read_template(kb, path)
    return {(c.stage, c.node): [(at.resource, at.line) for at in c.locations] for c in design.choices}


def test_a_yaml_template_with_every_intrinsic_tag_is_read_with_resources_and_lines(
    check_kb: KnowledgeBase,
) -> None:
    found = choices_of(check_kb, CHECK / "all_tags.template.yaml")
    assert found == {
        ("ingestion", "stream_a"): [("Events", 19)],
        ("capacity", "cap_on_demand"): [("Events", 19)],  # !Ref Mode: the parameter's default
        ("ingestion", "buffer_b"): [("Delivery", 30)],  # !If: either branch (60 > 0)
        ("storage", "lake"): [("Lake", 40)],
        ("storage", "warehouse"): [("Warehouse", 43)],  # "true" in quotes reads as true
    }
    unmapped = read_template(check_kb, CHECK / "all_tags.template.yaml").unmapped
    assert [(u.resource, u.type, u.location.line) for u in unmapped] == [
        ("Worker", "AWS::Lambda::Function", 53)
    ]


def test_a_json_template_is_read_the_same_way(check_kb: KnowledgeBase) -> None:
    found = choices_of(check_kb, CHECK / "all_tags.template.json")
    assert found == {("ingestion", "stream_a"): [("Events", 4)], ("storage", "lake"): [("Lake", 11)]}


def test_a_design_file_naming_a_template_adds_its_choices_to_its_own(
    check_kb: KnowledgeBase, tmp_path: Path
) -> None:
    design_file = tmp_path / "x.design.yaml"
    template = (CHECK / "all_tags.template.yaml").resolve()
    design_file.write_text(
        f"template: {template}\nanswers: {{arrival: stream, speed: fast}}\ndesign: {{storage: lake}}\n"
    )
    design = read_design(check_kb, design_file)
    (lake,) = [c for c in design.choices if c.node == "lake"]
    assert [(at.key, at.resource) for at in lake.locations] == [("design.storage", None), (None, "Lake")]
    report = check_design(check_kb, design, today=datetime.date(2026, 6, 1))
    (violation,) = [f for f in report.findings if f.id == "ING-003/ingestion/buffer_b"]
    assert (violation.location.file, violation.location.resource, violation.location.line) == (
        str(template),
        "Delivery",
        30,
    )


def props(text: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """The Properties of resource R in a one-resource template, and the parameter defaults."""
    template = decode(text, "t.yaml")
    defaults = {
        name: spec["Default"] for name, spec in template.get("Parameters", {}).items() if "Default" in spec
    }
    return template["Resources"]["R"]["Properties"], defaults


TEMPLATE = """
Parameters:
  Size: {Type: Number, Default: 24}
  Open: {Type: String}
Resources:
  R:
    Type: AWS::X::Y
    Properties:
      Variants:
        - {Name: a}
        - {Name: b, Serverless: {Memory: 2048}}
      Retention: !Ref Size
      Flag: "TRUE"
      Runtime: FLINK-1_18
      Gone: !Ref AWS::NoValue
      Late: !GetAtt Other.Arn
      Unset: !Ref Open
"""


@pytest.mark.parametrize(
    ("test", "expected"),
    [
        ({"property": "Variants.Serverless", "known": True}, True),
        ({"property": "Variants.Serverless.Memory", "ge": 2048}, True),
        ({"property": "Variants.Name", "eq": "b"}, True),
        ({"property": "Variants.Name", "in": ["c", "d"]}, False),
        ({"property": "Retention", "gt": 12}, True),
        ({"property": "Retention", "lt": 12}, False),
        ({"property": "Flag", "eq": True}, True),
        ({"property": "Runtime", "contains": "FLINK"}, True),
        ({"property": "Gone", "known": False}, True),
        ({"property": "Missing", "known": False}, True),
        ({"property": "Late", "known": True}, True),
        ({"property": "Late", "eq": "arn"}, False),
        ({"property": "Late", "ne": "arn"}, False),
        ({"property": "Unset", "eq": "x"}, False),
    ],
)
def test_property_tests(test: dict[str, Any], expected: bool) -> None:
    properties, defaults = props(TEMPLATE)
    assert holds(PropertyTest.validate(test), properties, defaults) is expected
