"""A practice round over the fixture bank: explanations from the engine's trace, every answer
stored with its rescheduled cards, the exam timer on an injected clock, and the round report."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from practice_setup import START, FakeClock, database, fixture_bank, start_round

from advisor.engine.engine import Engine
from advisor.practice.report import round_report
from advisor.practice.round import RoundRequest, draw_questions
from advisor.practice.stats import practice_stats


def test_the_explanation_says_how_the_key_wins_and_why_each_other_option_loses(
    fixture_engine: Engine, tmp_path: Path
) -> None:
    with database(tmp_path) as store:
        practice = start_round(fixture_engine, store, ("small_fast_stream",))
        explanation = practice.explanation(0)
    how = explanation.winner
    assert (how.choice.node, how.verdict) == ("stream_a", "top")
    assert [(r.rule, r.weight) for r in how.reasons] == [("ING-002", 2)]
    assert how.facts == (("needs_stream", "yes"),)
    buffer = explanation.option("B")
    assert buffer.verdict == "excluded" and [r.rule for r in buffer.reasons] == ["ING-003"]
    assert "Buffer B delivers medium at best, but fast is needed." in buffer.summary
    assert buffer.sources == ("https://docs.aws.amazon.com/r3",)
    assert buffer.note == "Buffer B buffers, so it is slower than required."  # colour, beside the engine's
    assert explanation.option("D").status.startswith("Old D is closed to new customers")
    assert any("Old D" in change or "Batch C" in change for change in explanation.changes)


def test_where_the_lenses_disagree_both_are_explained(fixture_engine: Engine, tmp_path: Path) -> None:
    with database(tmp_path) as store:
        practice = start_round(fixture_engine, store, ("nightly_batch_exam",))
        explanation = practice.explanation(0, with_changes=False)
    assert explanation.winner.choice.node == "old_d"
    assert explanation.other_lens_name == "current"
    assert explanation.other_lens is not None and explanation.other_lens.choice.node == "new_e"
    assert [r.rule for r in explanation.other_lens.reasons] == ["ING-004"]
    lower = explanation.option("C")
    assert lower.verdict == "candidate" and lower.shortfall == 1


def test_every_answer_is_stored_with_its_question_and_task_cards(
    fixture_engine: Engine, tmp_path: Path
) -> None:
    clock = FakeClock()
    with database(tmp_path) as store:
        practice = start_round(
            fixture_engine, store, ("small_fast_stream", "sql_team_warehouse"), clock=clock
        )
        first = practice.answer("a")
        clock.advance(minutes=1)
        second = practice.answer("B")
        assert (first.correct, second.correct) == (True, False)
        attempts = store.attempts("exam_one")
        assert [(a.question, a.chosen, a.key, a.correct) for a in attempts] == [
            ("small_fast_stream", "A", "A", True),
            ("sql_team_warehouse", "B", "C", False),
        ]
        assert attempts[1].tasks == ("1.2",) and attempts[1].domain == "two"
        assert set(store.cards("")) == {
            "question:small_fast_stream",
            "question:sql_team_warehouse",
            "task:exam_one:1.1",
            "task:exam_one:1.2",
        }
        assert practice.current() is None
        with pytest.raises(ValueError, match="the round is over"):
            practice.answer("A")


def test_a_letter_that_is_not_an_option_is_refused_and_nothing_is_stored(
    fixture_engine: Engine, tmp_path: Path
) -> None:
    with database(tmp_path) as store:
        practice = start_round(fixture_engine, store, ("small_fast_stream",))
        with pytest.raises(ValueError, match="'E' is not one of A, B, C, D"):
            practice.answer("E")
        assert store.attempts() == [] and practice.position == 0


def test_the_exam_timer_scales_with_the_count_and_ends_the_round(
    fixture_engine: Engine, tmp_path: Path
) -> None:
    clock = FakeClock()
    exam = fixture_engine.kb.default_exam  # 10 questions in 20 minutes
    ids = (
        "small_fast_stream",
        "nightly_batch_exam",
        "sql_team_warehouse",
        "spark_team_lake",
        "large_records_stream",
    )
    with database(tmp_path) as store:
        practice = start_round(fixture_engine, store, ids, mode="exam", clock=clock)
        assert not practice.feedback
        left = practice.time_left()
        assert left is not None and left.total_seconds() == exam.minutes * 60 * 5 / exam.questions
        practice.answer("A")
        practice.answer("B")
        clock.advance(minutes=10)
        assert practice.expired() and practice.current() is None
        report = round_report(practice)
    assert report.timed_out and report.asked == 5
    assert (report.score.correct, report.score.total) == (2, 5)  # unanswered count as wrong
    assert report.passed is False
    assert [(s.id, s.correct, s.total) for s in report.domains] == [("one", 2, 2), ("two", 0, 3)]
    assert [(s.id, s.correct, s.total) for s in report.tasks] == [("1.1", 2, 2), ("1.2", 0, 3)]


def test_a_drill_report_counts_only_the_answered_questions(fixture_engine: Engine, tmp_path: Path) -> None:
    with database(tmp_path) as store:
        practice = start_round(fixture_engine, store, ("small_fast_stream", "sql_team_warehouse"))
        practice.answer("A")
        practice.end()
        report = round_report(practice)
    assert (report.score.correct, report.score.total, report.passed) == (1, 1, None)


def test_due_rounds_bring_back_missed_questions_the_next_day(fixture_engine: Engine, tmp_path: Path) -> None:
    clock = FakeClock()
    bank = fixture_bank(fixture_engine)
    exam = fixture_engine.kb.default_exam
    with database(tmp_path) as store:
        first = draw_questions(fixture_engine, store, bank, exam, RoundRequest("due", 6, 1), clock())
        assert len(first) == 6  # nothing seen yet: every question is new
        practice = start_round(
            fixture_engine, store, ("small_fast_stream", "sql_team_warehouse"), clock=clock
        )
        practice.answer("A")  # right
        practice.answer("A")  # wrong
        assert practice_stats(store, exam, clock()).due_today == 0
        clock.advance(days=1)
        stats = practice_stats(store, exam, clock())
        assert stats.due_today == 1 and stats.due_tasks == ("1.2",)
        again = draw_questions(fixture_engine, store, bank, exam, RoundRequest("due", 2, 1), clock())
        assert again[0].question.id == "sql_team_warehouse"
        review = draw_questions(fixture_engine, store, bank, exam, RoundRequest("review", None, 1), clock())
        assert [p.question.id for p in review] == ["sql_team_warehouse"]


def test_stats_per_domain_and_day(fixture_engine: Engine, tmp_path: Path) -> None:
    clock = FakeClock()
    exam = fixture_engine.kb.default_exam
    with database(tmp_path) as store:
        start_round(fixture_engine, store, ("small_fast_stream",), clock=clock).answer("A")
        clock.advance(days=1)
        start_round(fixture_engine, store, ("nightly_batch_exam", "spark_team_lake"), clock=clock).answer("A")
        stats = practice_stats(store, exam, clock())
    assert (stats.overall.attempts, stats.overall.correct, stats.rounds) == (2, 1, 2)
    day = START.astimezone().date()
    assert [(d.day, d.attempts, d.correct) for d in stats.domains[0].days] == [
        (day, 1, 1),
        (day + timedelta(days=1), 1, 0),
    ]
    assert stats.domains[1].attempts == 0 and stats.domains[1].accuracy is None
