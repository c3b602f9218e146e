"""Every output format of `advisor check`, behind one function."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from advisor.check.findings import CheckReport
    from advisor.check.severity import Severity

FORMATS = ("text", "json", "markdown", "html", "sarif", "junit")


def render_check(reports: Sequence[CheckReport], fmt: str, fail_on: Severity = "error") -> str:
    """The reports in one of FORMATS; `fail_on` decides what JSON, JUnit and HTML count as failed."""
    if fmt == "json":
        from advisor.check.json_format import render_json

        return render_json(reports, fail_on)
    if fmt == "markdown":
        from advisor.check.markdown import render_markdown

        return render_markdown(reports)
    if fmt == "html":
        from advisor.render.html import render_check_page

        return render_check_page(reports, fail_on)
    if fmt == "sarif":
        from advisor.check.sarif import render_sarif

        return render_sarif(reports)
    if fmt == "junit":
        from advisor.check.junit import render_junit

        return render_junit(reports, fail_on)
    from advisor.check.text import render_text

    return render_text(reports)
