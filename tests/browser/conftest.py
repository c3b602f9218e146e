"""Tests in a real browser: Debian's Chromium (never a browser Playwright downloads) driven by
Playwright, against the installed console script run from a folder outside the checkout.

Without /usr/bin/chromium the tests skip with the reason; with ADVISOR_REQUIRE_BROWSER=1 (CI)
they fail instead. Screenshots go to build/browser/ (or $ADVISOR_BROWSER_ARTEFACTS).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from browsing import Visit
from installed.conftest import REPO, advisor, advisor_script, outside

if TYPE_CHECKING:
    from playwright.sync_api import Browser

__all__ = ["advisor", "advisor_script", "outside"]

CHROMIUM = Path(os.environ.get("ADVISOR_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """A headless Chromium per test module: while Playwright runs, its event loop counts as
    running, so it must be stopped before other tests call asyncio.run (pytest's "package"
    scope lasts the whole session for a folder without __init__.py)."""
    if not CHROMIUM.is_file():
        reason = f"no Chromium at {CHROMIUM}: install Debian's 'chromium' package to run the browser tests"
        if os.environ.get("ADVISOR_REQUIRE_BROWSER"):
            pytest.fail(reason)
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def visit(browser: Browser) -> Iterator[Visit]:
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    seen = Visit(page)
    page.on("request", lambda request: seen.requests.append(request.url))
    page.on("websocket", lambda socket: seen.requests.append(socket.url))
    page.on("dialog", lambda dialog: (seen.dialogs.append(dialog.message), dialog.dismiss()))
    yield seen
    context.close()


@pytest.fixture(scope="session")
def artefacts() -> Path:
    """Where screenshots are kept for people to look at (a CI artefact)."""
    folder = Path(os.environ.get("ADVISOR_BROWSER_ARTEFACTS", REPO / "build" / "browser"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder
