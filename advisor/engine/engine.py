"""Forward chaining over compiled rules, from answers to a Result with a full trace."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from heapq import heappop, heappush
from typing import TYPE_CHECKING, Any, NamedTuple

from advisor.engine.condition import Predicate, alpha_holds, facts_tested, predicate
from advisor.engine.lens import apply_current_lens, successor_of
from advisor.engine.lookahead import PickMemo
from advisor.engine.reach import questions_gated_by, rules_reaching
from advisor.engine.result import (
    LENSES,
    Assumption,
    Candidate,
    Conflict,
    Derivation,
    Diagnosis,
    Exclusion,
    Fix,
    IgnoredAnswer,
    Lens,
    LensDifference,
    Result,
    StageResult,
    StageWarning,
    Support,
)
from advisor.engine.tables import NODE, Action, CompiledRules
from advisor.engine.template import render
from advisor.engine.trace import Firing, Trace
from advisor.errors import AnswersError
from advisor.knowledge.answers import coerce_answers
from advisor.knowledge.crossref import design_fact
from advisor.knowledge.formula import Expression, parse_formula
from advisor.knowledge.models import Node, Question
from advisor.knowledge.values import coerce_value, domain_values, label_of

if TYPE_CHECKING:
    from advisor.knowledge import KnowledgeBase

PARTIAL_MEMO = 256
"""How many engines of the rules reaching a set of stages are kept (a lookahead asks for the
stages each question can change)."""
RELEVANCE_MEMO = 4096
"""How many distinct states of the gating facts the relevance memo keeps."""
ALPHA_MEMO = 65536
"""How many (fact, value) pairs the alpha memory keeps (numbers can take any value)."""
BINDINGS_MEMO = 16384
"""How many (rule, values read by its `where`) -> passing nodes entries are kept."""

Design = Mapping[str, frozenset[str]]
"""What runs today: stage (or decision within a stage) -> the node ids there."""

_UNSET: Any = object()
_new = tuple.__new__
"""Makes a Support or a Firing from a plain tuple, in C (thousands are made per run at scale)."""


def _known(answers: Mapping[str, Any], design: Design | None) -> tuple[dict[str, Any], dict[str, Any]]:
    """The given answers (None: skipped, left out) and the design as facts."""
    given = {key: value for key, value in answers.items() if value is not None}
    return given, {design_fact(stage): frozenset(nodes) for stage, nodes in (design or {}).items()}


def _domain(question: Question, kb: KnowledgeBase) -> frozenset[Any] | tuple[float, float] | None:
    if question.type in ("choice", "scale"):
        return frozenset(domain_values(question, kb.scales))
    if question.type == "yes_no":
        return frozenset((True, False))
    if question.type == "number":
        low, high = question.minimum, question.maximum
        return (float("-inf") if low is None else low, float("inf") if high is None else high)
    return None


class _Relevance(NamedTuple):
    """The questions that apply to one state of the gating facts."""

    ids: tuple[str, ...]
    """In knowledge order."""
    members: frozenset[str]
    assumable: tuple[str, ...]
    """Those with a value to assume when unanswered, in knowledge order."""


class _Run:
    """Working memory of one reasoning run."""

    __slots__ = (
        "agenda",
        "conflicts",
        "derived",
        "diagnoses",
        "early",
        "excluded",
        "facts",
        "firings",
        "lens",
        "not_needed",
        "queued",
        "remaining",
        "scores",
        "support",
        "trace",
        "traced",
        "warnings",
    )

    def __init__(self, facts: dict[str, Any], lens: Lens, need: tuple[int, ...], trace: Trace | None = None):
        self.facts = facts
        self.lens = lens
        self.trace = trace
        self.traced = trace is not None
        """False when only the top picks are wanted: no trace, no rendered reasons."""
        self.remaining = list(need)
        """Per rule: how many more of its alpha tests must hold before it is queued (`need`)."""
        self.agenda: list[int] = []
        """Positions of queued rules not yet evaluated (a heap: lowest position first)."""
        self.queued: set[int] = set()
        """Rules without alpha tests already queued."""
        self.firings: list[Firing] = []
        self.early: dict[int, str] = trace.reasons if trace is not None else {}
        """Firing number -> reason rendered at firing time (see CompiledRules.rendered_early)."""
        self.scores: dict[str, dict[str, int]] = defaultdict(dict)
        """Stage -> node -> the sum of the weights recommending it."""
        self.support: dict[str, dict[str, list[Support]]] = defaultdict(dict)
        """Stage -> node -> the firings recommending it (traced runs only)."""
        self.excluded: dict[str, dict[str, list[int]]] = defaultdict(dict)
        self.warnings: dict[str, list[StageWarning]] = defaultdict(list)
        self.derived: list[Derivation] = []
        self.conflicts: list[Conflict] = []
        self.not_needed: dict[str, list[int]] = defaultdict(list)
        self.diagnoses: list[Diagnosis] = []


class Engine:
    """Reasons over one knowledge base. Same answers and lens give the same Result, always."""

    def __init__(self, kb: KnowledgeBase, rules: CompiledRules | None = None):
        """`rules`: the compiled rules to run (default: the knowledge base's; see `picks_of`)."""
        self.kb = kb
        self.compiled = kb.compiled if rules is None else rules
        self._relevance: dict[tuple[Any, ...], _Relevance] = {}
        """Relevant questions per value of the gating facts (the lookahead asks thousands of times)."""
        self._alpha: dict[tuple[str, Any], tuple[int, ...]] = {}
        """(fact, value) -> the rules whose alpha tests that value passes (one entry per test)."""
        self._residuals: list[Predicate | None] = [
            None if r is None else _UNSET for r in self.compiled.residual
        ]
        self._ranged = [
            None if ids is None else tuple(kb.nodes[node_id] for node_id in ids)
            for ids in self.compiled.ranges
        ]
        """Per rule: the nodes its `for_each` ranges over (None: no for_each)."""
        self._wheres: dict[int, tuple[Predicate, tuple[str, ...]]] = {}
        """Rule -> its `where` as a predicate, and the facts it reads."""
        self._bindings: dict[tuple[Any, ...], tuple[Node, ...]] = {}
        """(rule, values of the facts its `where` reads) -> the nodes that pass it."""
        self._asks: dict[str, Predicate | None] = {}
        self.pick_memo = PickMemo(kb)
        """Top picks per stage by the facts reaching it, for `top_picks(stages=...)` and lookaheads."""
        self._partial: dict[frozenset[str], Engine] = {}
        """Stages -> an engine of only the rules that can reach their picks (see `picks_of`)."""
        self._formulas: dict[str, Expression] = {}
        self._domains = {question.id: _domain(question, kb) for question in kb.questions.values()}
        """What `_coerce` accepts as it is: ids, booleans, or the (minimum, maximum) of a number."""
        self._assumed = {
            q.id: coerce_value(q, kb.scales, q.assume) for q in kb.questions.values() if q.assume is not None
        }
        self._assumed_because = {
            q.id: q.assume_because for q in kb.questions.values() if q.assume is not None
        }
        self._available = {node.id: node.status.available for node in kb.nodes.values()}
        self._about = {node.id: (node.name, node.status.state) for node in kb.nodes.values()}
        """Node -> (name, status), as a candidate shows them."""
        self._stage_order = {stage_id: index for index, stage_id in enumerate(kb.stages)}
        self._settle_at = (*(position for position, _ in self.compiled.settles), len(self.compiled.ids))
        """Where each read pick is settled, then the end of the agenda."""
        self._settle_stage = tuple(stage for _, stage in self.compiled.settles)
        self._successor = {
            node.id: (found.id if (found := successor_of(node, kb.nodes)) else None)
            for node in kb.nodes.values()
            if not node.status.available
        }

    def run(
        self,
        answers: Mapping[str, Any],
        lens: Lens = "exam",
        *,
        compare_lenses: bool = True,
        design: Design | None = None,
        focus: Iterable[str] = (),
    ) -> Result:
        """Reason to a fixpoint. `answers` maps question ids to values (None = "I don't know");
        `design` maps stages to the nodes that run there today; `focus` names the stages the
        person is deciding (it orders what faces show, not what is concluded).

        With `compare_lenses`, the other lens is run too and stages whose top pick differs are
        listed in `lens_differences`.
        """
        if lens not in LENSES:
            raise AnswersError(f"unknown lens '{lens}' (use exam or current)")
        values = self._coerce(answers)
        facts, assumptions, ignored = self.facts_for(values, lens, design)
        run = self._chain(_Run(facts, lens, self.compiled.need, Trace(self.kb, self.compiled, facts, {})))
        differences: tuple[LensDifference, ...] = ()
        if compare_lenses:
            other_lens: Lens = "current" if lens == "exam" else "exam"
            other_facts, _, _ = self._facts(values, other_lens, design)
            other = self._chain(_Run(other_facts, other_lens, self.compiled.need))
            differences = self._differences({lens: run, other_lens: other})
        firings = tuple(run.firings)
        return Result(
            lens=lens,
            facts=tuple(sorted([(k, v) for k, v in run.facts.items() if v is not None and ":" not in k])),
            assumptions=tuple(assumptions),
            ignored=tuple(ignored),
            stages=self._stages(run, lens, firings),
            derived=tuple(run.derived),
            conflicts=tuple(run.conflicts),
            firings=firings,
            lens_differences=differences,
            diagnoses=tuple(run.diagnoses),
            focus=tuple(focus),
            design=tuple(sorted((stage, tuple(sorted(nodes))) for stage, nodes in (design or {}).items())),
        )

    def _differences(self, runs: Mapping[Lens, _Run]) -> tuple[LensDifference, ...]:
        """The stages whose top pick differs between the lenses, in stage order (the other
        lens needs no trace: only its picks are compared; an untouched stage has none)."""
        exam, current = runs["exam"], runs["current"]
        touched = {*exam.scores, *exam.not_needed, *current.scores, *current.not_needed}
        found = []
        for stage in [stage for stage in self.kb.stages if stage in touched]:
            tops = self._best(exam, stage), self._best(current, stage)
            if tops[0] != tops[1]:
                found.append(LensDifference(stage, *tops))
        return tuple(found)

    def _coerce(self, answers: Mapping[str, Any]) -> dict[str, Any]:
        """`coerce_answers`, with shortcuts for values already in their domain (a choice or
        scale id, a boolean, a number within bounds); anything else goes to `coerce_answers`,
        which normalises it or reports what is wrong."""
        domains = self._domains
        values: dict[str, Any] = {}
        for key, raw in answers.items():
            domain = domains.get(key)
            value = raw
            if raw is None:
                pass
            elif isinstance(domain, tuple):
                if (raw.__class__ is not float and raw.__class__ is not int) or not domain[
                    0
                ] <= raw <= domain[1]:
                    return coerce_answers(self.kb, answers)
                value = float(raw)
            elif (
                domain is None
                or (raw.__class__ is not str and raw.__class__ is not bool)
                or raw not in domain
            ):
                return coerce_answers(self.kb, answers)
            values[key] = value
        return values

    # -- facts ---------------------------------------------------------------------------

    def relevant(
        self, answers: Mapping[str, Any], lens: Lens, design: Design | None = None
    ) -> list[Question]:
        """Questions whose `asks_when` holds for these answers (None = skipped) and design, in order."""
        ids, _ = self.relevant_ids(answers, lens, design)
        return [self.kb.questions[question_id] for question_id in ids]

    def relevant_ids(
        self, answers: Mapping[str, Any], lens: Lens, design: Design | None = None
    ) -> tuple[tuple[str, ...], frozenset[str]]:
        """The ids of the `relevant` questions, in order and as a set."""
        relevance = self._relevant(*_known(answers, design), lens)
        return relevance.ids, relevance.members

    def relevant_ids_if(
        self,
        before: tuple[tuple[str, ...], frozenset[str]],
        answers: Mapping[str, Any],
        lens: Lens,
        design: Design | None,
        question: str,
    ) -> tuple[tuple[str, ...], frozenset[str]]:
        """`relevant_ids` for answers that differ only in `question`'s from those the relevance
        `before` is for: only the questions whose `asks_when` reads it are asked again."""
        given, design_facts = _known(answers, design)
        context = {**given, "lens": lens, **design_facts}
        relevant = before[1]
        flipped = {
            asked
            for asked in questions_gated_by(self.kb, question)
            if bool(self._asks_when(asked)(context, None)) != (asked in relevant)
        }
        if not flipped:
            return before
        now = relevant ^ flipped
        return tuple(asked for asked in self.kb.questions if asked in now), now

    def question_fact(self, question: str, answers: Mapping[str, Any], relevant: frozenset[str]) -> Any:
        """A question's fact for checked answers under which the `relevant` questions are: its
        answer, else its assumption, else None (no fact), as `facts_of` finds it."""
        if question not in relevant:
            return None
        given = answers.get(question)
        return self._assumed.get(question) if given is None else given

    def _relevant(self, given: Mapping[str, Any], design_facts: Mapping[str, Any], lens: Lens) -> _Relevance:
        """The relevant questions for these answers and design (remembered per value of the
        gating facts)."""
        known_now = {**design_facts, **given, "lens": lens}
        key = tuple(map(known_now.get, self.compiled.gating_facts))
        if (known := self._relevance.get(key)) is not None:
            return known
        context = {**given, "lens": lens, **design_facts}
        found = tuple(
            question_id for question_id in self.kb.questions if self._asks_when(question_id)(context, None)
        )
        assumable = tuple(question_id for question_id in found if question_id in self._assumed)
        if len(self._relevance) >= RELEVANCE_MEMO:
            self._relevance.clear()
        self._relevance[key] = relevance = _Relevance(found, frozenset(found), assumable)
        return relevance

    def _asks_when(self, question_id: str) -> Predicate:
        check = self._asks.get(question_id, _UNSET)
        if check is _UNSET:
            tables = self.compiled
            check = predicate(tables.asks_when[question_id], self.kb.nodes, tables.positions)
            self._asks[question_id] = check
        return check  # type: ignore[no-any-return]

    def facts_for(
        self, answers: Mapping[str, Any], lens: Lens, design: Design | None = None
    ) -> tuple[dict[str, Any], list[Assumption], list[IgnoredAnswer]]:
        """The facts to reason with: relevant answers, assumptions for the rest, the design
        and the lens."""
        facts, assumed, ignored = self._facts(answers, lens, design)
        because = self._assumed_because
        assumptions = [_new(Assumption, (q, facts[q], because[q])) for q in assumed]
        return facts, assumptions, [IgnoredAnswer(q, answers[q]) for q in ignored]

    def _facts(
        self, answers: Mapping[str, Any], lens: Lens, design: Design | None
    ) -> tuple[dict[str, Any], list[str], list[str]]:
        """The facts, the questions reasoned with an assumption (in knowledge order), and the
        answers left out."""
        given, design_facts = _known(answers, design)
        relevance = self._relevant(given, design_facts, lens)
        relevant = relevance.members
        facts: dict[str, Any] = {"lens": lens, **design_facts}
        ignored = []
        for question_id, value in given.items():
            if question_id in relevant:
                facts[question_id] = value
            else:
                ignored.append(question_id)
        if ignored:
            ignored.sort(key=self.kb.question_order.__getitem__)
        assumed_values = self._assumed
        assumed = [question_id for question_id in relevance.assumable if question_id not in given]
        for question_id in assumed:
            facts[question_id] = assumed_values[question_id]
        return facts, assumed, ignored

    # -- reasoning -----------------------------------------------------------------------

    def top_picks(
        self,
        answers: Mapping[str, Any],
        lens: Lens,
        *,
        checked: bool = False,
        design: Design | None = None,
        stages: Iterable[str] | None = None,
    ) -> dict[str, str | None]:
        """Only the top pick of each stage: the same reasoning without a trace, several times
        faster, for questions like "would this answer change anything?". `checked` skips
        validating answers that are already normalised.

        With `stages`, only those stages' picks (None: no pick), each remembered by the values
        of the facts that can reach it, so a lookahead reasons again only where an answer can
        make a difference."""
        values = answers if checked else self._coerce(answers)
        facts = self.facts_of(values, lens, design)
        if stages is None:
            run = self._chain(_Run(facts, lens, self.compiled.need))
            return {stage: self._best(run, stage) for stage in {*run.scores, *run.not_needed}}
        stages = tuple(stages)
        memo = self.pick_memo
        keys = [memo.key(stage, lens, facts) for stage in stages]
        known = memo.known(keys)
        if known is not None:
            return dict(zip(stages, known, strict=True))
        picks = self.picks_of(facts, lens, stages)
        memo.remember(keys, picks.values())
        return picks

    def facts_of(self, answers: Mapping[str, Any], lens: Lens, design: Design | None) -> dict[str, Any]:
        """The facts a run starts from, for checked answers (see `facts_for`)."""
        return self._facts(answers, lens, design)[0]

    def picks_of(self, facts: dict[str, Any], lens: Lens, stages: Iterable[str]) -> dict[str, str | None]:
        """The top picks of these stages (None: no pick) from one untraced run over the facts
        (which the run extends with what it derives), of only the rules that can reach them."""
        stages = tuple(stages)
        engine = self._reaching(frozenset(stages))
        run = engine._chain(_Run(facts, lens, engine.compiled.need))
        return {stage: engine._best(run, stage) for stage in stages}

    def _reaching(self, stages: frozenset[str]) -> Engine:
        """An engine of the rules that can reach these stages' picks (`rules_reaching`): it gives
        them the picks a run of every rule gives, doing less."""
        engine = self._partial.get(stages)
        if engine is None:
            if len(self._partial) >= PARTIAL_MEMO:
                self._partial.clear()
            position = self.compiled.position
            keep = frozenset(position[rule] for stage in stages for rule in rules_reaching(self.kb, stage))
            engine = self._partial[stages] = Engine(self.kb, self.compiled.restricted(keep))
        return engine

    def _best(self, run: _Run, stage: str) -> str | None:
        """The top pick of a stage now: the highest positive score, ties broken by id (under the
        current lens, an unavailable node's support goes to its successor)."""
        if run.not_needed.get(stage):
            return None
        supports = run.scores.get(stage)
        if not supports:
            return None
        excluded = run.excluded.get(stage, {})
        if run.lens == "current":
            supports = self._standing_in(supports, excluded)
        best = min([(-score, node) for node, score in supports.items() if node not in excluded], default=None)
        return best[1] if best is not None and best[0] < 0 else None

    def _standing_in(self, supports: dict[str, int], excluded: Mapping[str, Any]) -> dict[str, int]:
        """Scores under the current lens: an unavailable node's go to its successor (unless
        the successor is excluded), an excluded node's to nobody."""
        scores: dict[str, int] = {}
        for supported, score in supports.items():
            if supported in excluded:
                continue
            node = supported
            if not self._available[supported]:
                successor = self._successor[supported]
                if successor is None or successor in excluded:
                    continue
                node = successor
            scores[node] = scores.get(node, 0) + score
        return scores

    def _chain(self, run: _Run) -> _Run:  # noqa: PLR0915 -- the hot loop, kept in one frame
        """Forward chaining: fire queued rules in agenda order until none is left. A rule that
        reads another stage's pick comes after every rule acting on that stage (strata): the
        pick is settled, and asserted as a fact, before the agenda reaches its first reader.

        The hot loop of the engine, kept in one frame: a firing's common actions (recommend,
        exclude, derive a value) and the assertion of a derived fact are done here, the rest in `_act`.
        """
        tables = self.compiled
        facts, agenda, queued, remaining = run.facts, run.agenda, run.queued, run.remaining
        memo, wakers = self._alpha, tables.wakers
        bound, actions_of = self._ranged, tables.actions
        settle_at, settle_stage = self._settle_at, self._settle_stage
        settled, upcoming, end = 0, settle_at[0], settle_at[-1]
        residuals, wheres, early = self._residuals, tables.where, tables.rendered_early
        scores, support, traced, firings = run.scores, run.support, run.traced, run.firings
        excluded = run.excluded
        trace = run.trace

        def assert_fact(fact: str, value: Any) -> None:
            try:
                hits = memo.get((fact, value))
            except TypeError:  # an unhashable value: decided without the memory
                hits = self._alpha_hits(fact, value)
            if hits is None:
                hits = self._remember(fact, value)
            for position in hits:
                left = remaining[position] - 1
                remaining[position] = left
                if not left:
                    heappush(agenda, position)
            woken = wakers.get(fact)
            if woken:
                for position in woken:
                    if position not in queued:
                        queued.add(position)
                        heappush(agenda, position)

        for fact, value in list(facts.items()):
            assert_fact(fact, value)
        for position in tables.eager:
            if position not in queued:
                queued.add(position)
                heappush(agenda, position)
        index = 0
        simple = tables.simple
        while agenda or upcoming < end:
            position = heappop(agenda) if agenda else end
            if position >= upcoming:  # settle a pick: every rule acting on its stage has run
                if position < end:
                    heappush(agenda, position)
                stage, settled = settle_stage[settled], settled + 1
                upcoming = settle_at[settled]
                pick = facts["pick:" + stage] = self._best(run, stage)
                if pick is not None:
                    assert_fact("pick:" + stage, pick)
                continue
            quick = simple[position]
            if quick is not None:
                if traced:
                    firings.append(_new(Firing, (index, None, trace, position)))
                    if position in early:
                        run.early[index] = render(tables.because[position], self.kb, facts, None)
                kind, first, second, weight = quick
                if kind == "recommend":
                    in_stage = scores[first]
                    in_stage[second] = in_stage.get(second, 0) + weight
                    if traced:
                        support[first].setdefault(second, []).append(_new(Support, (index, weight, None)))
                elif first not in facts:
                    facts[first] = second
                    if traced:
                        run.derived.append(_new(Derivation, (first, second, index, "")))
                    assert_fact(first, second)
                elif facts[first] != second:
                    run.conflicts.append(Conflict(first, facts[first], second, index))
                index += 1
                continue
            residual = residuals[position]
            if residual is not None:
                if residual is _UNSET:
                    residual = self._compile_residual(position)
                if not residual(facts, None):
                    continue
            ranged = bound[position]
            if ranged is None:
                bindings: Iterable[Node | None] = (None,)
            elif wheres[position] is None:
                bindings = ranged
            else:
                bindings = self._passing(position, ranged, facts)
            for node in bindings:
                if traced:
                    node_id = node.id if node else None
                    firings.append(_new(Firing, (index, node_id, trace, position)))
                    if position in early:
                        run.early[index] = render(tables.because[position], self.kb, facts, node)
                for action in actions_of[position]:
                    kind, target, stage, weight, value, formula, _ = action
                    if kind == "recommend":
                        if target == NODE and node is not None:
                            target = node.id
                        in_stage = scores[stage]
                        in_stage[target] = in_stage.get(target, 0) + weight
                        if traced:
                            support[stage].setdefault(target, []).append(_new(Support, (index, weight, None)))
                    elif kind == "exclude":
                        if target == NODE and node is not None:
                            target = node.id
                        excluded[stage].setdefault(target, []).append(index)
                    elif kind == "derive" and formula is None:
                        if target not in facts:
                            facts[target] = value
                            if traced:
                                run.derived.append(_new(Derivation, (target, value, index, "")))
                            assert_fact(target, value)
                        elif facts[target] != value:
                            run.conflicts.append(Conflict(target, facts[target], value, index))
                    else:
                        derived = self._act(run, position, action, node, index)
                        if derived is not None:
                            assert_fact(*derived)
                index += 1
        return run

    def _compile_residual(self, position: int) -> Predicate:
        compiled = predicate(self.compiled.residual[position], self.kb.nodes, self.compiled.positions)
        self._residuals[position] = compiled
        return compiled

    def _passing(self, position: int, ranged: tuple[Node, ...], facts: dict[str, Any]) -> tuple[Node, ...]:
        """The nodes in a rule's range that pass its `where`, remembered by the values of the
        facts the `where` reads (a node's traits never change)."""
        known = self._wheres.get(position)
        if known is None:
            condition = self.compiled.where[position]
            predicate_of = predicate(condition, self.kb.nodes, self.compiled.positions)
            known = self._wheres[position] = (predicate_of, facts_tested(condition))
        where, reads = known
        key = (position, *map(facts.get, reads))
        try:
            passing = self._bindings.get(key)
        except TypeError:  # an unhashable value: decided without the memory
            return tuple([node for node in ranged if where(facts, node)])
        if passing is None:
            if len(self._bindings) >= BINDINGS_MEMO:
                self._bindings.clear()
            passing = self._bindings[key] = tuple([node for node in ranged if where(facts, node)])
        return passing

    def _remember(self, fact: str, value: Any) -> tuple[int, ...]:
        """Decide the alpha tests on a fact for a value not seen before, and remember them."""
        hits = self._alpha_hits(fact, value)
        if len(self._alpha) >= ALPHA_MEMO:
            self._alpha.clear()
        self._alpha[(fact, value)] = hits
        return hits

    def _alpha_hits(self, fact: str, value: Any) -> tuple[int, ...]:
        """The rules whose alpha tests on the fact pass for the value (once per passing test)."""
        positions, nodes = self.compiled.positions, self.kb.nodes
        return tuple(
            position
            for position, test in self.compiled.alpha.get(fact, ())
            if alpha_holds(test, value, positions, nodes)
        )

    def _act(
        self, run: _Run, position: int, action: Action, node: Node | None, index: int
    ) -> tuple[str, Any] | None:
        """The less common actions of a firing; returns the (fact, value) a formula derived."""
        kind, target, stage, _, value, formula, _ = action
        if kind == "derive" and formula is not None:
            return self._calculate(run, target, formula, index)
        elif kind == "not_needed":
            run.not_needed[stage].append(index)
        elif kind == "warn" and run.traced:
            warning: tuple[int, str, str | None, Trace | None]
            if position in self.compiled.rendered_early:  # its text could change later: render now
                warning = (index, render(value, self.kb, run.facts, node), None, None)
            else:
                warning = (index, value, node.id if node else None, run.trace)
            run.warnings[stage].append(_new(StageWarning, warning))
        elif kind == "diagnose" and run.traced:
            run.diagnoses.append(self._diagnosis(run, position, action, node, index))
        return None

    def _calculate(self, run: _Run, fact: str, formula: str, index: int) -> tuple[str, Any] | None:
        """Derive a fact by formula; the (fact, value) when it is new."""
        expression = self._formula(formula)
        value = expression.evaluate(run.facts)
        if value is None:  # division by zero, or not a finite number: nothing to conclude
            return None
        facts = run.facts
        if fact in facts:
            if facts[fact] != value:
                run.conflicts.append(Conflict(fact, facts[fact], value, index))
            return None
        if run.traced:
            spec = self.kb.facts[fact]
            shown = f"{fact} = {expression.show(facts, lambda v: label_of(spec, self.kb.scales, v))}"
            run.derived.append(Derivation(fact, value, index, shown))
        facts[fact] = value
        return fact, value

    def _formula(self, text: str) -> Expression:
        if text not in self._formulas:
            self._formulas[text] = parse_formula(text)
        return self._formulas[text]

    def _diagnosis(
        self, run: _Run, position: int, action: Action, node: Node | None, index: int
    ) -> Diagnosis:
        """The cause, rendered, with the rule's recommendations as the fixes."""
        fixes = tuple(
            Fix(fix.stage, node.id if fix.target == NODE and node is not None else fix.target, fix.weight)
            for fix in self.compiled.actions[position]
            if fix.kind == "recommend" and fix.weight > 0
        )
        return Diagnosis(action.symptom, render(action.value, self.kb, run.facts, node), index, fixes)

    # -- result --------------------------------------------------------------------------

    def _stages(self, run: _Run, lens: Lens, firings: tuple[Firing, ...]) -> tuple[StageResult, ...]:
        """What the run concluded on each stage it touched, in stage order."""
        supports_of, excluded_of, scores_of = run.support, run.excluded, run.scores
        warnings_of, not_needed_of, stages, about = run.warnings, run.not_needed, self.kb.stages, self._about
        touched = {*supports_of, *excluded_of, *warnings_of, *not_needed_of}
        found = []
        for stage_id in sorted(touched, key=self._stage_order.__getitem__):
            supported, excluded = supports_of.get(stage_id), excluded_of.get(stage_id)
            exclusions = (
                [
                    _new(
                        Exclusion, (node, about[node][0], tuple([firings[i] for i in indexes]), (), False, ())
                    )
                    for node, indexes in sorted(excluded.items())
                ]
                if excluded
                else []
            )
            if not supported:
                ranked: tuple[Candidate, ...] = ()
            elif lens == "current":
                ranked, by_lens = self._ranked_current(supported, excluded or {})
                if by_lens:
                    exclusions = sorted([*exclusions, *by_lens], key=lambda e: (e.node, e.by_lens))
            else:
                ranked = self._ranked(supported, excluded or {}, scores_of[stage_id])
            warnings = warnings_of.get(stage_id)
            not_needed = not_needed_of.get(stage_id)
            if ranked or exclusions or warnings or not_needed:
                stage = stages[stage_id]
                found.append(
                    _new(
                        StageResult,
                        (
                            stage_id,
                            stage.name,
                            ranked,
                            tuple(exclusions),
                            tuple(warnings or ()),
                            tuple(not_needed or ()),
                            stage.within,
                        ),
                    )
                )
        return tuple(found)

    def _ranked(
        self, supported: dict[str, list[Support]], excluded: Mapping[str, Any], scores: dict[str, int]
    ) -> tuple[Candidate, ...]:
        """The supported nodes not excluded, by score (highest first), ties broken by id."""
        order = sorted([(-scores[node], node) for node in supported if node not in excluded])
        about = self._about
        return tuple(
            [
                _new(Candidate, (node, about[node][0], -score, tuple(supported[node]), about[node][1], ()))
                for score, node in order
            ]
        )

    def _ranked_current(
        self, supported: dict[str, list[Support]], excluded: Mapping[str, Any]
    ) -> tuple[tuple[Candidate, ...], list[Exclusion]]:
        """`_ranked` under the current lens: an unavailable candidate becomes an exclusion by
        the lens, and its support goes to its successor, which stands in for it."""
        candidates = {node: supports for node, supports in supported.items() if node not in excluded}
        by_lens, stands_in = apply_current_lens(candidates, set(excluded), self.kb.nodes)
        order = sorted(
            [(-sum([support.weight for support in supports]), node) for node, supports in candidates.items()]
        )
        about = self._about
        ranked = tuple(
            [
                _new(
                    Candidate,
                    (
                        node,
                        about[node][0],
                        -score,
                        tuple(candidates[node]),
                        about[node][1],
                        tuple(stands_in.get(node, ())),
                    ),
                )
                for score, node in order
            ]
        )
        return ranked, by_lens
