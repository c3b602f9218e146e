"""Bad answers files: one line naming file, line and fix; exit code 2; never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from advisor.cli import main

from fixtures_path import FIXTURE_KB

CASES = {
    "malformed": (
        b"answers:\n  arrival: [stream\n",
        "{f}:3: invalid YAML: did not find expected ',' or ']' (while parsing a flow sequence at line 2)",
    ),
    "unsafe_tag": (
        b"answers:\n  arrival: !!python/object:os.system {}\n",
        "{f}:2: unsafe or unknown YAML tag '!!python/object:os.system'; only plain YAML is allowed,"
        " remove the tag",
    ),
    "custom_tag": (
        b"answers:\n  arrival: !env HOME\n",
        "{f}:2: unsafe or unknown YAML tag '!env'; only plain YAML is allowed, remove the tag",
    ),
    "duplicate_key": (
        b"answers:\n  arrival: stream\n  arrival: batch\n",
        "{f}:3: duplicate key 'arrival' (first at line 2)",
    ),
    "not_utf8": (
        b"answers:\n  arrival: str\xe9am\n",
        "{f}:2: not valid UTF-8 (byte 0xe9); save the file as UTF-8",
    ),
    "alias": (
        b"a: &x [1, 2]\nanswers: *x\n",
        "{f}:2: YAML aliases (*name) are not allowed; write the value out",
    ),
    "merge_key": (
        b"base: {arrival: stream}\nanswers:\n  <<: {arrival: stream}\n",
        "{f}:3: YAML merge keys (<<) are not allowed; write the keys out",
    ),
    "top_level_list": (b"- arrival\n", "{f}:1: expected a mapping at the top level, got list"),
    "unknown_key": (
        b"lens: exam\nanswer:\n  arrival: stream\n",
        "{f}:2: unknown key 'answer' (did you mean 'answers'?)",
    ),
    "unknown_question": (
        b"answers:\n  arival: stream\n",
        "{f}:2: answers.arival: unknown question (did you mean 'arrival'?)",
    ),
    "derived_fact": (
        b"answers:\n  needs_stream: true\n",
        "{f}:2: answers.needs_stream: a derived fact, not a question",
    ),
    "wrong_choice": (
        b"answers:\n  skills: [sql, cobol]\n",
        "{f}:2: answers.skills: 'cobol' is not a value of 'skills' (expected one of: sql, spark)",
    ),
    "wrong_type_number": (
        b"answers:\n  record_mb: lots\n",
        "{f}:2: answers.record_mb: expected a number in MB (for example '12 MB'), got 'lots'",
    ),
    "wrong_unit": (
        b"answers:\n  record_mb: 3 PB\n",
        "{f}:2: answers.record_mb: unknown unit 'PB' for 'record_mb' (use one of: MB, GB, KB)",
    ),
    "below_minimum": (
        b"answers:\n  record_mb: -1\n",
        "{f}:2: answers.record_mb: -1 MB is below the minimum 0 for 'record_mb'",
    ),
    "wrong_type_yes_no": (
        b"answers:\n  wants_managed: maybe\n",
        "{f}:2: answers.wants_managed: expected yes or no (true / false), got 'maybe'",
    ),
    "bad_lens": (
        b"lens: future\nanswers: {}\n",
        "{f}:1: lens: Input should be 'exam' or 'current'",
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_answers_file(case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    content, expected = CASES[case]
    path = tmp_path / f"{case}.yaml"
    path.write_bytes(content)
    code = main(["--rules", str(FIXTURE_KB), "recommend", str(path)])
    err = capsys.readouterr().err
    assert code == 2
    assert err == expected.format(f=path) + "\n"


def test_huge_file_is_refused_before_reading(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "huge.yaml"
    with path.open("wb") as handle:
        handle.write(b"answers:\n")
        handle.write((b"  # " + b"x" * 96 + b"\n") * 520_000)
    assert path.stat().st_size > 50_000_000
    assert main(["--rules", str(FIXTURE_KB), "recommend", str(path)]) == 2
    assert capsys.readouterr().err == (
        f"{path}: file is too large (52.5 MB, the limit is 5 MB); check that this is the right file\n"
    )


def test_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "nope.yaml"
    assert main(["--rules", str(FIXTURE_KB), "recommend", str(path)]) == 2
    assert capsys.readouterr().err == f"{path}: no such file\n"


def test_unknown_example_is_a_usage_problem(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["recommend", "--example", "no_such_example_here"]) == 1
    assert capsys.readouterr().err.startswith("advisor: unknown example 'no_such_example_here'")


def test_usage_error_is_one_line_with_exit_1(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["recommend", "--format", "pdf", "x.yaml"])
    assert exit_info.value.code == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err[-1] == (
        "advisor recommend: argument --format: invalid choice: 'pdf' (choose from 'text', 'json',"
        " 'markdown', 'html') (see 'advisor recommend --help')"
    )
