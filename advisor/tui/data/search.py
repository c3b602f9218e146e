"""Fuzzy search over the knowledge: nodes (by id, name, alias), rules and questions."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.fuzzy import Matcher

from advisor.tui.data.views import Entry

if TYPE_CHECKING:
    from advisor.knowledge import KnowledgeBase

KIND_ORDER = {"node": 0, "rule": 1, "question": 2}


def knowledge_entries(kb: KnowledgeBase) -> tuple[Entry, ...]:
    """Every node, rule and question, in that order (each in knowledge order)."""
    nodes = [Entry("node", n.id, n.name, " ".join([n.id, n.name, *n.aliases])) for n in kb.nodes.values()]
    rules = [Entry("rule", r.id, f"{r.id}  {r.title}", f"{r.id} {r.title}") for r in kb.rules.values()]
    questions = [Entry("question", q.id, q.text, f"{q.id} {q.text}") for q in kb.questions.values()]
    return (*nodes, *rules, *questions)


def search(entries: tuple[Entry, ...], query: str) -> tuple[Entry, ...]:
    """Entries matching `query`, all when it is empty.

    Entries that contain the query as typed (ignoring case) come first, nodes before rules
    before questions; then the other fuzzy matches, best first; ties by id.
    """
    wanted = query.strip()
    if not wanted:
        return entries
    matcher = Matcher(wanted)
    folded = wanted.casefold()
    hits = []
    for entry in entries:
        score = matcher.match(entry.haystack)
        if score > 0:
            exact = folded in entry.haystack.casefold()
            hits.append(((not exact, KIND_ORDER[entry.kind] if exact else 0, -score, entry.id), entry))
    return tuple(entry for _, entry in sorted(hits, key=lambda hit: hit[0]))
