"""`advisor check`: every format and exit code, on the fixture knowledge (plus its
CloudFormation mappings); SARIF validated against the specification's required properties."""

from __future__ import annotations

import json
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
import yaml

from advisor.cli import main
from advisor.knowledge import KnowledgeBase

from fixtures_path import CHECK

UNSUITABLE = """\
title: Fast stream through a buffer
answers: {arrival: stream, speed: fast}
design:
  ingestion: buffer_b
"""
SUPPRESSED = (
    UNSUITABLE
    + "suppress:\n  - {rule: ING-003, node: buffer_b, reason: capped upstream, expires: 2099-12-31}\n"
)
EXPIRED = UNSUITABLE + "suppress:\n  - {node: buffer_b, reason: pilot only, expires: 2020-01-31}\n"
WEAKER = "answers: {arrival: stream, speed: medium}\ndesign: {ingestion: buffer_b}\n"


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The working folder: design files are written here and paths shown relative to it."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def run(check_kb: KnowledgeBase, capsys: pytest.CaptureFixture[str], folder: Path):  # type: ignore[no-untyped-def]
    def advisor(*argv: str) -> tuple[int, str, str]:
        code = main(["--rules", str(check_kb.source), "check", *argv])
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return advisor


def write(folder: Path, name: str, text: str) -> str:
    (folder / name).write_text(text, encoding="utf-8")
    return name


def test_an_unsuitable_choice_exits_3_naming_the_requirement_and_the_better_fit(run, folder: Path) -> None:  # type: ignore[no-untyped-def]
    code, out, err = run(write(folder, "x.design.yaml", UNSUITABLE))
    assert (code, err) == (3, "")
    assert "1 error, 0 warnings, 0 info, 0 suppressed" in out
    assert "error      ING-003/ingestion/buffer_b  x.design.yaml:4 (design.ingestion)" in out
    assert "  requirement: How fast? fast" in out
    assert "  fix: Use Stream A instead" in out


def test_the_same_design_with_the_finding_suppressed_exits_0_and_lists_it(run, folder: Path) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run(write(folder, "x.design.yaml", SUPPRESSED))
    assert code == 0
    assert "0 errors, 0 warnings, 0 info, 1 suppressed" in out
    assert "suppressed ING-003/ingestion/buffer_b" in out
    assert "suppressed at x.design.yaml:6 (suppress[0]): capped upstream (until 2099-12-31)" in out


def test_an_expired_suppression_exits_3(run, folder: Path) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run(write(folder, "x.design.yaml", EXPIRED))
    assert code == 3
    assert "error      suppression-expired/*/buffer_b  x.design.yaml:6 (suppress[0])" in out
    assert "error      ING-003/ingestion/buffer_b" in out


@pytest.mark.parametrize(("fail_on", "code"), [("error", 0), ("warning", 3), ("info", 3)])
def test_fail_on_sets_the_threshold(run, folder: Path, fail_on: str, code: int) -> None:  # type: ignore[no-untyped-def]
    assert run(write(folder, "x.design.yaml", WEAKER), "--fail-on", fail_on)[0] == code


def test_json_lists_every_finding_with_its_location_and_suppression(run, folder: Path) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run(write(folder, "x.design.yaml", SUPPRESSED), "--format", "json")
    data = json.loads(out)
    assert (code, data["format"], data["fail_on"], data["failed"]) == (
        0,
        "aws-ml-advisor/check@1",
        "error",
        False,
    )
    (check,) = data["checks"]
    assert check["summary"] == {"error": 0, "warning": 0, "info": 0, "suppressed": 1}
    (finding,) = check["findings"]
    assert finding["id"] == "ING-003/ingestion/buffer_b"
    assert finding["location"] == {
        "file": "x.design.yaml",
        "line": 4,
        "key": "design.ingestion",
        "resource": None,
    }
    assert finding["suppressed"] == {
        "reason": "capped upstream",
        "expires": "2099-12-31",
        "file": "x.design.yaml",
        "line": 6,
        "key": "suppress[0]",
        "resource": None,
    }
    assert finding["requirements"] == [{"question": "speed", "text": "How fast?", "answer": "fast"}]


def test_markdown_groups_findings_by_severity(run, folder: Path) -> None:  # type: ignore[no-untyped-def]
    _, out, _ = run(write(folder, "x.design.yaml", EXPIRED), "--format", "markdown")
    assert out.startswith("# Design check: Fast stream through a buffer\n")
    assert "## Errors" in out and "### `ING-003/ingestion/buffer_b` — Delivery slower than required" in out


