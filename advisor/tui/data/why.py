""" "Why are you asking this?": what each answer to the current question would change."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from advisor.tui.data.views import Line

if TYPE_CHECKING:
    from advisor.interview import Impact
    from advisor.knowledge import KnowledgeBase


def why_lines(kb: KnowledgeBase, impacts: Iterable[Impact]) -> tuple[Line, ...]:
    """One line per (answer, stage) that changes the stage's top pick, in lookahead order."""

    def name(node: str | None) -> str:
        return kb.nodes[node].name if node else "no pick"

    def change(i: Impact) -> str:
        if i.joint:
            return f"can change with '{kb.questions[i.via or ''].text}' (now {name(i.before)})"
        return f"'{i.label}' → {name(i.after)} (now {name(i.before)})"

    return tuple(Line(kb.stages[i.stage].name, change(i)) for i in impacts)
