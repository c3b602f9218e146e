"""Shared fixtures: the shipped knowledge, a small fixture knowledge base, and a way to
write a knowledge folder with one file changed."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from advisor.engine.engine import Engine
from advisor.knowledge import KnowledgeBase, load_knowledge

from fixtures_path import CHECK, FIXTURE_KB, FIXTURES


@pytest.fixture(autouse=True)
def _private_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Never touch the user's cache from tests."""
    monkeypatch.setenv("ADVISOR_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "cache"))


@pytest.fixture(autouse=True)
def _private_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Practice progress goes to a fresh folder per test, never the user's data folder."""
    folder = tmp_path / "data"
    monkeypatch.setenv("ADVISOR_DATA_DIR", str(folder))
    return folder


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    """The shipped knowledge."""
    return load_knowledge(use_cache=False)


@pytest.fixture(scope="session")
def fixture_kb() -> KnowledgeBase:
    return load_knowledge(FIXTURE_KB, use_cache=False)


@pytest.fixture(scope="session")
def fixture_engine(fixture_kb: KnowledgeBase) -> Engine:
    return Engine(fixture_kb)


@pytest.fixture(scope="session")
def check_kb(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeBase:
    """The fixture knowledge plus decisions within stages and diagnoses (kb_decisions) and
    CloudFormation mappings (check/cloudformation.yaml): what design checks are tested on."""
    root = tmp_path_factory.mktemp("check_kb")
    shutil.copytree(FIXTURE_KB, root, dirs_exist_ok=True)
    shutil.copy(FIXTURES / "kb_decisions" / "decisions.yaml", root / "decisions.yaml")
    shutil.copy(CHECK / "cloudformation.yaml", root / "cloudformation.yaml")
    return load_knowledge(root, use_cache=False)


@pytest.fixture
def kb_with(tmp_path: Path) -> Callable[..., Path]:
    """Copy the fixture knowledge to a temp folder and write `files` (name -> text) into it."""

    def make(**files: str) -> Path:
        root = tmp_path / "kb"
        shutil.copytree(FIXTURE_KB, root)
        for name, text in files.items():
            (root / f"{name}.yaml").write_text(text, encoding="utf-8")
        return root

    return make
