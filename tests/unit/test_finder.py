"""Finding items by id, name, alias and words: on the fixture knowledge (with aliases added
the way a renamed service keeps its old name) and on the shipped knowledge."""

from __future__ import annotations

from dataclasses import replace

import pytest

from advisor.errors import UnknownIdError
from advisor.knowledge import KnowledgeBase
from advisor.knowledge.finder import Finder, words


@pytest.fixture
def finder(fixture_kb: KnowledgeBase) -> Finder:
    """The fixture's items; Old D was once called "Stream Classic", New E is also "Stream Next"."""
    aliases = {"old_d": ["Stream Classic", "Legacy D"], "new_e": ["Stream Next"]}
    nodes = [replace(node, aliases=aliases.get(node.id, [])) for node in fixture_kb.nodes.values()]
    return Finder([*nodes, *fixture_kb.rules.values(), *fixture_kb.questions.values()])


def test_words_of_ids_and_names_are_the_same() -> None:
    assert words("amazon_data_firehose") == words("Amazon Data  Firehose") == ["amazon", "data", "firehose"]
    assert words("ING-004") == ["ing", "004"]


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("old_d", "old_d"),
        ("OLD_D", "old_d"),
        ("Old D", "old_d"),
        ("legacy d", "old_d"),
        (" Stream Classic ", "old_d"),
        ("sto-002", "STO-002"),
        ("record_mb", "record_mb"),
        ("buffer", "buffer_b"),
        ("wareh", "warehouse"),
        ("classic", "old_d"),
        ("legacy", "old_d"),
        ("stream next", "new_e"),
        ("arriv", "arrival"),
    ],
)
def test_one_item_by_id_name_alias_or_words(finder: Finder, typed: str, found: str) -> None:
    assert finder.find(typed).id == found


def test_several_matches_rank_current_names_before_aliases(finder: Finder) -> None:
    """Like `kinesis`: one service has the word in its name, others only in a former name."""
    assert [entry.item.id for entry in finder.matches("stream")] == ["stream_a", "new_e", "old_d"]
    with pytest.raises(UnknownIdError) as error:
        finder.find("stream")
    assert str(error.value) == (
        "'stream' matches 3 items; give one of these ids (or more words):\n"
        "  stream_a — Stream A\n"
        "  new_e    — New E\n"
        "  old_d    — Old D"
    )


def test_a_word_of_many_items_lists_them_all(finder: Finder) -> None:
    """Like `sagemaker`: a word every rule of a stage shares."""
    assert [entry.item.id for entry in finder.matches("ing")] == [f"ING-00{n}" for n in range(1, 6)]


def test_nothing_matching_suggests_the_closest(finder: Finder) -> None:
    with pytest.raises(
        UnknownIdError, match=r"^unknown node, rule or question 'laek' \(did you mean 'lake'\?\)$"
    ):
        finder.find("laek")
    with pytest.raises(UnknownIdError, match=r"^unknown node, rule or question 'zzzz'$"):
        finder.find("zzzz")
    with pytest.raises(UnknownIdError):
        finder.find("  ")


def test_ids_win_over_names_and_aliases(fixture_kb: KnowledgeBase) -> None:
    lake, warehouse = fixture_kb.nodes["lake"], fixture_kb.nodes["warehouse"]
    finder = Finder([lake, replace(warehouse, aliases=["lake"])])
    assert finder.find("lake").id == "lake"


# -- the shipped knowledge: the cases of issue 7 ----------------------------------------------


def test_shipped_firehose_and_canvas_are_single_matches(kb: KnowledgeBase) -> None:
    assert kb.find("firehose").id == "amazon_data_firehose"
    assert kb.find("Kinesis Data Firehose").id == "amazon_data_firehose"
    assert kb.find("canvas").id == "sagemaker_canvas"


def test_shipped_kinesis_is_ambiguous_among_the_kinesis_family(kb: KnowledgeBase) -> None:
    with pytest.raises(UnknownIdError) as error:
        kb.find("kinesis")
    listed = str(error.value).splitlines()[1:]
    assert {line.split()[0] for line in listed} == {
        "amazon_kinesis_data_streams",
        "amazon_kinesis_video_streams",
        "kinesis_data_analytics_for_sql",
        "amazon_data_firehose",
        "amazon_managed_service_for_apache_flink",
    }


def test_shipped_sagemaker_is_ambiguous_and_more_words_narrow_it(kb: KnowledgeBase) -> None:
    with pytest.raises(UnknownIdError, match=r"^'sagemaker' matches \d\d items"):
        kb.find("sagemaker")
    assert kb.find("sagemaker pca").id == "sagemaker_pca"
    assert kb.find("sagemaker ground truth").id == "sagemaker_ground_truth"


def test_every_shipped_id_name_and_alias_finds_its_item(kb: KnowledgeBase) -> None:
    for node in kb.nodes.values():
        for name in (node.id, node.name):
            assert kb.find(name) is node, name
    for item in [*kb.rules.values(), *kb.questions.values()]:
        assert kb.find(item.id) is item


def test_a_name_two_items_go_by_is_ambiguous(fixture_kb: KnowledgeBase) -> None:
    """Like `PCA` (the SageMaker algorithm and the concept): both are listed, not the first."""
    lake, warehouse = fixture_kb.nodes["lake"], fixture_kb.nodes["warehouse"]
    finder = Finder([replace(node, aliases=["Data Store"]) for node in (warehouse, lake)])
    with pytest.raises(UnknownIdError) as error:
        finder.find("data store")
    assert str(error.value).splitlines()[1:] == ["  lake      — Lake", "  warehouse — Warehouse"]
