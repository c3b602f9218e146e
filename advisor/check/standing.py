"""What the engine's Result says about each choice of a design (and about focused stages
without a choice, and reported symptoms), as findings. Reasoning stays in the engine: this
reads the Result and `explain`, and names what it finds."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from advisor.check.design import Choice, Design, answer_location, focus_location
from advisor.check.finding import Finding, Reason, Requirement
from advisor.check.kinds import KINDS, Kind
from advisor.check.severity import Severity
from advisor.engine.explain import Explanation, explain
from advisor.engine.lens import status_text, successor_of
from advisor.engine.result import Candidate, Diagnosis, Firing, Result, StageResult
from advisor.render.common import fix_standing, symptom_line

if TYPE_CHECKING:
    from advisor.knowledge import KnowledgeBase


# -- what a chosen node's standing says --------------------------------------------------------


def choice_findings(kb: KnowledgeBase, result: Result, design: Design, choice: Choice) -> Iterator[Finding]:
    """Status, then what the stage's outcome says about the chosen node."""
    node = kb.nodes[choice.node]
    if not node.status.available:
        yield _status(kb, result, choice)
    outcome = result.stage(choice.stage)
    explanation = explain(kb, result, choice.stage, choice.node)
    top = outcome.top if outcome else None
    better = top if top is not None and top.node not in design.nodes.get(choice.stage, ()) else None
    if explanation.verdict == "excluded":
        yield from _violations(kb, result, choice, explanation, top, better)
    elif explanation.verdict == "not_needed":
        yield _not_needed(kb, choice, explanation)
    elif explanation.verdict in ("candidate", "not_recommended") and (better or top is None):
        candidate = outcome.candidate(choice.node) if outcome else None
        yield _weaker(kb, result, choice, explanation, candidate, better)


def _status(kb: KnowledgeBase, result: Result, choice: Choice) -> Finding:
    node = kb.nodes[choice.node]
    successor = successor_of(node, kb.nodes)
    fix = (
        f"Use {successor.name}, which new customers use instead."
        if successor
        else node.status.note or "Choose a service that is open to new customers."
    )
    current = result.lens == "current"
    lens_note = "" if current else " Under the exam lens this is information: the exam may still name it."
    return _finding(
        "status",
        "error" if current else "info",
        choice,
        message=status_text(node, kb.nodes) + lens_note,
        fix=fix,
        better=successor.id if successor else None,
        sources=tuple(node.status.sources),
    )


def _violations(
    kb: KnowledgeBase,
    result: Result,
    choice: Choice,
    explanation: Explanation,
    top: Candidate | None,
    better: Candidate | None,
) -> Iterator[Finding]:
    """One error per rule that rejected the chosen node: the requirement it read, its reason."""
    node = kb.nodes[choice.node]
    stage = kb.stages[choice.stage].name
    if better is not None:
        fix = f"Use {better.name} instead: the top pick for {stage} with these requirements"
        fix += f" (score {better.score})."
    elif top is not None:
        fix = f"Drop {node.name}: {top.name}, also in the design, is the top pick for {stage}."
    else:
        fix = f"No candidate is left for {stage} with these requirements; revisit them or the stage."
    for firing in _distinct_rules(explanation.firings):
        yield Finding(
            id=f"{firing.rule}/{choice.stage}/{choice.node}",
            kind="violates",
            severity="error",
            rule=firing.rule,
            title=firing.title,
            message=f"{node.name} violates a requirement ({firing.rule}): {firing.because}",
            fix=fix,
            location=choice.locations[0],
            stage=choice.stage,
            node=choice.node,
            better=better.node if better else None,
            requirements=requirements(kb, firing),
            reasons=support_reasons(result, better),
            sources=firing.sources,
        )


def _not_needed(kb: KnowledgeBase, choice: Choice, explanation: Explanation) -> Finding:
    node = kb.nodes[choice.node]
    stage = kb.stages[choice.stage].name
    return _finding(
        "not-needed",
        "warning",
        choice,
        message=explanation.summary,
        fix=f"Remove {node.name} from the design, or revisit the requirements that make {stage} unnecessary.",
        reasons=tuple(Reason(f.rule, f.because) for f in explanation.firings),
        sources=explanation.sources,
    )


def _weaker(
    kb: KnowledgeBase,
    result: Result,
    choice: Choice,
    explanation: Explanation,
    candidate: Candidate | None,
    better: Candidate | None,
) -> Finding:
    """A candidate below a better fit (warning); nothing recommends it (a warning when something
    else is recommended, information when nothing is)."""
    node = kb.nodes[choice.node]
    stage = kb.stages[choice.stage].name
    reasons = support_reasons(result, better)
    sources = tuple(dict.fromkeys(url for f in _support_firings(result, better) for url in f.sources))
    if better is None:
        return _finding(
            "not-recommended",
            "info",
            choice,
            message=f"{explanation.summary} Nothing is recommended for {stage} with these requirements.",
            fix="Add the requirements that decide this stage, so the choice can be checked.",
        )
    if candidate is not None and candidate.score > 0:
        gap = better.score - candidate.score
        message = (
            f"{node.name} scores {candidate.score} for {stage}; {better.name} scores {better.score}, "
            f"{gap} more, for these requirements."
        )
        kind: Kind = "better-fit"
        reasons = (*reasons, *support_reasons(result, candidate))
    else:
        message = f"{explanation.summary} {better.name} is the top pick (score {better.score})."
        kind = "not-recommended"
    return _finding(
        kind,
        "warning",
        choice,
        message=message,
        fix=f"Consider {better.name}, the top pick for {stage} for these requirements.",
        better=better.node,
        reasons=reasons,
        sources=sources,
    )


