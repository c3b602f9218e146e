"""Pieces shared by the text, Markdown and HTML views of a Result."""

from __future__ import annotations

from typing import TYPE_CHECKING

from advisor.engine.result import Candidate, Result

if TYPE_CHECKING:
    from advisor.knowledge import KnowledgeBase

LENS_DESCRIPTION = {
    "exam": "what the AWS Certified Machine Learning \u2013 Specialty exam expects",
    "current": "what a new AWS customer can use today",
}
"""What each lens reasons about, as a phrase."""

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
    for stage in result.stages:
        for candidate in stage.candidates:
            for support in candidate.support:
                seen.update(dict.fromkeys(result.firing(support.firing).sources))
        for exclusion in stage.exclusions:
            seen.update(dict.fromkeys(exclusion.sources))
            for index in exclusion.firings:
                seen.update(dict.fromkeys(result.firing(index).sources))
    return list(seen)
