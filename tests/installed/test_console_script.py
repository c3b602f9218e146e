"""The installed `advisor` command, run from a folder outside the checkout, as a user runs it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import yaml

from installed.installed_run import Run

EXAMPLE = "card_payments_sub_second_fan_out"


def test_recommend_a_shipped_example_in_every_format(advisor: Run, outside: Path) -> None:
    text = advisor("recommend", "--example", EXAMPLE)
    assert text.returncode == 0, text.stderr
    assert "AWS ML Advisor" in text.stdout and "Data ingestion" in text.stdout
    data = json.loads(advisor("recommend", "--example", EXAMPLE, "--format", "json").stdout)
    assert data["format"] == "aws-ml-advisor/result@1"
    written = advisor("recommend", "--example", EXAMPLE, "--format", "markdown", "-o", "report.md")
    assert written.returncode == 0
    assert (outside / "report.md").read_text().startswith("# ")


def test_a_warm_recommend_reads_cache_and_answers_without_importing_pydantic(
    advisor: Run, advisor_script: Path, outside: Path, tmp_path: Path
) -> None:
    """pydantic costs more start-up than the rest of the command (README, Measured): the cache
    holds plain dataclasses, and a well-formed answers file is read without it. A module that
    imports it on this path would quietly undo that."""
    assert advisor("recommend", "--example", EXAMPLE).returncode == 0  # fills the cache
    (outside / "mine.yaml").write_text("lens: current\nanswers:\n  data_arrival: streaming\n")
    env = {**os.environ, "ADVISOR_CACHE_DIR": str(tmp_path / "cache")}
    for argv in (["--example", EXAMPLE], ["mine.yaml"]):
        command = [sys.executable, "-X", "importtime", str(advisor_script), "recommend", *argv]
        run = subprocess.run(command, capture_output=True, text=True, cwd=outside, env=env, check=False)
        assert run.returncode == 0, run.stderr
        imported = {line.rsplit("|", 1)[-1].strip() for line in run.stderr.splitlines() if "|" in line}
        assert "advisor.knowledge.models.quick" in imported  # the measurement sees our modules
        assert not {name for name in imported if name.split(".")[0] in ("pydantic", "pydantic_core")}


def test_ask_from_a_pipe_saves_answers_that_recommend_reads(advisor: Run, outside: Path) -> None:
    asked = advisor("ask", "--save", "mine.yaml", stdin="1\n1\ns\nq\n")
    assert asked.returncode == 0, asked.stderr
    assert "Saved your answers to mine.yaml" in asked.stdout
    saved = yaml.safe_load((outside / "mine.yaml").read_text())
    assert saved["answers"]
    assert advisor("recommend", "mine.yaml").returncode == 0


def test_ask_reads_undecodable_bytes_and_nul_as_answers_to_ask_again(
    advisor_script: Path, outside: Path, tmp_path: Path
) -> None:
    """The console script's stdin is strict UTF-8: a stray byte used to end in a traceback, and
    a stray `1` after the interview became a file."""
    env = {**os.environ, "ADVISOR_CACHE_DIR": str(tmp_path / "cache")}
    done = subprocess.run(
        [str(advisor_script), "ask"],
        input=b"\xff\xfe\n\x00\nq\n1\ns\n\n",
        capture_output=True,
        cwd=outside,
        env=env,
        timeout=60,
        check=False,
    )
    assert (done.returncode, done.stderr) == (0, b"")
    out = done.stdout.decode()
    assert "'\ufffd\ufffd' is not one of the numbers 1 to" in out
    assert "'\\x00' is not one of the numbers 1 to" in out
    assert "'1' is not a file name ending in .yaml" in out
    assert list(outside.iterdir()) == []


def test_kb_commands(advisor: Run) -> None:
    validate = advisor("kb", "validate")
    assert validate.returncode == 0 and "ok —" in validate.stdout
    shown = advisor("kb", "show", "amazon_data_firehose")
    assert shown.returncode == 0 and "Amazon Data Firehose" in shown.stdout
    coverage = advisor("kb", "coverage")
    assert coverage.returncode == 0, coverage.stdout[-500:]
    assert "examples" and advisor("examples").stdout.count("\n") > 100


def test_kb_list_questions_and_show_by_a_word_of_the_name(advisor: Run) -> None:
    listed = advisor("kb", "list", "questions")
    assert listed.returncode == 0, listed.stderr
    assert listed.stdout.startswith("ID ") and "QUESTION" in listed.stdout.splitlines()[0]
    assert any(line.startswith("data_arrival ") for line in listed.stdout.splitlines())
    shown = advisor("kb", "show", "firehose")
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.startswith("Amazon Data Firehose  (amazon_data_firehose, service)")
    ambiguous = advisor("kb", "show", "kinesis")
    assert ambiguous.returncode == 1 and ambiguous.stdout == ""
    assert "amazon_kinesis_data_streams" in ambiguous.stderr


def test_bad_input_is_one_line_with_exit_code_2(advisor: Run, outside: Path) -> None:
    (outside / "bad.yaml").write_text("answers:\n  data_arival: streaming\n")
    bad = advisor("recommend", "bad.yaml")
    assert bad.returncode == 2
    assert bad.stdout == ""
    assert bad.stderr.strip().count("\n") == 0
    assert bad.stderr.startswith(
        "bad.yaml:2: answers.data_arival: unknown question (did you mean 'data_arrival'?)"
    )


def test_unknown_command_is_a_usage_error(advisor: Run) -> None:
    wrong = advisor("recomend")
    assert wrong.returncode == 1 and "see 'advisor --help'" in wrong.stderr


def test_check_flags_an_unsuitable_choice_accepts_a_reasoned_suppression_and_refuses_an_expired_one(
    advisor: Run, outside: Path
) -> None:
    """The issue's "done when": unsuitable -> 3 with the requirement and the better fit;
    suppressed with a reason -> 0, still listed; suppression expired -> 3."""
    unsuitable = advisor("check", "--example", "card_payments_on_firehose")
    assert unsuitable.returncode == 3, unsuitable.stderr
    assert "error      ING-003/ingestion/amazon_data_firehose" in unsuitable.stdout
    assert "requirement: How soon after an event happens must it be available" in unsuitable.stdout
    assert "fix: Use Amazon Kinesis Data Streams instead" in unsuitable.stdout
    accepted = advisor("check", "--example", "card_payments_on_firehose_accepted")
    assert accepted.returncode == 0, accepted.stdout
    assert "suppressed ING-003/ingestion/amazon_data_firehose" in accepted.stdout
    expired = advisor("check", "--example", "card_payments_on_firehose_expired")
    assert expired.returncode == 3
    assert "suppression-expired/*/amazon_data_firehose" in expired.stdout


def test_a_shipped_example_is_shown_by_its_place_in_the_scenarios_not_the_install_folder(
    advisor: Run, outside: Path
) -> None:
    checked = advisor("check", "--example", "nightly_claims_etl_rereads_everything", "--format", "json")
    (design,) = json.loads(checked.stdout)["checks"]
    assert design["design"] == "scenarios/designs/nightly_claims_etl_rereads_everything.design.yaml"
    assert design["template"] == "scenarios/designs/nightly_claims_etl_rereads_everything.template.yaml"
    assert "site-packages" not in checked.stdout


def test_check_reads_a_cloudformation_template_with_intrinsic_tags_into_sarif(
    advisor: Run, outside: Path
) -> None:
    checked = advisor("check", "--example", "plant_photos_serverless", "--format", "sarif", "-o", "out.sarif")
    assert checked.returncode == 3, checked.stderr
    sarif = json.loads((outside / "out.sarif").read_text())
    (result,) = [r for r in sarif["runs"][0]["results"] if r["ruleId"] == "DEP-007"]
    location = result["locations"][0]
    assert location["logicalLocations"] == [{"name": "DiagnosisEndpointConfig", "kind": "resource"}]
    assert location["physicalLocation"]["artifactLocation"]["uri"].endswith(
        "plant_photos_serverless.template.yaml"
    )
    (outside / "stack.template.yaml").write_text(
        "Parameters:\n  Env: {Type: String, Default: prod}\nResources:\n"
        "  Bucket:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: !Sub '${Env}-lake'\n"
    )
    (outside / "stack.design.yaml").write_text("answers: {data_type: tabular}\n")
    beside = advisor("check", "stack.template.yaml", "--format", "junit")
    assert beside.returncode == 0, beside.stderr
    assert beside.stdout.startswith("<?xml")
