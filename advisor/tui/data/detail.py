"""The detail pane's content for a tree item: how, why not, what would change it, sources."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from advisor.engine.explain import Change, explain, what_would_change
from advisor.engine.lens import status_text
from advisor.render.common import badge, fix_standing, not_needed_reasons, symptom_line
from advisor.tui.data.views import Detail, Line, Section, TreeItem

PENDING = "Working it out…"

if TYPE_CHECKING:
    from advisor.engine.engine import Engine
    from advisor.engine.result import Firing, Result, StageResult


class Explainer:
    """Builds Detail views for one result; what would change a stage is worked out once."""

    def __init__(self, engine: Engine, answers: Mapping[str, Any], result: Result):
        self.engine, self.kb = engine, engine.kb
        self.answers, self.result = answers, result
        self._changes: dict[str, list[Change]] = {}

    def detail(self, item: TreeItem) -> Detail:
        if item.kind == "group":
            count = len(self.result.diagnoses)
            return Detail(
                "Diagnosis", f"{count} cause(s) of the symptoms you reported; each lists its fixes."
            )
        if item.kind == "diagnosis":
            return self.diagnosis_detail(item.rank)
        if item.node is None:
            return self.stage_detail(item.stage)
        return self.node_detail(item.stage, item.node)

    def diagnosis_detail(self, index: int) -> Detail:
        """A symptom's cause, the rule and facts behind it, and each fix with its standing."""
        diagnosis = self.result.diagnoses[index]
        firing = self.result.firing(diagnosis.firing)
        fixes = tuple(
            Line(self.kb.nodes[fix.node].name, fix_standing(self.kb, self.result, fix))
            for fix in diagnosis.fixes
        )
        sections = (
            Section("Cause", (Line(firing.rule, f"{firing.title}: {firing.because}"),)),
            Section("Fixes", fixes),
            Section("Facts", self._fact_lines([firing])),
        )
        title = symptom_line(self.kb, self.result, diagnosis)
        return Detail(title, diagnosis.cause, sections=_filled(sections), sources=firing.sources)

    def changes(self, stage: str) -> list[Change]:
        """Single-answer changes that move the stage's top pick (tens of ms: a thread may call it)."""
        if stage not in self._changes:
            self._changes[stage] = what_would_change(self.engine, self.answers, self.result.lens, stage)
        return self._changes[stage]

    def knows_changes(self, stage: str) -> bool:
        """Whether `changes(stage)` is already worked out (details show it as pending until then)."""
        return stage in self._changes

    def stage_detail(self, stage: str) -> Detail:
        outcome = self._outcome(stage)
        top = outcome.top
        summary = f"Top pick: {top.name} (score {top.score})." if top else "No recommendation."
        if outcome.not_needed:
            reasons = not_needed_reasons(self.result, outcome)
            summary = "Not needed: " + " ".join(because for _, because in reasons)
        sections = [
            Section(
                "Warnings", tuple(Line(self.result.firing(w.firing).rule, w.text) for w in outcome.warnings)
            ),
            Section("Lenses disagree", self._lens_lines(stage)),
            Section("What would change this", self._change_lines(stage)),
        ]
        return Detail(outcome.name, summary, sections=_filled(sections))

    def node_detail(self, stage: str, node_id: str) -> Detail:
        kb, outcome = self.kb, self._outcome(stage)
        node = kb.node(node_id)
        explanation = explain(kb, self.result, stage, node_id)
        firings = explanation.firings
        candidate = outcome.candidate(node_id)
        weights = {s.firing: s.weight for s in candidate.support} if candidate else {}
        heading = "How" if candidate else "Why not"
        rules = tuple(Line(_lead(f, weights), f"{f.title}: {f.because}") for f in firings)
        sections = [
            Section(
                "Status", (Line("", status_text(node, kb.nodes)),) if node.status.state != "active" else ()
            ),
            Section("Stands in for", self._stands_in(candidate.stands_in_for if candidate else ())),
            Section(heading, rules),
            Section("Facts", self._fact_lines(firings)),
            Section("Why not the alternatives", self._exclusion_lines(outcome) if candidate else ()),
            self._change_section(stage, node_id, explanation.verdict == "top"),
        ]
        sources = [*explanation.sources, *(u for f in firings for u in f.sources), *node.sources]
        summary = explanation.summary
        if explanation.verdict == "excluded":
            by = ", ".join(dict.fromkeys(f.rule for f in firings))
            summary = f"{node.name} was rejected for {outcome.name} by {by}."
        return Detail(
            node.name,
            summary,
            badge(node.status.state),
            _filled(sections),
            tuple(dict.fromkeys(sources)),
        )

    # -- pieces ------------------------------------------------------------------------------

    def _outcome(self, stage: str) -> StageResult:
        outcome = self.result.stage(stage)
        if outcome is None:
            raise KeyError(f"no result for stage '{stage}'")
        return outcome

    def _lens_lines(self, stage: str) -> tuple[Line, ...]:
        names = self.kb.nodes
        return tuple(
            Line(
                "", f"the exam expects {_name(names, d.exam)}; a new customer uses {_name(names, d.current)}."
            )
            for d in self.result.lens_differences
            if d.stage == stage
        )

    def _change_section(self, stage: str, node: str, is_top: bool) -> Section:
        if is_top:
            return Section("What would change this", self._change_lines(stage))
        return Section("What would make it the top pick", self._change_lines(stage, node))

    def _change_lines(self, stage: str, winner: str | None = None) -> tuple[Line, ...]:
        """Per question, each different answer and the top pick it would give (only those making
        `winner` the top pick, when given)."""
        if not self.knows_changes(stage):
            return (Line("", PENDING),)
        by_question: dict[str, list[Line]] = {}
        for change in self.changes(stage):
            if winner is not None and change.top != winner:
                continue
            text = f"{change.label} → {_name(self.kb.nodes, change.top)}"
            by_question.setdefault(change.question, []).append(Line("", text, sub=True))
        lines = [
            line for q, subs in by_question.items() for line in (Line(self.kb.questions[q].text, ""), *subs)
        ]
        return tuple(lines) or (Line("", "No single different answer changes it."),)

    def _fact_lines(self, firings: Iterable[Firing]) -> tuple[Line, ...]:
        facts = dict(fact for firing in firings for fact in firing.facts)
        return tuple(Line(fact, self.kb.value_label(fact, value)) for fact, value in sorted(facts.items()))

    def _exclusion_lines(self, outcome: StageResult) -> tuple[Line, ...]:
        return tuple(Line(e.name, " ".join(dict.fromkeys(e.reasons))) for e in outcome.exclusions)

    def _stands_in(self, nodes: Iterable[str]) -> tuple[Line, ...]:
        return tuple(Line(self.kb.nodes[n].name, "new customers cannot use it") for n in nodes)


def _lead(firing: Firing, weights: Mapping[int, int]) -> str:
    weight = weights.get(firing.number)
    return f"{firing.rule} {weight:+d}" if weight is not None else firing.rule


def _name(nodes: Mapping[str, Any], node: str | None) -> str:
    return str(nodes[node].name) if node else "no pick"


def _filled(sections: Iterable[Section]) -> tuple[Section, ...]:
    return tuple(section for section in sections if section.lines)
