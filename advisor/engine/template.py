"""Render `because` and `warn` templates with the actual values (no eval, no attribute access)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from advisor.models import Node
from advisor.values import trait_label

if TYPE_CHECKING:
    from advisor.knowledge import KnowledgeBase

_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")


def render(text: str, kb: KnowledgeBase, facts: Mapping[str, Any], node: Node | None) -> str:
    """Replace {fact.F}, {node}, {node.name}, {node.id}, {node.successor} and {node.TRAIT}."""

    def replace(match: re.Match[str]) -> str:
        head, _, tail = match.group(1).partition(".")
        if head == "fact":
            return kb.value_label(tail, facts.get(tail))
        if node is None:
            return match.group(0)
        if tail in ("", "name"):
            return node.name
        if tail == "id":
            return node.id
        if tail == "successor":
            successor = node.status.successor
            return kb.nodes[successor].name if successor else "none"
        if tail not in node.traits:
            return "unknown"
        return trait_label(kb.traits[tail], kb.scales, node.traits[tail])

    return _PLACEHOLDER.sub(replace, text)
