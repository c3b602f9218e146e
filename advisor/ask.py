"""`advisor ask`: the adaptive interview as a plain line dialogue, for terminals, ssh and pipes.

Each prompt reads one line: a choice number (several, comma-separated, for multi-choice), a
number with an optional unit, `?` why this question, `s` skip ("I don't know"), `b` back,
`q` finish now. End of input finishes too.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from advisor.errors import AnswersError
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

    def run(self) -> None:
        """Ask until the interview stops, the person finishes, or input ends."""
        self.write(HELP)
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
                    self.write(f"  {_plain(error)} — {HELP}")

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
        picks = [part.strip() for part in text.split(",")] if question.type == "multi_choice" else [text]
        values = []
        for pick in picks:
            if not pick.isdigit() or not 1 <= int(pick) <= len(options):
                raise ValueError(f"'{pick}' is not one of the numbers 1 to {len(options)}")
            values.append(options[int(pick) - 1][0])
        return values if question.type == "multi_choice" else values[0]


def _options(interview: Interview, question: Question) -> list[tuple[Any, str]]:
    """(value, label) for each numbered answer of a question."""
    if question.type == "yes_no":
        return [(True, "yes"), (False, "no")]
    if question.scale is not None:
        return [(v.id, v.label) for v in interview.engine.kb.scales[question.scale].values]
    return [(choice.id, choice.label) for choice in question.choices or []]


def _plain(error: Exception) -> str:
    return error.message.split(": ", 1)[-1] if isinstance(error, AnswersError) else str(error)
