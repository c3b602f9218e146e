"""Posing and grading a bank question: the key is the engine's top pick for the question's stage,
and every option is explained from the engine's own trace (how, why not, what would change).

A scenario with a written question supplies the stem and options (its `answer` is only checked
against the engine, by the scenario tests). Without one, the options are the engine's top pick and
three alternatives the engine itself rejected or ranked lower for that stage.
"""

from __future__ import annotations

import random
import zlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from advisor.engine.engine import Engine
from advisor.engine.explain import Verdict, explain, what_would_change
from advisor.engine.lens import status_text
from advisor.engine.result import Lens, Result
from advisor.knowledge import KnowledgeBase
from advisor.practice.bank import BankQuestion

LETTERS = ("A", "B", "C", "D")


@dataclass(frozen=True)
class Choice:
    """One lettered option and the node it stands for."""

    letter: str
    text: str
    node: str


@dataclass(frozen=True)
class PosedQuestion:
    """A bank question ready to ask: stem, lettered options, the key, and the result behind it."""

    question: BankQuestion
    stem: str
    choices: tuple[Choice, ...]
    key: str
    result: Result
    notes: Mapping[str, str] = field(default_factory=dict)
    """The scenario author's `why` per letter (colour, never the only explanation)."""

    def choice(self, letter: str) -> Choice:
        return next(c for c in self.choices if c.letter == letter)


@dataclass(frozen=True)
class Reason:
    """A rule firing behind an option's standing."""

    rule: str
    weight: int | None
    """The weight it added, for a recommendation; None for a rejection."""
    title: str
    because: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class OptionReport:
    """Why one option wins (how) or loses (why not)."""

    choice: Choice
    verdict: Verdict
    summary: str
    reasons: tuple[Reason, ...] = ()
    facts: tuple[tuple[str, str], ...] = ()
    """(fact id, value label) the reasons read."""
    shortfall: int | None = None
    """For a lower-ranked candidate: how many points below the key."""
    status: str = ""
    """For a renamed, closed or retired node: its status sentence."""
    note: str = ""
    sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class QuestionExplanation:
    """Everything shown after an answer."""

    key: str
    options: tuple[OptionReport, ...]
    other_lens: OptionReport | None = None
    """Where the lenses disagree on this stage: the other lens's pick and why it wins there."""
    other_lens_name: str = ""
    changes: tuple[str, ...] = ()
    """Single different answers that would change the key, as sentences."""

    def option(self, letter: str) -> OptionReport:
        return next(o for o in self.options if o.choice.letter == letter)

    @property
    def winner(self) -> OptionReport:
        return self.option(self.key)


def pose(engine: Engine, question: BankQuestion) -> PosedQuestion | None:
    """The question with its key, or None when the engine has no pick among its options."""
    scenario = question.scenario
    result = engine.run(
        question.answers, question.lens, design=scenario.design_nodes, focus=scenario.focus_stages
    )
    top = result.top(question.stage)
    written = question.scenario.question
    if top is None:
        return None
    if written is not None:
        choices = tuple(
            Choice(letter, option.text, option.node) for letter, option in written.options.items()
        )
        notes: Mapping[str, str] = {str(letter): text for letter, text in written.why.items()}
        stem = written.stem
    else:
        nodes = _drawn_options(engine.kb, question, result, top)
        if nodes is None:
            return None
        choices = tuple(
            Choice(letter, engine.kb.nodes[n].name, n) for letter, n in zip(LETTERS, nodes, strict=True)
        )
        notes = {}
        stem = f"Which option fits {engine.kb.stages[question.stage].name.lower()} best in this situation?"
    key = next((c.letter for c in choices if c.node == top), None)
    if key is None:
        return None
    return PosedQuestion(question, stem, choices, key, result, notes)


