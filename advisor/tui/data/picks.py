"""The live recommendations panel's rows: each stage's top pick, marked when it just changed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from advisor.render.common import badge
from advisor.tui.data.views import StagePick

if TYPE_CHECKING:
    from advisor.engine.result import Result
    from advisor.knowledge import KnowledgeBase


def stage_picks(kb: KnowledgeBase, result: Result, previous: Result | None = None) -> tuple[StagePick, ...]:
    """A row per stage that has a top pick (or just lost one): the stages in focus first, the
    others after them, each part in stage order.

    `changed` compares with `previous`, the result before the last answer.
    """
    picks = []
    for stage_id, stage in kb.stages.items():
        outcome = result.stage(stage_id)
        top = outcome.top if outcome else None
        changed = previous is not None and previous.top(stage_id) != result.top(stage_id)
        if top is None and not changed:
            continue
        picks.append(
            StagePick(
                stage=stage.name,
                top=top.name if top else "",
                score=top.score if top else None,
                badge=badge(top.state) if top else "",
                changed=changed,
                in_focus=result.stage_in_focus(stage_id, stage.within),
            )
        )
    return tuple(sorted(picks, key=lambda pick: not pick.in_focus))  # stable: stage order kept
