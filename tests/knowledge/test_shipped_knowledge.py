"""Meta-tests over the shipped rules/: size, statuses, and that rules can matter (sources: test_sources.py)."""

from __future__ import annotations

import pytest

from advisor.knowledge import KnowledgeBase
from advisor.knowledge.coverage import recommended_by
from advisor.knowledge.models import Exclude

STARTER_STAGES = ("storage", "ingestion", "transformation", "deployment")


def test_starter_knowledge_is_substantial(kb: KnowledgeBase) -> None:
    assert len(kb.nodes) >= 40
    assert len(kb.rules) >= 40


@pytest.mark.parametrize("stage", STARTER_STAGES)
def test_each_starter_stage_has_nodes_questions_and_rules(kb: KnowledgeBase, stage: str) -> None:
    assert sum(stage in node.stages for node in kb.nodes.values()) >= 5
    assert sum(rule.stage == stage for rule in kb.rules.values()) >= 8
    assert any(question.stage == stage for question in kb.questions.values())


def test_renamed_and_retired_services_are_marked(kb: KnowledgeBase) -> None:
    """The renames and retirements every exam-era answer must know about."""
    firehose = kb.nodes["amazon_data_firehose"]
    assert firehose.status.state == "renamed"
    assert "Amazon Kinesis Data Firehose" in firehose.status.former_names + firehose.aliases
    flink = kb.nodes["amazon_managed_service_for_apache_flink"]
    assert any("Kinesis Data Analytics" in name for name in flink.status.former_names + flink.aliases)
    assert kb.nodes["amazon_elastic_inference"].status.state in (
        "closed_to_new_customers",
        "retired",
    )
    assert kb.nodes["sagemaker_edge_manager"].status.state == "retired"
    sql = kb.nodes["kinesis_data_analytics_for_sql"]
    assert sql.status.state in ("closed_to_new_customers", "retired")
    assert sql.status.successor == "amazon_managed_service_for_apache_flink"


def test_every_node_of_a_starter_stage_can_be_recommended(kb: KnowledgeBase) -> None:
    """A node no rule can put forward is dead knowledge (closed nodes count via their successor)."""
    reachable = recommended_by(kb)
    unreachable = sorted(
        node.id
        for node in kb.nodes.values()
        if set(node.stages) & set(STARTER_STAGES) and node.id not in reachable
    )
    assert not unreachable


def test_exclusions_name_nodes_of_the_same_stage(kb: KnowledgeBase) -> None:
    """An exclusion of a node that never appears in that stage would be silently meaningless."""
    wrong = []
    for rule in kb.rules.values():
        for action in rule.then:
            if isinstance(action, Exclude) and action.exclude != "{node}":
                stage = action.stage or rule.stage
                if stage not in kb.nodes[action.exclude].stages:
                    wrong.append((rule.id, action.exclude, stage))
    assert not wrong
