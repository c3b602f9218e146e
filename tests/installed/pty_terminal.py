"""A real terminal for the installed app: a pseudo-terminal (pexpect) whose output is drawn on a
virtual screen (pyte), so tests read what a person would see and type what they would type."""

from __future__ import annotations

import time
from collections.abc import Mapping
from pathlib import Path

import pexpect
import pyte

KEYS = {"enter": "\r", "escape": "\x1b", "ctrl+q": "\x11", "tab": "\t", "down": "\x1b[B", "up": "\x1b[A"}


class Terminal:
    """One program running in a `columns` x `lines` terminal."""

    def __init__(
        self, argv: list[str], cwd: Path, env: Mapping[str, str], columns: int = 80, lines: int = 24
    ) -> None:
        self.screen = pyte.Screen(columns, lines)
        self.stream = pyte.ByteStream(self.screen)
        self.process = pexpect.spawn(
            argv[0], argv[1:], cwd=str(cwd), env=dict(env), dimensions=(lines, columns), timeout=None
        )

    def text(self) -> str:
        """The screen as it looks now, one line per row."""
        self._drain(0.05)
        return "\n".join(self.screen.display)

    def wait_for(self, wanted: str, timeout: float = 30) -> str:
        """Read output until `wanted` is on the screen; the screen, or AssertionError."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            self._drain(0.1)
            shown = "\n".join(self.screen.display)
            if wanted in shown:
                return shown
            if not self.process.isalive():
                break
        raise AssertionError(f"{wanted!r} not on screen:\n" + "\n".join(self.screen.display))

    def press(self, *keys: str, pause: float = 0.3) -> None:
        """Type keys (`enter`, `escape`, `ctrl+q`, … or plain text), pausing after each."""
        for key in keys:
            self.process.send(KEYS.get(key, key))
            self._drain(pause)

    def exit_status(self, timeout: float = 30) -> int | None:
        """Wait for the program to end; its exit status (None if it had to be killed)."""
        deadline = time.monotonic() + timeout
        while self.process.isalive() and time.monotonic() < deadline:
            self._drain(0.1)
        if self.process.isalive():
            self.process.terminate(force=True)
            return None
        self._drain(0.2)  # what it printed last
        self.process.close()
        return self.process.exitstatus

    def _drain(self, wait: float) -> None:
        if self.process.closed:
            return
        end = time.monotonic() + wait
        while True:
            try:
                chunk = self.process.read_nonblocking(65536, timeout=max(0.0, end - time.monotonic()))
            except pexpect.TIMEOUT:
                return
            except pexpect.EOF:
                return
            self.stream.feed(chunk)
            if time.monotonic() >= end:
                return
