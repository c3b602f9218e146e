"""The recommended pipeline as a diagram: a row per stage with its pick, and an arrow for each
delivers_to / feeds / reads_from relation between two picks, laid out deterministically."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from advisor.render.common import ordered_stages, pick_text

if TYPE_CHECKING:
    from advisor.engine.result import Result, StageResult
    from advisor.knowledge import KnowledgeBase

ROW_HEIGHT, ROW_PITCH, PADDING = 34, 44, 10
LABEL_CHAR_WIDTH, PICK_CHAR_WIDTH = 7.0, 7.6
"""Average widths of a character at the diagram's 13px font (picks are bold)."""
LANE_GAP, LANE_START = 14, 18
NEST_INDENT = 22
"""How far a decision within a stage is indented under that stage's box."""
LABEL_CHARS, BOX_CHARS = 40, 44
FLOW_VERBS = {"delivers_to": "delivers to", "feeds": "feeds", "reads_from": "reads from"}


@dataclass(frozen=True)
class Box:
    """A stage's row: the stage name, and its pick ("no pick" or "not needed" when it has none).
    A decision within a stage is indented under that stage's row and joined to it by `nest`."""

    stage: str
    stage_name: str
    pick: str
    full_pick: str
    x: float
    y: float
    width: float
    within: bool = False
    folded: bool = False
    """Not in focus (only when the result has a focus): drawn muted."""
    nest: str = ""
    """For a decision within a stage: the SVG path from its stage's box to this one."""


@dataclass(frozen=True)
class Arrow:
    """Data flowing from one pick to another, drawn in its own lane right of the boxes."""

    relation: str
    sentence: str
    """The relation as the knowledge states it, e.g. 'AWS Glue reads from Amazon S3'."""
    path: str


@dataclass(frozen=True)
class Diagram:
    width: float
    height: float
    label_width: float
    row_height: float
    boxes: tuple[Box, ...]
    arrows: tuple[Arrow, ...]


def layout_pipeline(kb: KnowledgeBase, result: Result) -> Diagram:
    """Lay out every stage of the result in report order (each decision within a stage indented
    under it), with arrows between related picks."""
    stages = ordered_stages(kb, result)
    rows = [stage.top.node if stage.top else None for stage in stages]
    labels = [_cut(stage.name, LABEL_CHARS) for stage in stages]
    picks = [
        _cut(kb.nodes[node].name, BOX_CHARS) if node else pick_text(s)
        for s, node in zip(stages, rows, strict=True)
    ]
    label_width = _width(labels, LABEL_CHAR_WIDTH)
    box_x = label_width + 2 * PADDING
    box_width = (
        max(
            (
                _width([pick], PICK_CHAR_WIDTH) + (NEST_INDENT if s.within else 0)
                for s, pick in zip(stages, picks, strict=True)
            ),
            default=_width([], PICK_CHAR_WIDTH),
        )
        + 2 * PADDING
    )
    boxes = _boxes(result, stages, labels, picks, box_x, box_width)
    edge_x = box_x + box_width
    arrows = tuple(
        _arrow(kb, flow, pair, edge_x + LANE_START + lane * LANE_GAP, edge_x)
        for lane, (flow, pair) in enumerate(_placed_flows(kb, rows))
    )
    width = edge_x + LANE_START + len(arrows) * LANE_GAP + PADDING
    return Diagram(width, len(boxes) * ROW_PITCH, label_width, ROW_HEIGHT, boxes, arrows)


def _boxes(
    result: Result,
    stages: list[StageResult],
    labels: list[str],
    picks: list[str],
    box_x: float,
    box_width: float,
) -> tuple[Box, ...]:
    rows = {stage.stage: row for row, stage in enumerate(stages)}
    boxes = []
    for row, stage in enumerate(stages):
        parent = rows.get(stage.within) if stage.within else None
        indent = NEST_INDENT if parent is not None else 0
        boxes.append(
            Box(
                stage.stage,
                labels[row],
                picks[row],
                stage.top.name if stage.top else "",
                box_x + indent,
                row * ROW_PITCH,
                box_width - indent,
                within=parent is not None,
                folded=bool(result.focus) and not result.in_focus(stage),
                nest=_nest_path(parent, row, box_x) if parent is not None else "",
            )
        )
    return tuple(boxes)


def _nest_path(parent: int, row: int, box_x: float) -> str:
    """Down from the left of the stage's box, then right into the decision's box."""
    x, top, middle = (
        box_x + NEST_INDENT / 2,
        parent * ROW_PITCH + ROW_HEIGHT,
        row * ROW_PITCH + ROW_HEIGHT / 2,
    )
    return f"M {x:g} {top:g} V {middle:g} H {box_x + NEST_INDENT:g}"


def _width(texts: list[str], char_width: float) -> float:
    return round(char_width * max(map(len, texts), default=10), 1)


def pick_flows(kb: KnowledgeBase, picks: set[str]) -> list[tuple[str, str, str]]:
    """(from, to, relation) for each relation between two picks, in the direction data flows."""
    graph = kb.graph
    found = set()
    for node in picks:
        for relation in FLOW_VERBS:
            for other in graph.related(node, relation):
                if other in picks and other != node:
                    found.add(
                        (other, node, relation) if relation == "reads_from" else (node, other, relation)
                    )
    return sorted(found)


def _placed_flows(
    kb: KnowledgeBase, rows: list[str | None]
) -> list[tuple[tuple[str, str, str], tuple[int, int]]]:
    """Each flow with the pair of rows it joins (the nearest, when a node is picked twice),
    shortest spans first so they take the inner lanes."""
    placed = []
    for flow in pick_flows(kb, {node for node in rows if node}):
        pairs = [
            (i, j) for i, a in enumerate(rows) if a == flow[0] for j, b in enumerate(rows) if b == flow[1]
        ]
        i, j = min(pairs, key=lambda p: (abs(p[0] - p[1]), p))
        placed.append((flow, (i, j)))
    return sorted(placed, key=lambda item: (abs(item[1][0] - item[1][1]), min(item[1]), item[1], item[0]))


def _arrow(
    kb: KnowledgeBase, flow: tuple[str, str, str], rows: tuple[int, int], lane_x: float, edge_x: float
) -> Arrow:
    source, target, relation = flow
    start = rows[0] * ROW_PITCH + ROW_HEIGHT / 2 + (-6 if rows[0] < rows[1] else 6)
    end = rows[1] * ROW_PITCH + ROW_HEIGHT / 2 + (6 if rows[0] < rows[1] else -6)
    path = f"M {edge_x:g} {start:g} H {lane_x:g} V {end:g} H {edge_x + 4:g}"
    subject, thing = (target, source) if relation == "reads_from" else (source, target)
    sentence = f"{kb.nodes[subject].name} {FLOW_VERBS[relation]} {kb.nodes[thing].name}"
    return Arrow(relation, sentence, path)


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