def _drawn_options(kb: KnowledgeBase, question: BankQuestion, result: Result, top: str) -> list[str] | None:
    """The top pick and three alternatives, in an order fixed by the question id."""
    rng = random.Random(zlib.crc32(question.id.encode("utf-8")))
    expected = question.scenario.expect[question.stage].top
    avoid = {top, *([expected] if isinstance(expected, str) else expected or [])}
    outcome = result.stage(question.stage)
    best = outcome.top.score if outcome and outcome.top else 0
    tiers = [
        [e.node for e in outcome.exclusions if not e.by_lens] if outcome else [],
        [c.node for c in outcome.candidates if c.score < best] if outcome else [],
        [e.node for e in outcome.exclusions if e.by_lens] if outcome else [],
        sorted(n.id for n in kb.nodes.values() if question.stage in n.stages),
    ]
    kind = kb.nodes[top].kind
    picked: list[str] = []
    for same_kind in (True, False):
        for tier in tiers:
            pool = [n for n in tier if n not in avoid and n not in picked]
            pool = [n for n in pool if (kb.nodes[n].kind == kind) == same_kind]
            rng.shuffle(pool)
            picked += pool[: 3 - len(picked)]
    if len(picked) < 3:
        return None
    options = [top, *picked]
    rng.shuffle(options)
    return options


def explain_question(engine: Engine, posed: PosedQuestion, with_changes: bool = True) -> QuestionExplanation:
    """How the key wins, why each other option loses, the other lens where it disagrees, and
    (optionally: it takes tens of milliseconds) which single answers would change the key."""
    kb, result, stage = engine.kb, posed.result, posed.question.stage
    options = tuple(_report(kb, result, stage, c, posed.notes.get(c.letter, "")) for c in posed.choices)
    other, other_name = _other_lens(engine, posed)
    changes = tuple(_changes(engine, posed)) if with_changes else ()
    return QuestionExplanation(posed.key, options, other, other_name, changes)


def _report(kb: KnowledgeBase, result: Result, stage: str, choice: Choice, note: str) -> OptionReport:
    explanation = explain(kb, result, stage, choice.node)
    outcome = result.stage(stage)
    candidate = outcome.candidate(choice.node) if outcome else None
    weights = {s.firing: s.weight for s in candidate.support} if candidate else {}
    reasons = tuple(
        Reason(f.rule, weights.get(f.number), f.title, f.because, f.sources) for f in explanation.firings
    )
    facts = {fact: kb.value_label(fact, value) for f in explanation.firings for fact, value in f.facts}
    top = outcome.top if outcome else None
    shortfall = (
        top.score - candidate.score if candidate and top and explanation.verdict == "candidate" else None
    )
    node = kb.nodes[choice.node]
    status = status_text(node, kb.nodes) if node.status.state != "active" else ""
    sources = [*explanation.sources, *(u for r in reasons for u in r.sources)]
    if not reasons:
        sources += node.sources
    return OptionReport(
        choice,
        explanation.verdict,
        explanation.summary,
        reasons,
        tuple(sorted(facts.items())),
        shortfall,
        status,
        note,
        tuple(dict.fromkeys(sources)),
    )


def _other_lens(engine: Engine, posed: PosedQuestion) -> tuple[OptionReport | None, str]:
    stage = posed.question.stage
    differs = any(d.stage == stage for d in posed.result.lens_differences)
    if not differs:
        return None, ""
    lens: Lens = "current" if posed.result.lens == "exam" else "exam"
    design = posed.question.scenario.design_nodes
    other = engine.run(posed.question.answers, lens, compare_lenses=False, design=design)
    top = other.top(stage)
    if top is None:
        return None, lens
    choice = next((c for c in posed.choices if c.node == top), Choice("", engine.kb.nodes[top].name, top))
    return _report(engine.kb, other, stage, choice, ""), lens


def _changes(engine: Engine, posed: PosedQuestion) -> Iterator[str]:
    kb, question = engine.kb, posed.question
    design = question.scenario.design_nodes
    for change in what_would_change(engine, question.answers, posed.result.lens, question.stage, design):
        pick = kb.nodes[change.top].name if change.top else "no pick"
        yield f"{kb.questions[change.question].text} {change.label} → {pick}"
