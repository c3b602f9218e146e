"""`advisor practice` from a pipe on the fixture knowledge and scenarios: graded and explained
answers, stray input, `?` and `q`, the exam report, the Markdown export and `practice stats`."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest

from advisor.cli import main
from advisor.practice.store import ProgressStore

from fixtures_path import FIXTURE_KB, FIXTURE_SCENARIOS

FIXTURE = ["--rules", str(FIXTURE_KB)]


def practice(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], lines: str, *argv: str, code: int = 0
) -> str:
    monkeypatch.setattr("sys.stdin", io.StringIO(lines))
    assert main([*FIXTURE, "practice", "--scenarios", str(FIXTURE_SCENARIOS), "--seed", "1", *argv]) == code
    return capsys.readouterr().out


def stats(capsys: pytest.CaptureFixture[str]) -> dict:  # type: ignore[type-arg]
    assert main([*FIXTURE, "practice", "stats", "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)  # type: ignore[no-any-return]


def test_three_piped_letters_are_graded_explained_and_recorded(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out = practice(monkeypatch, capsys, "A\nC\nB\n", "--count", "3")
    assert out.count("Question ") == 3 and "Question 3 of 3" in out
    assert out.count("✓ Right") + out.count("✗ Not quite") == 3
    assert out.count("Why ") >= 3 * 4  # the key's how and three why-nots per question
    assert "sources: https://docs.aws.amazon.com/" in out
    assert out.rstrip().splitlines()[-1].startswith("Score: ")
    recorded = stats(capsys)
    assert recorded["attempts"] == 3 and isinstance(recorded["attempts"], int)
    assert recorded["format"] == "aws-ml-advisor/practice-stats@1"
    assert sum(d["attempts"] for d in recorded["domains"]) == 3


def test_stray_input_is_asked_again_and_question_mark_repeats_the_explanation(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out = practice(
        monkeypatch, capsys, "?\nE\n\nA\n?\nq\n", "--mode", "drill", "--count", "3", "--task", "1.1"
    )
    assert "Nothing to explain yet: answer a question first." in out
    assert "  'E' is not an answer. Type A, B, C or D" in out
    assert "  '' is not an answer." in out
    verdict = next(line for line in out.splitlines() if line.startswith(("✓", "✗")))
    assert out.count(verdict) == 2  # shown after the answer and again after '?'
    assert "Ended with 2 questions unanswered; the 1 answer is saved." in out
    assert out.rstrip().endswith("Score: 1 of 1 (100%)") or out.rstrip().endswith("Score: 0 of 1 (0%)")
    assert stats(capsys)["attempts"] == 1


def test_end_of_input_ends_the_round_and_keeps_the_answers(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out = practice(monkeypatch, capsys, "b\n", "--mode", "drill", "--count", "2")
    assert "the 1 answer is saved" in out
    assert stats(capsys)["attempts"] == 1


def test_an_exam_simulation_gives_no_feedback_until_the_report(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    report = tmp_path / "round.md"
    out = practice(
        monkeypatch, capsys, "A\n?\nB\nC\nD\nA\n", "--mode", "exam", "--count", "5", "--report", str(report)
    )
    assert "5 questions" in out and "10 minutes, no feedback until the end" in out  # 20 min per 10
    assert "✓" not in out.split("Per domain:")[0] and "Why " not in out
    assert "Explanations come at the end of the exam simulation" in out
    assert re.search(r"Recorded \(1 of 5 · \d+ min left\)\.", out)
    assert "Per domain:" in out and "Domain one" in out and "Domain two" in out
    assert "Per task statement:" in out and "1.1 Task one" in out
    assert out.rstrip().splitlines()[-1].endswith("(70% needed)")
    markdown = report.read_text(encoding="utf-8")
    assert markdown.startswith("# Practice round: exam simulation, 5 questions")
    assert markdown.count("**Why ") >= 5 * 4 and "| Domain one |" in markdown


def test_review_asks_the_missed_questions_newest_first(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    practice(monkeypatch, capsys, "D\nD\nD\n", "--mode", "drill", "--count", "3", "--domain", "two")
    with ProgressStore() as store:
        missed = store.missed("exam_one")
    assert missed
    out = practice(monkeypatch, capsys, "q\n", "--mode", "review")
    first = next(line for line in out.splitlines() if line.startswith("Question 1 of"))
    assert f"Question 1 of {len(missed)}" in first


def test_nothing_to_review_and_filters_matching_nothing(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert "Nothing to review" in practice(monkeypatch, capsys, "", "--mode", "review")
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    argv = [
        *FIXTURE,
        "practice",
        "--scenarios",
        str(FIXTURE_SCENARIOS),
        "--stage",
        "storage",
        "--kind",
        "ingestion",
    ]
    assert main(argv) == 1
    assert capsys.readouterr().err == "advisor: no practice question matches these filters\n"


def test_bad_options_are_usage_errors(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as raised:
        main([*FIXTURE, "practice", "--count", "0"])
    assert raised.value.code == 1
    assert "'0' is not a positive whole number" in capsys.readouterr().err
    assert main([*FIXTURE, "practice", "--exam", "nope"]) == 1
    assert "unknown exam 'nope'" in capsys.readouterr().err


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_stats_in_text_and_markdown(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    practice(monkeypatch, capsys, "A\nA\n", "--mode", "drill", "--count", "2")
    assert main([*FIXTURE, "practice", "stats", "--format", fmt]) == 0
    out = capsys.readouterr().out
    assert "Domain one" in out and "Domain two" in out and "Leeches" in out
    assert ("2 answers in 1 round," in out) if fmt == "text" else out.startswith("# Practice progress")
