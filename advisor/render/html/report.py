"""What an HTML recommendation report shows, worked out from a Result with the explanation API:
the stages in focus first (the others folded into a table), per stage the pick and *how*, the
alternatives and *why not*, *what would change the pick*, the assumptions it rests on and the
sources behind each statement; and the design, diagnoses and calculations."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from advisor.engine.explain import Change, explain, influencing_questions, what_would_change
from advisor.render.common import (
    answer_rows,
    badge,
    display_stages,
    lens_description,
    pick_text,
    stage_heading,
    support_lines,
)
from advisor.render.html.diagnosis import Calculation, DiagnosisView, calculations, diagnosis_views
from advisor.render.html.diagram import Diagram, layout_pipeline
from advisor.render.html.reasons import Citations, Reason

if TYPE_CHECKING:
    from advisor.engine.engine import Engine
    from advisor.engine.result import Assumption, Candidate, Result, StageResult
    from advisor.knowledge import KnowledgeBase

DEFAULT_TITLE = "AWS ML Advisor recommendation"
VERDICTS = {
    "candidate": "ranked lower",
    "excluded": "rejected",
    "unavailable": "not available to new customers",
    "top": "top",
    "not_recommended": "not recommended",
}
"""How an alternative's standing (explain's verdict) reads in the report."""


@dataclass(frozen=True)
class Row:
    """A question and its answer, with a note (why it was assumed) where there is one."""

    question: str
    answer: str
    note: str = ""


@dataclass(frozen=True)
class Alternative:
    """A candidate that is not the pick: ranked lower, rejected by rules, or unavailable."""

    name: str
    status: str
    verdict: str
    summary: str
    reasons: tuple[Reason, ...]


@dataclass(frozen=True)
class ChangeGroup:
    """The different answers to one question that would change a stage's pick."""

    question: str
    current: str
    options: tuple[tuple[str, str], ...]
    """(answer, the pick it would give)."""


@dataclass(frozen=True)
class StageView:
    stage: str
    name: str
    heading: str
    """`Ingestion: Stream capacity` for a decision within a stage."""
    within: bool
    pick: str
    status: str
    summary: str
    not_needed: tuple[Reason, ...]
    """The rules that settled the stage as not needed (then nothing is picked)."""
    how: tuple[Reason, ...]
    stands_in_for: tuple[str, ...]
    alternatives: tuple[Alternative, ...]
    changes: tuple[ChangeGroup, ...]
    warnings: tuple[Reason, ...]
    assumptions: tuple[Row, ...]
    lens_note: str
    sources: tuple[str, ...]
    """Numbered from 1 within the stage; `refs` of its reasons index this list."""


@dataclass(frozen=True)
class FoldedStage:
    """A stage outside the focus: its outcome in a few words."""

    stage: str
    name: str
    within: bool
    pick: str
    status: str


@dataclass(frozen=True)
class DesignRow:
    """What runs today in one stage."""

    stage: str
    nodes: str


@dataclass(frozen=True)
class ReportView:
    title: str
    lens: str
    lens_text: str
    answers: tuple[Row, ...]
    assumptions: tuple[Row, ...]
    ignored: tuple[str, ...]
    focus: tuple[str, ...]
    """The names of the stages being decided (empty: the whole pipeline)."""
    stages: tuple[StageView, ...]
    """The stages in focus, explained, in report order."""
    others: tuple[FoldedStage, ...]
    design: tuple[DesignRow, ...]
    diagnoses: tuple[DiagnosisView, ...]
    diagnosis_sources: tuple[str, ...]
    calculations: tuple[Calculation, ...]
    diagram: Diagram


def build_report(engine: Engine, answers: Mapping[str, Any], result: Result, title: str = "") -> ReportView:
    """The whole report's content (what would change each pick takes tens of ms per stage)."""
    kb = engine.kb
    facts = dict(result.facts)
    focused, others = display_stages(kb, result)
    stages = tuple(
        _stage_view(
            kb,
            result,
            stage,
            what_would_change(engine, answers, result.lens, stage.stage, result.design_nodes()),
            facts,
        )
        for stage in focused
    )
    cited = Citations()
    diagnoses = diagnosis_views(kb, result, {stage.stage for stage in focused}, cited)
    return ReportView(
        title=title or DEFAULT_TITLE,
        lens=result.lens,
        lens_text=lens_description(kb, result.lens),
        answers=tuple(Row(text, label) for _, text, label in answer_rows(kb, result)),
        assumptions=tuple(_assumed(kb, a) for a in result.assumptions),
        ignored=tuple(kb.questions[i.question].text for i in result.ignored),
        focus=tuple(kb.stages[stage].name for stage in result.focus),
        stages=stages,
        others=tuple(_folded(stage) for stage in others),
        design=tuple(DesignRow(kb.stages[s].name, kb.node_names(nodes)) for s, nodes in result.design),
        diagnoses=diagnoses,
        diagnosis_sources=tuple(cited.urls),
        calculations=calculations(result),
        diagram=layout_pipeline(kb, result),
    )


