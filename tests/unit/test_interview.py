"""The adaptive interview on the fixture knowledge: next question, stop, why, undo, relevance."""

from __future__ import annotations

from functools import lru_cache

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from advisor.engine.engine import Engine
from advisor.interview import Interview
from advisor.knowledge import KnowledgeBase


def test_first_question_is_the_one_that_changes_most(fixture_engine: Engine) -> None:
    interview = Interview.start(fixture_engine)
    options = interview.options()
    assert [(o.question.id, o.stages) for o in options if o.impacts] == [
        ("arrival", ("ingestion",)),
        ("skills", ("storage",)),
    ]
    assert interview.next_question() is not None
    assert interview.next_question().id == "arrival"  # type: ignore[union-attr]


def test_why_lists_the_changes_an_answer_can_make(fixture_engine: Engine) -> None:
    interview = Interview.start(fixture_engine)
    impacts = interview.impacts("arrival")
    assert [(i.value, i.stage, i.before, i.after) for i in impacts] == [
        ("stream", "ingestion", "old_d", "stream_a")
    ]
    assert impacts[0].label == "as a stream"


def test_a_question_that_only_matters_later_becomes_relevant(fixture_engine: Engine) -> None:
    interview = Interview.start(fixture_engine)
    assert "speed" not in [q.id for q in interview.pending()]
    interview.answer("arrival", "stream")
    assert "speed" in [q.id for q in interview.pending()]
    # Stream A stays on top at any speed, so asking for the speed is not worth it here ...
    assert interview.impacts("speed") == ()
    # ... while a record too large for Stream A hands the top to Buffer B.
    moves = {(i.value, i.after) for i in interview.impacts("record_mb")}
    assert moves == {(1.01, "buffer_b"), (126.72, "buffer_b"), (128.0, "buffer_b"), (129.28, None)}


def test_interview_stops_when_nothing_can_change_a_top_pick(fixture_engine: Engine) -> None:
    interview = Interview.start(fixture_engine)
    asked = []
    oracle = {
        "arrival": "stream",
        "speed": "medium",
        "record_mb": 0.5,
        "skills": ["sql"],
        "wants_managed": True,
    }
    while (question := interview.next_question()) is not None:
        asked.append(question.id)
        interview.answer(question.id, oracle[question.id])
    assert asked[0] == "arrival"
    assert "wants_managed" not in asked  # it derives a tier no rule reads: it can change nothing
    assert interview.stop_reason() is not None
    assert interview.result().top("storage") == "warehouse"


def test_changing_an_answer_parks_irrelevant_answers_and_back_restores(fixture_engine: Engine) -> None:
    interview = Interview.start(fixture_engine)
    interview.answer("arrival", "stream")
    interview.answer("speed", "fast")
    interview.answer("arrival", "batch")
    assert "speed" not in interview.answers
    assert interview.parked == {"speed": "fast"}
    assert interview.result().top("ingestion") == "old_d"
    assert interview.back()
    assert interview.answers == {"arrival": "stream", "speed": "fast"}
    assert interview.result().top("ingestion") == "stream_a"


def test_answering_again_restores_a_parked_answer(fixture_engine: Engine) -> None:
    interview = Interview.start(fixture_engine)
    interview.answer("arrival", "stream")
    interview.answer("speed", "fast")
    interview.answer("arrival", "batch")
    interview.answer("arrival", "stream")
    assert interview.answers["speed"] == "fast"


def test_skip_uses_the_assumption_and_is_listed(fixture_engine: Engine) -> None:
    interview = Interview.start(fixture_engine)
    interview.skip("arrival")
    result = interview.result()
    assert [(a.question, a.value) for a in result.assumptions] == [("arrival", "batch")]
    assert "arrival" not in [q.id for q in interview.pending()]


def test_back_with_nothing_to_undo(fixture_engine: Engine) -> None:
    assert not Interview.start(fixture_engine).back()


