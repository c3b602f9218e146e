"""The adaptive interview: which question to ask next, why, and when to stop.

The next question is the relevant, unanswered one whose answer can still change the most
stages' top picks, found by trying each of its possible answers against the current ones
(a lookahead through the real engine, so it follows the rules, not a fixed order). An
answer that changes nothing by itself still counts when it makes a follow-up question
relevant that can (`data_arrival: streaming` opens the stream questions). The interview
stops when no remaining question can change any top pick, and says so.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any, TypeVar

from advisor.engine.engine import Engine
from advisor.engine.explain import alternatives, formula_partners, influencing_questions
from advisor.engine.lookahead import Lookahead
from advisor.engine.reach import questions_gated_by
from advisor.engine.result import Lens, Result
from advisor.knowledge.answers import coerce_answers
from advisor.knowledge.models import Question
from advisor.knowledge.values import Value
from advisor.render.words import counted

if TYPE_CHECKING:
    from advisor.knowledge import KnowledgeBase

T = TypeVar("T")


@dataclass(frozen=True)
class Impact:
    """What answering a question with one value would do to a stage's top pick."""

    question: str
    value: Any
    label: str
    stage: str
    before: str | None
    after: str | None
    via: str | None = None
    """The follow-up question this answer makes relevant, when the change comes through it;
    for a joint impact, the question whose answer completes the calculation."""

    @property
    def joint(self) -> bool:
        """True when no single answer changes the pick, but this one with `via`'s can."""
        return self.value is None


@dataclass(frozen=True)
class QuestionChoice:
    """A question the interview could ask, with the changes its answers would make."""

    question: Question
    impacts: tuple[Impact, ...]

    @property
    def stages(self) -> tuple[str, ...]:
        """Stages whose top pick this answer can change, in first-seen order."""
        return tuple(dict.fromkeys(impact.stage for impact in self.impacts))

    @property
    def rank(self) -> tuple[int, int]:
        """Higher is more useful: stages it can change, then answers that change something."""
        return len(self.stages), len({repr(impact.value) for impact in self.impacts})


@dataclass
class _Step:
    """One undoable step: the answers before it, and answers parked as irrelevant."""

    answers: dict[str, Value | None]
    parked: dict[str, Value | None]


