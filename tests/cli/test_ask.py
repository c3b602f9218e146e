"""`advisor ask`: the line dialogue, from a pipe, ending in the recommendation and saved answers."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from advisor.cli import main
from advisor.knowledge import load_knowledge
from advisor.knowledge.answers import read_answers

from fixtures_path import FIXTURE_KB


def ask(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], lines: str, *argv: str) -> str:
    monkeypatch.setattr("sys.stdin", io.StringIO(lines))
    assert main(["--rules", str(FIXTURE_KB), "ask", *argv]) == 0
    return capsys.readouterr().out


def test_piped_answers_reach_a_recommendation_and_are_saved(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "answers.yaml"
    out = ask(monkeypatch, capsys, f"1\n2\n3 KB\n1\n{target}\n")
    assert out.index("How does data arrive?") < out.index("Largest record?") < out.index("Skills?")
    assert "  A number in MB; units accepted: KB, MB, GB\n" in out  # each unit once, smallest first
    assert "No remaining question can change any stage's top pick" in out
    assert "▶ Warehouse  (score 2)" in out
    assert f"Saved your answers to {target}" in out
    _, values = read_answers(load_knowledge(FIXTURE_KB, use_cache=False), target)
    assert values == {"arrival": "stream", "record_mb": 0.003, "skills": frozenset({"sql"})}


def test_why_skip_back_and_bad_input(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    out = ask(
        monkeypatch, capsys, "?\n7\n2\nb\n1\ns\n\n", "--focus", "all", "--save", str(tmp_path / "a.yaml")
    )
    assert "- Ingestion: Stream A instead of Old D, if you answer 'as a stream'" in out
    assert "'7' is not one of the numbers 1 to 2" in out
    assert out.count("How does data arrive?") == 2  # asked again after 'b'
    assert "▶ Old D [closed to new customers]  (score 3)" in out  # batch, after going back


def test_end_of_input_finishes_with_the_answers_so_far(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out = ask(monkeypatch, capsys, "1\n2\n")
    assert "Finishing with the answers so far." in out
    assert "▶ Stream A  (score 2)" in out
    assert "Saved" not in out


def test_an_existing_file_is_never_overwritten(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "mine.yaml"
    target.write_text("precious\n")
    monkeypatch.setattr("sys.stdin", io.StringIO("q\n"))
    assert main(["--rules", str(FIXTURE_KB), "ask", "--save", str(target)]) == 2
    assert (
        capsys.readouterr().err
        == f"{target}: file exists; choose another name (answers are not overwritten)\n"
    )
    assert target.read_text() == "precious\n"


def test_ask_starts_with_what_you_are_deciding_and_asks_only_for_that(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "focused.yaml"
    out = ask(monkeypatch, capsys, "9\n3\n1\n", "--save", str(target))
    assert "What are you deciding?\n  1) The whole pipeline\n  2) Ingestion\n  3) Storage" in out
    assert "'9' is not one of the numbers 1 to 3" in out
    assert "How does data arrive?" not in out
    assert "Skills?" in out
    assert "Focus: Storage" in out
    assert "focus:\n- storage" in target.read_text()


def test_focus_option_skips_the_question(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out = ask(monkeypatch, capsys, "1\n", "--focus", "storage")
    assert "What are you deciding?" not in out
    assert "Skills?" in out and "How does data arrive?" not in out
