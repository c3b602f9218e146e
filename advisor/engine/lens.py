"""The two lenses: `exam` takes every node as the exam guide does; `current` only what a new
customer can use today, with the successor of a closed or retired node standing in for it."""

from __future__ import annotations

from collections.abc import Mapping

from advisor.engine.result import Exclusion, Support
from advisor.knowledge.models import Node


def successor_of(node: Node, nodes: Mapping[str, Node]) -> Node | None:
    """The first available node along the successor chain, if any."""
    seen = {node.id}
    current = node
    while current.status.successor and current.status.successor not in seen:
        current = nodes[current.status.successor]
        if current.status.available:
            return current
        seen.add(current.id)
    return None


def status_text(node: Node, nodes: Mapping[str, Node]) -> str:
    """One sentence on the node's status, e.g. for a badge's explanation."""
    status = node.status
    since = f" since {status.since.isoformat()}" if status.since else ""
    if status.state == "active":
        return f"{node.name} is available to new customers."
    if status.state == "renamed":
        return f"{node.name} was renamed{since} (formerly {', '.join(status.former_names)})."
    state = "is closed to new customers" if status.state == "closed_to_new_customers" else "is retired"
    successor = successor_of(node, nodes)
    instead = f"; new customers use {successor.name} instead" if successor else ""
    note = f" {status.note}" if status.note and not successor else ""
    return f"{node.name} {state}{since}{instead}.{note}"


def apply_current_lens(
    candidates: dict[str, list[Support]], excluded: set[str], nodes: Mapping[str, Node]
) -> tuple[list[Exclusion], dict[str, list[str]]]:
    """Move unavailable candidates to exclusions, handing their support to their successor.

    Mutates `candidates` (never the support lists in it); returns the lens exclusions and, per
    successor, whom it stands in for.
    """
    exclusions: list[Exclusion] = []
    stands_in: dict[str, list[str]] = {}
    for node_id in sorted(candidates):
        node = nodes[node_id]
        if node.status.available:
            continue
        supports = candidates.pop(node_id)
        exclusions.append(
            Exclusion(
                node=node_id,
                name=node.name,
                stated=(status_text(node, nodes),),
                by_lens=True,
                sources=tuple(node.status.sources),
            )
        )
        successor = successor_of(node, nodes)
        if successor is None or successor.id in excluded:
            continue
        inherited = [Support(s.firing, s.weight, via=node_id) for s in supports]
        candidates[successor.id] = [*candidates.get(successor.id, ()), *inherited]
        stands_in.setdefault(successor.id, []).append(node_id)
    return exclusions, stands_in
