"""The knowledge cache: used when files are unchanged, ignored when stale or broken."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from advisor.knowledge import load_knowledge, loader


def test_second_load_comes_from_the_cache(
    kb_with: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ADVISOR_CACHE_DIR", str(tmp_path / "cache"))
    root = kb_with()
    first = load_knowledge(root)

    def no_yaml(_: Path) -> None:
        raise AssertionError("YAML was read although the cache is fresh")

    monkeypatch.setattr(loader, "read_knowledge", no_yaml)
    monkeypatch.setattr("advisor.knowledge.knowledge_base.read_knowledge", no_yaml)
    second = load_knowledge(root)
    assert second.document == first.document


def test_a_changed_file_is_read_again(
    kb_with: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ADVISOR_CACHE_DIR", str(tmp_path / "cache"))
    root = kb_with()
    load_knowledge(root)
    graph = root / "graph.yaml"
    graph.write_text(graph.read_text().replace("name: Lake,", "name: Data Lake,"))
    assert load_knowledge(root).nodes["lake"].name == "Data Lake"


def test_a_broken_cache_is_ignored(
    kb_with: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    monkeypatch.setenv("ADVISOR_CACHE_DIR", str(cache))
    root = kb_with()
    load_knowledge(root)
    for entry in cache.glob("*.json"):
        entry.write_text("{not json")
    assert load_knowledge(root).nodes["lake"].name == "Lake"


def test_invalid_knowledge_is_never_cached(
    kb_with: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from advisor.errors import KnowledgeError

    cache = tmp_path / "cache"
    monkeypatch.setenv("ADVISOR_CACHE_DIR", str(cache))
    root = kb_with(zz="nodes: [{id: x1}]\n")
    for _ in range(2):
        with pytest.raises(KnowledgeError):
            load_knowledge(root)
    assert not list(cache.glob("*.json"))
