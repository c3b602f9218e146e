"""The loaded knowledge base: validated documents plus the lookups every face needs."""

from __future__ import annotations

import gc
from collections.abc import Iterable, Mapping
from contextlib import suppress
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from advisor.errors import EngineError, UnknownIdError
from advisor.knowledge import cache
from advisor.knowledge.loader import knowledge_files, read_knowledge
from advisor.knowledge.models import (
    DerivedFact,
    ExamProfile,
    FactSpec,
    KnowledgeDocument,
    Node,
    Question,
    ResourceMapping,
    Rule,
    Scale,
    Stage,
    Trait,
)
from advisor.knowledge.spelling import suggest
from advisor.resources import rules_dir

T = TypeVar("T")

if TYPE_CHECKING:
    from advisor.engine.tables import CompiledRules
    from advisor.knowledge.finder import Finder
    from advisor.knowledge.graph import KnowledgeGraph


class KnowledgeBase:
    """Every question, node and rule, indexed by id. Build it with `load_knowledge`."""

    def __init__(
        self, document: KnowledgeDocument, source: Path | None = None, compiled: CompiledRules | None = None
    ):
        from advisor.knowledge.crossref import LENS_FACT

        if compiled is not None:  # compiled before, from this document (the cache)
            self.__dict__["compiled"] = compiled

        self.document = document
        self.source = source
        self.exams: dict[str, ExamProfile] = {exam.id: exam for exam in document.exams}
        self.stages: dict[str, Stage] = {
            s.id: s for s in sorted(document.stages, key=lambda s: (s.order, s.id))
        }
        self.scales: dict[str, Scale] = {scale.id: scale for scale in document.scales}
        self.traits: dict[str, Trait] = {trait.id: trait for trait in document.traits}
        self.questions: dict[str, Question] = {q.id: q for q in document.questions}
        self.derived: dict[str, DerivedFact] = {fact.id: fact for fact in document.facts}
        self.nodes: dict[str, Node] = {node.id: node for node in document.nodes}
        self.rules: dict[str, Rule] = {rule.id: rule for rule in document.rules}
        self.cloudformation: dict[str, list[ResourceMapping]] = {}
        """Resource type -> the mappings that read it as a design, in knowledge order."""
        for mapping in document.cloudformation:
            self.cloudformation.setdefault(mapping.type, []).append(mapping)
        self.facts: dict[str, FactSpec] = {"lens": LENS_FACT, **self.questions, **self.derived}
        self.scale_positions: dict[str, dict[str, int]] = {
            scale.id: {value.id: index for index, value in enumerate(scale.values)}
            for scale in document.scales
        }

    # -- exam profiles ----------------------------------------------------------------------

    @property
    def default_exam(self) -> ExamProfile:
        """The profile that unprefixed task ids and the `exam` lens refer to."""
        defaults = [exam for exam in self.exams.values() if exam.default]
        if not defaults:
            raise UnknownIdError("the knowledge has no default exam profile")
        return defaults[0]

    def exam(self, exam_id: str | None = None) -> ExamProfile:
        """A profile by id (None: the default one)."""
        return self.default_exam if exam_id is None else self._get(self.exams, exam_id, "exam")

    def tasks_in(self, references: Iterable[str], exam_id: str | None = None) -> list[str]:
        """The task ids of one profile (default: the default one) among task references
        (`1.2` names a default-profile task, `mla_c01:1.2` another profile's)."""
        wanted = self.exam(exam_id).id
        found = []
        for reference in references:
            profile, _, task = reference.rpartition(":")
            if (profile or self.default_exam.id) == wanted:
                found.append(task)
        return found

    # -- lookups that give a helpful error ---------------------------------------------------

    def node(self, node_id: str) -> Node:
        return self._get(self.nodes, node_id, "node")

    def rule(self, rule_id: str) -> Rule:
        return self._get(self.rules, rule_id, "rule")

    def stage(self, stage_id: str) -> Stage:
        return self._get(self.stages, stage_id, "stage")

    def question(self, question_id: str) -> Question:
        return self._get(self.questions, question_id, "question")

    def _get(self, table: Mapping[str, T], key: str, kind: str) -> T:
        if key not in table:
            raise UnknownIdError(f"unknown {kind} '{key}'{suggest(key, set(table))}")
        return table[key]

    def find(self, typed: str) -> Node | Rule | Question:
        """A node, rule or question by id, name or alias (ignoring case), or by words of them
        when one item alone has them all (`firehose`); UnknownIdError naming the candidates."""
        return self._finder.find(typed)

    @cached_property
    def _finder(self) -> Finder:
        from advisor.knowledge.finder import Finder

        return Finder([*self.nodes.values(), *self.rules.values(), *self.questions.values()])

    # -- derived structures, built on first use --------------------------------------------

    @cached_property
    def question_order(self) -> dict[str, int]:
        """Question id -> its position in the knowledge (ties in what to ask go by it)."""
        return {question_id: index for index, question_id in enumerate(self.questions)}

    @cached_property
    def compiled(self) -> CompiledRules:
        from advisor.engine.compile import compile_rules

        return compile_rules(self)

    @cached_property
    def graph(self) -> KnowledgeGraph:
        from advisor.knowledge.graph import KnowledgeGraph

        return KnowledgeGraph(self)

    def value_label(self, fact_id: str, value: object) -> str:
        """How a fact value reads in a sentence: the choice or scale label, yes/no, 12 MB."""
        if isinstance(value, str):
            label = self._labels.get(fact_id, {}).get(value)
            if label is not None:
                return label
        if fact_id.startswith(("pick:", "design:")):  # node ids: a stage's top pick, the design
            return self.node_names(value)
        from advisor.knowledge.values import label_of

        return label_of(self.facts[fact_id], self.scales, value)

    def node_names(self, value: object) -> str:
        """`Amazon S3, AWS Glue` for a node id or a set of them; `none` for nothing."""
        if value is None:
            return "none"
        ids = sorted(value) if isinstance(value, frozenset | set | list | tuple) else [str(value)]
        return ", ".join(self.nodes[i].name if i in self.nodes else i for i in ids) or "none"

    @cached_property
    def _labels(self) -> dict[str, dict[str, str]]:
        """Per fact: value id -> label, for choice and scale facts."""
        labels: dict[str, dict[str, str]] = {}
        for fact_id, spec in self.facts.items():
            if spec.choices is not None:
                labels[fact_id] = {choice.id: choice.label for choice in spec.choices}
            elif spec.scale is not None:
                labels[fact_id] = {step.id: step.label for step in self.scales[spec.scale].values}
        return labels


