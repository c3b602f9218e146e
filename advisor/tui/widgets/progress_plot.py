"""A plot of practice progress (textual-plotext): lines of accuracy, or bars of due reviews."""

from __future__ import annotations

from typing import Literal

from textual.reactive import reactive
from textual_plotext import PlotextPlot

from advisor.tui.data.views import PlotData


class ProgressPlot(PlotextPlot):
    """Draws `data` as lines (`kind="line"`) or bars; colours follow the app theme."""

    data: reactive[PlotData | None] = reactive(None, init=False)

    def __init__(self, kind: Literal["line", "bar"], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.kind = kind

    def watch_data(self, data: PlotData | None) -> None:
        plt = self.plt
        plt.clear_data()
        plt.clear_figure()
        if data is None:
            return
        plt.title(data.title)
        if not data.series:
            plt.title(f"{data.title}: nothing yet")
        for series in data.series:
            if self.kind == "bar":
                plt.bar(series.x, series.y, width=0.5)
            else:
                plt.plot(series.x, series.y, label=series.label, marker="●")
        if data.labels:
            plt.xticks(list(range(1, len(data.labels) + 1)), list(data.labels))
        if self.kind == "line":
            plt.ylim(0, 100)
            plt.yticks([0.0, 25.0, 50.0, 75.0, 100.0])
        else:
            top = int(max((max(s.y, default=0) for s in data.series), default=0))
            plt.yticks(_whole_ticks(top))
        self.refresh()


def _whole_ticks(top: int) -> list[float]:
    """At most six whole-number ticks from 0 to `top` (counts are never fractions)."""
    step = max(1, -(-top // 5))
    return [float(tick) for tick in range(0, top + step, step)]
