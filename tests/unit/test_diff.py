"""The difference between two answer sets: changed answers, changed picks and the rules behind them."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from advisor.diff import Answer, AnswerChange, diff_results
from advisor.engine.engine import Engine
from advisor.knowledge import KnowledgeBase

SMALL = {"arrival": "stream", "record_mb": 0.5}
BIG = {"arrival": "stream", "record_mb": 2, "skills": ["sql"]}


def test_changed_answers_picks_and_the_rules_responsible(
    fixture_kb: KnowledgeBase, fixture_engine: Engine
) -> None:
    diff = diff_results(fixture_kb, fixture_engine.run(SMALL), fixture_engine.run(BIG))
    assert diff.answers == (
        AnswerChange("record_mb", Answer(0.5, "answered"), Answer(2.0, "answered")),
        AnswerChange("skills", Answer(None, "absent"), Answer(frozenset({"sql"}), "answered")),
    )
    ingestion, storage = diff.picks
    assert (ingestion.stage, ingestion.before, ingestion.after) == ("ingestion", "stream_a", "buffer_b")
    assert ingestion.only_before == ()
    (excluding,) = ingestion.only_after
    assert (excluding.rule, excluding.node) == ("ING-005", "stream_a")
    assert [(e.action, e.node) for e in excluding.effects] == [("exclude", "stream_a"), ("warn", None)]
    assert excluding.because == "Stream A accepts records up to 1 MB; yours are 2 MB."
    assert (storage.before, storage.after) == ("lake", "warehouse")
    assert [(f.rule, f.effects[0].weight) for f in storage.only_after] == [("STO-002", 2)]
    assert [(d.fact, d.before, d.after) for d in diff.derived] == [("tier", None, "silver")]
    assert diff.same_picks == ()
    assert diff.differs


def test_assumed_and_ignored_answers_are_told_apart(
    fixture_kb: KnowledgeBase, fixture_engine: Engine
) -> None:
    diff = diff_results(
        fixture_kb, fixture_engine.run({"speed": "fast"}), fixture_engine.run({"arrival": "batch"})
    )
    assert diff.answers == (
        AnswerChange("arrival", Answer("batch", "assumed"), Answer("batch", "answered")),
        AnswerChange("speed", Answer("fast", "ignored"), Answer(None, "absent")),
    )
    assert diff.picks == ()
    assert diff.differs  # the answers differ even though every pick stays


def test_a_lens_change_alone_moves_a_pick_without_any_rule(
    fixture_kb: KnowledgeBase, fixture_engine: Engine
) -> None:
    batch = {"arrival": "batch"}
    diff = diff_results(fixture_kb, fixture_engine.run(batch, "exam"), fixture_engine.run(batch, "current"))
    (ingestion,) = diff.picks
    assert (ingestion.before, ingestion.after, ingestion.only_before, ingestion.only_after) == (
        "old_d",
        "new_e",
        (),
        (),
    )
    assert (diff.lens_before, diff.lens_after, diff.answers) == ("exam", "current", ())


ANSWERS = st.fixed_dictionaries(
    {},
    optional={
        "arrival": st.sampled_from(["batch", "stream"]),
        "speed": st.sampled_from(["fast", "medium", "slow"]),
        "record_mb": st.sampled_from([0.1, 1.0, 2.0, 200.0]),
        "skills": st.sets(st.sampled_from(["sql", "spark"])).map(sorted),
        "wants_managed": st.booleans(),
    },
)


@settings(max_examples=60, deadline=None)
@given(before=ANSWERS, after=ANSWERS)
def test_diff_is_symmetric_and_empty_only_for_equal_outcomes(
    fixture_kb: KnowledgeBase, fixture_engine: Engine, before: dict[str, Any], after: dict[str, Any]
) -> None:
    old, new = fixture_engine.run(before), fixture_engine.run(after)
    forward, backward = diff_results(fixture_kb, old, new), diff_results(fixture_kb, new, old)
    assert not diff_results(fixture_kb, old, old).differs
    assert [p.stage for p in forward.picks] == [s for s in fixture_kb.stages if old.top(s) != new.top(s)]
    assert [(p.before, p.after, p.only_before, p.only_after) for p in forward.picks] == [
        (p.after, p.before, p.only_after, p.only_before) for p in backward.picks
    ]
    assert [(c.question, c.before, c.after) for c in forward.answers] == [
        (c.question, c.after, c.before) for c in backward.answers
    ]
    standing = (old.facts, old.assumptions, old.ignored) != (new.facts, new.assumptions, new.ignored)
    assert forward.differs == standing
