"""Render `because` and `warn` templates with the actual values (no eval, no attribute access)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING, Any

from advisor.knowledge.models import Node
from advisor.knowledge.values import trait_label

if TYPE_CHECKING:
    from advisor.knowledge import KnowledgeBase

_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")

Part = tuple[str, str]
"""("text", literal) or ("fact" / "node", the name after the dot)."""


@cache
def parse(text: str) -> tuple[Part, ...]:
    """Split a template once into literal text and placeholders."""
    parts: list[Part] = []
    position = 0
    for match in _PLACEHOLDER.finditer(text):
        if match.start() > position:
            parts.append(("text", text[position : match.start()]))
        head, _, tail = match.group(1).partition(".")
        parts.append((head, tail) if head in ("fact", "node") else ("text", match.group(0)))
        position = match.end()
    if position < len(text):
        parts.append(("text", text[position:]))
    return tuple(parts)


def render(text: str, kb: KnowledgeBase, facts: Mapping[str, Any], node: Node | None) -> str:
    """Replace {fact.F}, {node}, {node.name}, {node.id}, {node.successor} and {node.TRAIT}."""
    out = []
    for kind, name in parse(text):
        if kind == "text":
            out.append(name)
        elif kind == "fact":
            out.append(kb.value_label(name, facts.get(name)))
        else:
            out.append(_node_value(kb, node, name))
    return "".join(out)


def _node_value(kb: KnowledgeBase, node: Node | None, name: str) -> str:
    if node is None:
        return f"{{node.{name}}}" if name else "{node}"
    if name in ("", "name"):
        return node.name
    if name == "id":
        return node.id
    if name == "successor":
        successor = node.status.successor
        return kb.nodes[successor].name if successor else "none"
    if name not in node.traits:
        return "unknown"
    return trait_label(kb.traits[name], kb.scales, node.traits[name])
