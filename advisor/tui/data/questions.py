"""Questions as the question panel shows them, and panel answers as the interview takes them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from advisor.knowledge.values import typed_number
from advisor.tui.data.views import Option, QuestionKind, QuestionView

if TYPE_CHECKING:
    from advisor.knowledge import KnowledgeBase
    from advisor.knowledge.models import Question
    from advisor.knowledge.values import Value

KINDS: dict[str, QuestionKind] = {"multi_choice": "multi", "number": "number"}


def options_of(kb: KnowledgeBase, question: Question) -> tuple[Option, ...]:
    """The numbered answers of a choice, scale or yes/no question (none for numbers)."""
    if question.type == "yes_no":
        return (Option(True, "yes"), Option(False, "no"))
    if question.scale is not None:
        return tuple(Option(step.id, step.label) for step in kb.scales[question.scale].values)
    return tuple(Option(choice.id, choice.label) for choice in question.choices or [])


def question_view(
    kb: KnowledgeBase, question: Question, previous: Value | None = None, progress: str = ""
) -> QuestionView:
    """What the panel needs to ask `question`; `previous` preselects an answer being revisited."""
    assumed = ""
    if question.assume is not None:
        assumed = kb.value_label(question.id, _assumed_value(question.assume))
    return QuestionView(
        id=question.id,
        stage=kb.stages[question.stage].name if question.stage in kb.stages else question.stage,
        text=question.text,
        help=question.help,
        kind=KINDS.get(question.type, "single"),
        options=options_of(kb, question),
        unit=question.unit or "",
        units=tuple(question.units or {}),
        assumed=assumed,
        current=_current(question, previous),
        progress=progress,
    )


def _assumed_value(raw: object) -> object:
    return frozenset(map(str, raw)) if isinstance(raw, list) else raw


def _current(question: Question, previous: Value | None) -> tuple[str | bool, ...]:
    if previous is None:
        return ()
    if isinstance(previous, frozenset):
        return tuple(sorted(previous))
    if isinstance(previous, float):
        return (f"{typed_number(previous)} {question.unit}".strip(),)
    return (previous,)


def progress_text(answers: dict[str, Value | None]) -> str:
    """How far the interview is, e.g. `3 answered · 1 skipped`."""
    skipped = sum(1 for value in answers.values() if value is None)
    return f"{len(answers) - skipped} answered · {skipped} skipped"


def plain_error(error: Exception) -> str:
    """An answer error without the `answers.question_id:` prefix the panel does not need."""
    message = str(getattr(error, "message", error))
    head, colon, rest = message.partition(": ")
    return rest if colon and head.startswith("answers.") else message
