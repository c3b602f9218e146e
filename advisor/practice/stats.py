"""Progress over time, from the recorded answers of one exam profile: accuracy per domain and task
statement per day, what is due, and the leeches."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from advisor.knowledge.models import ExamProfile
from advisor.practice.schedule import LEECH_FAILURES, due_items, due_per_day, end_of_day, task_item
from advisor.practice.store import Attempt, ProgressStore

DUE_DAYS = 7
"""How many days ahead the due forecast looks (today first)."""


@dataclass(frozen=True)
class DayScore:
    """Answers given on one local day."""

    day: date
    attempts: int
    correct: int


@dataclass(frozen=True)
class AreaStats:
    """Answers about one domain or task statement, in all and per day."""

    id: str
    name: str
    attempts: int
    correct: int
    days: tuple[DayScore, ...]

    @property
    def accuracy(self) -> float | None:
        return self.correct / self.attempts if self.attempts else None


@dataclass(frozen=True)
class Leech:
    """A question answered wrongly again and again."""

    question: str
    failures: int
    attempts: int


@dataclass(frozen=True)
class PracticeStats:
    """Everything `advisor practice stats` reports for one exam profile."""

    exam: ExamProfile
    overall: AreaStats
    rounds: int
    domains: tuple[AreaStats, ...]
    tasks: tuple[AreaStats, ...]
    due_today: int
    """Questions due by the end of today."""
    due_forecast: tuple[int, ...]
    """Questions falling due on each of the next days (today, with the overdue ones, first)."""
    due_tasks: tuple[str, ...]
    """Task statements due by the end of today."""
    leeches: tuple[Leech, ...]


def practice_stats(store: ProgressStore, exam: ExamProfile, now: datetime) -> PracticeStats:
    attempts = store.attempts(exam.id)
    asked = {a.question for a in attempts}
    cards = {item: card for item, card in store.cards("question:").items() if item.split(":", 1)[1] in asked}
    task_cards = store.cards(f"task:{exam.id}:")
    until = end_of_day(now)
    return PracticeStats(
        exam=exam,
        overall=_area("all", "All questions", attempts),
        rounds=len(store.rounds(exam.id)),
        domains=tuple(_area(d.id, d.name, [a for a in attempts if a.domain == d.id]) for d in exam.domains),
        tasks=tuple(_area(t.id, t.title, [a for a in attempts if t.id in a.tasks]) for t in exam.tasks),
        due_today=len(due_items(cards, until)),
        due_forecast=tuple(due_per_day(cards.values(), now, DUE_DAYS)),
        due_tasks=tuple(
            t.id for t in exam.tasks if task_item(exam.id, t.id) in set(due_items(task_cards, until))
        ),
        leeches=leeches(attempts),
    )


def leeches(attempts: Iterable[Attempt]) -> tuple[Leech, ...]:
    """Questions with at least LEECH_FAILURES wrong answers, the most failed first."""
    tries: Counter[str] = Counter()
    failures: Counter[str] = Counter()
    for attempt in attempts:
        tries[attempt.question] += 1
        failures[attempt.question] += not attempt.correct
    found = [Leech(q, n, tries[q]) for q, n in failures.items() if n >= LEECH_FAILURES]
    return tuple(sorted(found, key=lambda leech: (-leech.failures, leech.question)))


def _area(area: str, name: str, attempts: list[Attempt]) -> AreaStats:
    per_day: dict[date, list[int]] = {}
    for attempt in attempts:
        day = per_day.setdefault(attempt.answered_at.astimezone().date(), [0, 0])
        day[0] += 1
        day[1] += attempt.correct
    days = tuple(DayScore(day, n, right) for day, (n, right) in sorted(per_day.items()))
    return AreaStats(area, name, len(attempts), sum(a.correct for a in attempts), days)
