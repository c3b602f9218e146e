"""Pieces shared by the text, Markdown and HTML views of a Result."""

from __future__ import annotations

from typing import TYPE_CHECKING

from advisor.engine.result import Candidate, Diagnosis, Fix, Result, StageResult

if TYPE_CHECKING:
    from advisor.knowledge import KnowledgeBase


def lens_description(kb: KnowledgeBase, lens: str) -> str:
    """What a lens reasons about, as a phrase; the exam is the knowledge's default profile."""
    if lens == "exam":
        return f"what the {kb.default_exam.name} exam expects"
    return "what a new AWS customer can use today"


BADGES = {
    "renamed": "renamed",
    "closed_to_new_customers": "closed to new customers",
    "retired": "retired",
}


def badge(state: str) -> str:
    """A short status label, empty for active nodes."""
    return BADGES.get(state, "")


def answer_rows(kb: KnowledgeBase, result: Result) -> list[tuple[str, str, str]]:
    """(question id, question text, answer label) for every answered or assumed question."""
    assumed = {a.question for a in result.assumptions}
    rows = []
    for fact, value in result.facts:
        if fact in kb.questions and fact not in assumed:
            rows.append((fact, kb.questions[fact].text, kb.value_label(fact, value)))
    return rows


def support_lines(kb: KnowledgeBase, result: Result, candidate: Candidate) -> list[tuple[str, str, int, str]]:
    """(rule id, title, weight, because) for each firing behind a candidate."""
    lines = []
    for support in candidate.support:
        firing = result.firing(support.firing)
        because = firing.because
        if support.via:
            because += f" (support carried over from {kb.nodes[support.via].name})"
        lines.append((firing.rule, firing.title, support.weight, because))
    return lines


def sources_of(result: Result) -> list[str]:
    """Every source URL behind what is shown, in first-use order."""
    seen: dict[str, None] = {}
    for diagnosis in result.diagnoses:
        seen.update(dict.fromkeys(result.firing(diagnosis.firing).sources))
    for stage in result.stages:
        for index in stage.not_needed:
            seen.update(dict.fromkeys(result.firing(index).sources))
        for candidate in stage.candidates:
            for support in candidate.support:
                seen.update(dict.fromkeys(result.firing(support.firing).sources))
        for exclusion in stage.exclusions:
            seen.update(dict.fromkeys(exclusion.sources))
            for index in exclusion.firings:
                seen.update(dict.fromkeys(result.firing(index).sources))
    return list(seen)


def ordered_stages(kb: KnowledgeBase, result: Result) -> list[StageResult]:
    """Every stage in report order, each decision within a stage right after that stage."""

    def position(stage: StageResult) -> tuple[int, int, int]:
        own = kb.stages[stage.stage].order
        outer = kb.stages[stage.within].order if stage.within in kb.stages else own
        return outer, stage.within is not None, own

    return sorted(result.stages, key=position)


def display_stages(kb: KnowledgeBase, result: Result) -> tuple[list[StageResult], list[StageResult]]:
    """(stages in focus, the others), each in report order (`ordered_stages`). Without a
    focus, every stage is in focus."""
    ordered = ordered_stages(kb, result)
    return [s for s in ordered if result.in_focus(s)], [s for s in ordered if not result.in_focus(s)]


def stage_heading(kb: KnowledgeBase, stage: StageResult) -> str:
    """`Ingestion: Stream capacity` for a decision within a stage, else the stage's name."""
    return f"{kb.stages[stage.within].name}: {stage.name}" if stage.within else stage.name


def not_needed_reasons(result: Result, stage: StageResult) -> list[tuple[str, str]]:
    """(rule id, because) of each firing that settled the stage as not needed."""
    return [(result.firing(i).rule, result.firing(i).because) for i in stage.not_needed]


def fix_standing(kb: KnowledgeBase, result: Result, fix: Fix) -> str:
    """Where a diagnosis's fix stands in its stage: top pick, a lower candidate, or rejected."""
    stage = result.stage(fix.stage)
    where = kb.stages[fix.stage].name
    candidate = stage.candidate(fix.node) if stage else None
    if stage is not None and stage.top is not None and stage.top.node == fix.node:
        return f"the top pick for {where} (score {stage.top.score})"
    if candidate is not None:
        top = stage.top if stage else None
        above = f", below {top.name} ({top.score})" if top else ""
        return f"a candidate for {where} (score {candidate.score}{above})"
    exclusion = stage.exclusion(fix.node) if stage else None
    if exclusion is not None:
        by = "the lens" if exclusion.by_lens else ", ".join(result.firing(i).rule for i in exclusion.firings)
        return f"rejected for {where} by {by}: {exclusion.reasons[0]}"
    return f"not a candidate for {where}"


def symptom_line(kb: KnowledgeBase, result: Result, diagnosis: Diagnosis) -> str:
    """`Do writes fail with throughput exceptions? yes`."""
    answer = dict(result.facts).get(diagnosis.symptom)
    return f"{kb.questions[diagnosis.symptom].text} {kb.value_label(diagnosis.symptom, answer)}"


def pick_text(stage: StageResult) -> str:
    """`Amazon S3`, `not needed` or `no pick`: a stage's outcome in a few words."""
    if stage.not_needed:
        return "not needed"
    return stage.top.name if stage.top else "no pick"
