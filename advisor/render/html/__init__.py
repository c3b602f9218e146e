"""Self-contained HTML pages (inline CSS and SVG, no scripts, no request to any host) rendered
with Jinja2 templates that share `base.html`, `parts.html` (macros) and `report.css`.

Other faces add a template that extends `base.html` and call `render_page` with its view.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from advisor.render.html.page import render_page

if TYPE_CHECKING:
    from advisor.check import CheckReport
    from advisor.check.severity import Severity
    from advisor.engine.engine import Engine
    from advisor.engine.result import Result
    from advisor.practice.stats import PracticeStats

__all__ = ["render_check_page", "render_page", "render_report", "render_stats_page"]


def render_report(engine: Engine, answers: Mapping[str, Any], result: Result, title: str = "") -> str:
    """A recommendation report: summary, pipeline diagram, answers, and every stage explained."""
    from advisor.render.html.report import build_report

    return render_page("report.html", report=build_report(engine, answers, result, title))


def render_check_page(reports: Sequence[CheckReport], fail_on: Severity = "error") -> str:
    """Design checks: per design the verdict, findings by severity, and the suppressed ones apart."""
    from advisor.render.html.check import build_check_page

    return render_page("check.html", page=build_check_page(reports, fail_on))


def render_stats_page(stats: PracticeStats) -> str:
    """Practice progress: accuracy per domain and task statement, over time; due; leeches."""
    from advisor.render.html.stats import build_stats_page

    return render_page("stats.html", page=build_stats_page(stats))
