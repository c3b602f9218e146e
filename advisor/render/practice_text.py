"""Practice questions, explanations and round scores as plain text, for the line dialogue."""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

from advisor.practice.grading import OptionReport, PosedQuestion, QuestionExplanation

if TYPE_CHECKING:
    from advisor.knowledge import KnowledgeBase
    from advisor.practice.report import RoundReport

WIDTH = 96
MAX_CHANGES = 5


def question_text(kb: KnowledgeBase, posed: PosedQuestion, number: int, total: int) -> str:
    question = posed.question
    tasks = ", ".join(question.tasks)
    lines = [
        f"Question {number} of {total} · {kb.stages[question.stage].name} · "
        f"task {tasks} · {question.lens} lens",
        question.title,
        *textwrap.wrap(question.narrative, WIDTH),
        "",
        *textwrap.wrap(posed.stem, WIDTH),
    ]
    lines += [f"  {c.letter}) {c.text}" for c in posed.choices]
    return "\n".join(lines)


def verdict_line(posed: PosedQuestion, chosen: str) -> str:
    key = posed.choice(posed.key)
    if chosen == posed.key:
        return f"✓ Right: {key.letter}) {key.text}."
    picked = posed.choice(chosen)
    return f"✗ Not quite: you chose {picked.letter}) {picked.text}; the answer is {key.letter}) {key.text}."


def explanation_text(explanation: QuestionExplanation, chosen: str = "") -> str:
    """How the key wins, why each other option loses, the other lens, what would change it."""
    winner = explanation.winner
    lines = [f"Why {winner.choice.letter} wins: {winner.summary}", *_option_body(winner)]
    for option in explanation.options:
        letter = option.choice.letter
        if letter != explanation.key:
            yours = " (your answer)" if letter == chosen else ""
            lines += [f"Why not {letter}{yours}: {option.summary}", *_option_body(option)]
    if explanation.other_lens is not None:
        other = explanation.other_lens
        lines.append(
            f"The lenses disagree: under the {explanation.other_lens_name} lens the pick is "
            f"{other.choice.text}. {other.summary}"
        )
        lines += _option_body(other)
    if explanation.changes:
        lines.append("What would change the answer (one different answer):")
        lines += [f"  - {change}" for change in explanation.changes[:MAX_CHANGES]]
        if len(explanation.changes) > MAX_CHANGES:
            lines.append(f"  … and {len(explanation.changes) - MAX_CHANGES} more")
    return "\n".join(lines)


def _option_body(option: OptionReport) -> list[str]:
    lines = []
    if option.status and option.status != option.summary:
        lines.append(f"  status: {option.status}")
    for reason in option.reasons:
        weight = f" {reason.weight:+d}" if reason.weight is not None else ""
        lines.append(f"  {reason.rule}{weight}  {reason.title}: {reason.because}")
    if option.facts:
        lines.append("  facts: " + "; ".join(f"{fact} = {label}" for fact, label in option.facts))
    if option.note:
        lines.append(f"  note: {option.note}")
    if option.sources:
        lines.append("  sources: " + " ".join(option.sources))
    return lines


def score_line(report: RoundReport) -> str:
    score = report.score
    line = f"Score: {score.correct} of {score.total} ({score.percent}%)"
    if report.passed is not None:
        verdict = "pass" if report.passed else "below the pass line"
        line += f" · {verdict} ({report.exam.pass_percent}% needed)"
    return line


def report_text(report: RoundReport) -> str:
    """Scores per domain and task statement, and (in an exam simulation) each missed question."""
    lines = ["Per domain:"]
    lines += [f"  {s.correct:>3} of {s.total:<3} {s.percent:>3}%  {s.name}" for s in report.domains]
    lines.append("Per task statement:")
    lines += [f"  {s.correct:>3} of {s.total:<3} {s.percent:>3}%  {s.id} {s.name}" for s in report.tasks]
    if report.mode == "exam":
        unanswered = report.asked - len(report.answers)
        if unanswered:
            lines.append(f"Unanswered: {unanswered} (counted as wrong)")
        missed = [(i, a) for i, a in enumerate(report.answers, start=1) if not a.correct]
        if missed:
            lines.append("Missed:")
        for number, answer in missed:
            key = answer.posed.choice(answer.posed.key)
            lines.append(
                f"  {number}. {answer.posed.question.title}: "
                f"you chose {answer.chosen}, the answer is {key.letter}) {key.text}"
            )
    return "\n".join(lines)
