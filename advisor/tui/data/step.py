"""One interview step worked out away from the UI: the next question or why the interview stops.

The lookahead behind `Interview.next_question()` runs the engine once per possible answer of
every pending question (~30 ms on the shipped knowledge), so screens run `next_step` in a
thread worker on a copy of the interview: the copy is private to the thread, the result is
a plain frozen value, and the same answers always give the same step.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from advisor.interview import Impact, Interview

if TYPE_CHECKING:
    from advisor.knowledge.models import Question

StateKey = tuple[str, tuple[str, ...], tuple[tuple[str, Hashable], ...]]


@dataclass(frozen=True)
class Step:
    """What to show after a change of answers: a question and why it is asked, or the end."""

    key: StateKey
    question: Question | None
    impacts: tuple[Impact, ...]
    stop_reason: str | None


def state_key(interview: Interview) -> StateKey:
    """Identifies the answers and lens a step was worked out for."""
    return interview.lens, interview.focus, _items(interview.answers)


def _items(answers: Mapping[str, Any]) -> tuple[tuple[str, Hashable], ...]:
    return tuple(sorted(answers.items(), key=lambda item: item[0]))


def snapshot(interview: Interview) -> Interview:
    """A copy sharing only the (read-only) engine, safe to reason with in another thread."""
    return Interview(
        interview.engine,
        interview.lens,
        dict(interview.answers),
        dict(interview.parked),
        focus=interview.focus,
        design=dict(interview.design),
    )


def next_step(interview: Interview) -> Step:
    """The next question with its impacts, or the stop reason; works on `interview` itself."""
    key = state_key(interview)
    question = interview.next_question()
    if question is None:
        return Step(key, None, (), interview.stop_reason())
    return Step(key, question, interview.impacts(question.id), None)