def _folded(stage: StageResult) -> FoldedStage:
    return FoldedStage(stage.stage, stage.name, stage.within is not None, pick_text(stage), _status(stage))


def _status(stage: StageResult) -> str:
    """`not needed`, `no pick`, or the pick's status badge (`active` when it has none)."""
    if stage.not_needed:
        return "not needed"
    return (badge(stage.top.state) or "active") if stage.top else "no pick"


def _stage_view(
    kb: KnowledgeBase, result: Result, stage: StageResult, changes: list[Change], facts: Mapping[str, Any]
) -> StageView:
    citations = Citations()
    top = stage.top
    influencing = set(influencing_questions(kb, stage.stage))
    return StageView(
        stage=stage.stage,
        name=stage.name,
        heading=stage_heading(kb, stage),
        within=stage.within is not None,
        pick=top.name if top else "",
        status=_status(stage),
        summary=explain(kb, result, stage.stage, top.node).summary if top else _no_pick(stage),
        not_needed=_not_needed(result, stage, citations),
        how=_how(kb, result, top, citations) if top else (),
        stands_in_for=tuple(kb.nodes[n].name for n in top.stands_in_for) if top else (),
        alternatives=() if stage.not_needed else _alternatives(kb, result, stage, citations),
        changes=_change_groups(kb, changes, facts),
        warnings=tuple(
            Reason(
                result.firing(w.firing).rule, "", w.text, refs=citations.cite(result.firing(w.firing).sources)
            )
            for w in stage.warnings
        ),
        assumptions=tuple(_assumed(kb, a) for a in result.assumptions if a.question in influencing),
        lens_note=_lens_note(kb, result, stage.stage),
        sources=tuple(citations.urls),
    )


def _not_needed(result: Result, stage: StageResult, citations: Citations) -> tuple[Reason, ...]:
    return tuple(citations.reason(result.firing(index)) for index in stage.not_needed)


def _assumed(kb: KnowledgeBase, assumption: Assumption) -> Row:
    question = assumption.question
    return Row(kb.questions[question].text, kb.value_label(question, assumption.value), assumption.because)


def _no_pick(stage: StageResult) -> str:
    if stage.not_needed:
        return "Nothing is picked: the rules below settle this stage as not needed for these answers."
    if stage.exclusions and not stage.candidates:
        return "No candidate is left: every one was rejected (see below)."
    return "No candidate has enough support to be recommended."


def _how(kb: KnowledgeBase, result: Result, top: Candidate, citations: Citations) -> tuple[Reason, ...]:
    return tuple(
        Reason(rule, title, because, weight, citations.cite(result.firing(support.firing).sources))
        for support, (rule, title, weight, because) in zip(
            top.support, support_lines(kb, result, top), strict=True
        )
    )


def _alternatives(
    kb: KnowledgeBase, result: Result, stage: StageResult, citations: Citations
) -> tuple[Alternative, ...]:
    others = [c.node for c in stage.candidates if c is not stage.top] + [e.node for e in stage.exclusions]
    found = []
    for node in others:
        explanation = explain(kb, result, stage.stage, node)
        reasons = tuple(citations.reason(firing) for firing in explanation.firings)
        if explanation.verdict == "unavailable":
            reasons = (
                Reason(
                    "lens", "Not available to new customers", "", refs=citations.cite(explanation.sources)
                ),
            )
        found.append(
            Alternative(
                kb.nodes[node].name,
                badge(kb.nodes[node].status.state),
                VERDICTS[explanation.verdict],
                explanation.summary,
                reasons,
            )
        )
    return tuple(found)


def _change_groups(
    kb: KnowledgeBase, changes: list[Change], facts: Mapping[str, Any]
) -> tuple[ChangeGroup, ...]:
    by_question: dict[str, list[tuple[str, str]]] = {}
    for change in changes:
        pick = kb.nodes[change.top].name if change.top else "no pick"
        by_question.setdefault(change.question, []).append((change.label, pick))
    return tuple(
        ChangeGroup(
            kb.questions[question].text,
            kb.value_label(question, facts[question]) if question in facts else "not answered",
            tuple(options),
        )
        for question, options in by_question.items()
    )


def _lens_note(kb: KnowledgeBase, result: Result, stage: str) -> str:
    for difference in result.lens_differences:
        if difference.stage == stage:
            exam = kb.nodes[difference.exam].name if difference.exam else "nothing"
            current = kb.nodes[difference.current].name if difference.current else "nothing"
            return f"The exam expects {exam}; a new customer today uses {current}."
    return ""
