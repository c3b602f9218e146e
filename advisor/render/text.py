"""A readable terminal view of a Result, with the reasons behind every line."""

from __future__ import annotations

from typing import TYPE_CHECKING

from advisor.engine.result import Result, StageResult
from advisor.render.common import (
    answer_rows,
    badge,
    display_stages,
    fix_standing,
    not_needed_reasons,
    pick_text,
    stage_heading,
    support_lines,
    symptom_line,
)

if TYPE_CHECKING:
    from advisor.knowledge import KnowledgeBase


def render_text(kb: KnowledgeBase, result: Result, title: str = "") -> str:
    out: list[str] = [f"AWS ML Advisor — {title or 'recommendations'} (lens: {result.lens})", ""]
    out.append("Answers")
    rows = answer_rows(kb, result)
    ids = (
        [row[0] for row in rows]
        + [a.question for a in result.assumptions]
        + [i.question for i in result.ignored]
    )
    width = max(map(len, ids), default=0)
    for question, _, label in rows:
        out.append(f"  {question:<{width}}  {label}")
    for assumption in result.assumptions:
        label = kb.value_label(assumption.question, assumption.value)
        out.append(f"  {assumption.question:<{width}}  {label}  [assumed: {assumption.because}]")
    for ignored in result.ignored:
        out.append(f"  {ignored.question:<{width}}  (ignored: does not apply to the other answers)")
    if result.design:
        out.extend(["", "Design (what runs today)"])
        for stage_id, nodes in result.design:
            out.append(f"  {kb.stages[stage_id].name}: {kb.node_names(nodes)}")
    out.extend(_diagnoses(kb, result))
    out.extend(_calculations(result))
    focused, others = display_stages(kb, result)
    if result.focus:
        names = ", ".join(kb.stages[stage].name for stage in result.focus)
        out.extend(["", f"Focus: {names}"])
    for stage in focused:
        out.extend(["", *_stage(kb, result, stage)])
    if others:
        out.extend(["", "Other stages (not in focus; top pick only)"])
        for stage in others:
            out.append(f"  {stage.name}: {pick_text(stage)}")
    if result.lens_differences:
        out.extend(["", "Exam and current lenses disagree"])
        for diff in result.lens_differences:
            exam = kb.nodes[diff.exam].name if diff.exam else "nothing"
            current = kb.nodes[diff.current].name if diff.current else "nothing"
            out.append(
                f"  {kb.stages[diff.stage].name}: exam expects {exam}; a new customer today uses {current}"
            )
    return "\n".join(out) + "\n"


def _diagnoses(kb: KnowledgeBase, result: Result) -> list[str]:
    if not result.diagnoses:
        return []
    lines = ["", "Diagnosis", "---------"]
    for diagnosis in result.diagnoses:
        firing = result.firing(diagnosis.firing)
        lines.append(f"  Symptom: {symptom_line(kb, result, diagnosis)}")
        lines.append(f"  Cause ({firing.rule}): {diagnosis.cause}")
        lines.append(f"      {firing.because}")
        for fix in diagnosis.fixes:
            lines.append(
                f"    fix: {kb.nodes[fix.node].name} ({fix.weight:+d}) — {fix_standing(kb, result, fix)}"
            )
    return lines


def _calculations(result: Result) -> list[str]:
    shown = [d for d in result.derived if d.formula]
    if not shown:
        return []
    lines = ["", "Calculations"]
    lines += [f"  {d.formula}  ({result.firing(d.firing).rule})" for d in shown]
    return lines


def _stage(kb: KnowledgeBase, result: Result, stage: StageResult) -> list[str]:
    name = stage_heading(kb, stage)
    lines = [name, "-" * len(name)]
    for rule, because in not_needed_reasons(result, stage):
        lines.append(f"  Not needed ({rule}): {because}")
    top = stage.top
    for rank, candidate in enumerate(stage.candidates, start=1):
        mark = "▶" if top is candidate else f"{rank}."
        status = f" [{badge(candidate.state)}]" if badge(candidate.state) else ""
        verdict = "" if candidate.score > 0 else ", not recommended"
        lines.append(f"  {mark} {candidate.name}{status}  (score {candidate.score}{verdict})")
        if candidate.stands_in_for:
            names = ", ".join(kb.nodes[n].name for n in candidate.stands_in_for)
            lines.append(f"      stands in for {names} (not available to new customers)")
        for rule, _, weight, because in support_lines(kb, result, candidate):
            lines.append(f"      {rule} ({weight:+d}): {because}")
    for exclusion in stage.exclusions:
        by = "lens" if exclusion.by_lens else ", ".join(result.firing(i).rule for i in exclusion.firings)
        lines.append(f"  ✗ {exclusion.name} — rejected by {by}")
        for reason in dict.fromkeys(exclusion.reasons):
            lines.append(f"      {reason}")
    for warning in stage.warnings:
        lines.append(f"  ! {warning.text} ({result.firing(warning.firing).rule})")
    if not stage.candidates and not stage.not_needed:
        lines.append(
            "  (no candidate left; see the rejections above)" if stage.exclusions else "  (no candidate)"
        )
    return lines
