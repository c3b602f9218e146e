"""Checking a result against a scenario's expectations, practice question included."""

from __future__ import annotations

from pathlib import Path

from advisor.engine.engine import Engine
from advisor.knowledge.scenarios import check_scenario, read_scenario

SCENARIO = """id: {id}
title: Nightly batches, practice
answers: {{arrival: batch}}
expect:
  ingestion: {{top: {top}, excludes: {{stream_a: ING-003}}}}
question:
  stage: ingestion
  stem: Which loader fits nightly batches?
  options:
    A: {{text: Old D, node: old_d}}
    B: {{text: Stream A, node: stream_a}}
    C: {{text: Buffer B, node: buffer_b}}
    D: {{text: Batch C, node: batch_c}}
  answer: {answer}
  why:
    A: Old D is scored highest for batches.
    B: Streams are for streams.
    C: Buffers are for streams.
    D: Batch C scores lower than Old D.
"""


def check(tmp_path: Path, engine: Engine, top: str, answer: str) -> list[str]:
    path = tmp_path / "practice.yaml"
    path.write_text(SCENARIO.format(id="practice", top=top, answer=answer))
    scenario, values = read_scenario(engine.kb, path)
    result = engine.run(values, "exam")
    return [f"{m.stage}: expected {m.expected}, got {m.actual}" for m in check_scenario(scenario, result)]


def test_a_scenario_that_matches_reports_only_real_misses(tmp_path: Path, fixture_engine: Engine) -> None:
    assert check(tmp_path, fixture_engine, "old_d", "A") == [
        "ingestion: expected stream_a excluded by ING-003, got not excluded"
    ]


def test_a_wrong_practice_answer_and_top_are_reported(tmp_path: Path, fixture_engine: Engine) -> None:
    misses = check(tmp_path, fixture_engine, "batch_c", "D")
    assert misses[:2] == [
        "ingestion: expected practice answer D (batch_c) on top, got top old_d",
        "ingestion: expected top in ['batch_c'], got top old_d; ranking: old_d (3), batch_c (2)",
    ]


def test_a_misspelt_stage_or_node_in_a_scenario_is_a_one_line_error(
    tmp_path: Path, fixture_engine: Engine
) -> None:
    """A typo in `expect` or in an option's node used to pass as an empty ranking."""
    import pytest

    from advisor.errors import AnswersError

    path = tmp_path / "typo.yaml"
    for text, message in (
        (
            SCENARIO.format(id="typo", top="old_d", answer="A").replace("  ingestion: {", "  ingestoin: {"),
            "typo.yaml:5: expect.ingestoin: unknown stage 'ingestoin' (did you mean 'ingestion'?)",
        ),
        (
            SCENARIO.format(id="typo", top="old_dd", answer="A"),
            "typo.yaml:5: expect.ingestion: unknown node 'old_dd' (did you mean 'old_d'?)",
        ),
        (
            SCENARIO.format(id="typo", top="old_d", answer="A").replace("node: buffer_b", "node: bufer_b"),
            "typo.yaml:12: question.options.C: unknown node 'bufer_b' (did you mean 'buffer_b'?)",
        ),
    ):
        path.write_text(text)
        with pytest.raises(AnswersError) as error:
            read_scenario(fixture_engine.kb, path)
        assert str(error.value).replace(f"{tmp_path}/", "") == message


def test_a_stage_can_be_expected_not_needed(tmp_path: Path, fixture_engine: Engine) -> None:
    path = tmp_path / "needed.yaml"
    path.write_text(
        "id: needed\ntitle: t\nanswers: {arrival: batch}\nexpect:\n  ingestion: {not_needed: true}\n"
    )
    scenario, values = read_scenario(fixture_engine.kb, path)
    misses = check_scenario(scenario, fixture_engine.run(values, "exam"))
    assert [(m.stage, m.expected, m.actual) for m in misses] == [
        ("ingestion", "settled as not needed", "needed")
    ]
