"""The detail of a tree item: summary, how / why not, what would change it, and sources."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.reactive import reactive
from textual.style import Style
from textual.widgets import Static

from advisor.tui.data.views import Detail


class DetailPane(VerticalScroll, can_focus=True):
    """Renders `detail`; focus it (tab) to scroll with the arrow keys."""

    detail: reactive[Detail | None] = reactive(None, init=False)

    def compose(self) -> ComposeResult:
        yield Static(id="detail-body")

    def watch_detail(self, detail: Detail | None) -> None:
        self.query_one("#detail-body", Static).update(render_detail(detail) if detail else "")
        self.scroll_home(animate=False)


def render_detail(detail: Detail) -> Content:
    badge = Content.styled(f"  [{detail.badge}]", "$warning") if detail.badge else Content("")
    parts = [Content.assemble((detail.title, "bold $accent"), badge), Content(detail.summary)]
    for section in detail.sections:
        parts += [Content(""), Content.styled(section.heading, "bold underline")]
        for line in section.lines:
            if line.sub:
                parts.append(Content.assemble("    ", line.text))
                continue
            lead = Content.styled(f"{line.lead}  ", "bold") if line.lead else Content("")
            parts.append(Content.assemble("• ", lead, line.text))
    if detail.sources:
        parts += [Content(""), Content.styled("Sources", "bold underline")]
        parts += [Content(url).stylize(Style(link=url)) for url in detail.sources]
    return Content("\n").join(parts)
