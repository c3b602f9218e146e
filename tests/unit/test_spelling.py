"""The one "did you mean": rapidfuzz ranking of known names against what someone typed."""

from __future__ import annotations

import pytest

from advisor.knowledge import KnowledgeBase
from advisor.knowledge.spelling import closeness, rank_closest, suggest


@pytest.mark.parametrize(
    ("typed", "options", "expected"),
    [
        ("data_arival", ["data_arrival", "data_volume", "data_type"], " (did you mean 'data_arrival'?)"),
        ("laek", ["lake", "warehouse"], " (did you mean 'lake'?)"),
        ("ingest", ["ingestion", "storage"], " (did you mean 'ingestion'?)"),
        ("stream_b", ["stream_a", "buffer_b", "batch_c"], " (did you mean 'stream_a'?)"),
        ("Answer", ["answers", "title", "lens"], " (did you mean 'answers'?)"),
        ("banana", ["stream_a", "buffer_b"], ""),
        ("anything", [], ""),
    ],
)
def test_suggest_names_the_closest_option(typed: str, options: list[str], expected: str) -> None:
    assert suggest(typed, options) == expected


def test_equally_close_options_are_all_named_up_to_three() -> None:
    options = ["ING-004", "ING-014", "ING-024", "ING-034", "STO-001"]
    assert suggest("ING-04", options) == " (did you mean 'ING-004', 'ING-014' or 'ING-024'?)"
    assert suggest("ING-04", options[1:3]) == " (did you mean 'ING-014' or 'ING-024'?)"


def test_a_key_is_found_by_any_of_its_names() -> None:
    names = {"amazon_data_firehose": ["Amazon Data Firehose", "Kinesis Firehose"], "amazon_s3": ["S3"]}
    assert suggest("kinesis firehos", names) == " (did you mean 'amazon_data_firehose'?)"


def test_closeness_ignores_case_and_punctuation() -> None:
    assert closeness("Sagemaker-Canvas", "sagemaker_canvas") == (100.0, 100.0)


def test_ranking_is_closest_first_then_by_key() -> None:
    names = {"lakes": ["lakes"], "lake_b": ["lake_b"], "lake_a": ["lake_a"], "warehouse": ["warehouse"]}
    ranked = rank_closest("lake", names)
    assert [key for _, key in ranked] == ["lake_a", "lake_b", "lakes"]  # the whole word first
    assert ranked[0][0] == ranked[1][0] > ranked[2][0]


def test_shipped_ids_typed_with_a_word_missing_or_a_typo(kb: KnowledgeBase) -> None:
    """Where difflib found nothing (a word of a longer id, a dropped letter), rapidfuzz finds it."""
    nodes = set(kb.nodes)
    assert suggest("xgbost", nodes).startswith(" (did you mean 'sagemaker_xgboost'")
    assert suggest("firehose", nodes).startswith(" (did you mean 'amazon_data_firehose'")
    assert suggest("ingestion_latency", set(kb.questions)) == " (did you mean 'ingest_latency'?)"
