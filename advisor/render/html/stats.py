"""What the HTML page of `advisor practice stats` shows: answers and accuracy overall, per
domain (with a chart over time) and per task statement, what falls due, and the leeches."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from advisor.render.html.chart import Chart, accuracy_chart
from advisor.render.practice_stats import percent, progress_line
from advisor.render.words import counted

if TYPE_CHECKING:
    from advisor.practice.stats import AreaStats, DayScore, Leech, PracticeStats


@dataclass(frozen=True)
class AreaRow:
    """A domain or task statement: answers, right, accuracy (0-1 for the bar; text as shown)."""

    id: str
    name: str
    attempts: int
    correct: int
    accuracy: float | None
    percent: str
    due_today: bool = False


@dataclass(frozen=True)
class DayRow:
    """All answers given on one day."""

    day: str
    attempts: int
    correct: int
    percent: str


@dataclass(frozen=True)
class DueDay:
    label: str
    count: int


@dataclass(frozen=True)
class StatsPage:
    title: str
    progress: str
    """`8 answers in 3 rounds, 5 right (62%)`."""
    pass_percent: int
    domains: tuple[AreaRow, ...]
    tasks: tuple[AreaRow, ...]
    chart: Chart | None
    days: tuple[DayRow, ...]
    due_today_text: str
    """`1 question`, `3 questions`."""
    due: tuple[DueDay, ...]
    leeches: tuple[Leech, ...]


def build_stats_page(stats: PracticeStats) -> StatsPage:
    overall = stats.overall
    due_tasks = set(stats.due_tasks)
    return StatsPage(
        title=f"Practice progress: {stats.exam.name} ({stats.exam.code})",
        progress=progress_line(stats),
        pass_percent=stats.exam.pass_percent,
        domains=tuple(_row(area) for area in stats.domains),
        tasks=tuple(_row(area, area.id in due_tasks) for area in stats.tasks),
        chart=accuracy_chart(stats.domains),
        days=tuple(_day(d) for d in overall.days),
        due_today_text=counted(stats.due_today, "question"),
        due=tuple(DueDay(_day_label(offset), n) for offset, n in enumerate(stats.due_forecast)),
        leeches=stats.leeches,
    )


def _row(area: AreaStats, due_today: bool = False) -> AreaRow:
    return AreaRow(area.id, area.name, area.attempts, area.correct, area.accuracy, percent(area), due_today)


def _day(score: DayScore) -> DayRow:
    share = f"{round(100 * score.correct / score.attempts)}%"
    return DayRow(score.day.isoformat(), score.attempts, score.correct, share)


def _day_label(offset: int) -> str:
    return {0: "today (and overdue)", 1: "tomorrow"}.get(offset, f"in {offset} days")
