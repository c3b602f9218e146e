"""A finished practice round as Markdown: the score per domain and task statement, then every
answered question with the engine's explanation of each option."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from advisor.practice.grading import OptionReport, QuestionExplanation
from advisor.render.practice_text import score_line
from advisor.render.words import counted

if TYPE_CHECKING:
    from advisor.practice.report import RoundReport, Score

MODE_NAMES = {"drill": "drill", "exam": "exam simulation", "review": "review", "due": "due today"}


def round_markdown(report: RoundReport, explain: Callable[[int], QuestionExplanation]) -> str:
    """`explain(i)` gives the explanation of the i-th answered question."""
    exam = report.exam
    out = [
        f"# Practice round: {MODE_NAMES[report.mode]}, {counted(report.asked, 'question')}",
        "",
        f"{exam.name} ({exam.code}). **{score_line(report)}**",
    ]
    if report.mode == "exam" and report.asked > len(report.answers):
        missing = report.asked - len(report.answers)
        verb = "was" if missing == 1 else "were"
        out.append(f"\n{counted(missing, 'question')} {verb} not answered (counted as wrong).")
    out += _table("Per domain", "Domain", report.domains, with_id=False)
    out += _table("Per task statement", "Task statement", report.tasks, with_id=True)
    out += ["", "## Questions"]
    for index, answer in enumerate(report.answers):
        posed = answer.posed
        mark = "right" if answer.correct else "wrong"
        out += [
            "",
            f"### {index + 1}. {posed.question.title} ({mark})",
            "",
            f"> {posed.question.narrative}",
            "",
        ]
        out += [f"**{posed.stem}**", ""]
        for choice in posed.choices:
            tags = [
                t
                for t, on in (
                    ("your answer", choice.letter == answer.chosen),
                    ("key", choice.letter == posed.key),
                )
                if on
            ]
            out.append(f"- {choice.letter}) {choice.text}" + (f" — *{', '.join(tags)}*" if tags else ""))
        out += _explanation(explain(index))
    return "\n".join(out) + "\n"


def _table(heading: str, column: str, scores: Iterable[Score], with_id: bool) -> list[str]:
    out = ["", f"## {heading}", "", f"| {column} | Right | Of | % |", "| --- | ---: | ---: | ---: |"]
    for score in scores:
        name = f"{score.id} {score.name}" if with_id else score.name
        out.append(f"| {name} | {score.correct} | {score.total} | {score.percent}% |")
    return out


def _explanation(explanation: QuestionExplanation) -> list[str]:
    winner = explanation.winner
    out = ["", f"**Why {winner.choice.letter} wins.** {winner.summary}", *_reasons(winner)]
    for option in explanation.options:
        if option is not winner:
            out += ["", f"**Why not {option.choice.letter}.** {option.summary}", *_reasons(option)]
    if explanation.other_lens is not None:
        other = explanation.other_lens
        out += [
            "",
            f"**The lenses disagree.** Under the {explanation.other_lens_name} lens the pick is "
            f"{other.choice.text}. {other.summary}",
            *_reasons(other),
        ]
    return out


def _reasons(option: OptionReport) -> list[str]:
    out = [""] if option.reasons or option.status or option.note else []
    if option.status:
        out.append(f"- Status: {option.status}")
    for reason in option.reasons:
        weight = f" ({reason.weight:+d})" if reason.weight is not None else ""
        links = ", ".join(f"[source]({url})" for url in reason.sources)
        out.append(f"- `{reason.rule}`{weight} {reason.title}: {reason.because} {links}".rstrip())
    if option.note:
        out.append(f"- Note: {option.note}")
    if not option.reasons and option.sources:
        out.append("- Sources: " + ", ".join(f"<{url}>" for url in option.sources))
    return out
