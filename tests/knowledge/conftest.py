"""Shared fixtures of the knowledge tests: one engine over the shipped knowledge."""

from __future__ import annotations

import pytest

from advisor.engine.engine import Engine
from advisor.knowledge import KnowledgeBase


@pytest.fixture(scope="session")
def engine(kb: KnowledgeBase) -> Engine:
    return Engine(kb)
