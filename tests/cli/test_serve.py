"""`advisor serve`: the command it serves, the host it binds, a page that asks no other host."""

from __future__ import annotations

import argparse
import asyncio
import shlex
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import textual_serve
from hypothesis import example, given
from hypothesis import strategies as st

from advisor.cli import main, serve

from fixtures_path import FIXTURE_KB


def test_the_served_command_is_this_installed_app_with_quoted_paths(tmp_path: Path) -> None:
    answers = tmp_path / "my answers; rm -rf ~.yaml"
    command = serve.app_command(FIXTURE_KB, answers, "current")
    assert shlex.split(command) == [
        sys.executable,
        "-m",
        "advisor",
        "--rules",
        str(FIXTURE_KB.resolve()),
        "tui",
        str(answers.resolve()),
        "--lens",
        "current",
    ]
    assert shlex.split(serve.app_command(None, None, None)) == [sys.executable, "-m", "advisor", "tui"]


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("localhost", True),
        ("::1", True),
        ("127.8.0.1", True),
        ("0.0.0.0", False),
        ("192.168.1.20", False),
        ("example.com", False),
    ],
)
def test_loopback_hosts(host: str, loopback: bool) -> None:
    assert serve.is_loopback(host) is loopback


def test_the_page_loads_its_font_from_the_server_not_google() -> None:
    template = Path(textual_serve.__file__).parent / "templates" / "app_index.html"
    page = serve.local_page(template.read_text(encoding="utf-8"), "http://127.0.0.1:8000/static/")
    assert "fonts.googleapis.com" not in page
    assert 'src: url("http://127.0.0.1:8000/static/fonts/RobotoMono-VariableFont_wght.ttf")' in page
    font = Path(textual_serve.__file__).parent / "static" / "fonts" / "RobotoMono-VariableFont_wght.ttf"
    assert font.is_file()
    assert [url for url in page.split('"') if url.startswith(("http://", "https://"))] == [
        "http://127.0.0.1:8000/static/fonts/RobotoMono-VariableFont_wght.ttf",
        "http://www.w3.org/2000/svg",  # an XML namespace, never fetched
    ]


class FakeServer:
    served = False

    def serve(self) -> None:
        FakeServer.served = True


def test_a_non_loopback_host_is_allowed_with_a_warning(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    calls: list[tuple[Any, ...]] = []
    monkeypatch.setattr(serve, "local_server", lambda *args: calls.append(args) or FakeServer())
    assert main(["--rules", str(FIXTURE_KB), "serve", "--host", "0.0.0.0", "--port", "8123"]) == 0
    assert FakeServer.served
    assert calls[0][1:] == ("0.0.0.0", 8123)
    assert capsys.readouterr().err.startswith("advisor: warning: listening on 0.0.0.0: anyone who can reach")
    main(["--rules", str(FIXTURE_KB), "serve"])
    assert calls[1][1:] == ("127.0.0.1", 8000)
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize("port", ["0", "65536", "http"])
def test_a_bad_port_is_a_usage_error(capsys: pytest.CaptureFixture[str], port: str) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["serve", "--port", port])
    assert stop.value.code == 1
    assert f"argument --port: '{port}' is not a port number (1-65535)" in capsys.readouterr().err


def test_a_bad_answers_file_stops_before_serving(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    monkeypatch.setattr(serve, "local_server", lambda *args: pytest.fail("must not serve"))
    bad = tmp_path / "bad.yaml"
    bad.write_text("answers:\n  arrival: sideways\n", encoding="utf-8")
    assert main(["--rules", str(FIXTURE_KB), "serve", str(bad)]) == 2
    assert capsys.readouterr().err.startswith(f"{bad}:2: answers.arrival: 'sideways' is not a value")


def test_a_port_in_use_is_one_line(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = str(taken.getsockname()[1])
        done = subprocess.run(
            [sys.executable, "-m", "advisor", "--rules", str(FIXTURE_KB), "serve", "--port", port],
            capture_output=True,
            text=True,
            timeout=60,
            cwd=tmp_path,
            check=False,
        )
    assert done.returncode == 1
    assert done.stderr.splitlines()[-1].startswith(f"advisor: cannot listen on 127.0.0.1:{port}: ")
    assert "Traceback" not in done.stderr


@given(st.text(max_size=8))
@example("²")
@example("٣")
@example("08080")
def test_any_port_text_is_a_port_or_a_usage_error(text: str) -> None:
    try:
        port = serve.port_number(text)
    except argparse.ArgumentTypeError as error:
        assert str(error) == f"'{text}' is not a port number (1-65535)"
    else:
        assert 1 <= port <= 65535 and str(port) == text.lstrip("0")


def _stopped_returncode(service_class: type[Any]) -> int | None:
    """Start a session whose app closes its output at once but exits only when its input
    closes, stop it, and say whether the process had exited (and been reaped) by then."""
    from textual_serve.download_manager import DownloadManager

    async def noop(*args: Any) -> None:
        return None

    async def session() -> int | None:
        app = f"exec {shlex.quote(sys.executable)} -c 'import os, sys; os.close(1); sys.stdin.read()'"
        service = service_class(
            app, write_bytes=noop, write_str=noop, close=noop, download_manager=DownloadManager(), debug=False
        )
        await service.start(80, 24)
        await service.stop()
        process = service._process
        returncode = process.returncode
        if returncode is None:  # textual-serve's own stop: clean up after it
            process.kill()
            await process.wait()
        return returncode

    return asyncio.run(session())


def test_a_stopped_session_has_reaped_its_app_process() -> None:
    """textual-serve's `stop` returns before the app process has exited, which left its pipes to
    be collected after the server's loop had closed (a traceback on Ctrl+C)."""
    from textual_serve.app_service import AppService

    from advisor.cli.web_server import ReapedAppService

    assert _stopped_returncode(AppService) is None  # the race this guards against
    assert _stopped_returncode(ReapedAppService) == 0
