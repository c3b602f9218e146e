"""A practice question: the situation, the stem and the lettered options (keys a-d, or the arrows
and enter); once answered, the key and the answer given are marked."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from advisor.tui.data.views import PracticeQuestionView


class PracticeQuestion(VerticalScroll):
    """Shows `view`; posts Answered with the letter chosen (only while unanswered)."""

    view: reactive[PracticeQuestionView | None] = reactive(None, init=False)

    class Answered(Message):
        """The person chose an option."""

        def __init__(self, letter: str) -> None:
            super().__init__()
            self.letter = letter

    def compose(self) -> ComposeResult:
        yield Static(id="pq-heading", markup=False)
        yield Static(id="pq-title", markup=False)
        yield Static(id="pq-narrative", markup=False)
        yield Static(id="pq-stem", markup=False)
        yield OptionList(id="pq-options")

    def watch_view(self, view: PracticeQuestionView | None) -> None:
        if view is None:
            return
        for name, text in (("heading", view.heading), ("title", view.title), ("narrative", view.narrative)):
            self.query_one(f"#pq-{name}", Static).update(text)
        self.query_one("#pq-stem", Static).update(view.stem)
        options = self.query_one("#pq-options", OptionList)
        options.set_options(Option(_label(view, letter, text), id=letter) for letter, text in view.options)
        options.highlighted = next(
            (i for i, (letter, _) in enumerate(view.options) if letter == view.chosen), 0
        )
        if not view.chosen:
            self.scroll_home(animate=False)
            options.focus()

    def choose(self, letter: str) -> None:
        """Answer with `letter` (ignored once answered or for a letter that is not an option)."""
        view = self.view
        if view is not None and not view.chosen and letter in {option for option, _ in view.options}:
            self.post_message(self.Answered(letter))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.choose(str(event.option.id))


def _label(view: PracticeQuestionView, letter: str, text: str) -> Content:
    if letter == view.key:
        mark, style = "✓", "$success"
    elif letter == view.chosen:
        mark, style = ("✗", "$error") if view.key else ("▸", "$accent")
    else:
        mark, style = " ", ""
    return Content.assemble((f"{letter} ", "bold"), (mark, style), " ", text)
