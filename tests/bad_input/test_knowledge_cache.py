"""A damaged knowledge cache: whatever is in the cache file (random bytes, a truncated or
bit-flipped pickle, a pickle of something else), loading gives the same knowledge as the YAML,
never raises and never builds anything but the advisor's own classes."""

from __future__ import annotations

import pickle
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from advisor.knowledge import load_knowledge

from fixtures_path import FIXTURE_KB
from fuzz_contract import environment


def _cached_entry(cache: Path) -> Path:
    (entry,) = cache.glob("*.pickle")
    return entry


@pytest.fixture(scope="module")
def rules() -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "kb"
        shutil.copytree(FIXTURE_KB, root)
        yield root


@pytest.fixture(scope="module")
def original(rules: Path) -> bytes:
    with tempfile.TemporaryDirectory() as folder, environment(ADVISOR_CACHE_DIR=folder):
        load_knowledge(rules)
        return _cached_entry(Path(folder)).read_bytes()


def damaged(original: bytes) -> st.SearchStrategy[bytes]:
    flipped = st.tuples(
        st.lists(st.tuples(st.integers(0, len(original) - 1), st.integers(1, 255)), min_size=1, max_size=8)
    ).map(lambda changes: _flip(original, changes[0]))
    return st.one_of(
        st.binary(max_size=2_000),
        st.integers(0, len(original) - 1).map(lambda end: original[:end]),
        flipped,
        st.sampled_from([pickle.dumps(("not", "knowledge")), pickle.dumps({"rules": []}), b""]),
    )


def _flip(data: bytes, changes: list[tuple[int, int]]) -> bytes:
    out = bytearray(data)
    for at, mask in changes:
        out[at] ^= mask
    return bytes(out)


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_a_damaged_cache_costs_only_speed(rules: Path, original: bytes, data: st.DataObject) -> None:
    content = data.draw(damaged(original))
    expected = load_knowledge(rules, use_cache=False)
    with tempfile.TemporaryDirectory() as folder, environment(ADVISOR_CACHE_DIR=folder):
        entry = Path(folder) / _name_of(rules)
        entry.write_bytes(content)
        entry.chmod(0o600)
        loaded = load_knowledge(rules)
    assert loaded.document == expected.document
    assert loaded.compiled == expected.compiled


def _name_of(rules: Path) -> str:
    """The cache file name the loader looks for (the content key of the rules folder)."""
    from advisor.knowledge import cache, loader

    return cache.content_key(loader.knowledge_files(rules), rules) + cache.SUFFIX
