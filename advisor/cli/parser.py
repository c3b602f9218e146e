"""The argument parser: global options, then each command group's own `register`."""

from __future__ import annotations

import argparse
from typing import NoReturn

from advisor.cli import ask, check, diff, kb, practice, recommend, serve, tui
from advisor.cli.options import path_argument

USAGE_EXIT = 1
COMMAND_GROUPS = (recommend, check, diff, ask, practice, tui, serve, kb)
"""Modules with `register(commands)`; each sets `run` on the parsers it adds."""


class Parser(argparse.ArgumentParser):
    """argparse, but usage errors are one line and exit with 1."""

    def error(self, message: str) -> NoReturn:
        self.exit(USAGE_EXIT, f"{self.prog}: {message} (see '{self.prog} --help')\n")


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="advisor",
        description="Explainable recommendations of AWS services and SageMaker algorithms for ML problems.",
        epilog="Exit codes: 0 ok, 1 usage problem or unknown id, 2 bad input (one-line message), "
        "3 'advisor check' found problems, 70 internal error.",
    )
    parser.add_argument(
        "--rules", type=path_argument, metavar="DIR", help="knowledge folder (default: the shipped rules)"
    )
    parser.add_argument("--debug", action="store_true", help="show the full traceback of an internal error")
    parser.set_defaults(run=tui.run, answers=None, lens=None)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    for group in COMMAND_GROUPS:
        group.register(commands)
    return parser
