"""A design file: the requirements (an answers file), what the architect chose, and the
findings they accept (suppressions), read with the line of every item."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from advisor.check.kinds import KINDS, Kind
from advisor.check.severity import Severity
from advisor.errors import AnswersError
from advisor.knowledge.answers import AnswersFile, parse_answers
from advisor.knowledge.loader import format_loc
from advisor.knowledge.models.base import Id, Model, TaskId, Text
from advisor.knowledge.spelling import suggest
from advisor.knowledge.values import Value
from advisor.knowledge.yaml_io import YamlDocument, read_yaml
from advisor.resources import shown_path

if TYPE_CHECKING:
    from advisor.knowledge import KnowledgeBase


class Suppression(Model):
    """A finding the architect accepts, by rule (a rule id or a finding kind), node, or both.

    Suppressed findings are always reported as such; an expired suppression hides nothing and
    is a finding itself."""

    rule: str | None = None
    node: Id | None = None
    reason: Text
    expires: datetime.date | None = None

    def __post_init__(self) -> None:
        if self.rule is None and self.node is None:
            raise ValueError("a suppression names a 'rule', a 'node' or both")

    def expired(self, today: datetime.date) -> bool:
        return self.expires is not None and self.expires < today

    def describe(self) -> str:
        """`rule DEP-014 on node sagemaker_serverless_inference`."""
        parts = [f"rule {self.rule}" if self.rule else "", f"node {self.node}" if self.node else ""]
        return " on ".join(part for part in parts if part)


class DesignFile(AnswersFile):
    """An answers file plus the architect's suppressions, and optionally a CloudFormation
    template whose resources are read as (more of) the design."""

    suppress: list[Suppression] = field(default_factory=list)
    template: str | None = None
    """A CloudFormation template (YAML or JSON), relative to this file."""


class ExpectedFinding(Model):
    """A finding the scenario must produce: by kind (`violates`, `better-fit`…) or rule id, or both."""

    kind: Kind | None = None
    rule: str | None = None
    severity: Severity
    node: Id | None = None
    stage: Id | None = None
    suppressed: bool = False

    def __post_init__(self) -> None:
        if self.kind is None and self.rule is None:
            raise ValueError("an expected finding names its 'kind', its 'rule' or both")

    def describe(self) -> str:
        parts = [self.severity, self.kind or "", self.rule or "", self.node or "", self.stage or ""]
        return " ".join(part for part in parts if part) + (" (suppressed)" if self.suppressed else "")


class DesignScenario(DesignFile):
    """A design file with the findings it must produce."""

    id: Id
    title: Text
    exam: list[TaskId] = field(default_factory=list)
    expect_findings: list[ExpectedFinding] = field(default_factory=list)
    expect_exit: Literal[0, 3] | None = None
    """The exit code of `advisor check --example ID` (default --fail-on error)."""
    known_gap: str = ""
    """Why the knowledge cannot meet this scenario yet; the test then expects it to fail."""


@dataclass(frozen=True)
class Location:
    """Where something is written: a file and line, and the design key or template resource."""

    file: str
    line: int | None = None
    key: str | None = None
    """In a design or answers file: `design.ingestion`, `suppress[0]`, `answers.x`."""
    resource: str | None = None
    """In a template: the resource's logical id."""

    def render(self) -> str:
        """`design.yaml:4 (design.ingestion)` / `stack.yaml:12 (resource ClickStream)`."""
        place = f"{self.file}:{self.line}" if self.line else self.file
        label = f"resource {self.resource}" if self.resource else self.key
        return f"{place} ({label})" if label else place


@dataclass(frozen=True)
class Choice:
    """A node the design chooses for a stage, and every place that says so."""

    stage: str
    node: str
    locations: tuple[Location, ...]


@dataclass(frozen=True)
class Unmapped:
    """A template resource that no mapping in the knowledge reads as a design choice."""

    resource: str
    type: str
    location: Location


@dataclass(frozen=True)
class Design:
    """A design read from its file(s), ready for the engine: what `check_design` takes."""

    file: DesignFile
    path: str
    values: dict[str, Value | None]
    choices: tuple[Choice, ...]
    suppressions: tuple[tuple[Suppression, Location], ...]
    document: YamlDocument = field(repr=False)
    template: str | None = None
    unmapped: tuple[Unmapped, ...] = ()

    @property
    def nodes(self) -> dict[str, frozenset[str]]:
        """The design as the engine takes it: stage -> node ids."""
        found: dict[str, set[str]] = {}
        for choice in self.choices:
            found.setdefault(choice.stage, set()).add(choice.node)
        return {stage: frozenset(nodes) for stage, nodes in found.items()}

    def where(self, *loc: str | int) -> Location:
        """The location of an item of the design (or answers) file, e.g. ('focus', 0)."""
        return Location(self.path, self.document.line_of(loc), format_loc(loc))


