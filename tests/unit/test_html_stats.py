"""The HTML page of `advisor practice stats`: tables per domain and task, the accuracy chart as
inline SVG (one line per practised domain, days evenly spaced), due days, leeches, escaping."""

from __future__ import annotations

import dataclasses
import re
from datetime import date

import pytest

from advisor.knowledge import KnowledgeBase
from advisor.practice.stats import AreaStats, DayScore, Leech, PracticeStats
from advisor.render.html import render_stats_page
from advisor.render.html.chart import BOTTOM, HEIGHT, LEFT, RIGHT, TOP, WIDTH, accuracy_chart
from advisor.render.words import counted

from html_page import HOSTILE, escaped, parse

MONDAY, TUESDAY, FRIDAY = date(2026, 3, 2), date(2026, 3, 3), date(2026, 3, 6)


def area(id: str, name: str, *days: DayScore) -> AreaStats:
    attempts, correct = sum(d.attempts for d in days), sum(d.correct for d in days)
    return AreaStats(id, name, attempts, correct, days)


@pytest.fixture
def stats(fixture_kb: KnowledgeBase) -> PracticeStats:
    one = area("one", "Domain one", DayScore(MONDAY, 4, 3), DayScore(FRIDAY, 2, 2))
    two = area("two", "Domain two", DayScore(TUESDAY, 2, 0))
    days = (DayScore(MONDAY, 4, 3), DayScore(TUESDAY, 2, 0), DayScore(FRIDAY, 2, 2))
    return PracticeStats(
        exam=fixture_kb.default_exam,
        overall=area("all", "All questions", *days),
        rounds=3,
        domains=(one, two),
        tasks=(area("1.1", "Task one", *one.days), area("1.2", "Task two")),
        due_today=2,
        due_forecast=(2, 1, 0, 0, 0, 0, 4),
        due_tasks=("1.1",),
        leeches=(Leech("sql_team_warehouse", 3, 4),),
    )


def test_the_page_shows_totals_areas_days_due_and_leeches(stats: PracticeStats) -> None:
    page = parse(render_stats_page(stats))
    assert page.text.startswith(
        "Practice progress: Exam one (EX-01) 8 answers in 3 rounds, 5 right (62%). "
        "A practice exam passes at 70%."
    )
    rows = page.rows
    assert ["Domain one", "6", "5", "83% 83%"] in rows  # the meter's fallback text, then the number
    assert ["Domain two", "2", "0", "0% 0%"] in rows
    assert ["1.1 Task one", "6", "5", "83% 83%", "due"] in rows
    assert ["1.2 Task two", "0", "0", "not practised yet", ""] in rows
    assert [r for r in rows if r[0].startswith("2026-")] == [
        ["2026-03-02", "4", "3", "75%"],
        ["2026-03-03", "2", "0", "0%"],
        ["2026-03-06", "2", "2", "100%"],
    ]
    assert ["today (and overdue)", "2"] in rows and ["in 6 days", "4"] in rows
    assert ["sql_team_warehouse", "3", "4"] in rows
    assert len(page.with_class("tr", "unpractised")) == 1
    meters = [attrs for tag, attrs in page.tags if tag == "meter"]
    assert meters[0] == {"min": "0", "max": "1", "low": "0.7", "optimum": "1", "value": "0.8333333333333334"}


def test_the_chart_has_a_line_per_practised_domain_with_a_point_per_day(stats: PracticeStats) -> None:
    html = render_stats_page(stats)
    page = parse(html)
    assert [a["class"] for a in page.with_class("g", "series")] == ["series series-0", "series series-1"]
    polylines = [a["points"] for t, a in page.tags if t == "polyline"]
    middle = LEFT + (WIDTH - LEFT - RIGHT) / 2
    bottom = HEIGHT - BOTTOM
    assert polylines == [
        f"{LEFT},{TOP + (bottom - TOP) / 4:g} {WIDTH - RIGHT},{TOP}",  # 75% on Monday, 100% on Friday
        f"{middle:g},{bottom}",  # 0% on Tuesday: days are evenly spaced, not by date
    ]
    assert "<title>Domain two, 2026-03-03: 0 of 2 right (0%)</title>" in html
    ticks = re.findall(r'<text class="tick"[^>]*>([^<]+)</text>', html)
    assert ticks == ["0%", "25%", "50%", "75%", "100%", "2026-03-02", "2026-03-03", "2026-03-06"]
    assert "Domain one" in page.text.split("hover a point")[1]  # the legend names each line


def test_a_chart_of_many_days_labels_at_most_seven_including_first_and_last() -> None:
    days = tuple(DayScore(date(2026, 1, d), 1, 1) for d in range(1, 21))
    chart = accuracy_chart((area("one", "One", *days),))
    assert chart is not None
    labels = [t.label for t in chart.x_ticks]
    assert len(labels) == 7 and labels[0] == "2026-01-01" and labels[-1] == "2026-01-20"
    assert [p.x for p in chart.lines[0].points] == sorted(p.x for p in chart.lines[0].points)


def test_without_answers_there_is_no_chart_and_the_page_says_how_to_start(stats: PracticeStats) -> None:
    empty = area("all", "All questions")
    nothing = dataclasses.replace(stats, overall=empty, domains=(empty,), tasks=(), leeches=(), rounds=0)
    html = render_stats_page(nothing)
    assert "<svg" not in html
    assert "No answers yet: start a round with advisor practice." in parse(html).text
    assert "Leeches None." in parse(html).text


@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_exam_and_domain_names_are_escaped(stats: PracticeStats, hostile: str) -> None:
    exam = dataclasses.replace(stats.exam, name=hostile)
    domains = (dataclasses.replace(stats.domains[0], name=hostile), stats.domains[1])
    html = render_stats_page(dataclasses.replace(stats, exam=exam, domains=domains))
    assert "<script" not in html and 'onload="' not in html
    assert escaped(hostile) in html
    page = parse(html)
    assert page.text.startswith(f"Practice progress: {hostile} (EX-01)")
    assert [hostile, "6", "5", "83% 83%"] in page.rows
    assert [attrs for tag, attrs in page.tags if tag == "body"] == [{}]


def test_nothing_is_fetched_and_the_output_is_stable(stats: PracticeStats) -> None:
    html = render_stats_page(stats)
    page = parse(html)
    assert page.fetching() == [] and page.links() == []
    assert "url(" not in html and "@import" not in html
    assert render_stats_page(stats) == html


@pytest.mark.parametrize(("count", "text"), [(0, "0 answers"), (1, "1 answer"), (2, "2 answers")])
def test_counts_take_the_singular_only_for_one(count: int, text: str) -> None:
    assert counted(count, "answer") == text
    assert counted(count, "leech", "leeches") == text.replace("answers", "leeches").replace("answer", "leech")
