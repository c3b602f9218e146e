"""`advisor kb list`: the questions, nodes, rules or stages of the knowledge, one line each."""

from __future__ import annotations

import json
import textwrap
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from advisor.knowledge.models import ExamProfile, Node, Question, Rule, Stage
from advisor.knowledge.values import accepted_units, domain_values
from advisor.render.common import badge

if TYPE_CHECKING:
    from advisor.knowledge import KnowledgeBase

TEXT_WIDTH = 60
"""The last column (question text, name, title) is shortened to this many characters."""

Record = dict[str, Any]

ANSWER_TYPES = {
    "choice": "choice",
    "scale": "scale",
    "multi_choice": "list of choices",
    "yes_no": "yes/no",
}

COLUMNS: dict[str, tuple[tuple[str, str], ...]] = {
    "questions": (("ID", "id"), ("STAGE", "stage"), ("ANSWER", "answer"), ("QUESTION", "text")),
    "nodes": (("ID", "id"), ("KIND", "kind"), ("STATUS", "badge"), ("NAME", "name")),
    "rules": (("ID", "id"), ("STAGE", "stage"), ("TITLE", "title")),
    "stages": (
        ("ID", "id"),
        ("QUESTIONS", "questions"),
        ("NODES", "nodes"),
        ("RULES", "rules"),
        ("NAME", "name"),
    ),
    "exams": (("ID", "id"), ("CODE", "code"), ("DEFAULT", "default"), ("NAME", "name")),
}
"""(heading, record key) of each column of the text table."""


def list_records(kb: KnowledgeBase, kind: str, stage: str | None = None) -> list[Record]:
    """Every item of `kind` (a key of COLUMNS), only those of `stage` when given."""
    return [RECORDS[kind](kb, item) for item in _items(kb, kind, stage)]


def _items(kb: KnowledgeBase, kind: str, stage: str | None) -> list[Any]:
    """Questions and rules in stage order (questions as written, rules by id), nodes by id."""
    order = {stage_id: index for index, stage_id in enumerate(kb.stages)}
    if kind == "questions":
        items: list[Any] = sorted(kb.questions.values(), key=lambda q: order[q.stage])
    elif kind == "rules":
        items = sorted(kb.rules.values(), key=lambda r: (order[r.stage], r.id))
    elif kind == "nodes":
        items = sorted(kb.nodes.values(), key=lambda n: n.id)
    elif kind == "exams":
        return list(kb.exams.values()) if stage is None else []
    else:
        items = list(kb.stages.values())
    return [item for item in items if stage is None or stage in _stages_of(item)]


def _stages_of(item: Question | Node | Rule | Stage) -> list[str]:
    if isinstance(item, Node):
        return item.stages
    return [item.id if isinstance(item, Stage) else item.stage]


def answer_type(question: Question) -> str:
    """How the answer is written: `choice`, `yes/no`, `list of choices`, `number (MB)`."""
    if question.type == "number":
        return f"number ({question.unit})"
    return ANSWER_TYPES[question.type]


def _question(kb: KnowledgeBase, question: Question) -> Record:
    record: Record = {"id": question.id, "stage": question.stage, "type": question.type}
    record["answer"] = answer_type(question)
    if question.type == "number":
        record["unit"], record["units"] = question.unit, accepted_units(question)
    elif question.type != "yes_no":
        record["values"] = domain_values(question, kb.scales)
    record["text"] = question.text
    return record


def _node(kb: KnowledgeBase, node: Node) -> Record:
    state = node.status.state
    return {
        "id": node.id,
        "kind": node.kind,
        "name": node.name,
        "stages": node.stages,
        "status": state,
        "badge": badge(state),
    }


def _rule(kb: KnowledgeBase, rule: Rule) -> Record:
    return {"id": rule.id, "stage": rule.stage, "title": rule.title}


def _stage(kb: KnowledgeBase, stage: Stage) -> Record:
    return {"id": stage.id, "name": stage.name, **count_items(kb, stage.id)}


def _exam(kb: KnowledgeBase, exam: ExamProfile) -> Record:
    return {
        "id": exam.id,
        "code": exam.code,
        "name": exam.name,
        "default": "default" if exam.default else "",
        "questions": exam.questions,
        "minutes": exam.minutes,
        "pass_percent": exam.pass_percent,
        "domains": [{"id": d.id, "name": d.name, "weight": d.weight} for d in exam.domains],
    }


RECORDS: dict[str, Callable[[KnowledgeBase, Any], Record]] = {
    "questions": _question,
    "nodes": _node,
    "rules": _rule,
    "stages": _stage,
    "exams": _exam,
}


def count_items(kb: KnowledgeBase, stage: str | None = None) -> dict[str, int]:
    """How many questions, nodes and rules there are (of `stage`, when given)."""
    kinds = [kind for kind in COLUMNS if stage is None or kind not in ("stages", "exams")]
    return {kind: len(_items(kb, kind, stage)) for kind in kinds}


def render_table(kind: str, records: list[Record]) -> str:
    """Aligned columns under a heading line; the last column shortened with …"""
    columns = COLUMNS[kind]
    *fixed, (_, last) = columns
    rows = [tuple(heading for heading, _ in columns)]
    for record in records:
        text = textwrap.shorten(str(record[last]), TEXT_WIDTH, placeholder="…")
        rows.append((*(str(record[key]) for _, key in fixed), text))
    widths = [max(len(row[index]) for row in rows) for index in range(len(fixed))]
    numeric = [bool(records) and isinstance(records[0][key], int) for _, key in fixed]
    lines = []
    for row in rows:
        cells = [
            cell.rjust(width) if right else cell.ljust(width)
            for cell, width, right in zip(row, widths, numeric, strict=False)
        ]
        lines.append("  ".join([*cells, row[-1]]).rstrip())
    return "\n".join(lines) + "\n"


def render_counts(counts: dict[str, int]) -> str:
    """`questions  126` … and how to list one kind."""
    lines = [f"{kind:<10} {count:>5}" for kind, count in counts.items()]
    lines.append("List one kind with 'advisor kb list KIND [--stage STAGE]'.")
    return "\n".join(lines) + "\n"


def render_json(data: object) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