# -- stages in focus without a choice, and diagnoses ------------------------------------------------


def no_choice_findings(kb: KnowledgeBase, result: Result, design: Design) -> Iterator[Finding]:
    """Information for each stage the design says it decides (focus) but names nothing for."""
    if not result.focus:
        return
    outcomes = {stage.stage: stage for stage in result.stages}
    decided = [s for s in kb.stages.values() if s.id in result.focus or s.within in result.focus]
    for stage in decided:
        outcome = outcomes.get(stage.id)
        if stage.id in design.nodes or (outcome is not None and outcome.not_needed):
            continue
        if stage.within is not None and outcome is None:
            continue  # a decision within a focused stage that nothing concluded about
        yield _no_choice(kb, result, design, stage.id, outcome)


def _no_choice(
    kb: KnowledgeBase, result: Result, design: Design, stage: str, outcome: StageResult | None
) -> Finding:
    name = kb.stages[stage].name
    top = outcome.top if outcome else None
    fix = (
        f"The requirements point to {top.name} (score {top.score}); add it, or another choice, to the design."
        if top
        else f"Nothing is recommended for {name} with these requirements; add what you chose."
    )
    return Finding(
        id=f"no-choice/{stage}",
        kind="no-choice",
        severity="info",
        rule="no-choice",
        title=KINDS["no-choice"].title,
        message=f"{name} is in focus, but the design names nothing for it.",
        fix=fix,
        location=focus_location(design, stage if stage in result.focus else kb.stages[stage].within or stage),
        stage=stage,
        better=top.node if top else None,
        reasons=support_reasons(result, top),
        sources=tuple(dict.fromkeys(url for f in _support_firings(result, top) for url in f.sources)),
    )


def diagnosis_finding(kb: KnowledgeBase, result: Result, design: Design, diagnosis: Diagnosis) -> Finding:
    """A warning: the cause is likely, not proven, and the check cannot see the running system."""
    firing = result.firing(diagnosis.firing)
    fixes = "; ".join(f"{kb.nodes[f.node].name} ({fix_standing(kb, result, f)})" for f in diagnosis.fixes)
    return Finding(
        id=f"{firing.rule}/{firing.stage}/{diagnosis.symptom}",
        kind="diagnosis",
        severity="warning",
        rule=firing.rule,
        title=firing.title,
        message=f"{symptom_line(kb, result, diagnosis)} — likely cause: {diagnosis.cause}",
        fix=f"Fix: {fixes}." if fixes else "No fix is recorded for this cause; see the sources.",
        location=answer_location(design, diagnosis.symptom),
        stage=firing.stage,
        node=firing.node,
        better=diagnosis.fixes[0].node if diagnosis.fixes else None,
        requirements=requirements(kb, firing),
        reasons=(Reason(firing.rule, firing.because),),
        sources=firing.sources,
    )


# -- pieces ---------------------------------------------------------------------------------------


def _finding(
    kind: Kind,
    severity: Severity,
    choice: Choice,
    *,
    message: str,
    fix: str,
    better: str | None = None,
    reasons: tuple[Reason, ...] = (),
    sources: tuple[str, ...] = (),
) -> Finding:
    """A finding about a chosen node that no single rule makes (its rule is its kind)."""
    return Finding(
        id=f"{kind}/{choice.stage}/{choice.node}",
        kind=kind,
        severity=severity,
        rule=kind,
        title=KINDS[kind].title,
        message=message,
        fix=fix,
        location=choice.locations[0],
        stage=choice.stage,
        node=choice.node,
        better=better,
        reasons=reasons,
        sources=sources,
    )


def requirements(kb: KnowledgeBase, firing: Firing) -> tuple[Requirement, ...]:
    """The answers (and derived facts) a firing read, in words."""
    found = []
    for fact, value in firing.facts:
        if fact in kb.questions:
            found.append(Requirement(fact, kb.questions[fact].text, kb.value_label(fact, value)))
        elif fact in kb.derived and value is not None:
            found.append(Requirement(fact, kb.derived[fact].doc, kb.value_label(fact, value)))
    return tuple(found)


def support_reasons(result: Result, candidate: Candidate | None) -> tuple[Reason, ...]:
    """Each rule behind a candidate's score, with its weight and the candidate it supports."""
    if candidate is None:
        return ()
    return tuple(
        Reason(result.firing(s.firing).rule, result.firing(s.firing).because, s.weight, candidate.node)
        for s in candidate.support
    )


def _support_firings(result: Result, candidate: Candidate | None) -> list[Firing]:
    return [result.firing(s.firing) for s in candidate.support] if candidate else []


def _distinct_rules(firings: Iterable[Firing]) -> list[Firing]:
    """The first firing of each rule."""
    first: dict[str, Firing] = {}
    for firing in firings:
        first.setdefault(firing.rule, firing)
    return list(first.values())
