"""`advisor serve`: the terminal app in a web browser, through textual-serve.

Each browser tab gets its own `python -m advisor tui` process (the same installed app). The
server listens on 127.0.0.1 unless `--host` says otherwise, and its page asks no other host.
"""

from __future__ import annotations

import argparse
import re
import sys
from typing import TYPE_CHECKING, Any

from advisor.cli.options import add_lens, path_argument

if TYPE_CHECKING:
    from pathlib import Path


DEFAULT_HOST, DEFAULT_PORT = "127.0.0.1", 8000
EXIT_CANNOT_LISTEN = 1
WEB_FONT_LINK = re.compile(r"<link[^>]*fonts\.googleapis\.com[^>]*>", re.DOTALL)
LOCAL_FONT = (
    '<style>@font-face { font-family: "Roboto Mono"; '
    'src: url("{static}fonts/RobotoMono-VariableFont_wght.ttf") format("truetype"); }</style>'
)


def register(commands: Any) -> None:
    serve = commands.add_parser(
        "serve",
        help="serve the terminal app to a web browser (on 127.0.0.1 unless --host says otherwise)",
    )
    serve.add_argument("answers", nargs="?", type=path_argument, help="answers file every session opens")
    add_lens(serve)
    serve.add_argument(
        "--host",
        default=DEFAULT_HOST,
        help=f"address to listen on (default {DEFAULT_HOST}; another address lets other machines in)",
    )
    serve.add_argument("--port", type=port_number, default=DEFAULT_PORT, help=f"default {DEFAULT_PORT}")
    serve.set_defaults(run=run)


def port_number(text: str) -> int:
    if not (text.isascii() and text.isdigit()) or not 1 <= int(text) <= 65535:
        raise argparse.ArgumentTypeError(f"'{text}' is not a port number (1-65535)")
    return int(text)


def run(args: argparse.Namespace) -> int:
    from advisor.knowledge import load_knowledge
    from advisor.knowledge.answers import read_answers

    kb = load_knowledge(args.rules)  # bad knowledge or answers: one line here, not in the browser
    if args.answers is not None:
        read_answers(kb, args.answers)
    if not is_loopback(args.host):
        print(
            f"advisor: warning: listening on {args.host}: anyone who can reach this address can use "
            "the app (and read the answers files it opens)",
            file=sys.stderr,
        )
    server = local_server(app_command(args.rules, args.answers, args.lens), args.host, args.port)
    try:
        server.serve()
    except OSError as error:
        print(
            f"advisor: cannot listen on {args.host}:{args.port}: {error.strerror or error}", file=sys.stderr
        )
        return EXIT_CANNOT_LISTEN
    return 0


def is_loopback(host: str) -> bool:
    import ipaddress

    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def app_command(rules: Path | None, answers: Path | None, lens: str | None) -> str:
    """The shell command textual-serve runs per session: this installed app's `advisor tui`."""
    import shlex

    argv = [sys.executable, "-m", "advisor"]
    if rules is not None:
        argv += ["--rules", str(rules.resolve())]
    argv.append("tui")
    if answers is not None:
        argv.append(str(answers.resolve()))
    if lens is not None:
        argv += ["--lens", lens]
    return shlex.join(argv)


def local_page(html: str, static_url: str) -> str:
    """textual-serve's page with its Google Fonts link replaced by the copy of the same font that
    textual-serve serves itself, so the browser asks no other host."""
    return WEB_FONT_LINK.sub(lambda _: LOCAL_FONT.replace("{static}", static_url), html)


def local_server(command: str, host: str, port: int) -> Any:
    from advisor.cli.web_server import LocalServer  # textual-serve is imported only to serve

    return LocalServer(command, host=host, port=port, title="AWS ML Advisor")
