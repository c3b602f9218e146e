"""An HTML report as a colleague opens it: every section visible, nothing fetched, hostile text inert."""

from __future__ import annotations

import re
from pathlib import Path

from browsing import Visit
from installed.installed_run import Run

EXAMPLE = "card_payments_sub_second_fan_out"
HOSTILE_TITLE = '<script>alert(1)</script>" onload="alert(2)'
SECTIONS = ["How", "Why not the alternatives", "What would change the pick", "Sources"]


def test_report_renders_every_section_without_outside_requests(
    advisor: Run, outside: Path, visit: Visit, artefacts: Path
) -> None:
    done = advisor("recommend", "--example", EXAMPLE, "--format", "html", "-o", "r.html")
    assert done.returncode == 0, done.stderr
    page = visit.page
    page.goto((outside / "r.html").as_uri())
    page.screenshot(path=str(artefacts / "report.jpeg"), full_page=True, quality=70)
    summary = page.locator("#summary tbody tr")
    stages = page.locator("section.stage h2").all_inner_texts()
    assert summary.count() == len(stages) >= 10
    links = page.locator("#summary tbody tr td:first-child a")
    sections = page.locator("section.stage")
    assert [a.get_attribute("href") for a in links.all()] == [
        f"#{s.get_attribute('id')}" for s in sections.all()
    ]
    for name, heading in zip(links.all_inner_texts(), stages, strict=True):
        assert heading == name or heading.endswith(f": {name}")  # a decision within a stage names it
    assert (
        page.locator("h1").inner_text()
        == "Card payments reach a fraud model within a second and feed several consumers"
    )
    ingestion = page.locator("#stage-ingestion")
    assert ingestion.locator("p.pick").inner_text() == "Recommended: Amazon Kinesis Data Streams"
    assert ingestion.locator("h3").all_inner_texts()[: len(SECTIONS) - 1] == SECTIONS[:-1]
    assert ingestion.locator("h3").all_inner_texts()[-1] == "Sources"
    assert "Amazon Data Firehose" in ingestion.locator("ul.alternatives").inner_text()
    assert (
        ingestion.locator("ol.sources a")
        .first.get_attribute("href")
        .startswith("https://docs.aws.amazon.com/")
    )
    diagram = page.locator("svg.pipeline")
    assert diagram.is_visible()
    assert diagram.locator("rect").count() == len(stages)
    assert diagram.locator("path.flow").count() == page.locator("ul.flows li").count() > 0
    assert (diagram.bounding_box() or {"width": 0})["width"] > 300
    assert visit.requests == [(outside / "r.html").as_uri()]
    assert visit.outside_requests() == []


def test_report_prints_to_pages(advisor: Run, outside: Path, visit: Visit, artefacts: Path) -> None:
    assert advisor("recommend", "--example", EXAMPLE, "--format", "html", "-o", "r.html").returncode == 0
    page = visit.page
    page.goto((outside / "r.html").as_uri())
    page.emulate_media(media="print")
    assert page.locator("#answers").evaluate("e => getComputedStyle(e).breakBefore") == "page"
    pdf = page.pdf(path=str(artefacts / "report.pdf"), format="A4")
    assert len(re.findall(rb"/Type\s*/Page(?!s)", pdf)) > 2


def test_a_hostile_title_shows_as_text_and_runs_nothing(
    advisor: Run, outside: Path, visit: Visit, artefacts: Path
) -> None:
    answers = outside / "hostile.yaml"
    answers.write_text(f"title: '{HOSTILE_TITLE}'\nanswers:\n  data_arrival: streaming\n", encoding="utf-8")
    assert advisor("recommend", "hostile.yaml", "--format", "html", "-o", "r.html").returncode == 0
    page = visit.page
    page.goto((outside / "r.html").as_uri())
    page.screenshot(path=str(artefacts / "report-hostile-title.png"))
    assert page.locator("h1").inner_text() == HOSTILE_TITLE
    assert page.title() == HOSTILE_TITLE
    assert page.evaluate("document.scripts.length") == 0
    assert page.locator("[onload]").count() == 0
    assert visit.dialogs == []
    assert visit.outside_requests() == []
