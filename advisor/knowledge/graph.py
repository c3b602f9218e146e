"""The knowledge graph (networkx): nodes, typed relations, and the queries faces need."""

from __future__ import annotations

from typing import TYPE_CHECKING

import networkx as nx

from advisor.engine.lens import successor_of
from advisor.knowledge.models import (
    Condition,
    Exclude,
    Node,
    Recommend,
    RelationTest,
    Rule,
)
from advisor.knowledge.models.condition import leaves

if TYPE_CHECKING:
    from advisor.knowledge import KnowledgeBase


class KnowledgeGraph:
    """A directed multigraph: an edge per relation, typed by its `type` attribute."""

    def __init__(self, kb: KnowledgeBase):
        self.kb = kb
        self.graph: nx.MultiDiGraph[str] = nx.MultiDiGraph()
        for node in kb.nodes.values():
            self.graph.add_node(node.id)
        for node in kb.nodes.values():
            for relation, targets in node.relations.items():
                for target in targets:
                    self.graph.add_edge(node.id, target, key=relation, type=relation)
            if node.status.successor:
                self.graph.add_edge(node.id, node.status.successor, key="replaced_by", type="replaced_by")

    def related(self, node_id: str, relation: str) -> list[str]:
        """Nodes this node points to with the given relation, sorted."""
        return sorted(t for _, t, kind in self.graph.out_edges(node_id, keys=True) if kind == relation)

    def related_to(self, node_id: str, relation: str) -> list[str]:
        """Nodes that point at this node with the given relation, sorted."""
        return sorted(s for s, _, kind in self.graph.in_edges(node_id, keys=True) if kind == relation)

    def relations(self, node_id: str) -> dict[str, list[str]]:
        """Outgoing relations of a node, by type."""
        found: dict[str, list[str]] = {}
        for _, target, kind in sorted(self.graph.out_edges(node_id, keys=True)):
            found.setdefault(kind, []).append(target)
        return found

    def alternatives(self, node_id: str) -> list[str]:
        """Nodes declared alternatives of this one, in either direction."""
        return sorted({*self.related(node_id, "alternative_to"), *self.related_to(node_id, "alternative_to")})

    def successor(self, node_id: str) -> Node | None:
        """What a new customer uses instead of a closed or retired node."""
        return successor_of(self.kb.nodes[node_id], self.kb.nodes)

    def pipeline_path(self, source: str, target: str) -> list[str] | None:
        """The shortest chain of delivers_to / feeds / reads_from edges from source to target."""
        flow: nx.DiGraph[str] = nx.DiGraph()
        for a, b, kind in self.graph.edges(keys=True):
            if kind in ("delivers_to", "feeds"):
                flow.add_edge(a, b)
            elif kind == "reads_from":
                flow.add_edge(b, a)
        try:
            return list(nx.shortest_path(flow, source, target))
        except (nx.NetworkXNoPath, nx.NodeNotFound):
            return None

    def rules_mentioning(self, node_id: str) -> list[Rule]:
        """Rules that name the node in an action or a relation test, or range over it."""
        mentioning = []
        tables = self.kb.compiled
        for position, rule_id in enumerate(tables.ids):
            rule = self.kb.rules[rule_id]
            targets = {
                a.recommend if isinstance(a, Recommend) else a.exclude
                for a in rule.then
                if isinstance(a, Recommend | Exclude)
            }
            ranged = node_id in (tables.nodes[position] or ())
            where = rule.for_each.where if rule.for_each else None
            if node_id in targets or ranged or node_id in _relation_targets(where):
                mentioning.append(rule)
        return sorted(mentioning, key=lambda r: r.id)


def _relation_targets(condition: Condition | None) -> set[str]:
    """Nodes named by relation tests anywhere in a condition."""
    return {test.to for test in leaves(condition) if isinstance(test, RelationTest)}
