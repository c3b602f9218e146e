"""The current question with its answers, or the end of the interview."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Button, Input, OptionList, Static

from advisor.tui.data.views import AnswerValue, QuestionView
from advisor.tui.widgets.choice_list import ChoiceList
from advisor.tui.widgets.multi_choice import MultiChoice
from advisor.tui.widgets.number_input import NumberInput
from advisor.tui.widgets.question_head import QuestionHead

HINTS = {
    "single": "1-9, or ↑↓ and enter, to answer",
    "multi": "1-9 or space to tick · enter to submit",
    "number": "a number and unit, then enter · s, b or ? then enter: skip, back, why · "
    "escape leaves the box for the other keys",
}


class QuestionPanel(Vertical):
    """Shows `question` (or `finished`, the reason the interview stopped) and posts answers.

    The stage and the progress go in the border, to leave the rows inside to the question
    and its answers (at 80x24 there are 20 of them)."""

    question: reactive[QuestionView | None] = reactive(None, init=False)
    finished: reactive[str] = reactive("", init=False)
    error: reactive[str] = reactive("")
    thinking: reactive[bool] = reactive(False)
    """The next question is being worked out: answers are not taken until it is shown."""

    class Answered(Message):
        """The person answered the question shown."""

        def __init__(self, question: str, value: AnswerValue) -> None:
            super().__init__()
            self.question = question
            self.value = value

    class Skipped(Message):
        """The person typed `s` in a number answer."""

    class BackRequested(Message):
        """The person typed `b` in a number answer."""

    class WhyRequested(Message):
        """The person typed `?` in a number answer."""

    class ResultsRequested(Message):
        """The person chose to see the results after the interview stopped."""

    _hint = ""

    def compose(self) -> ComposeResult:
        yield QuestionHead(id="question-head")
        with Vertical(id="question-answer"):
            yield Static(id="question-error", markup=False)
        yield Static(id="question-hint", markup=False)

    async def watch_question(self, view: QuestionView | None) -> None:
        if view is not None:
            self.thinking = False
            self.finished = ""
            self.error = ""
            await self._show(view)

    async def watch_finished(self, reason: str) -> None:
        if reason:
            self.thinking = False
            self.question = None
            await self._show_end(reason)

    def watch_thinking(self, thinking: bool) -> None:
        self.set_class(thinking, "-thinking")
        self.query_one("#question-hint", Static).update(
            "Choosing the next question…" if thinking else self._hint
        )

    def watch_error(self, error: str) -> None:
        self.query_one("#question-error", Static).update(error)
        self.set_class(bool(error), "-error")

    async def _show(self, view: QuestionView) -> None:
        units = f"Units: {', '.join(dict.fromkeys([view.unit, *view.units]))}." if view.unit else ""
        skip = f"(If you skip: {view.assumed}.)" if view.assumed else ""
        self.border_title, self.border_subtitle = view.stage, view.progress
        self.query_one(QuestionHead).show(view.text, " ".join(t for t in (view.help, units, skip) if t))
        self._set_hint(HINTS[view.kind])
        await self._replace_answer(_answer_widget(view))

    async def _show_end(self, reason: str) -> None:
        self.border_title = "Interview complete"
        self.query_one(QuestionHead).show(
            reason, "You can still go back to change an answer, or export your answers."
        )
        self._set_hint("r results · b back · a export answers")
        await self._replace_answer(Button("See results", id="see-results", variant="primary"))

    def _set_hint(self, hint: str) -> None:
        self._hint = hint
        self.query_one("#question-hint", Static).update(hint)

    async def _replace_answer(self, widget: Widget) -> None:
        holder = self.query_one("#question-answer", Vertical)
        await holder.remove_children([child for child in holder.children if child.id != "question-error"])
        await holder.mount(widget, before=0)
        widget.focus()

    # -- answering -------------------------------------------------------------------------

    def pick(self, number: int) -> None:
        """A digit key: answer with the `number`th choice, or toggle it for multi-choice."""
        view = self.question
        if view is None or not 1 <= number <= len(view.options):
            return
        if view.kind == "multi":
            self.query_one(MultiChoice).toggle_number(number)
        elif view.kind == "single":
            self.post_message(self.Answered(view.id, view.options[number - 1].value))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if self.question is not None and isinstance(event.option_list, ChoiceList):
            self.post_message(self.Answered(self.question.id, event.option_list.value_at(event.option_index)))

    def on_multi_choice_submitted(self, event: MultiChoice.Submitted) -> None:
        event.stop()
        if self.question is not None:
            self.post_message(self.Answered(self.question.id, event.values))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        text = event.value.strip()
        commands = {"s": self.Skipped, "b": self.BackRequested, "?": self.WhyRequested}
        if text.lower() in commands:
            event.input.clear()
            self.post_message(commands[text.lower()]())
        elif self.question is not None and text:
            self.post_message(self.Answered(self.question.id, text))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.post_message(self.ResultsRequested())


def _answer_widget(view: QuestionView) -> Widget:
    if view.kind == "multi":
        return MultiChoice(view.options, view.current)
    if view.kind == "number":
        current = str(view.current[0]) if view.current else ""
        return NumberInput(view.unit, view.units, current)
    return ChoiceList(view.options, view.current)
