"""Self-contained HTML pages (inline CSS and SVG, no scripts, no request to any host) rendered
with Jinja2 templates that share `base.html`, `parts.html` (macros) and `report.css`.

Other faces add a template that extends `base.html` and call `render_page` with its view.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from advisor.render.html.page import render_page

if TYPE_CHECKING:
    from advisor.engine.engine import Engine
    from advisor.engine.result import Result

__all__ = ["render_page", "render_report"]


def render_report(engine: Engine, answers: Mapping[str, Any], result: Result, title: str = "") -> str:
    """A recommendation report: summary, pipeline diagram, answers, and every stage explained."""
    from advisor.render.html.report import build_report

    return render_page("report.html", report=build_report(engine, answers, result, title))
