"""Spaced repetition with a fixed clock: right answers push a question out, wrong ones bring it back
the next day, the same answers give the same schedule, and repeated failures make a leech."""

from __future__ import annotations

import itertools
import json
from datetime import UTC, datetime, timedelta

from practice_setup import START

from advisor.practice.schedule import (
    LEECH_FAILURES,
    Schedule,
    due_items,
    due_per_day,
    end_of_day,
    question_item,
    task_item,
)
from advisor.practice.stats import leeches
from advisor.practice.store import Attempt, CardState


def review_all(answers: list[bool], step: timedelta = timedelta(days=1)) -> list[CardState]:
    schedule, card, cards, when = Schedule(), None, [], START
    for correct in answers:
        card = schedule.review("question:q1", card, correct, when)
        cards.append(card)
        when = max(card.due, when + step)
    return cards


def test_a_right_answer_schedules_days_ahead_and_a_wrong_one_for_tomorrow() -> None:
    schedule = Schedule()
    right = schedule.review("question:q1", None, True, START)
    wrong = schedule.review("question:q2", None, False, START)
    assert right.due - START >= timedelta(days=2)
    assert wrong.due - START == timedelta(days=1)


def test_intervals_grow_while_answers_are_right_and_shrink_after_a_miss() -> None:
    cards = review_all([True, True, True, False])
    gaps = [card.due - START for card in cards]
    intervals = [b.due - a.due for a, b in itertools.pairwise(cards)]
    assert gaps[0] < gaps[1] < gaps[2]
    assert intervals[0] < intervals[1]
    assert cards[3].due - cards[2].due < gaps[2]  # the miss brings it back much sooner


def test_the_same_answers_give_the_same_schedule() -> None:
    first = [json.loads(card.card) for card in review_all([True, False, True])]
    again = [json.loads(card.card) for card in review_all([True, False, True])]
    assert first == again
    assert first[0]["card_id"] == again[0]["card_id"]  # not the creation time


def test_due_items_are_the_most_overdue_first_up_to_the_end_of_today() -> None:
    cards = {
        "question:a": CardState("question:a", "{}", START - timedelta(days=2)),
        "question:b": CardState("question:b", "{}", START - timedelta(days=5)),
        "question:c": CardState("question:c", "{}", START + timedelta(hours=3)),
        "question:d": CardState("question:d", "{}", START + timedelta(days=1)),
    }
    assert due_items(cards, end_of_day(START)) == ["question:b", "question:a", "question:c"]
    assert due_per_day(cards.values(), START, 3) == [3, 1, 0]


def test_end_of_day_is_the_last_moment_of_the_local_day() -> None:
    end = end_of_day(START)
    assert end.astimezone().date() == START.astimezone().date()
    assert (end + timedelta(microseconds=1)).astimezone().date() > START.astimezone().date()


def test_a_question_failed_again_and_again_is_a_leech() -> None:
    def attempt(question: str, correct: bool) -> Attempt:
        when = datetime(2025, 3, 3, tzinfo=UTC)
        return Attempt(1, question, "e", "k", "s", "exam", "one", ("1.1",), "A", "B", correct, when)

    history = [attempt("q1", False)] * LEECH_FAILURES + [attempt("q1", True)]
    history += [attempt("q2", False)] * (LEECH_FAILURES - 1)
    found = leeches(history)
    assert [(leech.question, leech.failures, leech.attempts) for leech in found] == [
        ("q1", LEECH_FAILURES, LEECH_FAILURES + 1)
    ]


def test_item_names() -> None:
    assert question_item("q1") == "question:q1"
    assert task_item("mls_c01", "1.2") == "task:mls_c01:1.2"


def test_a_card_damaged_beyond_reading_starts_afresh() -> None:
    schedule = Schedule()
    damaged = CardState("question:q1", '{"state": "?"', START)
    assert schedule.review("question:q1", damaged, True, START) == schedule.review(
        "question:q1", None, True, START
    )