SARIF_SCHEMA = json.loads((CHECK / "sarif-2.1.0-required.schema.json").read_text(encoding="utf-8"))


def test_sarif_has_the_structure_code_scanning_requires(run, folder: Path) -> None:  # type: ignore[no-untyped-def]
    write(folder, "a.design.yaml", SUPPRESSED)
    write(folder, "b.design.yaml", EXPIRED)
    code, out, _ = run("a.design.yaml", "b.design.yaml", "--format", "sarif")
    sarif = json.loads(out)
    jsonschema.validate(sarif, SARIF_SCHEMA)
    assert code == 3
    (sarif_run,) = sarif["runs"]
    rules = sarif_run["tool"]["driver"]["rules"]
    assert len({rule["id"] for rule in rules}) == len(rules)
    results = sarif_run["results"]
    for result in results:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
    by_id = {
        (
            r["partialFingerprints"]["adviceFindingId/v1"],
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        ): r
        for r in results
    }
    suppressed = by_id[("ING-003/ingestion/buffer_b", "a.design.yaml")]
    assert suppressed["suppressions"] == [
        {"kind": "inSource", "status": "accepted", "justification": "capped upstream"}
    ]
    assert "suppressions" not in by_id[("ING-003/ingestion/buffer_b", "b.design.yaml")]
    expired = by_id[("suppression-expired/*/buffer_b", "b.design.yaml")]
    assert (expired["level"], expired["locations"][0]["physicalLocation"]["region"]) == (
        "error",
        {"startLine": 6},
    )
    knowledge_rule = next(rule for rule in rules if rule["id"] == "ING-003")
    assert knowledge_rule["helpUri"] == "https://docs.aws.amazon.com/r3"
    assert knowledge_rule["shortDescription"]["text"] == "Delivery slower than required"


def test_sarif_schema_fragment_rejects_what_the_specification_requires() -> None:
    """The structure test can fail: a result without a message, a rule without an id."""
    valid = {
        "version": "2.1.0",
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "x",
                        "rules": [{"id": "R", "shortDescription": {"text": "t"}, "helpUri": "https://a"}],
                    }
                },
                "results": [],
            }
        ],
    }
    jsonschema.validate(valid, SARIF_SCHEMA)
    broken = json.loads(json.dumps(valid))
    del broken["runs"][0]["tool"]["driver"]["rules"][0]["id"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, SARIF_SCHEMA)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**valid, "version": "2.0.0"}, SARIF_SCHEMA)


def test_junit_has_a_failure_per_finding_at_the_threshold_and_skips_suppressed_ones(
    run, folder: Path
) -> None:  # type: ignore[no-untyped-def]
    write(folder, "a.design.yaml", SUPPRESSED)
    write(folder, "b.design.yaml", EXPIRED)
    code, out, _ = run("a.design.yaml", "b.design.yaml", "--format", "junit")
    root = ET.fromstring(out.split("\n", 1)[1])
    assert (code, root.tag, root.get("tests"), root.get("failures"), root.get("skipped")) == (
        3,
        "testsuites",
        "3",
        "2",
        "1",
    )
    suites = {suite.get("name"): suite for suite in root}
    skipped = suites["a.design.yaml"].find("testcase[@name='ING-003/ingestion/buffer_b']/skipped")
    assert skipped is not None and skipped.get("message") == "suppressed: capped upstream"
    failure = suites["b.design.yaml"].find("testcase[@name='suppression-expired/*/buffer_b']/failure")
    assert failure is not None and failure.get("type") == "error"


def test_a_clean_design_is_one_passing_test_case(run, folder: Path) -> None:  # type: ignore[no-untyped-def]
    write(
        folder, "ok.design.yaml", "answers: {arrival: stream, speed: fast}\ndesign: {ingestion: stream_a}\n"
    )
    code, out, _ = run("ok.design.yaml", "--format", "junit")
    root = ET.fromstring(out.split("\n", 1)[1])
    assert (code, root.get("tests"), root.get("failures")) == (0, "1", "0")


