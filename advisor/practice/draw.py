"""Which questions a round asks: a seeded draw for drills, a draw by the exam's domain weights for
exam simulations, the missed questions for review, and the due cards for the default round."""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import date

from advisor.knowledge.models import ExamProfile
from advisor.practice.bank import BankQuestion
from advisor.practice.modes import MODES, Mode

__all__ = ["MODES", "Mode"]
DEFAULT_COUNT = 10
"""Questions in a drill, review or due round when no count is given."""


def seed_for(day: date) -> int:
    """The default seed: the same draw all day, a new one tomorrow."""
    return int(day.strftime("%Y%m%d"))


def draw_drill(bank: Sequence[BankQuestion], count: int, seed: int) -> list[BankQuestion]:
    """`count` questions at random (all of them, shuffled, when the bank is smaller)."""
    return random.Random(seed).sample(list(bank), min(count, len(bank)))


def domain_quotas(exam: ExamProfile, count: int) -> dict[str, int]:
    """How many of `count` questions each domain gets: its weight, by largest remainder."""
    total = sum(domain.weight for domain in exam.domains) or 1
    exact = {domain.id: count * domain.weight / total for domain in exam.domains}
    quotas = {domain: int(share) for domain, share in exact.items()}
    by_remainder = sorted(exact, key=lambda d: (-(exact[d] - quotas[d]), d))
    for domain in by_remainder[: count - sum(quotas.values())]:
        quotas[domain] += 1
    return quotas


def draw_exam(bank: Sequence[BankQuestion], exam: ExamProfile, count: int, seed: int) -> list[BankQuestion]:
    """`count` questions in the exam's domain proportions (a domain short of questions is made up
    from the others), in a shuffled order, as the real exam mixes its domains."""
    rng = random.Random(seed)
    pool = sorted(bank, key=lambda q: q.id)
    rng.shuffle(pool)
    chosen: list[BankQuestion] = []
    for domain, quota in domain_quotas(exam, count).items():
        chosen += [q for q in pool if q.domain == domain][:quota]
    rest = [q for q in pool if q not in chosen]
    chosen += rest[: count - len(chosen)]
    rng.shuffle(chosen)
    return chosen


def draw_review(bank: Sequence[BankQuestion], missed: Sequence[str], count: int) -> list[BankQuestion]:
    """The missed questions in the order given (newest first), at most `count`."""
    by_id = {q.id: q for q in bank}
    return [by_id[q] for q in missed if q in by_id][:count]


def draw_due(
    bank: Sequence[BankQuestion],
    due: Sequence[str],
    due_tasks: Sequence[str],
    seen: set[str],
    count: int,
    seed: int,
) -> list[BankQuestion]:
    """Due questions (most overdue first), then new questions of due task statements, then other
    new questions at random: at most `count`."""
    by_id = {q.id: q for q in bank}
    chosen = [by_id[q] for q in due if q in by_id][:count]
    fresh = [q for q in draw_drill(bank, len(bank), seed) if q.id not in seen]
    weak = set(due_tasks)
    fresh.sort(key=lambda q: not weak.intersection(q.tasks))
    return chosen + fresh[: count - len(chosen)]


def exam_minutes(exam: ExamProfile, count: int) -> float:
    """The exam's time, scaled to `count` questions."""
    return exam.minutes * count / exam.questions
