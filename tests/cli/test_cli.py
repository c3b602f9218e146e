"""The `advisor` command: formats, output files, kb commands, and the installed console script."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from advisor.cli import main

from fixtures_path import FIXTURE_KB, FIXTURES

STREAM = FIXTURES / "answers" / "stream.yaml"
BATCH = FIXTURES / "answers" / "batch.yaml"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["--rules", str(FIXTURE_KB), *argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_text_view_shows_picks_reasons_and_rejections(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "recommend", str(BATCH))
    assert code == 0
    assert "AWS ML Advisor — Nightly batches (lens: exam)" in out
    assert "▶ Old D [closed to new customers]  (score 3)" in out
    assert "ING-004 (+3): Data arrives in batches." in out
    assert "Ingestion: exam expects Old D; a new customer today uses New E" in out


def test_lens_option_overrides_the_file(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "recommend", str(BATCH), "--lens", "current")
    assert "▶ New E  (score 3)" in out
    assert "✗ Old D — rejected by lens" in out


def test_json_is_complete_and_parseable(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "recommend", str(STREAM), "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["format"] == "aws-ml-advisor/result@1"
    assert data["lens"] == "current"
    assert data["facts"]["record_mb"] == 2.0
    assert data["facts"]["skills"] == ["sql"]
    ingestion = next(s for s in data["stages"] if s["stage"] == "ingestion")
    assert ingestion["top"] is None
    excluded = {e["node"]: e for e in ingestion["excluded"]}
    assert excluded["stream_a"]["by"] == ["ING-005"]
    assert excluded["buffer_b"]["by"] == ["ING-003"]
    storage = next(s for s in data["stages"] if s["stage"] == "storage")
    assert [c["node"] for c in storage["candidates"]] == ["warehouse", "lake"]
    assert storage["candidates"][0]["support"][0]["rule"] == "STO-002"
    assert {t["rule"] for t in data["trace"]} >= {
        "ING-001",
        "ING-002",
        "ING-003",
        "ING-005",
        "STO-001",
    }
    assert [(d["fact"], d["value"], d["rule"]) for d in data["derived"]] == [
        ("needs_stream", True, "ING-001"),
        ("tier", "silver", "STO-004"),
    ]


def test_markdown_report_written_to_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "report.md"
    code, out, err = run(capsys, "recommend", str(BATCH), "--format", "markdown", "-o", str(target))
    assert (code, out, err) == (0, "", f"wrote {target}\n")
    report = target.read_text()
    assert report.startswith("# Nightly batches\n")
    for heading in (
        "## Answers",
        "## Exam and current lenses disagree",
        "## Recommendations by stage",
        "### Ingestion",
        "## Sources",
    ):
        assert heading in report
    assert "- Old D +3 — `ING-004` Batch data suits a batch loader: Data arrives in batches. [" in report
    assert "<https://docs.aws.amazon.com/r4>" in report


def test_output_into_a_missing_folder_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "nope" / "r.md"
    code, _, err = run(capsys, "recommend", str(BATCH), "-o", str(target))
    assert code == 2
    assert err == f"{target}: folder does not exist; create it first or choose another path\n"


def test_kb_validate_counts(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "kb", "validate")
    assert code == 0
    assert out.endswith("ok — 2 stages, 5 questions, 2 derived facts, 7 nodes, 9 rules\n")


def test_kb_show_node_lists_relations_status_and_rules(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "kb", "show", "old_d")
    assert code == 0
    assert "Status: closed_to_new_customers — Old D is closed to new customers since 2025-01-01;" in out
    assert "replaced_by      new_e" in out
    assert "ING-003  Delivery slower than required" in out
    assert "ING-004  Batch data suits a batch loader" in out
    _, by_name, _ = run(capsys, "kb", "show", "Buffer B")
    assert "delivers_to      lake" in by_name
    assert "alternative_to   stream_a" in by_name


def test_kb_show_rule_and_question(capsys: pytest.CaptureFixture[str]) -> None:
    _, rule, _ = run(capsys, "kb", "show", "ING-003")
    assert rule.startswith("ING-003  Delivery slower than required")
    _, question, _ = run(capsys, "kb", "show", "arrival")
    assert "If skipped, assumes 'batch'" in question
    assert "Read by rules: ING-001, ING-004" in question


def test_kb_show_unknown_id_suggests(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "kb", "show", "stream_b")
    assert code == 1
    assert err == "advisor: unknown node, rule or question 'stream_b' (did you mean 'stream_a'?)\n"


CONSOLE_SCRIPT = Path(sys.executable).parent / "advisor"


@pytest.mark.skipif(not CONSOLE_SCRIPT.exists(), reason="run from a venv with the package installed")
def test_installed_console_script_runs_a_shipped_example_from_any_folder(tmp_path: Path) -> None:
    """Package data ships in the wheel: the script works outside the checkout."""
    script = str(CONSOLE_SCRIPT)
    listing = subprocess.run([script, "examples"], cwd=tmp_path, capture_output=True, text=True, check=True)
    example = listing.stdout.split()[0]
    done = subprocess.run(
        [script, "recommend", "--example", example, "--format", "json"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["stages"]


def test_reports_written_with_o_are_readable_by_others(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import os

    target = tmp_path / "report.md"
    old = os.umask(0o022)
    try:
        run(capsys, "recommend", str(BATCH), "--format", "markdown", "-o", str(target))
    finally:
        os.umask(old)
    assert target.stat().st_mode & 0o777 == 0o644


def _decisions_kb(tmp_path: Path) -> Path:
    import shutil

    root = tmp_path / "kb"
    shutil.copytree(FIXTURE_KB, root)
    shutil.copy(FIXTURES / "kb_decisions" / "decisions.yaml", root / "decisions.yaml")
    return root


DECISIONS_ANSWERS = """\
title: Throttled stream
focus: [ingestion]
design:
  ingestion: stream_a
