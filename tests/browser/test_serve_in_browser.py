"""`advisor serve` in a browser: the home screen of the terminal app, served from this machine only."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pyte
import pytest

from browsing import Visit

HOME_TEXT = ["AWS ML Advisor", "New interview", "Open an answers file", "Knowledge browser"]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_for_port(port: int, server: subprocess.Popen[str], timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert server.poll() is None, f"advisor serve exited: {server.communicate()}"
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    pytest.fail(f"advisor serve did not listen on port {port} within {timeout} s")


@pytest.fixture
def served(advisor_script: Path, outside: Path, tmp_path: Path) -> Iterator[str]:
    """`advisor serve` on a free local port; its URL. Stopped with Ctrl+C (SIGINT) afterwards."""
    port = free_port()
    env = {**os.environ, "ADVISOR_CACHE_DIR": str(tmp_path / "cache")}
    server = subprocess.Popen(
        [str(advisor_script), "serve", "--port", str(port)],
        cwd=outside,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        wait_for_port(port, server)
        yield f"http://127.0.0.1:{port}/"
    finally:
        server.send_signal(signal.SIGINT)
        try:
            _, errors = server.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            raise
    assert server.returncode == 0, errors
    assert "Traceback" not in errors, errors


class Terminal:
    """What the browser's terminal shows: the bytes its websocket received, replayed into a
    screen of the size the page asked for (xterm.js draws on a canvas, so the DOM has no text)."""

    def __init__(self, visit: Visit) -> None:
        self.frames: list[bytes] = []
        self.size = (80, 24)
        visit.page.on("websocket", self._watch)

    def _watch(self, socket: object) -> None:
        query = parse_qs(urlparse(socket.url).query)  # type: ignore[attr-defined]
        self.size = (int(query["width"][0]), int(query["height"][0]))
        socket.on("framereceived", self._received)  # type: ignore[attr-defined]

    def _received(self, payload: str | bytes) -> None:
        if isinstance(payload, bytes):
            self.frames.append(payload)

    def lines(self) -> list[str]:
        screen = pyte.Screen(*self.size)
        stream = pyte.ByteStream(screen)
        for frame in list(self.frames):
            stream.feed(frame)
        return [line.rstrip() for line in screen.display]


def test_served_app_shows_the_home_screen(served: str, visit: Visit, artefacts: Path) -> None:
    terminal = Terminal(visit)
    page = visit.page
    page.goto(served)
    page.wait_for_selector("body.-first-byte", timeout=30_000)
    deadline = time.monotonic() + 30
    while not all(any(text in line for line in terminal.lines()) for text in HOME_TEXT):
        assert time.monotonic() < deadline, "\n".join(terminal.lines())
        page.wait_for_timeout(200)
    page.wait_for_timeout(500)  # let the canvas paint what the terminal received
    page.screenshot(path=str(artefacts / "serve-home.png"))
    assert page.locator(".xterm-screen").is_visible()
    assert visit.requests[0] == served
    assert any(url.startswith(served.replace("http", "ws")) for url in visit.requests)
    assert visit.outside_requests() == []
    page.close()
