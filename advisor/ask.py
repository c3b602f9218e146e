"""`advisor ask`: the adaptive interview as a plain line dialogue, for terminals, ssh and pipes.

Each prompt reads one line: a choice number (several, comma-separated, for multi-choice), a
number with an optional unit, `?` why this question, `s` skip ("I don't know"), `b` back,
`q` finish now. End of input finishes too.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from advisor.errors import AnswersError, echo, one_line
from advisor.interview import Interview
from advisor.knowledge.models import Question
from advisor.knowledge.values import accepted_units

HELP = "Type a number, '?' why this question, 's' skip, 'b' back, 'q' finish."


@dataclass
class LineDialogue:
    """Drives an Interview with one line of input per step."""

    interview: Interview
    read: Callable[[str], str | None]
    """Returns the next line, or None at end of input."""
    write: Callable[[str], None]

    ask_focus: bool = True
    """Start by asking what the person is deciding (unless the focus is already set)."""

    def run(self) -> None:
        """Ask until the interview stops, the person finishes, or input ends."""
        self.write(HELP)
        if self.ask_focus and not self.interview.focus and not self._choose_focus():
            return
        while (question := self.interview.next_question()) is not None:
            if not self._ask(question):
                return
        self.write(f"\n{self.interview.stop_reason()}")

    def _ask(self, question: Question) -> bool:
        """One question, repeated until it gets a usable line; False when the person is done."""
        self.write("")
        self.write(self._render(question))
        while True:
            line = self.read("> ")
            if line is None or line.strip().lower() == "q":
                self.write("Finishing with the answers so far.")
                return False
            text = line.strip()
            if text == "?":
                self.write(self._why(question))
            elif text.lower() == "s":
                self.interview.skip(question.id)
                return True
            elif text.lower() == "b":
                if not self.interview.back():
                    self.write("Nothing to go back to.")
                return True
            else:
                try:
                    self.interview.answer(question.id, self._parse(question, text))
                    return True
                except (AnswersError, ValueError) as error:
                    self.write(f"  {one_line(_plain(error))} — {HELP}")

    def _choose_focus(self) -> bool:
        """Ask which stages the person is deciding; False when they are done before starting."""
        choices = focus_choices(self.interview)
        self.write("")
        self.write("What are you deciding?")
        for number, (_, label) in enumerate(choices, start=1):
            self.write(f"  {number}) {label}")
        self.write("  (several: e.g. 3,4)")
        while True:
            line = self.read("> ")
            if line is None or line.strip().lower() == "q":
                self.write("Finishing with the answers so far.")
                return False
            try:
                picks = [choices[int(part) - 1][0] for part in _numbers(line, len(choices))]
            except ValueError as error:
                self.write(f"  {error} — type the numbers of what you are deciding, or 1 for everything")
                continue
            self.interview.set_focus(() if None in picks else tuple(str(p) for p in picks))
            return True

    def _render(self, question: Question) -> str:
        kb = self.interview.engine.kb
        stage = kb.stages[question.stage].name
        lines = [f"[{stage}] {question.text}"]
        if question.help:
            lines.append(f"  {question.help}")
        for number, (_, label) in enumerate(_options(self.interview, question), start=1):
            lines.append(f"  {number}) {label}")
        if question.type == "multi_choice":
            lines.append("  (several: e.g. 1,3)")
        if question.type == "number":
            units = ", ".join(accepted_units(question))
            lines.append(f"  A number in {question.unit}; units accepted: {units}")
        return "\n".join(lines)

    def _why(self, question: Question) -> str:
        impacts = self.interview.impacts(question.id)
        kb = self.interview.engine.kb
        if not impacts:
            return "  This answer cannot change any recommendation any more."
        grouped: dict[tuple[str, str | None, str | None], list[str]] = {}
        for impact in impacts:
            grouped.setdefault((impact.stage, impact.before, impact.after), []).append(impact.label)
        lines = ["  This answer can still change:"]
        for (stage, before, after), labels in grouped.items():
            was = kb.nodes[before].name if before else "nothing"
            becomes = kb.nodes[after].name if after else "nothing"
            answers = " or ".join(f"'{label}'" for label in labels)
            lines.append(f"  - {kb.stages[stage].name}: {becomes} instead of {was}, if you answer {answers}")
        return "\n".join(lines)

    def _parse(self, question: Question, text: str) -> Any:
        if question.type == "number":
            return text
        options = _options(self.interview, question)
        numbers = _numbers(text, len(options))
        if question.type != "multi_choice" and len(numbers) > 1:
            raise ValueError(f"this question takes one answer: one of the numbers 1 to {len(options)}")
        values = [options[number - 1][0] for number in numbers]
        return values if question.type == "multi_choice" else values[0]


def focus_choices(interview: Interview) -> list[tuple[str | None, str]]:
    """(stage id, label) of each numbered focus choice; None stands for the whole pipeline."""
    stages = [s for s in interview.engine.kb.stages.values() if s.within is None]
    return [
        (None, "The whole pipeline"),
        *((s.id, f"{s.name} — {s.doc}" if s.doc else s.name) for s in stages),
    ]


def _numbers(line: str, count: int) -> list[int]:
    """The comma-separated numbers of a line, each between 1 and `count`; ValueError otherwise."""
    numbers = []
    for part in (piece.strip() for piece in line.split(",")):
        number = int(part) if part.isascii() and part.isdigit() and len(part) < 10 else 0
        if not 1 <= number <= count:
            raise ValueError(f"{echo(part)} is not one of the numbers 1 to {count}")
        numbers.append(number)
    return numbers


def _options(interview: Interview, question: Question) -> list[tuple[Any, str]]:
    """(value, label) for each numbered answer of a question."""
    if question.type == "yes_no":
        return [(True, "yes"), (False, "no")]
    if question.scale is not None:
        return [(v.id, v.label) for v in interview.engine.kb.scales[question.scale].values]
    return [(choice.id, choice.label) for choice in question.choices or []]


def _plain(error: Exception) -> str:
    return error.message.split(": ", 1)[-1] if isinstance(error, AnswersError) else str(error)
