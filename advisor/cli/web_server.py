"""The textual-serve server behind `advisor serve` (imported only when serving: it is slow)."""

from __future__ import annotations

import asyncio
from typing import Any

from aiohttp import web
from textual_serve import server as textual_serve_server
from textual_serve.app_service import AppService
from textual_serve.server import Server

from advisor.cli.serve import local_page

SESSION_QUIT_SECONDS = 10
"""How long a stopping server waits for each open tab's app process to quit."""


class ReapedAppService(AppService):
    """textual-serve's session, whose `stop` returns once the app process has exited.

    textual-serve's own `stop` returns when the app closes its output, before asyncio has
    reaped the process. If the server stops just then, its loop closes first, and the
    process's pipes, collected later, print "Exception ignored ... Event loop is closed" and a
    traceback on the way out."""

    async def stop(self) -> None:
        await super().stop()
        process = self._process
        if process is None:
            return
        if process.stdin is not None:
            process.stdin.close()
        try:
            await asyncio.wait_for(process.wait(), SESSION_QUIT_SECONDS)
        except TimeoutError:
            process.kill()
            await process.wait()


class LocalServer(Server):
    """textual-serve's server with a page that asks no other host, and sessions that end
    (their app process quits and is reaped) when the server stops, even while a tab is open."""

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.sessions: set[asyncio.Task[Any]] = set()
        # textual-serve builds each session by this module-level name
        textual_serve_server.AppService = ReapedAppService  # type: ignore[attr-defined]

    async def handle_index(self, request: web.Request) -> web.StreamResponse:
        response = await super().handle_index(request)
        if isinstance(response, web.Response) and response.text is not None:
            response.text = local_page(response.text, f"{self.public_url}/static/")
        return response

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        task = asyncio.current_task()
        assert task is not None
        self.sessions.add(task)
        try:
            return await super().handle_websocket(request)
        finally:
            self.sessions.discard(task)

    async def on_shutdown(self, app: web.Application) -> None:
        """Cancel every open session and wait for it: its clean-up stops its app process,
        which must happen while the loop still runs."""
        sessions = list(self.sessions)
        for task in sessions:
            task.cancel()
        if sessions:
            await asyncio.wait(sessions, timeout=2 * SESSION_QUIT_SECONDS)