answers:
  arrival: stream
  speed: fast
  write_mb_s: 250
  throttled: true
  skills: [sql]
"""


def test_focus_design_diagnosis_and_calculations_in_every_format(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rules = _decisions_kb(tmp_path)
    answers = tmp_path / "a.yaml"
    answers.write_text(DECISIONS_ANSWERS, encoding="utf-8")
    assert main(["--rules", str(rules), "recommend", str(answers)]) == 0
    text = capsys.readouterr().out
    assert "Cause (DIA-001): Stream A's shards take fewer writes than arrive." in text
    assert "fix: On-demand capacity (+5) — the top pick for Stream capacity (score 8)" in text
    assert "shards = ceil(write_mb_s / 1) = ceil(250 / 1) = 250 shards  (CAP-002)" in text
    assert text.index("Focus: Ingestion") < text.index("Ingestion: Stream capacity")
    assert "Other stages (not in focus; top pick only)\n  Storage: Warehouse\n  Training: not needed" in text

    assert main(["--rules", str(rules), "recommend", str(answers), "--format", "markdown"]) == 0
    markdown = capsys.readouterr().out
    assert "## Recommendations for what you are deciding: Ingestion" in markdown
    assert "| Training | not needed |" in markdown
    assert "**Symptom:** Do writes fail with throughput exceptions? yes" in markdown

    assert main(["--rules", str(rules), "recommend", str(answers), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["focus"] == ["ingestion"]
    assert data["design"] == {"ingestion": ["stream_a"]}
    (diagnosis,) = data["diagnoses"]
    assert diagnosis["rule"] == "DIA-001" and diagnosis["symptom"] == "throttled"
    assert diagnosis["fixes"] == [{"stage": "capacity", "node": "cap_on_demand", "weight": 5, "top": True}]
    stages = {s["stage"]: s for s in data["stages"]}
    assert stages["capacity"]["within"] == "ingestion" and stages["capacity"]["in_focus"]
    assert not stages["storage"]["in_focus"]
    assert stages["training"]["not_needed"][0]["rule"] == "TRN-002" and stages["training"]["top"] is None
    (shards,) = [d for d in data["derived"] if d["fact"] == "shards"]
    assert shards["formula"].endswith("= 250 shards")
    assert not [fact for fact in data["facts"] if ":" in fact]
