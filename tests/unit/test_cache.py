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

    def no_compiling(_: object) -> None:
        raise AssertionError("rules were compiled although the cache holds the tables")

    monkeypatch.setattr(loader, "read_knowledge", no_yaml)
    monkeypatch.setattr("advisor.knowledge.knowledge_base.read_knowledge", no_yaml)
    monkeypatch.setattr("advisor.engine.compile.compile_rules", no_compiling)
    second = load_knowledge(root)
    assert second.document == first.document
    assert second.compiled == first.compiled


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
    for entry in cache.glob("*.pickle"):
        entry.write_bytes(b"\x80\x05not a pickle")
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
    assert not list(cache.glob("*.pickle"))


@pytest.fixture
def cached(
    kb_with: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> tuple[Path, Path]:
    """A knowledge folder loaded once, and its cache file."""
    cache = tmp_path / "cache"
    monkeypatch.setenv("ADVISOR_CACHE_DIR", str(cache))
    root = kb_with()
    load_knowledge(root)
    (entry,) = cache.glob("*.pickle")
    return root, entry


def _loads_from_yaml(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Loading `root` reads its YAML (the cache file is not used) and gives its knowledge."""
    reads: list[Path] = []
    real = loader.read_knowledge

    def counted(folder: Path) -> object:
        reads.append(folder)
        return real(folder)

    monkeypatch.setattr("advisor.knowledge.knowledge_base.read_knowledge", counted)
    assert load_knowledge(root).nodes["lake"].name == "Lake"
    assert reads == [root], "the cache file was loaded instead of the YAML"


def test_a_cache_file_others_may_write_is_not_trusted(
    cached: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    root, entry = cached
    entry.chmod(0o666)
    _loads_from_yaml(root, monkeypatch)


def test_a_cache_that_would_build_anything_else_is_refused(
    cached: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import hashlib
    import pickle

    root, entry = cached
    marker = tmp_path / "ran"
    payload = pickle.dumps(_Payload(str(marker)))  # behind a correct digest: the unpickler must refuse it
    entry.write_bytes(hashlib.sha256(payload).digest() + payload)
    _loads_from_yaml(root, monkeypatch)
    assert not marker.exists()


class _Payload:
    """Unpickling this would run `os.mkdir(path)`; a trusted cache refuses the global."""

    def __init__(self, path: str):
        self.path = path

    def __reduce__(self) -> tuple[object, tuple[str]]:
        import os

        return os.mkdir, (self.path,)
