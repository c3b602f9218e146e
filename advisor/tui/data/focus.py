"""The choices of "What are you deciding?": the whole pipeline, or some of the stages."""

from __future__ import annotations

from typing import TYPE_CHECKING

from advisor.tui.data.views import Option

if TYPE_CHECKING:
    from advisor.knowledge import KnowledgeBase

WHOLE_PIPELINE = "all"
"""The value of the choice that means every stage."""


def focus_options(kb: KnowledgeBase) -> tuple[Option, ...]:
    """The whole pipeline first, then each stage (decisions within a stage come with it)."""
    stages = [stage for stage in kb.stages.values() if stage.within is None]
    whole = Option(WHOLE_PIPELINE, "The whole pipeline")
    return (whole, *(Option(s.id, f"{s.name} — {s.doc}" if s.doc else s.name) for s in stages))


def chosen_focus(values: list[str]) -> tuple[str, ...]:
    """The focus for the ticked values: empty (every stage) for none or the whole pipeline."""
    return () if not values or WHOLE_PIPELINE in values else tuple(values)
