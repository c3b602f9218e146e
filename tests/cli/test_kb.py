"""`advisor kb list` and `advisor kb show`: listing, finding by id, name, alias or words, and
readable rules and questions."""

from __future__ import annotations

import json

import pytest

from advisor.cli import kb as kb_command
from advisor.cli import main
from advisor.render import listing

from fixtures_path import FIXTURE_KB


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """`advisor --rules FIXTURE_KB ARGV…`: exit code, stdout, stderr."""
    code = main(["--rules", str(FIXTURE_KB), *argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def run_shipped(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


# -- kb show: readable rules and questions ---------------------------------------------------


def test_kb_show_rule_renders_conditions_and_actions_as_text(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "kb", "show", "ING-005")
    assert code == 0
    assert out.splitlines()[3:10] == [
        "For each node with trait max_mb where max_mb < {fact record_mb}",
        "",
        "Then:",
        "  exclude {node}",
        '  warn "{node.name} takes at most {node.max_mb}."',
        "",
        "Because: {node.name} accepts records up to {node.max_mb}; yours are {fact.record_mb}.",
    ]
    _, out, _ = run(capsys, "kb", "show", "ING-004")
    assert (
        "When:\n  arrival = batch (in batches)\n\nThen:\n  recommend batch_c (+2)\n  recommend old_d (+3)\n"
        in out
    )


def test_kb_show_question_shows_when_it_is_asked(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "kb", "show", "speed")
    assert "Asked when:\n  arrival = stream (as a stream)\n" in out


def test_kb_show_number_question_lists_each_unit_once_smallest_first(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _, out, _ = run(capsys, "kb", "show", "record_mb")
    assert "Unit: MB (accepted: KB, MB, GB)\n" in out


def test_kb_show_prints_a_status_note_once(capsys: pytest.CaptureFixture[str]) -> None:
    """The note is part of the status sentence of a node without successor: not repeated below."""
    for node_id in ("sagemaker_ground_truth", "sagemaker_debugger"):
        _, out, _ = run_shipped(capsys, "kb", "show", node_id)
        status = [line for line in out.splitlines() if line.startswith("Status: closed_to_new_customers")]
        assert len(status) == 1
        note = status[0].rsplit(". ", 3)[-1]  # the note's last sentence
        assert out.count(note) == 1, node_id


def test_kb_show_lists_each_source_once(capsys: pytest.CaptureFixture[str]) -> None:
    """A status often cites a page the node already cites: the page is listed once."""
    _, out, _ = run_shipped(capsys, "kb", "show", "kinesis_data_analytics_for_sql")
    sources = out.split("\nSources:\n", 1)[1].split()
    assert "https://docs.aws.amazon.com/kinesisanalytics/latest/dev/API_Reference.html" in sources
    assert len(sources) == len(set(sources))


# -- kb show: finding ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "heading"),
    [
        ("firehose", "Amazon Data Firehose  (amazon_data_firehose, service)"),
        ("Firehose", "Amazon Data Firehose  (amazon_data_firehose, service)"),
        ("kinesis firehose", "Amazon Data Firehose  (amazon_data_firehose, service)"),
        ("canvas", "Amazon SageMaker Canvas  (sagemaker_canvas, feature)"),
        ("sagemaker canvas", "Amazon SageMaker Canvas  (sagemaker_canvas, feature)"),
        ("Amazon Kinesis Data Firehose", "Amazon Data Firehose  (amazon_data_firehose, service)"),
        ("ing-004", "ING-004  "),
    ],
)
def test_kb_show_finds_shipped_items_by_name_alias_or_words(
    capsys: pytest.CaptureFixture[str], typed: str, heading: str
) -> None:
    code, out, err = run_shipped(capsys, "kb", "show", typed)
    assert (code, err) == (0, "")
    assert out.startswith(heading)


def test_kb_show_kinesis_lists_the_kinesis_family(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run_shipped(capsys, "kb", "show", "kinesis")
    assert (code, out) == (1, "")
    lines = err.splitlines()
    assert lines[0] == "advisor: 'kinesis' matches 5 items; give one of these ids (or more words):"
    ids = [line.split()[0] for line in lines[1:]]
    # current names holding the word first, then those found by a former name
    assert set(ids[:3]) == {
        "amazon_kinesis_data_streams",
        "amazon_kinesis_video_streams",
        "kinesis_data_analytics_for_sql",
    }
    assert set(ids[3:]) == {"amazon_data_firehose", "amazon_managed_service_for_apache_flink"}
    assert "  amazon_kinesis_data_streams             — Amazon Kinesis Data Streams" in lines


def test_kb_show_sagemaker_lists_ten_candidates_and_counts_the_rest(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, _, err = run_shipped(capsys, "kb", "show", "sagemaker")
    lines = err.splitlines()
    assert code == 1
    matched = int(lines[0].split(" matches ")[1].split()[0])
    assert matched > 40
    assert len(lines) == 12
    assert lines[-1] == f"  … and {matched - 10} more"
    assert "sagemaker_pca" in err  # the old single suggestion is one of many now


def test_kb_show_fixture_items_by_word_and_ambiguity(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "kb", "show", "buffer")
    assert (code, out.splitlines()[0]) == (0, "Buffer B  (buffer_b, service)")
    code, _, err = run(capsys, "kb", "show", "sto")
    assert code == 1
    assert err == (
        "advisor: 'sto' matches 4 items; give one of these ids (or more words):\n"
        "  STO-001 — Object storage fits any data\n"
        "  STO-002 — SQL teams can use a warehouse\n"
        "  STO-003 — Gold tier for managed teams\n"
        "  STO-004 — Silver tier for SQL teams\n"
    )


def test_kb_show_a_typo_is_one_line_with_a_suggestion(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_shipped(capsys, "kb", "show", "canvs")
    assert (code, err) == (
        1,
        "advisor: unknown node, rule or question 'canvs' (did you mean 'sagemaker_canvas'?)\n",
    )
    code, _, err = run(capsys, "kb", "show", "laek")
    assert (code, err) == (1, "advisor: unknown node, rule or question 'laek' (did you mean 'lake'?)\n")


# -- kb list ---------------------------------------------------------------------------------


def test_kb_list_without_a_kind_counts_each_kind(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "kb", "list")
    assert code == 0
    assert out == (
        "questions      5\n"
        "nodes          7\n"
        "rules          9\n"
        "stages         2\n"
        "exams          1\n"
        "List one kind with 'advisor kb list KIND [--stage STAGE]'.\n"
    )


def test_kb_list_questions_shows_id_stage_answer_type_and_text(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "kb", "list", "questions")
    assert code == 0
    assert out == (
        "ID             STAGE      ANSWER           QUESTION\n"
        "arrival        ingestion  choice           How does data arrive?\n"
        "speed          ingestion  scale            How fast?\n"
        "record_mb      ingestion  number (MB)      Largest record?\n"
        "skills         storage    list of choices  Skills?\n"
        "wants_managed  storage    yes/no           Managed only?\n"
    )


def test_kb_list_filters_by_stage(capsys: pytest.CaptureFixture[str]) -> None:
    _, rules, _ = run(capsys, "kb", "list", "rules", "--stage", "storage")
    assert [line.split()[0] for line in rules.splitlines()] == [
        "ID",
        "STO-001",
        "STO-002",
        "STO-003",
        "STO-004",
    ]
    _, nodes, _ = run(capsys, "kb", "list", "nodes", "--stage", "storage")
    assert nodes == (
        "ID         KIND     STATUS  NAME\nlake       service          Lake\nwarehouse  service          Warehouse\n"
    )
    _, counts, _ = run(capsys, "kb", "list", "--stage", "storage")
    assert counts.splitlines()[:3] == ["questions      2", "nodes          2", "rules          4"]


def test_kb_list_nodes_and_stages(capsys: pytest.CaptureFixture[str]) -> None:
    _, nodes, _ = run(capsys, "kb", "list", "nodes")
    assert "old_d      service  closed to new customers  Old D\n" in nodes
    _, stages, _ = run(capsys, "kb", "list", "stages")
    assert stages == (
        "ID         QUESTIONS  NODES  RULES  NAME\n"
        "ingestion          3      5      5  Ingestion\n"
        "storage            2      2      4  Storage\n"
    )


def test_kb_list_unknown_stage_is_one_line_with_a_suggestion(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "kb", "list", "questions", "--stage", "ingest")
    assert (code, out, err) == (1, "", "advisor: unknown stage 'ingest' (did you mean 'ingestion'?)\n")


def test_kb_list_unknown_kind_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert tuple(listing.COLUMNS) == kb_command.KINDS  # the parser offers every kind the listing has
    with pytest.raises(SystemExit) as exit_info:
        main(["kb", "list", "question"])
    assert exit_info.value.code == 1
    assert "invalid choice: 'question'" in capsys.readouterr().err


def test_kb_list_json_for_scripts(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "kb", "list", "questions", "--format", "json")
    questions = {q["id"]: q for q in json.loads(out)}
    assert questions["record_mb"] == {
        "id": "record_mb",
        "stage": "ingestion",
        "type": "number",
        "answer": "number (MB)",
        "unit": "MB",
        "units": ["KB", "MB", "GB"],
        "text": "Largest record?",
    }
    assert questions["speed"]["values"] == ["fast", "medium", "slow"]
    assert "values" not in questions["wants_managed"]
    _, counts, _ = run(capsys, "kb", "list", "--format", "json")
    assert json.loads(counts) == {"questions": 5, "nodes": 7, "rules": 9, "stages": 2, "exams": 1}


def test_kb_list_exams_names_the_profiles(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "kb", "list", "exams")
    assert code == 0
    assert out == "ID        CODE   DEFAULT  NAME\nexam_one  EX-01  default  Exam one\n"


def test_kb_list_shipped_questions_shortens_long_texts(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_shipped(capsys, "kb", "list", "questions")
    lines = out.splitlines()
    assert code == 0 and lines[0].split() == ["ID", "STAGE", "ANSWER", "QUESTION"]
    rows = {line.split()[0]: line for line in lines[1:]}
    assert "data_arrival" in rows and "data_volume" in rows
    assert any(line.endswith("…") for line in lines)
    text_start = lines[0].index("QUESTION")
    assert max(len(line) - text_start for line in lines) <= 60
