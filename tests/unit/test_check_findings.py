"""Design checks on the fixture knowledge: each kind of finding, its severity, stable id,
location, fix and sources; suppressions (live, expired, unused); the clock is fixed."""

from __future__ import annotations

import datetime
import random
from collections.abc import Callable
from pathlib import Path

import pytest

from advisor.check.design import read_design
from advisor.check.findings import CheckReport, Finding, check_design
from advisor.knowledge import KnowledgeBase

TODAY = datetime.date(2026, 6, 1)

Check = Callable[..., CheckReport]


@pytest.fixture
def check(check_kb: KnowledgeBase, tmp_path: Path) -> Check:
    """Write a design file and check it (lens from the file unless given; today is TODAY)."""

    def run(text: str, lens: str | None = None, today: datetime.date = TODAY) -> CheckReport:
        path = tmp_path / "x.design.yaml"
        path.write_text(text, encoding="utf-8")
        return check_design(check_kb, read_design(check_kb, path), lens, today=today)  # type: ignore[arg-type]

    return run


def only(report: CheckReport, finding_id: str) -> Finding:
    (found,) = [f for f in report.findings if f.id == finding_id]
    return found


FAST_STREAM = "answers: {arrival: stream, speed: fast}\n"


def test_a_chosen_node_a_rule_rejects_is_an_error_naming_requirement_rule_and_better_fit(
    check: Check,
) -> None:
    report = check(FAST_STREAM + "design:\n  ingestion: buffer_b\n")
    finding = only(report, "ING-003/ingestion/buffer_b")
    assert (finding.kind, finding.severity, finding.rule) == ("violates", "error", "ING-003")
    assert finding.message == (
        "Buffer B violates a requirement (ING-003): Buffer B delivers medium at best, but fast is needed."
    )
    assert [(r.question, r.answer) for r in finding.requirements] == [("speed", "fast")]
    assert finding.better == "stream_a"
    assert (
        finding.fix == "Use Stream A instead: the top pick for Ingestion with these requirements (score 2)."
    )
    assert [(r.rule, r.weight, r.about) for r in finding.reasons] == [("ING-002", 2, "stream_a")]
    assert finding.sources == ("https://docs.aws.amazon.com/r3",)
    assert (finding.location.line, finding.location.key) == (3, "design.ingestion")
    assert report.fails("error")


def test_a_candidate_below_the_top_is_a_warning_with_the_gap(check: Check) -> None:
    report = check("answers: {arrival: stream, speed: medium}\ndesign: {ingestion: buffer_b}\n")
    finding = only(report, "better-fit/ingestion/buffer_b")
    assert finding.severity == "warning" and finding.better == "stream_a"
    assert finding.message == (
        "Buffer B scores 1 for Ingestion; Stream A scores 2, 1 more, for these requirements."
    )
    assert {r.about for r in finding.reasons} == {"stream_a", "buffer_b"}
    assert not report.fails("error") and report.fails("warning")


def test_nothing_recommends_it_is_a_warning_when_something_else_is_recommended(check: Check) -> None:
    finding = only(check("design: {storage: warehouse}\n"), "not-recommended/storage/warehouse")
    assert finding.severity == "warning" and finding.better == "lake"
    assert "Rules that can: STO-002." in finding.message


def test_nothing_recommends_it_is_information_when_nothing_is_recommended(check: Check) -> None:
    finding = only(
        check("answers: {arrival: batch}\ndesign: {capacity: cap_on_demand}\n"),
        "not-recommended/capacity/cap_on_demand",
    )
    assert finding.severity == "info" and finding.better is None


def test_the_top_pick_and_choices_beside_it_in_the_same_stage_are_not_findings(check: Check) -> None:
    report = check("answers: {skills: [sql]}\ndesign: {storage: [warehouse, lake]}\n")
    assert [f.id for f in report.findings if f.stage == "storage"] == []


def test_a_closed_service_is_an_error_under_the_current_lens_and_information_under_the_exam_lens(
    check: Check,
) -> None:
    text = "answers: {arrival: batch}\ndesign: {ingestion: old_d}\n"
    current = only(check(text, lens="current"), "status/ingestion/old_d")
    assert current.severity == "error" and current.better == "new_e"
    assert current.message.startswith("Old D is closed to new customers since 2025-01-01")
    assert current.fix == "Use New E, which new customers use instead."
    assert current.sources == ("https://docs.aws.amazon.com/d-status",)
    exam = check(text, lens="exam")
    assert only(exam, "status/ingestion/old_d").severity == "info"
    assert not exam.fails("error")


