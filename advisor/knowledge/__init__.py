"""The knowledge pipeline: safe YAML reading, values, the schema, loading, cross-checks,
the cache and the graph. `load_knowledge` is the way in.

The names are imported on first use, so that a leaf module (spelling, values) or `--help`
does not pay for the schema and the loader."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from advisor.knowledge.knowledge_base import KnowledgeBase, load_knowledge

__all__ = ["KnowledgeBase", "load_knowledge"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from advisor.knowledge import knowledge_base

        return getattr(knowledge_base, name)
    raise AttributeError(f"module 'advisor.knowledge' has no attribute {name!r}")
