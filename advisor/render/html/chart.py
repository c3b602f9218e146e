"""Accuracy over time as an inline SVG line chart: one line per domain, a point per day with
answers, laid out deterministically (days evenly spaced, accuracy 0-100 % upwards)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from datetime import date

    from advisor.practice.stats import AreaStats, DayScore

WIDTH, HEIGHT = 640, 220
LEFT, RIGHT, TOP, BOTTOM = 48, 40, 10, 30
"""Margins: room for the percent labels left, and for the dates below (centred on their day)."""
MAX_DAY_LABELS = 7
SERIES_STYLES = 6
"""Distinct line styles in the stylesheet (`series-0` …); more domains reuse them."""


@dataclass(frozen=True)
class Point:
    x: float
    y: float
    label: str
    """`Data Engineering, 2026-03-02: 3 of 4 right (75%)`."""


@dataclass(frozen=True)
class Line:
    name: str
    style: int
    points: tuple[Point, ...]

    @property
    def path(self) -> str:
        """The polyline's `points` attribute."""
        return " ".join(f"{p.x:g},{p.y:g}" for p in self.points)


@dataclass(frozen=True)
class Tick:
    position: float
    label: str


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    left: float
    right: float
    top: float
    bottom: float
    lines: tuple[Line, ...]
    x_ticks: tuple[Tick, ...]
    y_ticks: tuple[Tick, ...]


def accuracy_chart(areas: tuple[AreaStats, ...]) -> Chart | None:
    """A line per area with answers; None when nothing has been answered."""
    days = sorted({d.day for area in areas for d in area.days})
    if not days:
        return None
    x_of = {day: _x(index, len(days)) for index, day in enumerate(days)}
    lines = tuple(
        Line(area.name, style % SERIES_STYLES, tuple(_point(area.name, d, x_of[d.day]) for d in area.days))
        for style, area in enumerate(areas)
        if area.days
    )
    x_ticks = _day_ticks(days, x_of)
    return Chart(WIDTH, HEIGHT, LEFT, WIDTH - RIGHT, TOP, HEIGHT - BOTTOM, lines, x_ticks, _percent_ticks())


def _point(name: str, score: DayScore, x: float) -> Point:
    share = score.correct / score.attempts
    right = f"{score.correct} of {score.attempts} right ({round(100 * share)}%)"
    label = f"{name}, {score.day.isoformat()}: {right}"
    return Point(x, _y(share), label)


def _x(index: int, count: int) -> float:
    span = WIDTH - LEFT - RIGHT
    return round(LEFT + span / 2 if count == 1 else LEFT + span * index / (count - 1), 1)


def _y(accuracy: float) -> float:
    return round(TOP + (1 - accuracy) * (HEIGHT - TOP - BOTTOM), 1)


def _day_ticks(days: list[date], x_of: dict[date, float]) -> tuple[Tick, ...]:
    """Every date, or MAX_DAY_LABELS evenly spread ones (the first and the last among them)."""
    count = min(len(days), MAX_DAY_LABELS)
    picked = sorted({round(i * (len(days) - 1) / max(count - 1, 1)) for i in range(count)})
    return tuple(Tick(x_of[days[i]], days[i].isoformat()) for i in picked)


def _percent_ticks() -> tuple[Tick, ...]:
    return tuple(Tick(_y(share / 100), f"{share}%") for share in (0, 25, 50, 75, 100))