def test_saved_answers_read_back_to_the_same_answers(fixture_engine: Engine, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from advisor.knowledge.answers import dump_answers, read_answers

    interview = Interview.start(fixture_engine)
    interview.answer("arrival", "stream")
    interview.answer("record_mb", "2 GB")
    interview.answer("skills", ["sql", "spark"])
    interview.skip("wants_managed")
    path = tmp_path / "saved.yaml"
    path.write_text(dump_answers(fixture_engine.kb, interview.answers, "current", "Saved"))
    parsed, values = read_answers(fixture_engine.kb, path)
    assert (parsed.title, parsed.lens) == ("Saved", "current")
    assert values == interview.answers
    assert values["record_mb"] == 2000.0


GATED = """
questions:
  - {id: gate, stage: storage, type: yes_no, text: Is there a gate?}
  - {id: detail, stage: storage, type: yes_no, text: Detail?, asks_when: {fact: gate, eq: true}}
rules:
  - id: STO-101
    title: Gated detail prefers the warehouse
    stage: storage
    when: {fact: detail, eq: true}
    then: [{recommend: warehouse, weight: 5}]
    because: Detail.
    sources: ["https://docs.aws.amazon.com/x"]
"""


def test_an_answer_that_only_opens_a_follow_up_question_is_still_worth_asking(kb_with) -> None:  # type: ignore[no-untyped-def]
    from advisor.knowledge import load_knowledge

    kb = load_knowledge(kb_with(gated=GATED), use_cache=False)
    interview = Interview.start(Engine(kb), {"arrival": "batch", "skills": []}, focus=("storage",))
    impacts = interview.impacts("gate")
    assert [(i.value, i.stage, i.before, i.after, i.via) for i in impacts] == [
        (True, "storage", "lake", "warehouse", "detail")
    ]
    assert interview.next_question() is not None
    assert interview.next_question().id == "gate"  # type: ignore[union-attr]
    interview.set_focus(())  # the whole pipeline: a yes/no that moves one pick waits for a focus
    assert interview.next_question() is None


TWO_GATES = """
questions:
  - {id: gate, stage: storage, type: yes_no, text: Is there a gate?}
  - {id: inner, stage: storage, type: yes_no, text: Inner gate?, asks_when: {fact: gate, eq: true}}
  - id: detail
    stage: storage
    type: yes_no
    text: Detail?
    asks_when: {fact: inner, eq: true}
    assume: true
    assume_because: Most have it.
  - {id: other, stage: storage, type: yes_no, text: Other?}
rules:
  - id: STO-101
    title: Detail prefers the warehouse
    stage: storage
    when: {fact: detail, eq: true}
    then: [{recommend: warehouse, weight: 5}]
    because: Detail.
    sources: ["https://docs.aws.amazon.com/x"]
  - id: STO-102
    title: Other prefers the warehouse
    stage: storage
    when: {fact: other, eq: true}
    then: [{recommend: warehouse, weight: 5}]
    because: Other.
    sources: ["https://docs.aws.amazon.com/x"]
"""


def test_a_gate_is_weighed_by_what_its_follow_ups_can_reach(kb_with) -> None:  # type: ignore[no-untyped-def]
    """`gate` reaches no rule, nor does the question it opens (`inner`); yet `inner` opens
    `detail`, whose assumption moves storage, so `gate` can change storage through `inner`.
    Its bound must count that, or the search stops at `other` (as useful, asked later)."""
    from advisor.knowledge import load_knowledge

    kb = load_knowledge(kb_with(gated=TWO_GATES), use_cache=False)
    interview = Interview.start(Engine(kb), {"arrival": "batch", "skills": []}, focus=("storage",))
    assert [(i.value, i.stage, i.via) for i in interview.impacts("gate")] == [(True, "storage", "inner")]
    assert [c.question.id for c in interview.options()][:2] == ["gate", "other"]
    assert interview.next_question().id == "gate"  # type: ignore[union-attr]


def test_the_bounded_search_picks_what_ranking_every_question_picks(kb) -> None:  # type: ignore[no-untyped-def]
    """`next_question` stops weighing questions early; over interviews of shipped scenarios,
    whole and focused, it must still return the first of `options()` worth asking."""
    from advisor.knowledge.scenarios import read_scenario, scenario_files

    engine = Engine(kb)
    steps = 0
    for path in scenario_files()[::60]:
        scenario, answers = read_scenario(kb, path)
        for focus in ((), tuple(scenario.expect)):
            interview = Interview.start(engine, lens=scenario.lens or "exam", focus=focus)
            while True:
                question = interview.next_question()
                ranked = next((c.question for c in interview.options() if interview.worth_asking(c)), None)
                assert question == ranked, f"{path.name}, focus {focus}, step {steps}"
                steps += 1
                if question is None:
                    break
                value = answers.get(question.id)
                interview.skip(question.id) if value is None else interview.answer(question.id, value)
    assert steps > 50


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_an_interview_weighs_as_a_fresh_one_after_any_steps(kb: KnowledgeBase, data: st.DataObject) -> None:
    """What an interview works out is kept across steps that leave the facts as they are (a
    skip); after any answers, skips and undos, on the shipped knowledge, it must choose and
    explain as an interview started afresh from the same answers does."""
    from advisor.engine.explain import alternatives

    engine = _shipped_engine(kb)
    lens = data.draw(st.sampled_from(["exam", "current"]))
    focus = data.draw(st.sampled_from([(), ("ingestion",), ("model", "training")]))
    interview = Interview.start(engine, lens=lens, focus=focus)
    for _ in range(data.draw(st.integers(1, 6))):
        pending = interview.pending()
        step = data.draw(st.sampled_from(["answer", "skip", "back"]))
        if step == "back" or not pending:
            interview.back()
            continue
        question = data.draw(st.sampled_from(pending)).id
        if step == "skip":
            interview.skip(question)
        else:
            interview.answer(question, data.draw(st.sampled_from(alternatives(kb, question, None))))
        fresh = Interview(engine, lens, dict(interview.answers), focus=focus)
        chosen = interview.next_question()
        assert chosen == fresh.next_question()
        if chosen is not None:
            assert interview.impacts(chosen.id) == fresh.impacts(chosen.id)


@lru_cache(maxsize=2)
def _shipped_engine(kb: KnowledgeBase) -> Engine:
    """One engine across examples: its memos fill, as in a long session."""
    return Engine(kb)