def test_output_file_keeps_the_exit_code(run, folder: Path) -> None:  # type: ignore[no-untyped-def]
    code, out, err = run(write(folder, "x.design.yaml", UNSUITABLE), "--format", "sarif", "-o", "out.sarif")
    assert (code, out, err) == (3, "", "wrote out.sarif\n")
    assert json.loads((folder / "out.sarif").read_text())["version"] == "2.1.0"


def test_a_template_with_answers_and_a_template_beside_its_design_file(run, folder: Path) -> None:  # type: ignore[no-untyped-def]
    shutil.copy(CHECK / "all_tags.template.yaml", folder / "stack.template.yaml")
    write(folder, "stack.design.yaml", "answers: {arrival: stream, speed: fast}\n")
    code, out, _ = run("--template", "stack.template.yaml", "--answers", "stack.design.yaml")
    assert code == 3
    assert "error      ING-003/ingestion/buffer_b  stack.template.yaml:30 (resource Delivery)" in out
    assert "Template resources not read as design choices: Worker (AWS::Lambda::Function)" in out
    same = run("stack.template.yaml", "stack.design.yaml")  # as pre-commit passes them: checked once
    assert same[1] == out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        ((), "advisor: give a design file, --template FILE with --answers FILE, or --example NAME\n"),
        (
            ("--template", "t.yaml"),
            "advisor: --template needs the requirements: one --answers FILE (or one design file)\n",
        ),
        (("--example", "x", "a.yaml"), "advisor: --example takes no other design, template or answers\n"),
    ],
)
def test_usage_problems_exit_1(run, argv: tuple[str, ...], message: str) -> None:  # type: ignore[no-untyped-def]
    assert run(*argv)[::2] == (1, message)


def test_an_unknown_example_exits_1_with_a_suggestion(run) -> None:  # type: ignore[no-untyped-def]
    code, _, err = run("--example", "card_payments_on_firehos")
    assert code == 1
    assert err == (
        "advisor: unknown example design 'card_payments_on_firehos' (did you mean 'card_payments_on_firehose'?);"
        " see 'advisor examples'\n"
    )


@pytest.mark.parametrize(
    ("files", "argv", "message"),
    [
        ({}, ("missing.design.yaml",), "missing.design.yaml: no such file"),
        (
            {"x.design.yaml": "answers: {}\nsuppress: [{node: buffer_b}]\n"},
            ("x.design.yaml",),
            "x.design.yaml:2: missing required key 'reason' in suppress[0]",
        ),
        (
            {"lone.template.yaml": "Resources: {}\n"},
            ("lone.template.yaml",),
            "lone.template.yaml: no design file beside the template (expected lone.design.yaml with the"
            " requirements; or run: advisor check --template FILE --answers FILE)",
        ),
        (
            {"a.yaml": "answers: {}\n", "t.yaml": "Resources:\n  A: !Foo x\n"},
            ("--template", "t.yaml", "--answers", "a.yaml"),
            "t.yaml:2: unknown intrinsic function 'Fn::Foo' (!Foo); see the CloudFormation intrinsic function reference",
        ),
    ],
)
def test_bad_input_exits_2_with_one_line(
    run, folder: Path, files: dict[str, str], argv: tuple[str, ...], message: str
) -> None:  # type: ignore[no-untyped-def]
    for name, text in files.items():
        write(folder, name, text)
    code, out, err = run(*argv)
    assert (code, out, err) == (2, "", message + "\n")


def test_the_same_design_gives_the_same_bytes(run, folder: Path) -> None:  # type: ignore[no-untyped-def]
    write(folder, "x.design.yaml", EXPIRED)
    for fmt in ("text", "json", "sarif", "junit", "markdown"):
        assert run("x.design.yaml", "--format", fmt)[1] == run("x.design.yaml", "--format", fmt)[1]


def test_help_documents_the_exit_codes(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["check", "--help"])
    out = capsys.readouterr().out
    assert "exit codes:" in out and "3  findings at or above --fail-on" in out


REPO = Path(__file__).resolve().parents[2]


def test_the_pre_commit_hook_checks_design_files_and_templates() -> None:
    (hook,) = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert (hook["id"], hook["entry"], hook["language"]) == ("advisor-check", "advisor check", "python")
    files = re.compile(hook["files"])
    assert all(
        files.search(name)
        for name in ("a.design.yaml", "infra/b.design.yml", "s.template.yaml", "s.template.json")
    )
    assert not any(
        files.search(name) for name in ("answers.yaml", "template.yaml", "x.design.json", "x.template.txt")
    )
