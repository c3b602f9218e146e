"""`advisor diff` and `advisor recommend --format html` from the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from advisor.cli import main

from fixtures_path import FIXTURE_KB, FIXTURES

BATCH = FIXTURES / "answers" / "batch.yaml"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["--rules", str(FIXTURE_KB), *argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def pair(tmp_path: Path) -> tuple[str, str]:
    small = tmp_path / "small.yaml"
    small.write_text("answers:\n  arrival: stream\n  record_mb: 500 KB\n", encoding="utf-8")
    big = tmp_path / "big.yaml"
    big.write_text("answers:\n  arrival: stream\n  record_mb: 2 MB\n", encoding="utf-8")
    return str(small), str(big)


def test_text_diff_explains_a_changed_pick_by_its_rules(
    capsys: pytest.CaptureFixture[str], pair: tuple[str, str]
) -> None:
    code, out, err = run(capsys, "diff", *pair)
    assert (code, err) == (0, "")
    small, big = pair
    assert out.splitlines() == [
        f"AWS ML Advisor — {small} → {big} (lens: exam)",
        "",
        "Answers that differ (1)",
        "  record_mb: 500 KB → 2 MB",
        "",
        "Picks that differ (1)",
        "  Ingestion: Stream A → Buffer B",
        f"    fired only for {big}:",
        "      ING-005 excludes Stream A, warns: Stream A accepts records up to 1 MB; yours are 2 MB.",
        "",
        "Same pick in 1 other stages: Storage.",
    ]


def test_exit_code_is_zero_unless_asked_like_git_diff(
    capsys: pytest.CaptureFixture[str], pair: tuple[str, str]
) -> None:
    assert run(capsys, "diff", *pair)[0] == 0
    assert run(capsys, "diff", *pair, "--exit-code")[0] == 1
    code, out, _ = run(capsys, "diff", pair[0], pair[0], "--exit-code")
    assert code == 0
    assert "No difference: the same answers give the same picks." in out


def test_json_diff_names_rules_effects_and_answers(
    capsys: pytest.CaptureFixture[str], pair: tuple[str, str]
) -> None:
    code, out, _ = run(capsys, "diff", *pair, "--format", "json")
    data = json.loads(out)
    assert (code, data["format"], data["differs"]) == (0, "aws-ml-advisor/diff@1", True)
    assert data["answers"] == [
        {
            "question": "record_mb",
            "before": {"value": 0.5, "origin": "answered"},
            "after": {"value": 2.0, "origin": "answered"},
        }
    ]
    (pick,) = data["picks"]
    assert (pick["stage"], pick["before"], pick["after"], pick["only_before"]) == (
        "ingestion",
        "stream_a",
        "buffer_b",
        [],
    )
    assert pick["only_after"][0]["effects"] == [
        {"action": "exclude", "node": "stream_a", "weight": None},
        {"action": "warn", "node": None, "weight": None},
    ]
    assert pick["only_after"][0]["sources"] == ["https://docs.aws.amazon.com/r5"]
    assert data["same_picks"] == ["storage"]


def test_lens_option_applies_to_both_answer_sets(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    current = tmp_path / "current.yaml"
    current.write_text("lens: current\nanswers:\n  arrival: batch\n", encoding="utf-8")
    _, out, _ = run(capsys, "diff", str(BATCH), str(current), "--format", "markdown")
    assert "Lens: **exam → current**." in out
    assert "### Ingestion: Old D → New E" in out
    _, out, _ = run(capsys, "diff", str(BATCH), str(current), "--lens", "current", "--format", "markdown")
    assert "Lens: **current**." in out
    assert "No difference: the same answers give the same picks." in out


def test_html_diff_is_escaped_and_written_to_a_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, pair: tuple[str, str]
) -> None:
    hostile = tmp_path / "<script>alert(1)<"
    hostile.mkdir()
    before = hostile / "a.yaml"
    before.write_text(Path(pair[0]).read_text(encoding="utf-8"), encoding="utf-8")
    target = tmp_path / "diff.html"
    code, _, err = run(capsys, "diff", str(before), pair[1], "--format", "html", "-o", str(target))
    assert (code, err) == (0, f"wrote {target}\n")
    html = target.read_text(encoding="utf-8")
    assert "<script" not in html
    assert "&lt;script&gt;alert(1)&lt;/a.yaml" in html
    assert 'Ingestion: <span class="removed">Stream A</span> → <span class="added">Buffer B</span>' in html


def test_a_bad_answers_file_is_one_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("answers:\n  arival: batch\n", encoding="utf-8")
    code, out, err = run(capsys, "diff", str(BATCH), str(bad))
    assert (code, out) == (2, "")
    assert err == f"{bad}:2: answers.arival: unknown question (did you mean 'arrival'?)\n"


def test_recommend_writes_an_html_report(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "r.html"
    code, _, _ = run(capsys, "recommend", str(BATCH), "--format", "html", "-o", str(target))
    html = target.read_text(encoding="utf-8")
    assert code == 0
    assert html.startswith("<!DOCTYPE html>")
    assert "<title>Nightly batches</title>" in html
    assert '<section class="stage" id="stage-ingestion">' in html