def read_design(kb: KnowledgeBase, path: Path, template: Path | None = None) -> Design:
    """Read a design file (a design scenario when it has `expect_findings`); its `template`
    (or `template` given here, which wins) adds the template's resources to the design.
    Errors are one line, `file:line: what is wrong`."""
    shown = shown_path(path)
    document = read_yaml(path, display=shown)
    is_scenario = isinstance(document.data, dict) and "expect_findings" in document.data
    model: type[DesignFile] = DesignScenario if is_scenario else DesignFile
    parsed, values = parse_answers(kb, document, shown, model)
    _check_suppressions(kb, parsed, document, shown)
    choices = list(_yaml_choices(parsed, document, shown))
    template_path = template or (path.parent / parsed.template if parsed.template else None)
    unmapped: tuple[Unmapped, ...] = ()
    if template_path is not None:
        from advisor.check.template import read_template

        extracted = read_template(kb, template_path)
        choices += extracted.choices
        unmapped = extracted.unmapped
    return Design(
        file=parsed,
        path=shown,
        values=values,
        choices=merge_choices(kb, choices),
        suppressions=tuple(
            (s, Location(shown, document.line_of(("suppress", i)), f"suppress[{i}]"))
            for i, s in enumerate(parsed.suppress)
        ),
        document=document,
        template=shown_path(template_path) if template_path else None,
        unmapped=unmapped,
    )


def merge_choices(kb: KnowledgeBase, choices: Iterable[Choice]) -> tuple[Choice, ...]:
    """One Choice per (stage, node), with all its locations, in stage order then node id."""
    merged: dict[tuple[str, str], list[Location]] = {}
    for choice in choices:
        merged.setdefault((choice.stage, choice.node), []).extend(choice.locations)
    order = {stage: index for index, stage in enumerate(kb.stages)}
    return tuple(
        Choice(stage, node, tuple(locations))
        for (stage, node), locations in sorted(merged.items(), key=lambda i: (order[i[0][0]], i[0][1]))
    )


def _yaml_choices(parsed: DesignFile, document: YamlDocument, shown: str) -> Iterable[Choice]:
    for stage, nodes in parsed.design.items():
        if isinstance(nodes, str):
            where = Location(shown, document.line_of(("design", stage)), f"design.{stage}")
            yield Choice(stage, nodes, (where,))
            continue
        for index, node in enumerate(nodes):
            line = document.line_of(("design", stage, index))
            yield Choice(stage, node, (Location(shown, line, f"design.{stage}"),))


def _check_suppressions(kb: KnowledgeBase, parsed: DesignFile, document: YamlDocument, shown: str) -> None:
    """A suppression names a known rule (or finding kind) and a known node."""
    known_rules = set(kb.rules) | set(KINDS)
    for index, suppression in enumerate(parsed.suppress):
        if suppression.rule is not None and suppression.rule not in known_rules:
            hint = suggest(suppression.rule, known_rules) or f" (finding kinds: {', '.join(KINDS)})"
            raise AnswersError(
                f"suppress[{index}].rule: unknown rule '{suppression.rule}'{hint}",
                shown,
                document.line_of(("suppress", index, "rule")),
            )
        if suppression.node is not None and suppression.node not in kb.nodes:
            hint = suggest(suppression.node, set(kb.nodes))
            raise AnswersError(
                f"suppress[{index}].node: unknown node '{suppression.node}'{hint}",
                shown,
                document.line_of(("suppress", index, "node")),
            )


def answer_location(design: Design, question: str) -> Location:
    """Where an answer is written (the answers line itself when the question is not answered)."""
    return design.where("answers", question)


def focus_location(design: Design, stage: str) -> Location:
    """Where a focused stage is named (the `focus` entry; the list itself for a decision within it)."""
    stages = design.file.focus_stages
    return design.where("focus", stages.index(stage)) if stage in stages else design.where("focus")


TEMPLATE_SUFFIXES = (".template.yaml", ".template.yml", ".template.json")
DESIGN_SUFFIXES = (".design.yaml", ".design.yml")


def design_and_template(path: Path) -> tuple[Path, Path | None]:
    """NAME.template.yaml|yml|json and NAME.design.yaml|yml beside it belong together, whichever
    is named; any other file is a design file on its own."""
    name = path.name
    design_suffix = next((s for s in DESIGN_SUFFIXES if name.endswith(s)), None)
    if design_suffix is not None:
        return path, _beside(path, name.removesuffix(design_suffix), TEMPLATE_SUFFIXES)
    suffix = next((s for s in TEMPLATE_SUFFIXES if name.endswith(s)), None)
    if suffix is None:
        return path, None
    stem = name.removesuffix(suffix)
    design = _beside(path, stem, DESIGN_SUFFIXES)
    if design is not None:
        return design, path
    raise AnswersError(
        f"no design file beside the template (expected {stem}{DESIGN_SUFFIXES[0]} with the requirements;"
        " or run: advisor check --template FILE --answers FILE)",
        path,
    )


def _beside(path: Path, stem: str, suffixes: tuple[str, ...]) -> Path | None:
    """The first file named STEM + one of `suffixes` in `path`'s folder."""
    return next((p for p in (path.with_name(stem + s) for s in suffixes) if p.is_file()), None)
