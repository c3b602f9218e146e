"""The knowledge pipeline: safe YAML reading, values, the schema, loading, cross-checks,
the cache and the graph. `load_knowledge` is the way in."""

from advisor.knowledge.knowledge_base import KnowledgeBase, load_knowledge

__all__ = ["KnowledgeBase", "load_knowledge"]
