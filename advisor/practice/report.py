"""The end-of-round report: the score, per domain and per task statement, and the pass line of an
exam simulation (unanswered exam questions count as wrong, as on the real exam)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from advisor.knowledge.models import ExamProfile
from advisor.practice.bank import BankQuestion
from advisor.practice.draw import Mode
from advisor.practice.round import Answer, PracticeRound


@dataclass(frozen=True)
class Score:
    """Right answers out of the questions counted, for the round, a domain or a task statement."""

    id: str
    name: str
    correct: int
    total: int

    @property
    def percent(self) -> int:
        return round(100 * self.correct / self.total) if self.total else 0


@dataclass(frozen=True)
class RoundReport:
    """What a finished round shows."""

    mode: Mode
    exam: ExamProfile
    asked: int
    """Questions drawn for the round."""
    answers: tuple[Answer, ...]
    score: Score
    domains: tuple[Score, ...]
    tasks: tuple[Score, ...]
    timed_out: bool = False

    @property
    def passed(self) -> bool | None:
        """For an exam simulation: whether the score reaches the exam's pass line."""
        if self.mode != "exam":
            return None
        return self.score.percent >= self.exam.pass_percent


def round_report(practice: PracticeRound) -> RoundReport:
    """Scores over the answered questions; in an exam simulation, over every question drawn."""
    exam = practice.exam
    right = {answer.posed.question.id for answer in practice.answers if answer.correct}
    counted = (
        [posed.question for posed in practice.questions]
        if practice.mode == "exam"
        else [answer.posed.question for answer in practice.answers]
    )
    total = Score("all", "All questions", sum(q.id in right for q in counted), len(counted))
    domains = [(d.id, d.name, [q for q in counted if q.domain == d.id]) for d in exam.domains]
    tasks = [(t.id, t.title, [q for q in counted if t.id in q.tasks]) for t in exam.tasks]
    return RoundReport(
        practice.mode,
        exam,
        len(practice.questions),
        tuple(practice.answers),
        total,
        _scores(domains, right),
        _scores(tasks, right),
        timed_out=practice.expired(),
    )


def _scores(areas: Iterable[tuple[str, str, list[BankQuestion]]], right: set[str]) -> tuple[Score, ...]:
    return tuple(
        Score(area, name, sum(q.id in right for q in questions), len(questions))
        for area, name, questions in areas
        if questions
    )
