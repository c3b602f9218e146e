"""What the knowledge covers of the exam: per task statement and per in-scope item.

A gap is something the exam needs that the knowledge lacks: a task statement without a
question, with fewer than MIN_RULES rules or MIN_SCENARIOS scenarios; an in-scope service or
algorithm without a node, or that no rule ever recommends.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol, TypeVar

from advisor.knowledge import KnowledgeBase
from advisor.knowledge.answers import Scenario
from advisor.knowledge.models import ScopeItem, Task


class _ServesTasks(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def exam(self) -> list[str]: ...


T = TypeVar("T", bound=_ServesTasks)

MIN_RULES = 3
MIN_SCENARIOS = 6


@dataclass(frozen=True)
class TaskCoverage:
    """The questions, rules, nodes and scenarios that serve one exam task statement."""

    task: Task
    questions: tuple[str, ...]
    rules: tuple[str, ...]
    nodes: tuple[str, ...]
    scenarios: tuple[str, ...]

    @property
    def gaps(self) -> list[str]:
        found = []
        if not self.questions:
            found.append("no question")
        if len(self.rules) < MIN_RULES:
            found.append(f"{len(self.rules)} rules (want {MIN_RULES}+)")
        if len(self.scenarios) < MIN_SCENARIOS:
            found.append(f"{len(self.scenarios)} scenarios (want {MIN_SCENARIOS}+)")
        return found


@dataclass(frozen=True)
class ItemCoverage:
    """What the knowledge has about one in-scope service, feature or algorithm."""

    item: ScopeItem
    state: str | None
    """The node's status, or None when there is no node."""
    recommended_by: tuple[str, ...]
    scenarios: tuple[str, ...]

    @property
    def gaps(self) -> list[str]:
        if self.state is None:
            return ["no node"]
        return [] if self.recommended_by else ["never recommended by a rule"]


@dataclass(frozen=True)
class OutOfScope:
    """A service the exam does not expect, and the status of the knowledge's node for it."""

    item: ScopeItem
    state: str | None


@dataclass(frozen=True)
class Coverage:
    tasks: tuple[TaskCoverage, ...]
    items: tuple[ItemCoverage, ...]
    out_of_scope: tuple[OutOfScope, ...] = ()

    @property
    def complete(self) -> bool:
        return not self.gap_count

    @property
    def gap_count(self) -> int:
        """How many task statements and items have gaps."""
        return sum(bool(t.gaps) for t in self.tasks) + sum(bool(i.gaps) for i in self.items)


def recommended_by(kb: KnowledgeBase) -> dict[str, set[str]]:
    """Node id -> ids of the rules that can recommend it (positive weight, for_each included)."""
    found: dict[str, set[str]] = defaultdict(set)
    tables = kb.compiled
    for position, rule_id in enumerate(tables.ids):
        for _, node in tables.recommendations(position):
            found[node].add(rule_id)
    return found


def measure_coverage(kb: KnowledgeBase, scenarios: list[Scenario], exam_id: str | None = None) -> Coverage:
    """Coverage of every task statement and scope item of one exam profile (default: the
    default profile) by the knowledge and the scenarios."""
    exam = kb.exam(exam_id)
    recommenders = recommended_by(kb)

    def serving(items: Iterable[T], task: str) -> tuple[str, ...]:
        return tuple(item.id for item in items if task in kb.tasks_in(item.exam, exam.id))

    tasks = tuple(
        TaskCoverage(
            task=task,
            questions=serving(kb.questions.values(), task.id),
            rules=serving(kb.rules.values(), task.id),
            nodes=serving(kb.nodes.values(), task.id),
            scenarios=serving(scenarios, task.id),
        )
        for task in exam.tasks
    )
    items = tuple(
        ItemCoverage(
            item=item,
            state=_state(kb, item.id),
            recommended_by=tuple(sorted(recommenders.get(item.id, ()))),
            scenarios=tuple(s.id for s in scenarios if item.id in _expected_nodes(s)),
        )
        for item in exam.scope
    )
    outside = tuple(OutOfScope(item, _state(kb, item.id)) for item in exam.out_of_scope)
    return Coverage(tasks, items, outside)


def _state(kb: KnowledgeBase, node: str) -> str | None:
    return kb.nodes[node].status.state if node in kb.nodes else None


def _expected_nodes(scenario: Scenario) -> set[str]:
    nodes: set[str] = set()
    for expectation in scenario.expect.values():
        top = expectation.top
        nodes.update([top] if isinstance(top, str) else top or [])
        nodes.update(expectation.includes)
        nodes.update(expectation.excludes)
    return nodes


def render_coverage(coverage: Coverage, missing_only: bool = False) -> str:
    """Two tables: task statements, then in-scope items, with their gaps."""
    out = [
        "Exam task statements",
        "",
        f"{'task':<5} {'questions':>9} {'rules':>6} {'nodes':>6} {'scenarios':>9}  gaps",
    ]
    for task in coverage.tasks:
        if missing_only and not task.gaps:
            continue
        out.append(
            f"{task.task.id:<5} {len(task.questions):>9} {len(task.rules):>6} {len(task.nodes):>6} "
            f"{len(task.scenarios):>9}  {'; '.join(task.gaps) or 'ok'}   {task.task.title}"
        )
    out += ["", "In-scope services, features and algorithms", ""]
    out.append(f"{'item':<44} {'status':<24} {'rules':>5} {'scenarios':>9}  gaps")
    for entry in coverage.items:
        if missing_only and not entry.gaps:
            continue
        out.append(
            f"{entry.item.name[:44]:<44} {entry.state or '-':<24} {len(entry.recommended_by):>5} "
            f"{len(entry.scenarios):>9}  {'; '.join(entry.gaps) or 'ok'}"
        )
    if coverage.out_of_scope and not missing_only:
        out += ["", "Out of scope (the exam does not expect them; never gaps)", ""]
        out += [f"{o.item.name[:44]:<44} {o.state or 'no node':<24}" for o in coverage.out_of_scope]
    out += [
        "",
        "complete: nothing missing" if coverage.complete else f"{coverage.gap_count} entries with gaps",
    ]
    return "\n".join(out) + "\n"
