"""The installed `advisor` writes the HTML pages of `check` and `practice stats` from a folder
outside the checkout: the templates and stylesheet ship with the package."""

from __future__ import annotations

from pathlib import Path

from installed.installed_run import Run


def test_check_writes_a_self_contained_html_page(advisor: Run, outside: Path) -> None:
    checked = advisor("check", "--example", "plant_photos_serverless", "--format", "html", "-o", "check.html")
    assert checked.returncode == 3, checked.stderr  # the findings still decide the exit code
    html = (outside / "check.html").read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "<style>" in html
    assert "<h3>Errors (1)</h3>" in html and "DEP-007/deployment/" in html
    assert "plant_photos_serverless.template.yaml" in html
    assert "<script" not in html and "<link" not in html


def test_practice_stats_writes_an_html_page_with_its_chart(advisor: Run, outside: Path) -> None:
    assert advisor("practice", "--count", "2", stdin="A\nB\n").returncode == 0
    done = advisor("practice", "stats", "--format", "html", "-o", "stats.html")
    assert done.returncode == 0, done.stderr
    html = (outside / "stats.html").read_text(encoding="utf-8")
    assert "<h1>Practice progress: " in html and "2 answers in 1 round," in html
    assert '<svg class="accuracy"' in html and "<style>" in html
    assert "<script" not in html and "<link" not in html
