"""Bad answers files: one line naming file, line and fix; exit code 2; never a traceback."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from advisor.cli import main
from advisor.knowledge import load_knowledge
from advisor.knowledge.answers import read_answers

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
        "{f}:1: lens: must be 'exam' or 'current', got 'future'",
    ),
    # Classes a fuzz run found (issue 7): each refused with one line, none a traceback.
    "multi_choice_mixing_types": (
        b"answers:\n  skills: [sql, 1]\n",
        "{f}:2: answers.skills: 1 is not a value of 'skills' (expected one of: sql, spark)",
    ),
    "multi_choice_with_a_map": (
        b"answers:\n  skills: [{sql: 1}, sql]\n",
        "{f}:2: answers.skills: {{'sql': 1}} is not a value of 'skills' (expected one of: sql, spark)",
    ),
    "integer_beyond_the_digit_limit": (
        b"answers:\n  record_mb: " + b"9" * 4301 + b"\n",
        "{f}:2: a number of 4301 characters is too long (write at most 100 digits)",
    ),
    "float_that_overflows": (
        b"answers:\n  record_mb: 1.0e+999\n",
        "{f}:2: '1.0e+999' is not a finite number (write a number such as 12.5)",
    ),
    "sexagesimal_that_overflows": (
        b"answers:\n  record_mb: " + b":".join([b"59"] * 200) + b".5\n",
        "{f}:2: '59:59:59:59:59:59:59:59:59:59:59:59:59:59:59:59:59:59:59:5… is not a valid number"
        " (fix it, or quote it to mean text)",
    ),
    "nan": (
        b"answers:\n  record_mb: .nan\n",
        "{f}:2: '.nan' is not a finite number (write a number such as 12.5)",
    ),
    "infinity": (
        b"answers:\n  record_mb: -.inf\n",
        "{f}:2: '-.inf' is not a finite number (write a number such as 12.5)",
    ),
    "number_text_with_too_many_digits": (
        b"answers:\n  record_mb: '" + b"9" * 400 + b" MB'\n",
        "{f}:2: answers.record_mb: '" + "9" * 58 + "… has more than"
        " 30 digits (write a number such as '12 MB')",
    ),
    "impossible_date": (
        b"answers:\n  arrival: 2024-02-30\n",
        "{f}:2: '2024-02-30' is not a valid date (fix it, or quote it to mean text)",
    ),
    "explicit_tag_that_cannot_be_read": (
        b"answers:\n  arrival: !!bool maybe\n",
        "{f}:2: 'maybe' is not a valid yes/no value (fix it, or quote it to mean text)",
    ),
    "explicit_tag_that_does_not_fit": (
        b"answers:\n  arrival: !!str {stream: 1}\n",
        "{f}:2: the tag '!!str' does not fit this value (remove the tag)",
    ),
    "list_as_key": (
        b"answers:\n  ? [arrival]\n  : stream\n",
        "{f}:2: a key must be a single value, not a list (write the key as plain text)",
    ),
    "mapping_as_key": (
        b"answers:\n  {arrival: 1}: stream\n",
        "{f}:2: a key must be a single value, not a mapping (write the key as plain text)",
    ),
    "number_as_key": (b"answers:\n  0: stream\n", "{f}:2: the key 0 in answers is not text (quote it)"),
    "nesting_just_below_the_parser_limit": (
        b"answers: " + b"[" * 995 + b"]" * 995 + b"\n",
        "{f}:1: nested more than 100 levels deep (flatten the structure)",
    ),
    "nesting_just_beyond_the_limit": (
        b"answers: " + b"{a: " * 101 + b"1" + b"}" * 101 + b"\n",
        "{f}:1: nested more than 100 levels deep (flatten the structure)",
    ),
    "more_values_than_any_file_holds": (
        b"answers:\n  skills: [" + b"sql, " * 100_000 + b"sql]\n",
        "{f}:2: more than 100,000 values (check that this is the right file)",
    ),
    "two_documents": (
        b"answers: {}\n---\nanswers: {}\n",
        "{f}:2: a second YAML document starts here (keep one document per file)",
    ),
    "nul_byte": (
        b"answers:\n  arrival: \x00\n",
        "{f}:2: invalid YAML: the character U+0000 is not allowed (remove it, or write it as an escape in"
        " double quotes)",
    ),
    "forty_thousand_blanks_before_a_wrong_unit": (
        b"answers:\n  record_mb: '12" + b" " * 40_000 + b"!'\n",
        "{f}:2: answers.record_mb: unknown unit '!' for 'record_mb' (use one of: MB, GB, KB)",
    ),
    "newline_in_a_key": (
        b'answers:\n  "arr\\nival": stream\n',
        "{f}:2: answers.arr\\nival: unknown question (did you mean 'arrival'?)",
    ),
    "control_character_in_a_value": (
        b'answers:\n  arrival: "str\\x1beam"\n',
        "{f}:2: answers.arrival: 'str\\x1beam' is not a value of 'arrival' (expected one of: batch, stream)",
    ),
    "huge_value_is_echoed_cut": (
        b"answers:\n  arrival: " + b"x" * 100_000 + b"\n",
        "{f}:2: answers.arrival: '"
        + "x" * 58
        + "… is not a value of 'arrival' (expected one of: batch, stream)",
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


@pytest.mark.parametrize("name", ["*", "card_payments_*", "../foundation/card_payments_sub_second_fan_out"])
def test_an_example_name_is_a_name_not_a_pattern_or_path(
    name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["recommend", "--example", name]) == 1
    assert capsys.readouterr().err.startswith(f"advisor: unknown example '{name}'")


@pytest.mark.parametrize(
    "name", ["card_payments_sub_second_fan_out", "mla_d1_analysts_databrew_ruleset_before_training"]
)
def test_an_example_is_found_in_any_scenario_folder(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["recommend", "--example", name]) == 0
    assert capsys.readouterr().out.startswith("AWS ML Advisor — ")


def test_usage_error_is_one_line_with_exit_1(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["recommend", "--format", "pdf", "x.yaml"])
    assert exit_info.value.code == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err[-1] == (
        "advisor recommend: argument --format: invalid choice: 'pdf' (choose from 'text', 'json',"
        " 'markdown', 'html') (see 'advisor recommend --help')"
    )


COUNT_QUESTION = (
    "questions:\n  - {id: example_count, stage: ingestion, type: number, text: How many?,"
    " unit: labelled examples, units: {thousand: 1000}, integer: true, minimum: 0}\n"
)
"""A count whose unit has a space, as in the shipped `labelled_example_count`."""


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("12 labelled examples", 12.0),
        ('"12   labelled \\t examples"', 12.0),
        ("2.3 thousand", 2300.0),
        ("7", 7.0),
    ],
)
def test_units_of_several_words_can_be_entered(
    written: str, value: float, kb_with: Callable[..., Path], tmp_path: Path
) -> None:
    kb = load_knowledge(kb_with(zz=COUNT_QUESTION), use_cache=False)
    path = tmp_path / "answers.yaml"
    path.write_text(f"answers:\n  example_count: {written}\n")
    assert read_answers(kb, path)[1] == {"example_count": value}


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("2.5", "2.5 labelled examples is not a whole number (write one, e.g. '3 labelled examples')"),
        (
            "0.0015 thousand",
            "1.5 labelled examples is not a whole number (write one, e.g. '3 labelled examples')",
        ),
        (
            "12 examples",
            "unknown unit 'examples' for 'example_count' (use one of: labelled examples, thousand)",
        ),
    ],
)
def test_counts_take_whole_numbers_only(
    written: str,
    expected: str,
    kb_with: Callable[..., Path],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    root = kb_with(zz=COUNT_QUESTION)
    path = tmp_path / "answers.yaml"
    path.write_text(f"answers:\n  example_count: {written}\n")
    assert main(["--rules", str(root), "recommend", str(path)]) == 2
    assert capsys.readouterr().err == f"{path}:2: answers.example_count: {expected}\n"
