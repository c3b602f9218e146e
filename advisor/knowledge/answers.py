"""Answer sets: reading them from YAML and checking every value against its question."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import field
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal, TypeVar

from advisor.errors import AnswersError
from advisor.knowledge.loader import validate_model
from advisor.knowledge.models.base import Deferred, Id, Model, TaskId, Text
from advisor.knowledge.models.quick import quick_validate
from advisor.knowledge.spelling import suggest
from advisor.knowledge.values import Value, coerce_value
from advisor.knowledge.yaml_io import YamlDocument, read_yaml

if TYPE_CHECKING:
    from advisor.knowledge import KnowledgeBase


def _focus_shape(value: Any) -> Any:
    """`focus` is checked as a whole first, so that its error names both shapes it may take."""
    if (
        value is None
        or value == "all"
        or (isinstance(value, list) and all(isinstance(v, str) for v in value))
    ):
        return value
    raise ValueError("a list of stage ids, or 'all' for the whole pipeline")


class AnswersFile(Model):
    """An answers file: what `advisor recommend` reads and what the interview saves."""

    title: str = ""
    narrative: str = ""
    lens: Literal["exam", "current"] | None = None
    focus: Annotated[list[Id] | Literal["all"] | None, Deferred("BeforeValidator", _focus_shape)] = None
    """The stages the person is deciding; `all` (or nothing) for the whole pipeline."""
    design: dict[Id, Id | list[Id]] = field(default_factory=dict)
    """What runs today: stage (or decision within a stage) -> node id(s)."""
    answers: dict[str, Any] = field(default_factory=dict)
    """Question id -> answer; `null` means "I don't know" (the question's assumption is used)."""

    @property
    def focus_stages(self) -> tuple[str, ...]:
        """The focused stages; empty for the whole pipeline."""
        return () if self.focus in (None, "all") else tuple(self.focus or ())

    @property
    def design_nodes(self) -> dict[str, frozenset[str]]:
        """The design as stage -> set of node ids."""
        return {
            stage: frozenset([nodes] if isinstance(nodes, str) else nodes)
            for stage, nodes in self.design.items()
        }


class StageExpectation(Model):
    """What a scenario expects of one stage."""

    top: Id | list[Id] | None = None
    """The expected top candidate (a list: any of these)."""
    includes: list[Id] = field(default_factory=list)
    """Nodes that must be among the candidates."""
    excludes: dict[Id, str] = field(default_factory=dict)
    """Node -> id of the rule expected to exclude it (or `LENS` for the current lens)."""
    not_needed: bool | None = None
    """True: a rule settles the stage as not needed; False: none does."""


Letter = Literal["A", "B", "C", "D"]


class Option(Model):
    """One answer option of a practice question, and the node it stands for."""

    text: Text
    node: Id


class PracticeQuestion(Model):
    """An exam-style multiple-choice question about one stage of the scenario."""

    stage: Id
    stem: Text
    options: dict[Letter, Option]
    answer: Letter
    why: dict[Letter, Text]
    """Why each wrong option is wrong (the answer's entry, if given, why it is right)."""

    def __post_init__(self) -> None:
        if sorted(self.options) != ["A", "B", "C", "D"]:
            raise ValueError("a practice question needs exactly the options A, B, C and D")
        missing = sorted(set(self.options) - {self.answer} - set(self.why))
        if missing:
            raise ValueError(f"'why' must explain every wrong option (missing: {', '.join(missing)})")


class Scenario(AnswersFile):
    """An answers file with expected outcomes: an example, a test case, a practice item."""

    id: Id
    title: Text
    expect: dict[Id, StageExpectation] = field(metadata={"min_length": 1})
    exam: list[TaskId] = field(default_factory=list)
    question: PracticeQuestion | None = None
    known_gap: str = ""
    """Why the knowledge cannot meet this scenario yet; the test then expects it to fail."""


def coerce_answers(kb: KnowledgeBase, raw: Mapping[str, Any]) -> dict[str, Value | None]:
    """Check and normalise answers (numbers with units, multi-choice as sets); no line numbers."""
    return _coerce(kb, raw, None, "")


def read_answers(kb: KnowledgeBase, path: Path) -> tuple[AnswersFile, dict[str, Value | None]]:
    """Read an answers or scenario file; errors name the file and line."""
    document = read_yaml(path)
    is_scenario = isinstance(document.data, dict) and "expect" in document.data
    return parse_answers(kb, document, str(path), Scenario if is_scenario else AnswersFile)


A = TypeVar("A", bound=AnswersFile)


def parse_answers(
    kb: KnowledgeBase, document: YamlDocument, shown: str, model: type[A]
) -> tuple[A, dict[str, Value | None]]:
    """Validate a read YAML document as `model` (an answers file or an extension of one)."""
    parsed = quick_validate(model, document.data)
    if parsed is None:  # something to report, or a shape only pydantic reads
        parsed = validate_model(model, document, shown, AnswersError)
    _check_focus(kb, parsed, document, shown)
    _check_design(kb, parsed, document, shown)
    if isinstance(parsed, Scenario):
        _check_expectations(kb, parsed, document, shown)
    return parsed, _coerce(kb, parsed.answers, document, shown)


def _check_focus(kb: KnowledgeBase, parsed: AnswersFile, document: YamlDocument, shown: str) -> None:
    for index, stage in enumerate(parsed.focus_stages):
        if stage not in kb.stages:
            hint = suggest(stage, set(kb.stages)) or f" (stages: {', '.join(kb.stages)})"
            raise AnswersError(
                f"focus: unknown stage '{stage}'{hint}", shown, document.line_of(("focus", index))
            )


def _check_expectations(kb: KnowledgeBase, scenario: Scenario, document: YamlDocument, shown: str) -> None:
    """A scenario's expectations and practice question name stages and nodes that exist."""
    places: list[tuple[tuple[str | int, ...], str, str]] = []  # (location, kind, id)
    for stage, expectation in scenario.expect.items():
        places.append((("expect", stage), "stage", stage))
        top = [expectation.top] if isinstance(expectation.top, str) else expectation.top or []
        nodes = [*top, *expectation.includes, *expectation.excludes]
        places += [(("expect", stage), "node", node) for node in nodes]
    if scenario.question is not None:
        places.append((("question", "stage"), "stage", scenario.question.stage))
        places += [
            (("question", "options", letter), "node", o.node)
            for letter, o in scenario.question.options.items()
        ]
    for location, kind, item in places:
        known = kb.stages if kind == "stage" else kb.nodes
        if item not in known:
            where = ".".join(map(str, location))
            message = f"{where}: unknown {kind} '{item}'{suggest(item, set(known))}"
            raise AnswersError(message, shown, document.line_of(location))


def _check_design(kb: KnowledgeBase, parsed: AnswersFile, document: YamlDocument, shown: str) -> None:
    """Every design key is a stage and every node named there exists and belongs to it."""
    for stage, nodes in parsed.design_nodes.items():
        line = document.line_of(("design", stage))
        if stage not in kb.stages:
            raise AnswersError(f"design.{stage}: unknown stage{suggest(stage, set(kb.stages))}", shown, line)
        for node in sorted(nodes):
            if node not in kb.nodes:
                raise AnswersError(
                    f"design.{stage}: unknown node '{node}'{suggest(node, set(kb.nodes))}", shown, line
                )
            if stage not in kb.nodes[node].stages:
                where = ", ".join(kb.nodes[node].stages)
                raise AnswersError(
                    f"design.{stage}: '{node}' is not used in this stage (its stages: {where})", shown, line
                )


def _coerce(
    kb: KnowledgeBase, raw: Mapping[str, Any], document: YamlDocument | None, shown: str
) -> dict[str, Value | None]:
    values: dict[str, Value | None] = {}
    for key, value in raw.items():
        line = document.line_of(("answers", key)) if document else None
        if key not in kb.questions:
            hint = suggest(str(key), set(kb.questions))
            what = "a derived fact, not a question" if key in kb.facts else "unknown question"
            raise AnswersError(f"answers.{key}: {what}{hint}", shown or None, line)
        if value is None:
            values[key] = None
            continue
        try:
            values[key] = coerce_value(kb.questions[key], kb.scales, value)
        except ValueError as error:
            raise AnswersError(f"answers.{key}: {error}", shown or None, line) from None
    return values


def dump_answers(
    kb: KnowledgeBase,
    answers: Mapping[str, Value | None],
    lens: str = "exam",
    title: str = "",
    *,
    focus: tuple[str, ...] = (),
    design: Mapping[str, frozenset[str]] | None = None,
) -> str:
    """An answers file (YAML) that `advisor recommend` reads back to the same answers.

    Questions are written in knowledge order; skipped questions are written as null
    ("I don't know"); numbers in the question's base unit.
    """
    import yaml

    ordered: dict[str, Any] = {}
    for question_id in kb.questions:
        if question_id in answers:
            value = answers[question_id]
            ordered[question_id] = sorted(value) if isinstance(value, frozenset) else value
    document: dict[str, Any] = {"title": title} if title else {}
    document["lens"] = lens
    if focus:
        document["focus"] = list(focus)
    if design:
        document["design"] = {stage: sorted(nodes) for stage, nodes in sorted(design.items())}
    document["answers"] = ordered
    return yaml.safe_dump(document, sort_keys=False, allow_unicode=True)
