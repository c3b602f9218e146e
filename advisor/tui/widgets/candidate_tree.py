"""Per stage: ranked candidates (score, status badge) and the alternatives rules rejected."""

from __future__ import annotations

from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from advisor.tui.data.views import StageRows, TreeItem

Part = tuple[str, str | None]
"""A piece of a label and the component class that styles it."""


class CandidateTree(Tree[TreeItem]):
    """Shows `rows`; posts Highlighted with the item under the cursor."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "candidate-tree--muted",
        "candidate-tree--score",
        "candidate-tree--badge",
        "candidate-tree--rejected",
        "candidate-tree--stage",
    }
    rows: reactive[tuple[StageRows, ...]] = reactive((), init=False, always_update=True)

    class Highlighted(Message):
        """The cursor moved to a stage, a candidate or a rejected alternative."""

        def __init__(self, item: TreeItem) -> None:
            super().__init__()
            self.item = item

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("Stages", id=id)
        self.show_root = False
        self.guide_depth = 2

    def watch_rows(self, rows: tuple[StageRows, ...]) -> None:
        cursor = self.cursor_node.data if self.cursor_node else None
        self.clear()
        for stage in rows:
            branch = self._add(self.root, stage.stage, leaf=False, expand=not stage.folded)
            for item in stage.candidates:
                self._add(branch, item)
            if stage.exclusions:
                group = TreeItem("stage", stage.stage.stage, None, f"Rejected ({len(stage.exclusions)})")
                rejected = self._add(branch, group, leaf=False)
                for item in stage.exclusions:
                    self._add(rejected, item)
        self.call_after_refresh(self._restore, cursor)

    def _add(
        self, parent: TreeNode[TreeItem], item: TreeItem, leaf: bool = True, expand: bool = True
    ) -> TreeNode[TreeItem]:
        label = Text("".join(text for text, _ in label_parts(item)))
        if leaf:
            return parent.add_leaf(label, data=item)
        return parent.add(label, data=item, expand=expand)

    def _restore(self, wanted: TreeItem | None) -> None:
        """Put the cursor back on `wanted`, else on its stage (or the first), and say what is
        highlighted. A lens switch may move a node between candidates and rejected ones."""
        node = self._find(wanted) or (self.root.children[0] if self.root.children else None)
        self.move_cursor(node)
        if node is not None and node.data is not None:
            self.post_message(self.Highlighted(node.data))

    def _find(self, wanted: TreeItem | None) -> TreeNode[TreeItem] | None:
        """The row of `wanted`'s node in the same stage, else that stage's header."""
        if wanted is None:
            return None
        stages = [node for node in self.root.children if node.data and node.data.stage == wanted.stage]
        pending = list(stages)
        while wanted.node is not None and pending:
            node = pending.pop(0)
            if node.data is not None and node.data.node == wanted.node:
                return node
            pending.extend(node.children)
        return stages[0] if stages else None

    def render_label(self, node: TreeNode[TreeItem], base_style: Style, style: Style) -> Text:
        """The label, with score, badge and notes styled by the component classes, ending in …
        where it is wider than the tree (the detail pane shows the full name)."""
        text = super().render_label(node, base_style, style)
        if node.data is None:
            return text
        position = len(text) - len(node.label)
        for piece, component in label_parts(node.data):
            if component:
                text.stylize(
                    self.get_component_rich_style(component, partial=True), position, position + len(piece)
                )
            position += len(piece)
        room = self.scrollable_content_region.width - self.guide_depth * _depth(node)
        if room > 0:
            text.truncate(room, overflow="ellipsis")
        return text

    def on_tree_node_highlighted(self, event: Tree.NodeHighlighted[TreeItem]) -> None:
        event.stop()
        if event.node.data is not None:
            self.post_message(self.Highlighted(event.node.data))

    def on_tree_node_selected(self, event: Tree.NodeSelected[TreeItem]) -> None:
        event.stop()


def _depth(node: TreeNode[TreeItem]) -> int:
    """How many levels below a stage the node is (the tree guides take that many indents)."""
    depth = -1
    while node.parent is not None:
        node, depth = node.parent, depth + 1
    return depth


MUTED, SCORE, BADGE, REJECTED, STAGE = (
    f"candidate-tree--{name}" for name in ("muted", "score", "badge", "rejected", "stage")
)


def label_parts(item: TreeItem) -> list[Part]:
    """The pieces of an item's label: ` +3 Old D [retired]`, `✗ Old D [retired]  ING-003`."""
    if item.kind in ("stage", "group"):
        return [(item.label, STAGE), (f"  {item.note}" if item.note else "", MUTED)]
    if item.kind == "diagnosis":
        return [("! ", BADGE), (item.label, None)]
    badge = f" [{item.badge}]" if item.badge else ""
    if item.kind == "exclusion":
        return [("✗ ", REJECTED), (item.label, None), (badge, BADGE), (f"  {item.note}", MUTED)]
    return [(f"{item.score or 0:+3d} ", SCORE), (item.label, None), (badge, BADGE)]