def load_knowledge(path: Path | str | None = None, *, use_cache: bool = True) -> KnowledgeBase:
    """Load, validate and compile the knowledge in `path` (default: the shipped rules/ folder).

    The knowledge lives as long as the process, so it is frozen out of the cyclic garbage
    collector (`gc.freeze`): no collection walks it again. Without that, the first runs after
    loading 10,000 rules spent ~200 ms in collections. Raises KnowledgeError (or InputFileError)
    with `file:line: message` on the first problem.
    """
    root = Path(path) if path is not None else rules_dir()
    files = knowledge_files(root) if root.is_dir() else []
    key = cache.content_key(files, root) if use_cache and files else None
    cached = cache.read_cached(key) if key else None
    if cached is not None:
        kb = KnowledgeBase(cached[0], root, cached[1])
    else:
        kb = _read_and_check(root)
        with suppress(EngineError):  # rules that do not compile fail where the tables are used
            compiled = kb.compiled  # compiled now, so that the tables are frozen with the rest
            if key:
                cache.write_cached(key, kb.document, compiled)
    gc.freeze()
    return kb


def _read_and_check(root: Path) -> KnowledgeBase:
    from advisor.knowledge.crossref import CrossReferencer

    document, origins = read_knowledge(root)
    CrossReferencer(document, origins).check()
    return KnowledgeBase(document, root)