def test_a_stage_settled_as_not_needed_makes_its_choice_a_warning(check: Check) -> None:
    finding = only(
        check("answers: {skills: [sql]}\ndesign: {training: trainer}\n"), "not-needed/training/trainer"
    )
    assert finding.severity == "warning"
    assert "nothing is trained" in finding.message


def test_a_focused_stage_without_a_choice_is_information_with_the_top_pick(check: Check) -> None:
    report = check("focus: [ingestion, storage]\n" + FAST_STREAM + "design: {ingestion: stream_a}\n")
    storage = only(report, "no-choice/storage")
    assert storage.severity == "info" and storage.better == "lake"
    assert (storage.location.key, storage.location.line) == ("focus[1]", 1)
    capacity = only(report, "no-choice/capacity")  # a decision within the focused ingestion stage
    assert capacity.better == "cap_provisioned" and capacity.location.key == "focus[0]"


def test_a_diagnosis_is_a_warning_located_at_the_symptom_answer(check: Check) -> None:
    report = check("answers:\n  arrival: stream\n  throttled: true\ndesign: {ingestion: stream_a}\n")
    finding = only(report, "DIA-001/capacity/throttled")
    assert (finding.kind, finding.severity) == ("diagnosis", "warning")
    assert finding.message == (
        "Do writes fail with throughput exceptions? yes — likely cause: Stream A's shards take fewer writes than arrive."
    )
    assert finding.fix.startswith("Fix: On-demand capacity (")
    assert (finding.location.key, finding.location.line) == ("answers.throttled", 3)


def test_a_suppressed_finding_is_kept_as_suppressed_and_not_counted(check: Check) -> None:
    text = (
        FAST_STREAM
        + "design: {ingestion: buffer_b}\nsuppress:\n  - {rule: ING-003, node: buffer_b, reason: capped upstream}\n"
    )
    report = check(text)
    finding = only(report, "ING-003/ingestion/buffer_b")
    assert finding.suppressed is not None and finding.suppressed.reason == "capped upstream"
    assert finding.suppressed.location.key == "suppress[0]"
    assert report.counts() == {"error": 0, "warning": 0, "info": 0, "suppressed": 1}
    assert not report.fails("info")


@pytest.mark.parametrize(
    "suppression",
    [
        "{rule: violates, reason: r}",
        "{node: buffer_b, reason: r}",
        "{rule: ING-003, reason: r, expires: 2026-06-01}",
    ],
)
def test_a_suppression_matches_by_kind_rule_or_node_and_lasts_through_its_expiry_day(
    check: Check, suppression: str
) -> None:
    report = check(FAST_STREAM + f"design: {{ingestion: buffer_b}}\nsuppress: [{suppression}]\n")
    assert only(report, "ING-003/ingestion/buffer_b").suppressed is not None


def test_an_expired_suppression_hides_nothing_and_is_an_error(check: Check) -> None:
    text = (
        FAST_STREAM
        + "design: {ingestion: buffer_b}\nsuppress:\n  - {node: buffer_b, reason: pilot, expires: 2026-05-31}\n"
    )
    report = check(text)
    assert only(report, "ING-003/ingestion/buffer_b").suppressed is None
    expired = only(report, "suppression-expired/*/buffer_b")
    assert expired.severity == "error" and expired.location.key == "suppress[0]"
    assert expired.message == (
        "The suppression of node buffer_b expired on 2026-05-31 (pilot); it no longer hides its 1 finding."
    )
    later = check(text, today=datetime.date(2026, 5, 31))
    assert only(later, "ING-003/ingestion/buffer_b").suppressed is not None


def test_a_suppression_that_matches_nothing_is_information(check: Check) -> None:
    report = check(FAST_STREAM + "design: {ingestion: stream_a}\nsuppress: [{rule: ING-005, reason: r}]\n")
    assert only(report, "suppression-unused/ING-005/*").severity == "info"


def test_ids_and_order_do_not_depend_on_how_the_design_is_written(check: Check) -> None:
    choices = ["ingestion: [buffer_b, old_d, batch_c]", "storage: warehouse", "training: trainer"]
    first = check(FAST_STREAM + "design:\n  " + "\n  ".join(choices) + "\n")
    random.Random(7).shuffle(choices)
    second = check(FAST_STREAM + "design:\n  " + "\n  ".join(choices) + "\n")
    assert [f.id for f in first.findings] == [f.id for f in second.findings]
    severities = [f.severity for f in first.findings]
    assert severities == sorted(severities, key=["error", "warning", "info"].index)
