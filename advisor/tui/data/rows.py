"""The candidate tree's rows: per stage, ranked candidates and rejected alternatives."""

from __future__ import annotations

from typing import TYPE_CHECKING

from advisor.render.common import badge, display_stages, symptom_line
from advisor.render.words import counted
from advisor.tui.data.views import StageRows, TreeItem

if TYPE_CHECKING:
    from advisor.engine.result import Exclusion, Result, StageResult
    from advisor.knowledge import KnowledgeBase

BY_LENS = "rejected by lens"
"""The note of an alternative the current lens rejected for its status."""


def result_rows(kb: KnowledgeBase, result: Result) -> tuple[StageRows, ...]:
    """The diagnoses (if any), then every stage the result concluded something about: the
    focused ones first and open, the others after them, folded."""
    focused, others = display_stages(kb, result)
    stages = [_stage_rows(kb, result, stage) for stage in focused]
    stages += [_stage_rows(kb, result, stage, folded=True) for stage in others]
    return (*_diagnosis_rows(kb, result), *stages)


def _diagnosis_rows(kb: KnowledgeBase, result: Result) -> tuple[StageRows, ...]:
    if not result.diagnoses:
        return ()
    count = len(result.diagnoses)
    header = TreeItem("group", "", None, "Diagnosis", note=f"{counted(count, 'cause')} found")
    rows = tuple(
        TreeItem("diagnosis", "", None, symptom_line(kb, result, diagnosis), rank=index)
        for index, diagnosis in enumerate(result.diagnoses)
    )
    return (StageRows(header, rows, ()),)


def _stage_rows(kb: KnowledgeBase, result: Result, stage: StageResult, folded: bool = False) -> StageRows:
    top = stage.top
    name = f"{kb.stages[stage.within].name}: {stage.name}" if stage.within else stage.name
    note = "not needed" if stage.not_needed else "" if top else "no recommendation"
    if folded and top is not None:
        note = f"→ {top.name}"
    header = TreeItem("stage", stage.stage, None, name, note=note)
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
    return StageRows(header, candidates, exclusions, folded)


def _rejected_by(result: Result, exclusion: Exclusion) -> str:
    """`rejected by lens` for a status exclusion, else the ids of the rules that rejected it."""
    if exclusion.by_lens:
        return BY_LENS
    return ", ".join(dict.fromkeys(result.firing(i).rule for i in exclusion.firings))
