"""The candidate tree's rows: per stage, ranked candidates and rejected alternatives."""

from __future__ import annotations

from typing import TYPE_CHECKING

from advisor.render.common import badge
from advisor.tui.data.views import StageRows, TreeItem

if TYPE_CHECKING:
    from advisor.engine.result import Exclusion, Result, StageResult


def result_rows(result: Result) -> tuple[StageRows, ...]:
    """A StageRows for every stage the result concluded something about, in stage order."""
    return tuple(_stage_rows(result, stage) for stage in result.stages)


def _stage_rows(result: Result, stage: StageResult) -> StageRows:
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
        TreeItem("exclusion", stage.stage, e.node, e.name, note=_rejected_by(result, e))
        for e in stage.exclusions
    )
    return StageRows(header, candidates, exclusions)


def _rejected_by(result: Result, exclusion: Exclusion) -> str:
    """`lens` for a status exclusion, else the ids of the rules that rejected it."""
    if exclusion.by_lens:
        return "lens"
    return ", ".join(dict.fromkeys(result.firing(i).rule for i in exclusion.firings))
