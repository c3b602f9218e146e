"""Findings grouped by severity (errors, warnings, information, suppressed)."""

from __future__ import annotations

from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from advisor.tui.data.views import FindingGroup, FindingRow

MARKS = {"error": "✗", "warning": "!", "info": "i", "suppressed": "~"}
"""A mark per group, so the severity reads without colour too."""


class FindingTree(Tree[FindingRow]):
    """Shows `groups`; posts Highlighted with the finding under the cursor."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "finding-tree--error",
        "finding-tree--warning",
        "finding-tree--info",
        "finding-tree--suppressed",
        "finding-tree--rule",
    }
    groups: reactive[tuple[FindingGroup, ...]] = reactive((), init=False, always_update=True)

    class Highlighted(Message):
        """The cursor moved to a finding."""

        def __init__(self, row: FindingRow) -> None:
            super().__init__()
            self.row = row

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("Findings", id=id)
        self.show_root = False
        self.guide_depth = 2

    def watch_groups(self, groups: tuple[FindingGroup, ...]) -> None:
        self.clear()
        first: TreeNode[FindingRow] | None = None
        for group in groups:
            branch = self.root.add(Text(group.label), expand=True)
            for row in group.rows:
                leaf = branch.add_leaf(Text(_plain(row)), data=row)
                first = first or leaf
        self.call_after_refresh(self._start, first)

    def _start(self, node: TreeNode[FindingRow] | None) -> None:
        if node is not None:
            self.move_cursor(node)
            self.post_message(self.Highlighted(node.data))  # type: ignore[arg-type]

    def render_label(self, node: TreeNode[FindingRow], base_style: Style, style: Style) -> Text:
        """The mark in its group's colour, the rule muted, cut with … at the tree's edge."""
        text = super().render_label(node, base_style, style)
        row = node.data
        if row is None:
            return text
        start = len(text) - len(node.label)
        mark = self.get_component_rich_style(f"finding-tree--{row.group}", partial=True)
        text.stylize(mark, start, start + 1)
        rule = self.get_component_rich_style("finding-tree--rule", partial=True)
        text.stylize(rule, start + len(_plain(row)) - len(row.note), len(text))
        room = self.scrollable_content_region.width - self.guide_depth * 2
        if room > 0:
            text.truncate(room, overflow="ellipsis")
        return text

    def on_tree_node_highlighted(self, event: Tree.NodeHighlighted[FindingRow]) -> None:
        event.stop()
        if event.node.data is not None:
            self.post_message(self.Highlighted(event.node.data))

    def on_tree_node_selected(self, event: Tree.NodeSelected[FindingRow]) -> None:
        event.stop()


def _plain(row: FindingRow) -> str:
    """`✗ buffer_b (ingestion)  ING-003`."""
    return f"{MARKS[row.group]} {row.label}  {row.note}"
