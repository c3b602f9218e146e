"""The candidate tree's rows: per stage, ranked candidates and rejected alternatives."""

from __future__ import annotations

from typing import TYPE_CHECKING

from advisor.render.common import badge
from advisor.tui.data.views import StageRows, TreeItem

if TYPE_CHECKING:
    from advisor.engine.result import Exclusion, Result, StageResult
    from advisor.knowledge import KnowledgeBase

BY_LENS = "rejected by lens"
"""The note of an alternative the current lens rejected for its status."""


def result_rows(kb: KnowledgeBase, result: Result) -> tuple[StageRows, ...]:
    """A StageRows for every stage the result concluded something about, in stage order."""
    return tuple(_stage_rows(kb, result, stage) for stage in result.stages)


def _stage_rows(kb: KnowledgeBase, result: Result, stage: StageResult) -> StageRows:
    top = stage.top
    header = TreeItem(
        "stage",
        stage.stage,
        None,
        stage.name,
        note="" if top else "no recommendation",
    )
    candidates = tuple(
        TreeItem("candidate", stage.stage, c.node, c.name, c.score, badge(c.state), rank=rank)
        for rank, c in enumerate(stage.candidates, start=1)
    )
    exclusions = tuple(
        TreeItem(
            "exclusion",
            stage.stage,
            e.node,
            e.name,
            badge=badge(kb.node(e.node).status.state),
            note=_rejected_by(result, e),
        )
        for e in stage.exclusions
    )
    return StageRows(header, candidates, exclusions)


def _rejected_by(result: Result, exclusion: Exclusion) -> str:
    """`rejected by lens` for a status exclusion, else the ids of the rules that rejected it."""
    if exclusion.by_lens:
        return BY_LENS
    return ", ".join(dict.fromkeys(result.firing(i).rule for i in exclusion.firings))
