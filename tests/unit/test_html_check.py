"""The HTML page of `advisor check`: findings by severity, suppressed ones apart with their reason,
unread template resources, escaped user text, nothing fetched, same bytes."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from advisor.check.design import read_design
from advisor.check.findings import CheckReport, check_design
from advisor.knowledge import KnowledgeBase
from advisor.render.html import render_check_page

from fixtures_path import CHECK
from html_page import HOSTILE, escaped, parse

TODAY = datetime.date(2026, 6, 1)
DESIGN = """\
title: 'Fast stream, old buffer kept'
focus: [ingestion, storage]
answers: {arrival: stream, speed: fast}
design:
  ingestion: [buffer_b, old_d]
  storage: warehouse
suppress:
  - {node: old_d, reason: 'REASON', expires: 2026-12-31}
"""


def checked(kb: KnowledgeBase, path: Path, text: str, template: Path | None = None) -> CheckReport:
    path.write_text(text, encoding="utf-8")
    return check_design(kb, read_design(kb, path, template), None, today=TODAY)


@pytest.fixture
def report(check_kb: KnowledgeBase, tmp_path: Path) -> CheckReport:
    return checked(check_kb, tmp_path / "x.design.yaml", DESIGN.replace("REASON", "kept for the pilot"))


def test_findings_are_grouped_by_severity_and_the_suppressed_listed_apart(report: CheckReport) -> None:
    page = parse(render_check_page([report]))
    text = page.text
    assert text.startswith("Design check: Fast stream, old buffer kept")
    assert "Fails: 1 error, 1 warning, 1 info, 2 suppressed." in text
    headings = [a.get("id") for a in page.with_class("section", "severity-group")]
    assert headings == ["design-1-error", "design-1-warning", "design-1-info", "design-1-suppressed"]
    assert [a.get("id") for a in page.with_class("article", "finding")] == [
        "design-1-ING-003/ingestion/buffer_b",
        "design-1-not-recommended/storage/warehouse",
        "design-1-no-choice/capacity",
        "design-1-ING-003/ingestion/old_d",
        "design-1-status/ingestion/old_d",
    ]
    assert len(page.with_class("article", "suppressed")) == 2
    assert (
        "Suppressed (2) Reported, not counted: the design accepts them, for the reason given. "
        "ING-003/ingestion/old_d Delivery slower than required" in text
    )
    assert "Suppressed kept for the pilot (until 2026-12-31; at " in text
    assert "Better fit Stream A Fix Use Stream A instead" in text
    assert "Why ING-002 +2 for Stream A: " in text
    assert "summary" not in [a.get("id") for _, a in page.tags]  # one design: no summary table


def test_the_verdict_follows_fail_on_and_ignores_suppressed_findings(
    check_kb: KnowledgeBase, tmp_path: Path
) -> None:
    text = DESIGN.replace("[buffer_b, old_d]", "old_d").replace("REASON", "pilot")
    report = checked(check_kb, tmp_path / "x.design.yaml", text)
    on_error = parse(render_check_page([report], "error"))
    assert "Passes: 0 errors, 1 warning, 1 info, 2 suppressed." in on_error.text
    assert "The check fails on findings at or above error." in on_error.text
    on_warning = parse(render_check_page([report], "warning"))
    assert "Fails: 0 errors, 1 warning" in on_warning.text
    assert on_warning.with_class("p", "fails") and not on_error.with_class("p", "fails")


def test_several_designs_get_a_summary_linking_each(
    report: CheckReport, check_kb: KnowledgeBase, tmp_path: Path
) -> None:
    passing = checked(
        check_kb,
        tmp_path / "ok.design.yaml",
        "title: Stream A\nanswers: {arrival: stream}\ndesign: {ingestion: stream_a}\n",
    )
    page = parse(render_check_page([report, passing]))
    assert page.text.startswith("Design check: 2 designs")
    assert page.rows[1:3] == [
        ["Fast stream, old buffer kept", "Fails", "1 error, 1 warning, 1 info, 2 suppressed"],
        ["Stream A", "Passes", "0 errors, 0 warnings, 0 info, 0 suppressed"],
    ]
    assert [a["href"] for t, a in page.tags if t == "a" and (a.get("href") or "").startswith("#")] == [
        "#design-1",
        "#design-2",
    ]
    assert (
        "Stream A Design" in page.text
        and "Passes: 0 errors" in page.text
        and "No active finding." in page.text
    )


def test_template_resources_no_mapping_read_are_listed(check_kb: KnowledgeBase, tmp_path: Path) -> None:
    template = CHECK / "all_tags.template.yaml"
    design = (CHECK / "stream.design.yaml").read_text(encoding="utf-8")
    report = checked(check_kb, tmp_path / "stream.design.yaml", design, template)
    assert report.design.unmapped
    page = parse(render_check_page([report]))
    assert "Template resources not read as design choices" in page.text
    unread = [(u.resource, u.type, str(u.location.line)) for u in report.design.unmapped]
    assert [tuple(row) for row in page.rows[1:]] == unread
    assert f"template {template}" in page.text


@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_title_and_suppression_reason_are_escaped(
    check_kb: KnowledgeBase, tmp_path: Path, hostile: str
) -> None:
    text = DESIGN.replace("REASON", hostile).replace("Fast stream, old buffer kept", hostile)
    html = render_check_page([checked(check_kb, tmp_path / "x.design.yaml", text)])
    assert "<script" not in html and 'onload="' not in html
    assert html.count(escaped(hostile)) == 5  # <title>, <h1>, <h2>, and both suppressed findings
    page = parse(html)
    assert page.text.startswith(f"Design check: {hostile} ")
    assert f"Suppressed {hostile} (until 2026-12-31" in page.text
    assert [attrs for tag, attrs in page.tags if tag == "body"] == [{}]


def test_sources_are_plain_links_nothing_is_fetched_and_output_is_stable(report: CheckReport) -> None:
    html = render_check_page([report])
    page = parse(html)
    assert page.fetching() == []
    assert page.links() and all(url.startswith("https://docs.aws.amazon.com/") for url in page.links())
    assert "url(" not in html and "@import" not in html
    assert render_check_page([report]) == html
