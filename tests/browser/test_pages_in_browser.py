"""The HTML pages of `advisor check` and `advisor practice stats` as a colleague opens them:
findings and progress visible, the chart drawn, nothing fetched, hostile text inert, printable."""

from __future__ import annotations

import json
from pathlib import Path

from browsing import Visit
from installed.installed_run import Run

DESIGN = "card_payments_on_firehose_accepted"
HOSTILE = '<script>alert(1)</script>" onload="alert(2)'
HOSTILE_DESIGN = """\
title: 'TITLE'
answers: {data_type: tabular, data_arrival: streaming, ingest_latency: sub_second}
design: {ingestion: amazon_data_firehose}
suppress:
  - {rule: ING-003, reason: 'TITLE'}
"""


def opened(visit: Visit, page: Path) -> None:
    """Open a page from disk; it alone is requested, and nothing leaves this machine."""
    visit.page.goto(page.as_uri())
    assert visit.requests == [page.as_uri()]
    assert visit.outside_requests() == []


def test_check_page_shows_verdict_findings_and_the_suppressed_apart(
    advisor: Run, outside: Path, visit: Visit, artefacts: Path
) -> None:
    done = advisor("check", "--example", DESIGN, "--format", "html", "-o", "check.html")
    assert done.returncode == 0, done.stderr
    opened(visit, outside / "check.html")
    page = visit.page
    page.screenshot(path=str(artefacts / "check.jpeg"), full_page=True, quality=70)
    assert page.locator("h1").inner_text() == (
        "Design check: Card payments through Firehose, the violation accepted for a pilot (suppressed)"
    )
    assert page.locator("p.verdict-line").inner_text().startswith("Passes: 0 errors")
    suppressed = page.locator("#design-1-suppressed")
    assert suppressed.is_visible()
    firehose = suppressed.locator("article", has_text="ING-003/ingestion/amazon_data_firehose")
    assert firehose.locator("dd.justification").inner_text().startswith("Pilot with one merchant")
    assert "until 2099-12-31" in firehose.inner_text()
    assert firehose.locator("a").first.get_attribute("href").startswith("https://docs.aws.amazon.com/")
    assert page.locator("article.finding").count() == page.locator("article.finding:visible").count() > 3


def test_check_page_prints_each_finding_whole(
    advisor: Run, outside: Path, visit: Visit, artefacts: Path
) -> None:
    assert advisor("check", "--example", DESIGN, "--format", "html", "-o", "check.html").returncode == 0
    opened(visit, outside / "check.html")
    page = visit.page
    page.emulate_media(media="print")
    assert page.locator("article.finding").first.evaluate("e => getComputedStyle(e).breakInside") == "avoid"
    assert page.locator("a").first.evaluate("e => getComputedStyle(e).textDecorationLine") == "none"
    assert page.pdf(path=str(artefacts / "check.pdf"), format="A4").startswith(b"%PDF")


def test_a_hostile_design_title_and_reason_show_as_text(
    advisor: Run, outside: Path, visit: Visit, artefacts: Path
) -> None:
    design = HOSTILE_DESIGN.replace("TITLE", HOSTILE)
    (outside / "hostile.design.yaml").write_text(design, encoding="utf-8")
    done = advisor("check", "hostile.design.yaml", "--format", "html", "-o", "check.html")
    assert done.returncode in {0, 3}, done.stderr
    opened(visit, outside / "check.html")
    page = visit.page
    page.screenshot(path=str(artefacts / "check-hostile-title.png"))
    assert page.locator("h2").first.inner_text() == HOSTILE
    assert page.title() == f"Design check: {HOSTILE}"
    assert page.locator("dd.justification").first.inner_text().startswith(HOSTILE)
    assert page.evaluate("document.scripts.length") == 0
    assert page.locator("[onload]").count() == 0
    assert visit.dialogs == []


def test_stats_page_shows_progress_per_domain_with_a_chart(
    advisor: Run, outside: Path, visit: Visit, artefacts: Path
) -> None:
    practiced = advisor("practice", "--mode", "drill", "--count", "4", "--seed", "3", stdin="A\nB\nC\nD\n")
    assert practiced.returncode == 0, practiced.stderr
    stats = json.loads(advisor("practice", "stats", "--format", "json").stdout)
    practised = [d["name"] for d in stats["domains"] if d["attempts"]]
    assert advisor("practice", "stats", "--format", "html", "-o", "stats.html").returncode == 0
    opened(visit, outside / "stats.html")
    page = visit.page
    page.screenshot(path=str(artefacts / "stats.jpeg"), full_page=True, quality=70)
    assert page.locator("h1").inner_text().startswith("Practice progress: ")
    assert page.locator("p.lead").inner_text().startswith(f"4 answers in 1 round, {stats['correct']} right")
    rows = page.locator("#domains table tbody tr")
    assert rows.count() == len(stats["domains"])
    chart = page.locator("svg.accuracy")
    assert chart.is_visible() and (chart.bounding_box() or {"width": 0})["width"] > 300
    assert chart.locator("g.series").count() == len(practised) == chart.locator("circle").count()
    assert [name.strip() for name in page.locator("ul.legend li").all_inner_texts()] == practised
    assert page.locator("#over-time tbody tr").count() == 1
