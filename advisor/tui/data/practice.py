"""View models of the practice screens: the question shown, the explanation as a Detail (the same
how / why-not pane as results), score rows and plot series. No UI here."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from advisor.practice.grading import OptionReport, PosedQuestion, QuestionExplanation
from advisor.practice.report import RoundReport
from advisor.practice.round import Answer
from advisor.practice.stats import PracticeStats
from advisor.render.words import counted
from advisor.tui.data.views import Detail, Line, PlotData, PracticeQuestionView, ScoreRow, Section, Series

DEFAULT_EXPORT = Path("practice-round.md")
EXAM_SETTING = "tui.exam"
"""The settings key remembering the exam profile chosen on the practice screen."""


def question_view(
    posed: PosedQuestion,
    number: int,
    total: int,
    stage: str,
    answer: Answer | None = None,
    show_key: bool = True,
) -> PracticeQuestionView:
    question = posed.question
    heading = (
        f"Question {number} of {total} · {stage} · task {', '.join(question.tasks)} · {question.lens} lens"
    )
    return PracticeQuestionView(
        heading,
        question.title,
        question.narrative,
        posed.stem,
        tuple((c.letter, c.text) for c in posed.choices),
        answer.chosen if answer else "",
        posed.key if answer and show_key else "",
    )


def explanation_detail(explanation: QuestionExplanation, answer: Answer) -> Detail:
    """How the key wins and why each other option loses, as the detail pane shows them."""
    posed = answer.posed
    key = posed.choice(posed.key)
    verdict = "Right" if answer.correct else f"Not quite: you chose {answer.chosen}"
    winner = explanation.winner
    sections = [Section(f"Why {key.letter} wins (how)", _option_lines(winner))]
    for option in explanation.options:
        if option is not winner:
            yours = " · your answer" if option.choice.letter == answer.chosen else ""
            heading = f"Why not {option.choice.letter}{yours}"
            sections.append(Section(heading, (Line("", option.summary), *_option_lines(option))))
    if explanation.other_lens is not None:
        other = explanation.other_lens
        lead = f"Under the {explanation.other_lens_name} lens: {other.choice.text}."
        sections.append(Section("The lenses disagree", (Line("", lead), *_option_lines(other))))
    if explanation.changes:
        sections.append(
            Section("What would change the answer", tuple(Line("", c) for c in explanation.changes))
        )
    sources = [url for option in explanation.options for url in option.sources]
    return Detail(
        f"{key.letter}) {key.text}",
        f"{verdict}. {winner.summary}",
        sections=tuple(s for s in sections if s.lines),
        sources=tuple(dict.fromkeys(sources)),
    )


def _option_lines(option: OptionReport) -> tuple[Line, ...]:
    lines = [Line("", option.status)] if option.status and option.status != option.summary else []
    for reason in option.reasons:
        lead = f"{reason.rule} {reason.weight:+d}" if reason.weight is not None else reason.rule
        lines.append(Line(lead, f"{reason.title}: {reason.because}"))
    lines += [Line(fact, label) for fact, label in option.facts]
    if option.note:
        lines.append(Line("note", option.note))
    return tuple(lines)


def score_rows(report: RoundReport) -> tuple[ScoreRow, ...]:
    domains = [ScoreRow(s.name, s.correct, s.total, s.percent) for s in report.domains]
    tasks = [ScoreRow(f"{s.id} {s.name}", s.correct, s.total, s.percent, True) for s in report.tasks]
    return (*domains, *tasks)


def accuracy_plot(stats: PracticeStats) -> PlotData:
    """Accuracy (%) per domain on each day with answers: one line per domain."""
    days = sorted({d.day for area in stats.domains for d in area.days})
    position = {day: index for index, day in enumerate(days, start=1)}
    series = tuple(
        Series(
            _short(number, area.name),
            tuple(position[d.day] for d in area.days),
            tuple(round(100 * d.correct / d.attempts, 1) for d in area.days),
        )
        for number, area in enumerate(stats.domains, start=1)
        if area.days
    )
    labels = tuple(day.strftime("%m-%d") for day in days)
    return PlotData("Accuracy per domain (%)", labels, series)


def _short(number: int, name: str, width: int = 22) -> str:
    """A legend label that fits beside a narrow plot: `3 Modeling`, long names cut with …."""
    label = f"{number} {name}"
    return label if len(label) <= width else label[: width - 1] + "…"


def due_plot(stats: PracticeStats) -> PlotData:
    """Questions falling due on each of the next days."""
    labels = tuple("today" if i == 0 else f"+{i}" for i in range(len(stats.due_forecast)))
    positions = tuple(range(1, len(labels) + 1))
    return PlotData("Due reviews", labels, (Series("due", positions, tuple(map(float, stats.due_forecast))),))


def summary_line(stats: PracticeStats) -> str:
    overall = stats.overall
    accuracy = f"{round(100 * overall.accuracy)}%" if overall.accuracy is not None else "—"
    return (
        f"{counted(overall.attempts, 'answer')} · {accuracy} right · {stats.due_today} due today · "
        f"{counted(len(stats.leeches), 'leech', 'leeches')}"
    )


def leech_lines(stats: PracticeStats, titles: dict[str, str]) -> Iterable[str]:
    for leech in stats.leeches:
        yield f"{titles.get(leech.question, leech.question)}: wrong {leech.failures} of {leech.attempts}"
