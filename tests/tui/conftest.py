"""TUI fixtures: the app over the fixture knowledge; async tests; exports into a temp folder."""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Callable
from pathlib import Path

import pytest

from advisor.knowledge import KnowledgeBase, load_knowledge
from advisor.tui import AdvisorApp, make_app

LONG_KNOWLEDGE = Path(__file__).parent / "long_knowledge.yaml"
"""Added to the fixture knowledge for layout tests: 25 choices, a long help text, a long name."""


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem: pytest.Function) -> bool | None:
    """Run `async def` tests (Pilot tests) in a fresh event loop; no async plugin needed."""
    if not inspect.iscoroutinefunction(pyfuncitem.obj):
        return None
    names = pyfuncitem._fixtureinfo.argnames
    asyncio.run(pyfuncitem.obj(**{name: pyfuncitem.funcargs[name] for name in names}))
    return True


@pytest.fixture
def app(fixture_kb: KnowledgeBase) -> AdvisorApp:
    """The app on the fixture knowledge, on its home screen."""
    return make_app(fixture_kb)


@pytest.fixture
def app_with(fixture_kb: KnowledgeBase) -> Callable[..., AdvisorApp]:
    """Build the app on the fixture knowledge with an answers file and lens."""

    def build(answers: Path | None = None, lens: str | None = "exam") -> AdvisorApp:
        return make_app(fixture_kb, answers, lens)

    return build


@pytest.fixture
def long_app(kb_with: Callable[..., Path]) -> Callable[..., AdvisorApp]:
    """Build the app on the fixture knowledge plus long_knowledge.yaml (`replace` edits its text)."""

    def build(lens: str | None = "exam", replace: tuple[str, str] = ("", "")) -> AdvisorApp:
        text = LONG_KNOWLEDGE.read_text(encoding="utf-8").replace(*replace)
        return make_app(load_knowledge(kb_with(long=text), use_cache=False), None, lens)

    return build


@pytest.fixture(autouse=True)
def _work_in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Exports go to the default file names in the working directory: make it a temp one."""
    monkeypatch.chdir(tmp_path)
