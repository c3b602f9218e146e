"""`advisor` and `advisor tui`: the terminal app."""

from __future__ import annotations

import argparse
from typing import Any

from advisor.cli.options import add_lens, path_argument


def register(commands: Any) -> None:
    tui = commands.add_parser("tui", help="open the interactive terminal app (the default)")
    tui.add_argument("answers", nargs="?", type=path_argument, help="answers file to open")
    add_lens(tui)
    tui.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from advisor.tui import run_tui

    return run_tui(args.rules, args.answers, args.lens, debug=args.debug)
