"""The question bank: one exam-style question per scenario, with what it is about (kind, stage,
lens, the exam profile's task statements and domain), and filters over it."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from advisor.engine.result import LENSES, Lens
from advisor.errors import UnknownIdError
from advisor.knowledge import KnowledgeBase
from advisor.knowledge.answers import Scenario
from advisor.knowledge.models import ExamProfile
from advisor.knowledge.scenarios import read_scenario, scenario_files
from advisor.knowledge.spelling import suggest
from advisor.knowledge.values import Value
from advisor.resources import scenarios_dir

FILTERS = ("domain", "task", "stage", "lens", "kind")


@dataclass(frozen=True)
class BankQuestion:
    """A scenario as a practice question (its options and key are worked out when it is posed)."""

    id: str
    kind: str
    """The scenario's folder: foundation, eda, modeling, …"""
    title: str
    narrative: str
    lens: Lens
    stage: str
    tasks: tuple[str, ...]
    """Task statements of the bank's exam profile, as listed by the scenario."""
    domain: str
    """The domain of the first task statement (the one the question counts for)."""
    scenario: Scenario
    answers: Mapping[str, Value | None]


@dataclass(frozen=True)
class Filters:
    """What to keep; None keeps everything. A domain may be given by id or number (`2`)."""

    domain: str | None = None
    task: str | None = None
    stage: str | None = None
    lens: str | None = None
    kind: str | None = None


def load_bank(kb: KnowledgeBase, exam: ExamProfile, root: Path | None = None) -> list[BankQuestion]:
    """Every scenario below `root` (default: the shipped ones) that has a practice stage and a
    task statement of `exam`; scenarios marked as a known gap of the knowledge are left out."""
    folder = root or scenarios_dir()
    domains = {task.id: task.domain for task in exam.tasks}
    bank = []
    for path in scenario_files(folder):
        scenario, answers = read_scenario(kb, path)
        stage = practice_stage(kb, scenario)
        tasks = tuple(kb.tasks_in(scenario.exam, exam.id))
        if scenario.known_gap or stage is None or not tasks:
            continue
        bank.append(
            BankQuestion(
                id=scenario.id,
                kind=_kind(path, folder),
                title=scenario.title,
                narrative=" ".join(scenario.narrative.split()),
                lens=scenario.lens or "exam",
                stage=stage,
                tasks=tasks,
                domain=domains[tasks[0]],
                scenario=scenario,
                answers=answers,
            )
        )
    return bank


def practice_stage(kb: KnowledgeBase, scenario: Scenario) -> str | None:
    """The stage a scenario's question asks about: its written question's, else the first
    expected stage with a top pick that one of its task statements belongs to, else the first."""
    if scenario.question is not None:
        return scenario.question.stage
    with_top = [stage for stage, expected in scenario.expect.items() if expected.top is not None]
    matching = [s for s in with_top if set(kb.stages[s].exam) & set(scenario.exam)] if kb.stages else []
    return next(iter(matching or with_top), None)


def _kind(path: Path, root: Path) -> str:
    parts = path.relative_to(root).parts
    return parts[0] if len(parts) > 1 else "general"


def filter_bank(
    kb: KnowledgeBase, bank: Iterable[BankQuestion], exam: ExamProfile, filters: Filters
) -> list[BankQuestion]:
    """The questions that pass every filter; unknown filter values are UnknownIdError."""
    questions = list(bank)
    wanted = resolve_filters(kb, questions, exam, filters)
    return [q for q in questions if all(_passes(q, name, value) for name, value in wanted.items())]


def resolve_filters(
    kb: KnowledgeBase, bank: list[BankQuestion], exam: ExamProfile, filters: Filters
) -> dict[str, str]:
    """Filter name -> checked value, for the filters given."""
    known: dict[str, set[str]] = {
        "domain": {d.id for d in exam.domains},
        "task": {t.id for t in exam.tasks},
        "stage": set(kb.stages),
        "lens": set(LENSES),
        "kind": {q.kind for q in bank},
    }
    resolved = {}
    for name in FILTERS:
        value = getattr(filters, name)
        if value is None:
            continue
        if name == "domain":
            value = _domain_by_number(exam, value)
        if value not in known[name]:
            choices = ", ".join(sorted(known[name]))
            raise UnknownIdError(f"unknown {name} '{value}'{suggest(value, known[name])} (known: {choices})")
        resolved[name] = value
    return resolved


def _domain_by_number(exam: ExamProfile, value: str) -> str:
    """`2` names the domain of task statements 2.x."""
    if value.isdigit():
        for task in exam.tasks:
            if task.id.split(".")[0] == value:
                return task.domain
    return value


def _passes(question: BankQuestion, name: str, value: str) -> bool:
    if name == "task":
        return value in question.tasks
    return bool(getattr(question, name) == value)
