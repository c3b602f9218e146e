"""`advisor kb show`: one node, rule or question, with its relations and the rules around it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from advisor.engine.lens import status_text
from advisor.knowledge.models import Node, Question, Rule
from advisor.knowledge.values import accepted_units, trait_label
from advisor.render.condition_text import INDENT, action_text, condition_lines, for_each_lines

if TYPE_CHECKING:
    from advisor.knowledge import KnowledgeBase


def render_item(kb: KnowledgeBase, item: Node | Rule | Question) -> str:
    if isinstance(item, Node):
        return _node(kb, item)
    if isinstance(item, Rule):
        return _rule(kb, item)
    return _question(kb, item)


def _node(kb: KnowledgeBase, node: Node) -> str:
    graph = kb.graph
    out = [f"{node.name}  ({node.id}, {node.kind})", node.summary, ""]
    if node.aliases:
        out.append(f"Also known as: {', '.join(node.aliases)}")
    out.append(f"Stages: {', '.join(kb.stages[s].name for s in node.stages)}")
    status = status_text(node, kb.nodes)
    out.append(f"Status: {node.status.state} — {status}")
    if node.status.note and node.status.note not in status:
        out.append(f"  {node.status.note}")
    if node.exam:
        out.append(f"Exam task statements: {', '.join(node.exam)}")
    if node.exam_note:
        out.append(f"Exam note: {node.exam_note}")
    if node.traits:
        out += ["", "Traits:"]
        for trait, value in sorted(node.traits.items()):
            out.append(f"  {trait:<24} {trait_label(kb.traits[trait], kb.scales, value)}")
    relations = graph.relations(node.id)
    incoming = {
        kind: graph.related_to(node.id, kind) for kind in ("delivers_to", "feeds", "part_of", "replaced_by")
    }
    if relations or any(incoming.values()):
        out += ["", "Relations:"]
        for kind, targets in relations.items():
            out.append(f"  {kind:<16} {', '.join(targets)}")
        for kind, sources in incoming.items():
            if sources:
                out.append(f"  {'← ' + kind:<16} {', '.join(sources)}")
    rules = graph.rules_mentioning(node.id)
    if rules:
        out += ["", "Rules that mention it:"]
        out += [f"  {rule.id}  {rule.title}" for rule in rules]
    pages = dict.fromkeys([*node.sources, *node.status.sources])  # a status often cites a node's page
    out += ["", "Sources:", *[f"  {url}" for url in pages]]
    return "\n".join(out) + "\n"


def _rule(kb: KnowledgeBase, rule: Rule) -> str:
    out = [f"{rule.id}  {rule.title}", f"Stage: {rule.stage}   Salience: {rule.salience}"]
    if rule.exam:
        out.append(f"Exam task statements: {', '.join(rule.exam)}")
    if rule.when is not None:
        out += ["", "When:", *_indented(condition_lines(kb, rule.when))]
    if rule.for_each is not None:
        out += ["", *for_each_lines(kb, rule.for_each)]
    out += ["", "Then:", *_indented([action_text(kb, action) for action in rule.then])]
    out += ["", f"Because: {rule.because}", "", "Sources:", *[f"  {url}" for url in rule.sources]]
    return "\n".join(out) + "\n"


def _question(kb: KnowledgeBase, question: Question) -> str:
    out = [f"{question.id}  ({question.type}, stage {question.stage})", question.text]
    if question.help:
        out.append(question.help)
    if question.asks_when is not None:
        out += ["", "Asked when:", *_indented(condition_lines(kb, question.asks_when))]
    values = [(c.id, c.label) for c in question.choices or []]
    if question.scale:
        values = [(v.id, v.label) for v in kb.scales[question.scale].values]
    if values:
        out += ["", "Answers:", *[f"  {value_id:<20} {label}" for value_id, label in values]]
    if question.unit:
        units = accepted_units(question)
        out.append(f"Unit: {question.unit}" + (f" (accepted: {', '.join(units)})" if len(units) > 1 else ""))
    if question.assume is not None:
        out.append(f"If skipped, assumes {question.assume!r}: {question.assume_because}")
    readers = kb.compiled.readers(question.id)
    if readers:
        out += ["", f"Read by rules: {', '.join(sorted(readers))}"]
    return "\n".join(out) + "\n"


def _indented(lines: list[str]) -> list[str]:
    return [INDENT + line for line in lines]
