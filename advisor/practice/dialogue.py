"""`advisor practice`: a practice round as a line dialogue, for terminals and pipes.

Each prompt reads one line: a letter A-D answers (lower case too), `?` shows the last
explanation again, `q` ends the round. End of input ends it too. Every answer is stored before
the next line is read, so ending (or being killed) loses nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from advisor.practice.grading import LETTERS
from advisor.practice.report import RoundReport, round_report
from advisor.practice.round import PracticeRound
from advisor.render.practice_text import (
    explanation_text,
    question_text,
    report_text,
    score_line,
    verdict_line,
)
from advisor.render.words import counted

HELP = "Type A, B, C or D to answer, '?' to see the last explanation again, 'q' to end (answers are saved)."


@dataclass
class PracticeDialogue:
    """Drives a PracticeRound with one line of input per step."""

    practice: PracticeRound
    read: Callable[[str], str | None]
    """Returns the next line, or None at end of input."""
    write: Callable[[str], None]

    def run(self) -> RoundReport:
        """Ask until the round is over, the person ends it, or input ends; return the report."""
        practice = self.practice
        self.write(self._heading())
        self.write(HELP)
        while (posed := practice.current()) is not None:
            self.write("")
            self.write(
                question_text(practice.engine.kb, posed, practice.position + 1, len(practice.questions))
            )
            if not self._ask():
                break
        practice.end()
        return self._finish()

    def _heading(self) -> str:
        practice = self.practice
        exam = practice.exam
        asked = counted(len(practice.questions), "question")
        line = f"Practice: {practice.mode} · {asked} · {exam.name} ({exam.code})"
        if practice.deadline is not None:
            minutes = (practice.deadline - practice.info.started_at).total_seconds() / 60
            line += f" · {minutes:.0f} minutes, no feedback until the end"
        return line

    def _ask(self) -> bool:
        """Read lines until one answers the question; False when the person ends the round."""
        while True:
            line = self.read("> ")
            text = (line or "").strip()
            if line is None or text.lower() == "q":
                return False
            if self.practice.expired():
                self.write("Time is up.")
                return False
            if text == "?":
                self.write(self._last_explanation())
            elif text.upper() in LETTERS:
                self._answer(text.upper())
                return True
            else:
                self.write(f"  '{text}' is not an answer. {HELP}")

    def _answer(self, letter: str) -> None:
        practice = self.practice
        answer = practice.answer(letter)
        if practice.feedback:
            self.write(verdict_line(answer.posed, letter))
            self.write(explanation_text(practice.explanation(practice.position - 1), letter))
        else:
            left = practice.time_left()
            clock = f" · {_minutes(left.total_seconds())} left" if left is not None else ""
            self.write(f"Recorded ({practice.position} of {len(practice.questions)}{clock}).")

    def _last_explanation(self) -> str:
        practice = self.practice
        if not practice.feedback:
            return "  Explanations come at the end of the exam simulation (see --report)."
        if not practice.answers:
            return "  Nothing to explain yet: answer a question first."
        last = practice.answers[-1]
        explanation = practice.explanation(len(practice.answers) - 1)
        return "\n".join([verdict_line(last.posed, last.chosen), explanation_text(explanation, last.chosen)])

    def _finish(self) -> RoundReport:
        practice = self.practice
        report = round_report(practice)
        self.write("")
        unanswered = len(practice.questions) - len(practice.answers)
        if report.timed_out:
            self.write("The exam time is over.")
        elif unanswered:
            saved = len(practice.answers)
            self.write(
                f"Ended with {counted(unanswered, 'question')} unanswered; "
                f"the {counted(saved, 'answer')} {'is' if saved == 1 else 'are'} saved."
            )
        if report.answers or report.mode == "exam":
            self.write(report_text(report))
        self.write(score_line(report))
        return report


def _minutes(seconds: float) -> str:
    minutes = int(seconds // 60)
    return f"{minutes // 60} h {minutes % 60:02d} min" if minutes >= 60 else f"{minutes} min"
