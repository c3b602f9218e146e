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


def test_a_stray_line_after_the_interview_is_no_file_name(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    out = ask(monkeypatch, capsys, "2\n3 KB\n1\n1\ns\nmine.yml\n")
    assert "'1' is not a file name ending in .yaml (type one, or press enter to skip)" in out
    assert "'s' is not a file name ending in .yaml" in out
    assert "Saved your answers to mine.yml (run: advisor recommend mine.yml)" in out
    assert sorted(path.name for path in tmp_path.iterdir()) == ["mine.yml"]


def test_after_three_unusable_names_the_answers_stay_unsaved(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    out = ask(monkeypatch, capsys, "q\nanswers\nanswers.txt\nnotes.md\nlate.yaml\n")
    assert out.count("is not a file name ending in .yaml") == 3
    assert out.rstrip().endswith("Answers not saved.")
    assert list(tmp_path.iterdir()) == []


def test_an_existing_file_at_the_prompt_is_kept_and_another_name_asked(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "mine.yaml").write_text("precious\n")
    out = ask(monkeypatch, capsys, "q\nmine.yaml\nnodir/a.yaml\nnew.yaml\n")
    assert (
        "  mine.yaml: file exists; choose another name (answers are not overwritten)"
        " (type another name, or press enter to skip)"
    ) in out
    assert "  nodir/a.yaml: cannot write file: No such file or directory" in out
    assert "Saved your answers to new.yaml" in out
    assert (tmp_path / "mine.yaml").read_text() == "precious\n"


def test_undecodable_bytes_and_nul_on_stdin_are_answers_to_ask_again(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Standard input as the console script has it: strict UTF-8 text over bytes."""
    monkeypatch.chdir(tmp_path)
    raw = b"1\n\xff\xfe\n\x00\n2\nq\nx\x00.yaml\n\xff.yaml\n\n"
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(raw), encoding="utf-8"))
    assert main(["--rules", str(FIXTURE_KB), "ask"]) == 0
    captured = capsys.readouterr()
    assert captured.err == ""
    assert "'\ufffd\ufffd' is not one of the numbers 1 to 2" in captured.out
    assert "'\\x00' is not one of the numbers 1 to 2" in captured.out
    assert "'x\\x00.yaml' has characters a file name should not have" in captured.out
    assert "'\ufffd.yaml' has characters a file name should not have" in captured.out
    assert list(tmp_path.iterdir()) == []


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
