"""Spaced repetition with FSRS (the `fsrs` package): one card per question and one per task
statement; a right answer rates the cards Good, a wrong one Again.

No learning steps: a missed question comes back the next day, a known one after a growing
interval. Fuzzing is off, so the same answers at the same times give the same schedule.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime, time

from fsrs import Card, Rating, Scheduler

from advisor.practice.store import CardState

LEECH_FAILURES = 4
"""A question answered wrongly this many times is a leech: rewrite your notes on it, or drop it."""


def question_item(question: str) -> str:
    return f"question:{question}"


def task_item(exam: str, task: str) -> str:
    return f"task:{exam}:{task}"


class Schedule:
    """Reviews cards at given moments; the card state is the scheduler's own JSON."""

    def __init__(self) -> None:
        self._scheduler = Scheduler(learning_steps=(), relearning_steps=(), enable_fuzzing=False)

    def review(self, item: str, stored: CardState | None, correct: bool, when: datetime) -> CardState:
        """The card after one answer at `when` (a new card if `stored` is None)."""
        moment = when.astimezone(UTC)
        card = _restore(stored) or Card(card_id=_card_id(item), due=moment)
        reviewed, _ = self._scheduler.review_card(card, Rating.Good if correct else Rating.Again, moment)
        return CardState(item, reviewed.to_json(), reviewed.due)


def _restore(stored: CardState | None) -> Card | None:
    """The stored card; None for none, or for one damaged beyond reading (it starts afresh)."""
    if stored is None:
        return None
    try:
        return Card.from_json(stored.card)
    except (ValueError, KeyError, TypeError):
        return None


def _card_id(item: str) -> int:
    """A stable id per item (the scheduler's default is the creation time)."""
    return zlib.crc32(item.encode("utf-8"))


def end_of_day(now: datetime) -> datetime:
    """The last moment of `now`'s local day: what "due today" counts up to."""
    local = now.astimezone()
    return datetime.combine(local.date(), time.max, local.tzinfo)


def due_items(cards: Mapping[str, CardState], until: datetime) -> list[str]:
    """Items due by `until`, the most overdue first (ties by item)."""
    due = [card for card in cards.values() if card.due <= until]
    return [card.item for card in sorted(due, key=lambda c: (c.due, c.item))]


def due_per_day(cards: Iterable[CardState], start: datetime, days: int) -> list[int]:
    """How many cards fall due on each of `days` local days from `start`'s (overdue ones on day 0)."""
    today = start.astimezone().date()
    counts = [0] * days
    for card in cards:
        index = max(0, (card.due.astimezone().date() - today).days)
        if index < days:
            counts[index] += 1
    return counts
