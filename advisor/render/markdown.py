"""A Markdown report a colleague can read without the tool: answers, picks, reasons, sources."""

from __future__ import annotations

from typing import TYPE_CHECKING

from advisor.engine.result import Result, StageResult
from advisor.render.common import (
    answer_rows,
    badge,
    display_stages,
    fix_standing,
    lens_description,
    not_needed_reasons,
    pick_text,
    sources_of,
    stage_heading,
    symptom_line,
)

if TYPE_CHECKING:
    from advisor.knowledge import KnowledgeBase


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render_markdown(kb: KnowledgeBase, result: Result, title: str = "") -> str:
    sources = sources_of(result)
    number = {url: index for index, url in enumerate(sources, start=1)}
    out = [f"# {title or 'AWS ML Advisor recommendation'}", ""]
    out.append(
        f"Reasoned under the **{result.lens}** lens ({lens_description(kb, result.lens)}). Every "
        "recommendation names the rule that made it; numbers in brackets refer to the sources at the end."
    )
    out += ["", "## Answers", "", "| Question | Answer |", "| --- | --- |"]
    for _, text, label in answer_rows(kb, result):
        out.append(f"| {_cell(text)} | {_cell(label)} |")
    for assumption in result.assumptions:
        text = kb.questions[assumption.question].text
        label = kb.value_label(assumption.question, assumption.value)
        out.append(f"| {_cell(text)} | {_cell(label)} *(assumed: {_cell(assumption.because)})* |")
    if result.ignored:
        out += [
            "",
            "Answers not used because their question does not apply: "
            + ", ".join(f"`{i.question}`" for i in result.ignored)
            + ".",
        ]
    if result.lens_differences:
        out += ["", "## Exam and current lenses disagree", ""]
        for diff in result.lens_differences:
            exam = kb.nodes[diff.exam].name if diff.exam else "nothing"
            current = kb.nodes[diff.current].name if diff.current else "nothing"
            out.append(
                f"- **{kb.stages[diff.stage].name}**: the exam expects {exam}; "
                f"a new customer today uses {current}."
            )
    if result.design:
        out += ["", "## Design (what runs today)", ""]
        out += [f"- **{kb.stages[s].name}**: {kb.node_names(nodes)}" for s, nodes in result.design]
    out += _diagnoses(kb, result, number)
    calculated = [d for d in result.derived if d.formula]
    if calculated:
        out += ["", "## Calculations", ""]
        out += [f"- `{d.formula}` (`{result.firing(d.firing).rule}`)" for d in calculated]
    focused, others = display_stages(kb, result)
    if result.focus:
        names = ", ".join(kb.stages[stage].name for stage in result.focus)
        out += ["", f"## Recommendations for what you are deciding: {names}"]
    else:
        out += ["", "## Recommendations by stage"]
    for stage in focused:
        out += ["", *_stage(kb, result, stage, number)]
    if others:
        out += ["", "## Other stages", "", "Not in focus; the top pick only.", ""]
        out += ["| Stage | Top pick |", "| --- | --- |"]
        out += [f"| {_cell(stage.name)} | {_cell(pick_text(stage))} |" for stage in others]
    if sources:
        out += ["", "## Sources", ""]
        out += [f"{index}. <{url}>" for url, index in number.items()]
    return "\n".join(out) + "\n"


def _refs(urls: tuple[str, ...], number: dict[str, int]) -> str:
    return " " + "".join(f"[{number[url]}]" for url in urls if url in number) if urls else ""


def _diagnoses(kb: KnowledgeBase, result: Result, number: dict[str, int]) -> list[str]:
    if not result.diagnoses:
        return []
    out = ["", "## Diagnosis"]
    for diagnosis in result.diagnoses:
        firing = result.firing(diagnosis.firing)
        out += ["", f"**Symptom:** {_cell(symptom_line(kb, result, diagnosis))}", ""]
        out.append(
            f"**Cause** (`{firing.rule}` {_cell(firing.title)}): {_cell(diagnosis.cause)} "
            f"{_cell(firing.because)}{_refs(firing.sources, number)}"
        )
        out += ["", "Fixes:", ""]
        out += [
            f"- {kb.nodes[fix.node].name} ({fix.weight:+d}): {_cell(fix_standing(kb, result, fix))}"
            for fix in diagnosis.fixes
        ]
    return out


def _stage(kb: KnowledgeBase, result: Result, stage: StageResult, number: dict[str, int]) -> list[str]:
    name = stage_heading(kb, stage)
    out = [f"### {name}", ""]
    for rule, because in not_needed_reasons(result, stage):
        out += [f"**Not needed** (`{rule}`): {_cell(because)}", ""]
    top = stage.top
    if top:
        out += [
            f"**Recommended: {top.name}**" + (f" *({badge(top.state)})*" if badge(top.state) else ""),
            "",
        ]
    if stage.candidates:
        out += ["| Rank | Candidate | Score | Status |", "| --- | --- | --- | --- |"]
        for rank, candidate in enumerate(stage.candidates, start=1):
            status = badge(candidate.state) or "active"
            out.append(f"| {rank} | {_cell(candidate.name)} | {candidate.score} | {status} |")
        out += ["", "Why:", ""]
        for candidate in stage.candidates:
            if candidate.stands_in_for:
                names = ", ".join(kb.nodes[n].name for n in candidate.stands_in_for)
                out.append(f"- {candidate.name} stands in for {names}, which new customers cannot use.")
            for support in candidate.support:
                firing = result.firing(support.firing)
                via = f" (carried over from {kb.nodes[support.via].name})" if support.via else ""
                out.append(
                    f"- {candidate.name} {support.weight:+d} — `{firing.rule}` {_cell(firing.title)}: "
                    f"{_cell(firing.because)}{via}{_refs(firing.sources, number)}"
                )
    if stage.exclusions:
        out += ["", "Rejected alternatives:", ""]
        for exclusion in stage.exclusions:
            if exclusion.by_lens:
                out.append(
                    f"- **{exclusion.name}** — lens: {exclusion.reasons[0]}{_refs(exclusion.sources, number)}"
                )
                continue
            for index in exclusion.firings:
                firing = result.firing(index)
                out.append(
                    f"- **{exclusion.name}** — `{firing.rule}` {_cell(firing.title)}: "
                    f"{_cell(firing.because)}{_refs(firing.sources, number)}"
                )
    if stage.warnings:
        out += ["", "Warnings:", ""]
        out += [f"- ⚠ {w.text} (`{result.firing(w.firing).rule}`)" for w in stage.warnings]
    return out
