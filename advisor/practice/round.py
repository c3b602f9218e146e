"""A practice round: the questions drawn for it, each answer graded and recorded (with the cards it
reschedules) in one transaction, the exam timer, and the explanation of every answered question."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from advisor.engine.engine import Engine
from advisor.knowledge.models import ExamProfile
from advisor.practice.bank import BankQuestion
from advisor.practice.clock import Clock, system_clock
from advisor.practice.draw import (
    DEFAULT_COUNT,
    Mode,
    draw_drill,
    draw_due,
    draw_exam,
    draw_review,
    exam_minutes,
    seed_for,
)
from advisor.practice.grading import LETTERS, PosedQuestion, QuestionExplanation, explain_question, pose
from advisor.practice.schedule import Schedule, due_items, end_of_day, question_item, task_item
from advisor.practice.store import Attempt, CardState, ProgressStore


@dataclass(frozen=True)
class RoundRequest:
    """What a person asks for: a mode, a count (None: the mode's default) and the draw's seed."""

    mode: Mode = "due"
    count: int | None = None
    seed: int = 0


def round_seed(seed: int | None, now: datetime) -> int:
    """The seed given, else one from today's date."""
    return seed if seed is not None else seed_for(now.astimezone().date())


@dataclass(frozen=True)
class Answer:
    """One graded answer."""

    posed: PosedQuestion
    chosen: str
    correct: bool
    at: datetime


def draw_questions(
    engine: Engine,
    store: ProgressStore,
    questions: Sequence[BankQuestion],
    exam: ExamProfile,
    request: RoundRequest,
    now: datetime,
) -> list[PosedQuestion]:
    """The round's questions from the (filtered) bank, posed; a question the engine has no key
    for is left out."""
    seed, count = request.seed, request.count
    if request.mode == "drill":
        drawn = draw_drill(questions, count or DEFAULT_COUNT, seed)
    elif request.mode == "exam":
        drawn = draw_exam(questions, exam, count or exam.questions, seed)
    elif request.mode == "review":
        drawn = draw_review(questions, store.missed(exam.id), count or len(questions))
    else:
        cards = store.cards("question:")
        due = [item.split(":", 1)[1] for item in due_items(cards, end_of_day(now))]
        tasks = [
            item.rsplit(":", 1)[1] for item in due_items(store.cards(f"task:{exam.id}:"), end_of_day(now))
        ]
        seen = {item.split(":", 1)[1] for item in cards}
        drawn = draw_due(questions, due, tasks, seen, count or DEFAULT_COUNT, seed)
    return [posed for posed in (pose(engine, q) for q in drawn) if posed is not None]


class PracticeRound:
    """One round in progress. Every answer is stored before `answer` returns."""

    def __init__(
        self,
        engine: Engine,
        store: ProgressStore,
        exam: ExamProfile,
        mode: Mode,
        questions: Sequence[PosedQuestion],
        seed: int = 0,
        clock: Clock = system_clock,
    ) -> None:
        self.engine, self.store, self.exam, self.mode = engine, store, exam, mode
        self.questions = tuple(questions)
        self.clock = clock
        minutes = exam_minutes(exam, len(self.questions)) if mode == "exam" else None
        self.info = store.start_round(mode, exam.id, seed, len(self.questions), minutes, clock())
        self.deadline = self.info.started_at + timedelta(minutes=minutes) if minutes is not None else None
        self.answers: list[Answer] = []
        self.ended: datetime | None = None
        self._schedule = Schedule()
        self._explanations: dict[int, QuestionExplanation] = {}

    @property
    def feedback(self) -> bool:
        """Whether each answer is explained at once (not in an exam simulation)."""
        return self.mode != "exam"

    @property
    def position(self) -> int:
        """The index of the question to answer next."""
        return len(self.answers)

    def current(self) -> PosedQuestion | None:
        """The question to answer next; None when the round is over."""
        if self.ended is not None or self.position >= len(self.questions) or self.expired():
            return None
        return self.questions[self.position]

    def time_left(self) -> timedelta | None:
        if self.deadline is None:
            return None
        return max(self.deadline - self.clock(), timedelta(0))

    def expired(self) -> bool:
        return self.deadline is not None and self.clock() >= self.deadline

    def answer(self, letter: str) -> Answer:
        """Grade the current question, store the answer and the rescheduled cards, all in one
        transaction. ValueError for a letter that is not an option or when the round is over."""
        posed = self.current()
        if posed is None:
            raise ValueError("the round is over")
        chosen = letter.strip().upper()
        if chosen not in LETTERS:
            raise ValueError(f"'{letter}' is not one of A, B, C, D")
        now = self.clock()
        answer = Answer(posed, chosen, chosen == posed.key, now)
        self.store.record(self._attempt(answer), self._reviewed_cards(answer))
        self.answers.append(answer)
        return answer

    def explanation(self, index: int, with_changes: bool = True) -> QuestionExplanation:
        """The explanation of the `index`-th question (worked out once)."""
        if index not in self._explanations or (with_changes and not self._explanations[index].changes):
            self._explanations[index] = explain_question(self.engine, self.questions[index], with_changes)
        return self._explanations[index]

    def end(self) -> None:
        """Close the round (answers are already stored)."""
        if self.ended is None:
            self.ended = self.clock()
            self.store.end_round(self.info.id, self.ended)

    def _attempt(self, answer: Answer) -> Attempt:
        question = answer.posed.question
        return Attempt(
            round=self.info.id,
            question=question.id,
            exam=self.exam.id,
            kind=question.kind,
            stage=question.stage,
            lens=question.lens,
            domain=question.domain,
            tasks=question.tasks,
            chosen=answer.chosen,
            key=answer.posed.key,
            correct=answer.correct,
            answered_at=answer.at,
        )

    def _reviewed_cards(self, answer: Answer) -> list[CardState]:
        question = answer.posed.question
        items = [question_item(question.id), *(task_item(self.exam.id, t) for t in question.tasks)]
        return [
            self._schedule.review(item, self.store.card(item), answer.correct, answer.at) for item in items
        ]
