"""Turning a Result into text for a terminal, JSON for programs, Markdown for people; HTML
reports are in `advisor.render.html` (they also need the engine, for what would change a pick)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from advisor.engine.result import Result
    from advisor.knowledge import KnowledgeBase

FORMATS = ("text", "json", "markdown")


def render_result(kb: KnowledgeBase, result: Result, fmt: str, title: str = "") -> str:
    """Render in one of FORMATS."""
    if fmt == "json":
        from advisor.render.json_format import render_json

        return render_json(kb, result)
    if fmt == "markdown":
        from advisor.render.markdown import render_markdown

        return render_markdown(kb, result, title)
    from advisor.render.text import render_text

    return render_text(kb, result, title)
