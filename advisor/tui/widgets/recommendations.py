"""The live recommendations panel: each stage's top pick, updated on every answer."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.reactive import reactive
from textual.widgets import Static

from advisor.tui.data.views import StagePick


class RecommendationsPanel(VerticalScroll):
    """Top pick per stage, the stages in focus first; a stage whose pick changed with the last
    answer is marked ●."""

    picks: reactive[tuple[StagePick, ...]] = reactive((), init=False)
    lens: reactive[str] = reactive("exam")

    def compose(self) -> ComposeResult:
        yield Static(id="picks")

    def on_mount(self) -> None:
        self.border_title = "Recommendations"

    def watch_lens(self, lens: str) -> None:
        self.border_subtitle = f"{lens} lens"

    def watch_picks(self, picks: tuple[StagePick, ...]) -> None:
        self.query_one("#picks", Static).update(render_picks(picks))


def render_picks(picks: tuple[StagePick, ...]) -> Content:
    if not picks:
        return Content.styled("No recommendation yet: answer a question.", "$text-muted")
    rows: list[Content] = []
    for index, pick in enumerate(picks):
        if not pick.in_focus and (index == 0 or picks[index - 1].in_focus):
            rows.append(Content.styled("Outside your focus", "italic $text-muted"))
        mark = Content.styled("● ", "$accent") if pick.changed else Content("  ")
        rows.append(Content.assemble(mark, (pick.stage, "bold")))
        if pick.top:
            badge = Content.styled(f" [{pick.badge}]", "$warning") if pick.badge else Content("")
            rows.append(Content.assemble((f"{pick.score:>4} ", "$success"), pick.top, badge))
        else:
            rows.append(Content.styled("  no pick", "$text-muted"))
    return Content("\n").join(rows)