@dataclass
class Interview:
    """One person's interview. `answers` maps question ids to values; None means skipped."""

    engine: Engine
    lens: Lens = "exam"
    answers: dict[str, Value | None] = field(default_factory=dict)
    parked: dict[str, Value | None] = field(default_factory=dict)
    """Answers to questions that became irrelevant after a change; restored if relevant again."""
    history: list[_Step] = field(default_factory=list)
    focus: tuple[str, ...] = ()
    """The stages the person is deciding (empty: the whole pipeline): only questions that can
    change their picks are asked."""
    design: dict[str, frozenset[str]] = field(default_factory=dict)
    """What runs today, for diagnosis (symptom questions about these nodes become relevant)."""
    _memo: dict[Any, Any] = field(default_factory=dict, init=False, repr=False)
    _memo_state: Any = field(default=None, init=False, repr=False)
    _ahead: Lookahead | None = field(default=None, init=False, repr=False, compare=False)

    @classmethod
    def start(
        cls,
        engine: Engine,
        answers: Mapping[str, Any] | None = None,
        lens: Lens = "exam",
        *,
        focus: tuple[str, ...] = (),
        design: Mapping[str, frozenset[str]] | None = None,
    ) -> Interview:
        answered = coerce_answers(engine.kb, answers or {})
        interview = cls(engine, lens, answered, focus=focus, design=dict(design or {}))
        interview._drop_irrelevant()
        return interview

    @property
    def decided_stages(self) -> list[str]:
        """The stages the interview works for: the focus with the decisions within it; for the
        whole pipeline, every stage, with the decisions within only the stages of the design
        (a service's settings are decided when its stage is the focus or runs today)."""
        stages = self.engine.kb.stages.values()
        if self.focus:
            return [s.id for s in stages if s.id in self.focus or s.within in self.focus]
        return [s.id for s in stages if s.within is None or s.within in self.design]

    # -- state -------------------------------------------------------------------------------

    def _memoised(self, key: Any, compute: Callable[[], T]) -> T:
        """Compute once per state of the answers and lens."""
        state = (self.lens, self.focus, self.answers)
        if state != self._memo_state:  # compared as dicts: order-free, and cheap when unchanged
            self._memo_state = (self.lens, self.focus, dict(self.answers))
            self._memo.clear()
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]  # type: ignore[no-any-return]

    def result(self) -> Result:
        """The recommendation for the answers so far (both lenses compared)."""
        return self._memoised(
            "result",
            lambda: self.engine.run(self.answers, self.lens, design=self.design, focus=self.focus),
        )

    def relevant(self) -> list[Question]:
        """Questions that apply given the answers so far, in knowledge order."""
        return self.engine.relevant(self.answers, self.lens, self.design)

    def pending(self) -> list[Question]:
        """Relevant questions not yet answered or skipped."""
        return [question for question in self.relevant() if question.id not in self.answers]

    # -- choosing what to ask ----------------------------------------------------------------

    def options(self) -> list[QuestionChoice]:
        """Every pending question with its impacts, most useful first (ties: knowledge order)."""
        order = self.engine.kb.question_order
        choices = [QuestionChoice(question, self.impacts(question.id)) for question in self.pending()]
        return sorted(choices, key=lambda c: _usefulness(c, order[c.question.id]))

    def next_question(self) -> Question | None:
        """The most useful question worth asking now, or None when none is (see `worth_asking`):
        the first of `options()` worth asking, found without working out every question's
        impacts. A question can change at most the decided stages its answers (and the follow-up
        questions they make relevant) reach, with at most one answer per alternative value;
        questions are weighed in the order of that bound, and weighing stops when no question
        left could outrank the best found (its exact rank can only be lower than its bound)."""
        order = self.engine.kb.question_order
        bounded = sorted((self._bound(question), order[question.id], question) for question in self.pending())
        best: tuple[int, int, int] | None = None
        chosen: Question | None = None
        for (stages, answers), place, question in bounded:
            if best is not None and (stages, answers, place) > best:
                break
            choice = QuestionChoice(question, self.impacts(question.id))
            key = _usefulness(choice, place)
            if self.worth_asking(choice) and (best is None or key < best):
                best, chosen = key, question
        return chosen

    def _bound(self, question: Question) -> tuple[int, int]:
        """The best rank the question could have, as a sort key (lower sorts first): the decided
        stages its answers, or the follow-up questions they make relevant, can reach; and its
        alternative answers."""
        kb = self.engine.kb
        stages = self._memoised("reach", lambda: _most_stages(kb, tuple(self.decided_stages)))
        answers = max(1, len(alternatives(kb, question.id, self.answers.get(question.id))))
        return -stages[question.id], -answers

    def worth_asking(self, choice: QuestionChoice) -> bool:
        """A focused interview asks every question that can change a focused pick. For the whole
        pipeline, a yes/no question that changes a single stage's pick under one answer (a
        special case: "does the data have text fields?") waits for a focus on that stage; the
        questions that shape the pipeline (choices, numbers, and flags that change several
        stages or matter either way) are asked."""
        if not choice.impacts:
            return False
        stages, answers = choice.rank
        special_case = choice.question.type == "yes_no" and stages == 1 and answers == 1
        return bool(self.focus) or not special_case

    def impacts(self, question_id: str) -> tuple[Impact, ...]:
        """Every (value, stage) whose top pick would change if this question got that value.

        This is also the answer to "why are you asking this?".
        """
        return self._memoised(
            ("impacts", question_id), lambda: self._impacts(self._lookahead(), self.answers, question_id)
        )

    def _lookahead(self) -> Lookahead:
        """The lookahead for the answers as they are, kept while they give the same facts (a
        skip adds none), so the next question after a skip weighs what is already worked out."""
        ahead = self._ahead
        if ahead is None or not ahead.holds_for(self.answers, self.lens, self.design):
            ahead = self._ahead = Lookahead(self.engine, self.answers, self.lens, self.design)
        return ahead

    def _impacts(
        self, ahead: Lookahead, answers: Mapping[str, Any], question_id: str, follow_unlocks: bool = True
    ) -> tuple[Impact, ...]:
        """The impacts of a question in the state `ahead` looks from (`answers`: its answers,
        skips included)."""
        kb = self.engine.kb
        stages = self._stages_of(question_id)
        opens = follow_unlocks and bool(questions_gated_by(kb, question_id))
        if not stages and not opens:
            return ()
        baseline = ahead.picks(stages)
        found: list[Impact] = []
        for value in alternatives(kb, question_id, answers.get(question_id)):
            trial = ahead.picks_if(question_id, value, stages)
            changed = [stage for stage in stages if baseline[stage] != trial[stage]]
            if not changed and not opens:
                continue
            label = kb.value_label(question_id, value)
            found.extend(
                Impact(question_id, value, label, stage, baseline[stage], trial[stage]) for stage in changed
            )
            if not changed:
                found.extend(self._through_unlocked(ahead, answers, question_id, value, label))
        return tuple(found) or self._with_partners(answers, question_id, stages, baseline)

    def _stages_of(self, question_id: str) -> tuple[str, ...]:
        """The decided stages whose top pick the question's answer can reach."""
        stages = self._memoised("stages", lambda: _stages_reached(self.engine.kb, tuple(self.decided_stages)))
        return stages.get(question_id, ())

    def _with_partners(
        self,
        answers: Mapping[str, Any],
        question_id: str,
        stages: tuple[str, ...],
        baseline: Mapping[str, str | None],
    ) -> tuple[Impact, ...]:
        """A formula input whose partner is still unanswered changes nothing alone, yet the two
        together can (an error cost with the other error's cost): asked for that change."""
        partner = next((q for q in formula_partners(self.engine.kb, question_id) if q not in answers), None)
        if partner is None:
            return ()
        label = "a number, together with the answer to: " + self.engine.kb.questions[partner].text
        return tuple(Impact(question_id, None, label, s, baseline.get(s), None, via=partner) for s in stages)

    def _through_unlocked(
        self, ahead: Lookahead, answers: Mapping[str, Any], question_id: str, value: Any, label: str
    ) -> list[Impact]:
        """Changes that follow-up questions, made relevant by this answer, could make."""
        after = ahead.after(question_id, value)
        answered = {**answers, question_id: value}
        unlocked = [q for q in after.order if q not in ahead.relevant and q not in answered]
        return [
            Impact(question_id, value, label, impact.stage, impact.before, impact.after, via=follow_up)
            for follow_up in unlocked
            for impact in self._impacts(after, answered, follow_up, follow_unlocks=False)
        ]

    def stop_reason(self) -> str | None:
        """Why the interview is over, or None while a question can still change something."""
        if self.next_question() is not None:
            return None
        pending = self.pending()
        if not pending:
            return "Every relevant question is answered."
        left = f"({counted(len(pending), 'optional question')} left unasked)"
        if any(choice.impacts for choice in self.options()):
            return (
                f"No remaining question is likely to change a top pick {left}; "
                "focus on a stage to be asked about every detail that can change it."
            )
        return f"No remaining question can change any stage's top pick {left}."

    # -- changing answers --------------------------------------------------------------------

    def answer(self, question_id: str, value: Any) -> None:
        """Record an answer (validated); answers to questions that no longer apply are parked."""
        checked = coerce_answers(self.engine.kb, {question_id: value})[question_id]
        self._remember()
        self.answers[question_id] = checked
        self.parked.pop(question_id, None)
        self._drop_irrelevant()

    def skip(self, question_id: str) -> None:
        """ "I don't know": reason with the question's stated assumption, if it has one."""
        self.engine.kb.question(question_id)
        self._remember()
        self.answers[question_id] = None
        self._drop_irrelevant()

    def back(self) -> bool:
        """Undo the last answer or skip; False when there is nothing to undo."""
        if not self.history:
            return False
        step = self.history.pop()
        self.answers, self.parked = step.answers, step.parked
        return True

    def set_lens(self, lens: Lens) -> None:
        self.lens = lens

    def set_focus(self, stages: tuple[str, ...]) -> None:
        """Decide only these stages from now on (empty: the whole pipeline)."""
        for stage in stages:
            self.engine.kb.stage(stage)
        self.focus = stages

    def _remember(self) -> None:
        self.history.append(_Step(dict(self.answers), dict(self.parked)))

    def _drop_irrelevant(self) -> None:
        relevant = {question.id for question in self.relevant()}
        for question_id in [q for q in self.answers if q not in relevant]:
            self.parked[question_id] = self.answers.pop(question_id)
        for question_id in [q for q in self.parked if q in relevant]:
            self.answers[question_id] = self.parked.pop(question_id)


@lru_cache(maxsize=16)
def _influenced_stages(kb: KnowledgeBase) -> dict[str, frozenset[str]]:
    """Question -> the stages whose top pick its answer can reach."""
    influenced: dict[str, set[str]] = {}
    for stage in kb.stages:
        for question_id in influencing_questions(kb, stage):
            influenced.setdefault(question_id, set()).add(stage)
    return {question_id: frozenset(stages) for question_id, stages in influenced.items()}


@lru_cache(maxsize=16)
def _stages_reached(kb: KnowledgeBase, decided: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """Question -> the decided stages its answer can reach, in stage order."""
    influenced = _influenced_stages(kb)
    return {
        question: tuple(stage for stage in decided if stage in influenced.get(question, ()))
        for question in kb.questions
    }


@lru_cache(maxsize=16)
def _most_stages(kb: KnowledgeBase, decided: tuple[str, ...]) -> dict[str, int]:
    """Question -> how many decided stages its answers can reach, directly or through the
    follow-up questions they can make relevant (those whose `asks_when` reads it)."""
    influenced = _influenced_stages(kb)
    reach = {
        question: influenced.get(question, frozenset()).union(
            *(influenced.get(follow_up, ()) for follow_up in questions_gated_by(kb, question))
        )
        for question in kb.questions
    }
    return {question: sum(1 for stage in decided if stage in stages) for question, stages in reach.items()}


def _usefulness(choice: QuestionChoice, place: int) -> tuple[int, int, int]:
    """The sort key of `options()`: more stages changed, then more answers that change
    something, then knowledge order (`place`)."""
    stages, answers = choice.rank
    return -stages, -answers, place
